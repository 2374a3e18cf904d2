using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders.Api;
using SocItConsole.Admin.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>
/// Script and markup stored in the free-text fields of an order (typed into the console's form and sent through the
/// e-service API), of a case (a comment and a rejection reason typed on the case page) and of master data (a title typed
/// by an administrator) are shown as the literal text on every page that shows them — receipt, Mina ärenden, the case
/// list, the case, the employee, the access view, the titles, the matrix and the audit log — and
/// never run: <c>window.__xss</c> stays undefined and no injected element reaches the DOM. The access view's CSV export
/// writes a name that starts like a formula with Excel's text apostrophe in front.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public partial class FreeTextBrowserTests
{
    private const string NamePayload = "=cmd|' /C calc'!A0 <img src=x onerror=\"window.__xss=1\">";
    private const string OrdererPayload = "Anna \"><svg onload=window.__xss=1>";
    private const string ManagerPayload = "<b onmouseover=window.__xss=1>Chef</b> Lindqvist";
    private const string NotePayload = "<script>window.__xss=1</script> Ring mig först";
    private const string CommentPayload = "<img src=x onerror=\"window.__xss=1\"> kommentar <script>window.__xss=1</script>";
    private const string ApiNamePayload = "<script>window.__xss=1</script>Api Person";
    private const string ApiNotePayload = "\"><svg onload=window.__xss=1> från e-tjänsten";
    private const string ApiOrdererPayload = "<iframe src=\"javascript:window.__xss=1\"></iframe>Beställare";
    private const string RejectPayload = "<svg/onload=window.__xss=1> saknar underlag";
    private const string TitlePayload = "Titel <img src=x onerror=\"window.__xss=1\">";

    /// <summary>Anything the payloads could have put into the page: counted, must stay zero.</summary>
    private const string InjectedElements = """
        () => document.querySelectorAll('img[src="x"], svg[onload], iframe, [onerror], [onload], [onmouseover]').length
            + [...document.scripts].filter(s => s.textContent.includes('__xss')).length
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScriptAndMarkup_InEveryFreeTextField_AreShownAsText_AndNeverRun()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var shownOn = new List<string>();

        // Typed into the console's order form by a manager; starting today, so that the grants reach the access view.
        await session.SignInAsync("chef1", "/orders/new");
        await page.Locator("label:has([data-testid='type-New'])").ClickAsync();
        await page.Locator("[data-testid='employee-name']").FillAsync(NamePayload);
        await page.Locator("[data-testid='personnummer']").FillAsync(OrderRequests.Pnr1990);
        await ChooseAsync(page, "title", "Undersköterska");
        await ChooseAsync(page, "unit", "Hemtjänst Centrum");
        await page.Locator("[data-testid='start-date']").FillAsync(OrderApiBodies.Date(0));
        await page.Locator("[data-testid='start-date']").PressAsync("Tab");
        await page.Locator("label:has([data-testid='key-Pool'])").ClickAsync();
        await Expect(page.Locator("[data-testid='orderer-email']")).ToHaveValueAsync("anna.lindqvist@kommun.example");
        await page.Locator("[data-testid='orderer-name']").FillAsync(OrdererPayload);
        await page.Locator("[data-testid='manager-name']").FillAsync(ManagerPayload);
        await page.Locator("[data-testid='note']").FillAsync(NotePayload);
        await AssertNothingRanAsync(page, "the filled order form");
        await page.Locator("[data-testid='submit']").ClickAsync();

        await Expect(page.Locator("[data-testid='case-number']")).ToHaveTextAsync(CaseNumberPattern());
        await Expect(page.Locator("[data-testid='receipt-employee']")).ToContainTextAsync(NamePayload);
        await AssertShownAsTextAsync(page, "the receipt", shownOn, NamePayload);

        await page.Locator("[data-testid='to-my-orders']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mina ärenden");
        await AssertShownAsTextAsync(page, "Mina ärenden", shownOn, NamePayload);

        // Sent by the e-service through the API.
        var apiOrderId = await PlaceThroughApiAsync(session);
        int formOrderId;
        await using (var db = await DbAsync(session))
        {
            formOrderId = await db.Orders.Where(o => o.Id != apiOrderId).MaxAsync(o => o.Id, Ct);
        }

        // Soc-IT sees them in the queue and on the cases, and adds a comment.
        await session.SignInAsync("operator", "/cases");
        await AssertShownAsTextAsync(page, "the case list", shownOn, NamePayload, ApiNamePayload);

        await session.OpenAsync($"/cases/{apiOrderId}");
        await AssertShownAsTextAsync(page, "the e-service's case", shownOn, ApiNamePayload, ApiNotePayload, ApiOrdererPayload);
        await page.Locator("[data-testid='reject']").ClickAsync();
        await page.Locator("[data-testid='reason-text']").FillAsync(RejectPayload);
        await page.Locator("[data-testid='reason-confirm']").ClickAsync();
        await Expect(page.Locator("[data-testid='rejected']")).ToContainTextAsync(RejectPayload);
        await AssertShownAsTextAsync(page, "the rejected case", shownOn, RejectPayload);

        await session.OpenAsync($"/cases/{formOrderId}");
        await AssertShownAsTextAsync(page, "the console's case", shownOn, NamePayload, OrdererPayload, ManagerPayload, NotePayload);
        await page.Locator("[data-testid='comment-text']").FillAsync(CommentPayload);
        await page.Locator("[data-testid='add-comment']").ClickAsync();
        await Expect(page.Locator("[data-testid='comments']")).ToContainTextAsync(CommentPayload);
        await AssertShownAsTextAsync(page, "the case with its comment", shownOn, CommentPayload);
        await CompleteAsync(page);

        await page.Locator("[data-testid='completed-employee-link']").ClickAsync();
        await Expect(page.Locator("[data-testid='employee-name']")).ToHaveTextAsync(NamePayload);
        await AssertShownAsTextAsync(page, "the employee", shownOn, NamePayload);

        await session.OpenAsync("/audit");
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        await AssertNothingRanAsync(page, "the audit log");
        shownOn.Add("the audit log (nothing ran)");

        // The manager's access view and its CSV export.
        await session.SignInAsync("chef1", "/access");
        await AssertShownAsTextAsync(page, "the access view", shownOn, NamePayload);

        int unitId;
        await using (var db = await DbAsync(session))
        {
            unitId = await db.Units.Where(u => u.Name == "Hemtjänst Centrum").Select(u => u.Id).SingleAsync(Ct);
        }

        var export = await page.APIRequest.GetAsync($"/access/export.csv?unit={unitId.ToString(CultureInfo.InvariantCulture)}");
        Assert.Equal((int)HttpStatusCode.OK, export.Status);
        var csv = Encoding.UTF8.GetString(await export.BodyAsync());
        Assert.Contains("'=cmd|' /C calc'!A0", csv, StringComparison.Ordinal);
        Assert.DoesNotMatch(FormulaCell(), csv);

        // Master data typed by an administrator: a title, shown in its table and as a row of the matrix.
        await session.SignInAsync("admin", "/admin");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Titlar" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till titel" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("input:visible, textarea:visible").First.FillAsync(TitlePayload);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Expect(page.Locator("[data-testid='title-table']")).ToContainTextAsync(TitlePayload);
        await AssertShownAsTextAsync(page, "the titles", shownOn, TitlePayload);

        await session.OpenAsync("/matrix");
        await AssertShownAsTextAsync(page, "the matrix", shownOn, TitlePayload);

        await session.OpenAsync("/audit");
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        await AssertNothingRanAsync(page, "the audit log, read by an administrator");

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"10 payloads in 10 free-text fields, shown as text and never run on: {string.Join("; ", shownOn)}; CSV export guarded.");
    }

    /// <summary>Each value is on the page as the literal text, and nothing of it ran or became an element.</summary>
    private static async Task AssertShownAsTextAsync(IPage page, string where, List<string> shownOn, params string[] values)
    {
        foreach (var value in values)
        {
            await Expect(page.GetByText(value).First).ToBeVisibleAsync();
        }

        await AssertNothingRanAsync(page, where);
        shownOn.Add(string.Create(CultureInfo.InvariantCulture, $"{where} ({values.Length})"));
    }

    private static async Task AssertNothingRanAsync(IPage page, string where)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"), $"A payload ran on {where}.");
        Assert.True(await page.EvaluateAsync<int>(InjectedElements) == 0, $"A payload became an element on {where}.");
    }

    private static async Task<int> PlaceThroughApiAsync(BrowserSession session)
    {
        var body = OrderApiBodies.NewUndersköterska(OrderRequests.Pnr1985);
        body["employee"]!["fullName"] = ApiNamePayload;
        body["note"] = ApiNotePayload;
        body["orderer"]!["name"] = ApiOrdererPayload;
        using var client = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        client.DefaultRequestHeaders.Add(IntakeApiAuth.ApiKeyHeader, IntakeApiAuth.DevelopmentApiKey);
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/orders", content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return System.Text.Json.Nodes.JsonNode.Parse(text)!["id"]!.GetValue<int>();
    }

    /// <summary>Takes the open case, ticks every checklist item Klar and completes it, so the grants reach the access view.</summary>
    private static async Task CompleteAsync(IPage page)
    {
        await page.Locator("[data-testid='take']").ClickAsync();
        await Expect(page.Locator("[data-testid='case-status']")).ToHaveTextAsync("Under arbete");
        var items = page.Locator("[data-testid='checklist-item']");
        var count = await items.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await items.Nth(i).Locator("[data-testid='mark-Done']").ClickAsync();
            await Expect(items.Nth(i)).ToHaveAttributeAsync("data-state", "Done");
        }

        await page.Locator("[data-testid='complete']").ClickAsync();
        await Expect(page.Locator("[data-testid='case-status']")).ToHaveTextAsync("Klar");
    }

    private static Task<SocItDbContext> DbAsync(BrowserSession session) =>
        session.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);

    /// <summary>Opens a MudSelect by the data-testid on its input and picks an option from its popover.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid='{testId}']").ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.Locator($"[data-testid='{testId}']")).ToHaveValueAsync(option);
    }

    [GeneratedRegex(@"^SOC-\d{4}-\d{5}$")]
    private static partial Regex CaseNumberPattern();

    /// <summary>A cell that Excel would read as a formula: at the start of a line or after a separator, quoted or not.</summary>
    [GeneratedRegex(@"(^|;)""?[=+\-@]", RegexOptions.Multiline)]
    private static partial Regex FormulaCell();
}
