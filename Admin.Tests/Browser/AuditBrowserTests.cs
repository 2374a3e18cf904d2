using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocItConsole.Admin.Data;
using SocItConsole.Shared.Audit;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public partial class AuditBrowserTests
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The table's geometry as the browser laid it out: what a check by eye at 1366 × 768 would see.</summary>
    private const string Layout = """
        () => {
            const table = document.querySelector('[data-testid="audit-entries"]');
            const rows = [...table.querySelectorAll('tbody tr.audit-row')];
            const summaries = [...table.querySelectorAll('[data-testid="row-summary"]')];
            return {
                viewport: window.innerWidth,
                pageScrollWidth: document.documentElement.scrollWidth,
                tableScrollWidth: table.querySelector('.mud-table-container').scrollWidth,
                tableClientWidth: table.querySelector('.mud-table-container').clientWidth,
                rowHeights: rows.map(r => Math.round(r.getBoundingClientRect().height)),
                summaryRights: summaries.map(s => Math.round(s.getBoundingClientRect().right)),
                summaryWidth: summaries.length ? Math.round(summaries[0].getBoundingClientRect().width) : 0,
                cutSummaries: summaries.filter(s => s.scrollWidth > s.clientWidth && s.title === s.textContent.trim()).length,
                text: table.querySelector('tbody').innerText,
            };
        }
        """;

    [Fact]
    public async Task TheAuditLog_FitsAt1366_WithOneLineRows_InSwedish_AndOpensAnEntry()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        await AddADayOfWorkAsync(session);

        await page.GotoAsync("/account/dev-sign-in?userName=operator&returnUrl=/audit");
        await session.WaitForInteractivityAsync();
        await Expect(page.Locator("[data-testid='row-summary']").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='row-action']").First).Not.ToBeEmptyAsync();

        var layout = (await page.EvaluateAsync<JsonElement>(Layout)).Deserialize<TableLayout>(Json)!;
        await session.ScreenshotAsync("audit-operator");

        Assert.True(layout.RowHeights.Length >= 10, $"the demo data should fill the page, got {layout.RowHeights.Length} rows");
        Assert.True(layout.PageScrollWidth <= layout.Viewport, $"the page scrolls sideways: {layout.PageScrollWidth} > {layout.Viewport}");
        Assert.True(layout.TableScrollWidth <= layout.TableClientWidth, $"the table scrolls sideways: {layout.TableScrollWidth} > {layout.TableClientWidth}");
        Assert.True(layout.RowHeights.Max() - layout.RowHeights.Min() <= 1, "rows of uneven height: " + string.Join(", ", layout.RowHeights));
        Assert.True(layout.SummaryRights.Max() <= layout.Viewport, "the description runs past the window");
        Assert.True(layout.SummaryWidth >= 300, $"the description has only {layout.SummaryWidth} px");
        Assert.True(layout.CutSummaries > 0, "a long description should be cut, with the whole text in its tooltip");
        Assert.DoesNotMatch(CodeName(), layout.Text);

        await page.Locator("tr.audit-row").First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("[data-testid='audit-technical-action']")).ToHaveTextAsync(CodeName());
        await Expect(dialog.Locator("[data-testid='audit-dialog-title']")).Not.ToHaveTextAsync(CodeName());
        await Expect(dialog.Locator("[data-testid='audit-raw-toggle']")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("audit-operator-entry");
    }

    [Fact]
    public async Task TheFilters_ThePageAndTheOpenEntry_AreInTheAddress_AndTheBackButtonUndoesThem_WithoutACircuit()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        await AddADayOfWorkAsync(session);
        await AddADayOfWorkAsync(session);
        var sockets = 0;
        page.WebSocket += (_, _) => sockets++;

        await session.SignInAsync("operator", "/audit");
        var rows = page.Locator("tr.audit-row");
        await Expect(rows).ToHaveCountAsync(25);
        Assert.Equal(0, await page.Locator("#circuit-state").CountAsync());

        // The type applies at once (a GET form, enhanced): the address carries it.
        await page.Locator("select[data-testid='filter-type']").SelectOptionAsync(new SelectOptionValue { Label = "Nyckel" });
        await Expect(page).ToHaveURLAsync(new Regex(@"/audit\?type=Key"));
        // Two days of work were added: two hand-outs of key 1234567.
        var ourKey = page.Locator("[data-testid='row-entity']").Filter(new() { HasText = "1234567" });
        await Expect(ourKey).ToHaveCountAsync(2);
        var keyRows = await rows.CountAsync();
        Assert.InRange(keyRows, 1, 24);

        // Free text applies on Enter.
        await page.Locator("input[data-testid='filter-text']").FillAsync("finns inte");
        await page.Locator("input[data-testid='filter-text']").PressAsync("Enter");
        await Expect(page.Locator("[data-testid='no-match']")).ToHaveTextAsync("Inga händelser matchar filtret.");

        // Back: the type only; back again: everything, and the next page is a link.
        await page.GoBackAsync();
        await Expect(rows).ToHaveCountAsync(keyRows);
        await Expect(ourKey).ToHaveCountAsync(2);
        await Expect(page.Locator("select[data-testid='filter-type']")).ToHaveValueAsync("Key");
        await page.GoBackAsync();
        await Expect(rows).ToHaveCountAsync(25);
        await page.Locator("a.mud-table-pagination-next-button").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/audit\?page=2"));
        await Expect(page.Locator("[data-testid='pager-info']")).ToContainTextAsync("26–");

        // An entry opens from its row and closes with Escape, back on the same page of the list.
        await rows.First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"page=2&entry=\d+"));
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex(@"/audit\?page=2$"));
        Assert.Equal(0, sockets);
    }

    /// <summary>
    /// Entries like those of a working day, with the long summaries and message ids that made rows wrap: cases
    /// received and completed, a reminder sent, a key handed out.
    /// </summary>
    private static async Task AddADayOfWorkAsync(BrowserSession session)
    {
        var operatorActor = new Actor("operator-id", "Sara Nilsson");
        var at = new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);
        var entries = new List<AuditEntry>();
        for (var i = 1; i <= 8; i++)
        {
            var caseNumber = string.Create(CultureInfo.InvariantCulture, $"SOC-2026-{i:D5}");
            entries.Add(new AuditEntry(
                at = at.AddMinutes(3), new Actor("e-tjanst", "E-tjänsten"), "Order.Created", "Order", caseNumber,
                $"Ny behörighet {caseNumber} togs emot (E-tjänsten) för 19900101-**** i Tallgårdens vård- och omsorgsboende.",
                null, $$"""{"CaseNumber":"{{caseNumber}}","Type":"New","Channel":"EService"}"""));
            entries.Add(new AuditEntry(
                at = at.AddMinutes(3), operatorActor, "Case.Completed", "Order", caseNumber,
                $"{caseNumber} är klart: 7 behörigheter tillagda, 0 avslutade. Ingrid Axelsson är med i nyckelpoolen Personalpool från 2026-12-05.",
                """{"Status":"InProgress"}""", """{"Status":"Completed"}"""));
        }

        entries.Add(new AuditEntry(
            at.AddMinutes(3), new Actor("job:expiry-reminders", "Påminnelsejobbet"), "FollowUp.ReminderSent", "ReminderMessage",
            "<expiry-20261127-3c0e1f68f64d3fae@kommun.example>",
            "Påminnelse till Erik Johansson (erik.johansson@kommun.example) om 2 uppföljningar.", null, """{"FollowUps":[1,2]}"""));
        entries.Add(new AuditEntry(
            at.AddMinutes(6), operatorActor, "Key.Assigned", "Key", "1234567", "Nyckeln 1234567 lämnades ut till Ingrid Axelsson.",
            """{"Status":"InStock"}""", """{"Status":"Issued"}"""));
        await using var db = await session.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>An action or entity type as the code writes it: "Case.Completed", "ReminderMessage".</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+\.[A-Z][A-Za-z]+\b|\b(ReminderMessage|FollowUp|ReviewLine|ItSystem|JobTitle)\b")]
    private static partial Regex CodeName();

    private sealed record TableLayout(
        int Viewport,
        int PageScrollWidth,
        int TableScrollWidth,
        int TableClientWidth,
        int[] RowHeights,
        int[] SummaryRights,
        int SummaryWidth,
        int CutSummaries,
        string Text);
}
