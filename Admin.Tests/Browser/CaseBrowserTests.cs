using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public class CaseBrowserTests
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");

    internal static DateOnly StockholmToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).DateTime);

    [Fact]
    public async Task Operator_TakesTicksAndCompletes_ANewEmployee_AndSeesTheGrants()
    {
        await using var session = await BrowserSession.StartAsync();
        var orderId = await PlaceAsync(session, OrderRequests.NewUndersköterska() with { StartDate = StockholmToday().AddDays(14) });

        await SignInAsOperatorAsync(session, $"/cases/{orderId}");
        await WorkThroughAsync(session, "case-new");

        await session.Page.Locator("[data-testid='completed-employee-link']").ClickAsync();
        await Expect(session.Page.Locator("[data-testid='employee-name']")).ToHaveTextAsync("Lisa Andersson");
        var current = session.Page.Locator("[data-testid='current-grants'] [data-testid='grant']");
        await Expect(current).ToHaveCountAsync(7);
        await Expect(current.Filter(new() { HasText = "Lifecare" })).ToContainTextAsync("tills vidare");
        await Expect(session.Page.Locator("[data-testid='personnummer']")).ToHaveTextAsync("19900101-****");
        await session.Page.Locator("[data-testid='reveal']").ClickAsync();
        await Expect(session.Page.Locator("[data-testid='personnummer']")).ToHaveTextAsync("19900101-1239");
        await ScreenshotFromTopAsync(session, "employee-after-new");
    }

    [Fact]
    public async Task EndOfEmployment_EndsEveryGrant_OnTheLastWorkingDay()
    {
        await using var session = await BrowserSession.StartAsync();
        var today = StockholmToday();
        var newId = await PlaceAsync(session, OrderRequests.NewUndersköterska() with { StartDate = today.AddDays(14) });
        await SignInAsOperatorAsync(session, $"/cases/{newId}");
        await WorkThroughAsync(session, "case-new-before-end");

        var lastDay = today.AddDays(60);
        // The end order spells the name differently: the case says so, and completing it does not rename her.
        var endId = await PlaceAsync(session, OrderRequests.Terminate() with { EndDate = lastDay, EmployeeName = "Lisa Berg" });
        await session.OpenAsync($"/cases/{endId}");
        await Expect(session.Page.Locator("[data-testid='case-type']")).ToHaveTextAsync("Avsluta behörighet");
        await Expect(session.Page.Locator("[data-testid='name-difference']")).ToContainTextAsync(
            "Namnet i beställningen, Lisa Berg, skiljer sig från registrerat namn Lisa Andersson.");
        await Expect(session.Page.Locator("[data-testid='name-difference-outcome']")).ToHaveTextAsync(
            "En avslutsbeställning ändrar inte namnet: det registrerade namnet står kvar.");
        await WorkThroughAsync(session, "case-end");

        await session.Page.Locator("[data-testid='completed-employee-link']").ClickAsync();
        await Expect(session.Page.Locator("[data-testid='employee-name']")).ToHaveTextAsync("Lisa Andersson");
        // The last working day is ahead: the grants are still current, each ending on that day.
        var current = session.Page.Locator("[data-testid='current-grants'] [data-testid='grant']");
        await Expect(current).ToHaveCountAsync(7);
        var day = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 0; i < 7; i++)
        {
            await Expect(current.Nth(i).Locator("[data-testid='grant-to']")).ToContainTextAsync(day);
        }

        await Expect(session.Page.Locator("[data-testid='employee-cases'] [data-testid='case-link']")).ToHaveCountAsync(2);
        await ScreenshotFromTopAsync(session, "employee-after-end");
    }

    [Fact]
    public async Task Operator_SeesTheDay_WithTheOverdueEndFirst_InRedAndInWords()
    {
        await using var session = await BrowserSession.StartAsync();
        var today = StockholmToday();
        var passed = today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PlaceAsync(session, OrderRequests.NewUndersköterska() with { StartDate = today });
        await TestEmployments.EmployAsync(
            session.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<SocItConsole.Admin.Data.SocItDbContext>>(),
            OrderRequests.Pnr1985, "Erik Berg");
        await PlaceAsync(session, OrderRequests.Terminate(OrderRequests.Pnr1985) with { EmployeeName = "Erik Berg", EndDate = today.AddDays(-2) });
        await PlaceAsync(session, OrderRequests.NewUndersköterska(KeyRegisterData.PersonnummerFor(1)) with
        {
            EmployeeName = "Maja Ek", StartDate = today.AddDays(5),
        });
        var page = session.Page;

        await SignInAsOperatorAsync(session, "/cases");
        await page.Locator("[data-testid='filter-status']").SelectOptionAsync(new SelectOptionValue { Label = "Idag" });

        await Expect(page.Locator("[data-testid='today-count']")).ToContainTextAsync("försenat");
        var rows = page.Locator("[data-testid='cases'] tbody tr:has([data-testid='row-case'])");
        await Expect(rows.Filter(new() { HasText = "Maja Ek" })).ToHaveCountAsync(0);
        var erik = rows.Filter(new() { HasText = "Erik Berg" });
        await Expect(erik).ToHaveClassAsync(new Regex(@"\bcase-overdue\b"));
        var overdue = erik.Locator("[data-testid='overdue']");
        await Expect(overdue).ToHaveTextAsync($"Försenad: sista dag {passed}");
        // Red as the theme's error colour, in words as well.
        var colours = await overdue.EvaluateAsync<string[]>(
            """
            el => {
                const probe = document.createElement('span');
                probe.style.color = 'var(--mud-palette-error)';
                document.body.appendChild(probe);
                const error = getComputedStyle(probe).color;
                probe.remove();
                return [getComputedStyle(el).color, error];
            }
            """);
        Assert.Equal(colours[1], colours[0]);
        await Expect(rows.Filter(new() { HasText = "Lisa Andersson" })).Not.ToHaveClassAsync(new Regex(@"\bcase-overdue\b"));
        // The overdue come first: no overdue row after one that is not.
        var classes = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.className)");
        var firstOnTime = Array.FindIndex(classes, c => !c.Contains("case-overdue", StringComparison.Ordinal));
        Assert.True(firstOnTime > 0, string.Join(" | ", classes));
        Assert.DoesNotContain(classes.Skip(firstOnTime), c => c.Contains("case-overdue", StringComparison.Ordinal));
        await ScreenshotFromTopAsync(session, "cases-today");
    }

    [Fact]
    public async Task Operator_FiltersTheQueue_InTheAddress_AndTheBackButtonReturnsToTheLastView()
    {
        await using var session = await BrowserSession.StartAsync();
        var today = StockholmToday();
        await PlaceAsync(session, OrderRequests.NewUndersköterska() with { StartDate = today.AddDays(14) });
        await TestEmployments.EmployAsync(
            session.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<SocItConsole.Admin.Data.SocItDbContext>>(),
            OrderRequests.Pnr1985, "Erik Berg");
        var end = await PlaceAsync(session, OrderRequests.Terminate(OrderRequests.Pnr1985) with { EmployeeName = "Erik Berg" });
        var page = session.Page;
        var rows = page.Locator("[data-testid='cases'] tbody tr:has([data-testid='row-case'])");
        await SignInAsOperatorAsync(session, "/cases");
        await Expect(rows).ToHaveCountAsync(2);

        // A select applies at once; the view is in the address.
        await page.Locator("[data-testid='filter-type']").SelectOptionAsync(new SelectOptionValue { Label = "Avsluta behörighet" });
        await page.WaitForURLAsync(new Regex(@"/cases\?.*type=Terminate"));
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Erik Berg");

        // The search applies on Enter, within the type.
        await page.Locator("[data-testid='search']").FillAsync("Lisa");
        await page.Locator("[data-testid='search']").PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"q=Lisa"));
        await Expect(page.Locator("[data-testid='no-match']")).ToHaveTextAsync("Inga ärenden matchar filtret.");

        // Back: the type alone again, the search field as it was.
        await page.GoBackAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Erik Berg");
        await Expect(page.Locator("[data-testid='search']")).ToHaveValueAsync("");

        // Taking the case keeps the view: the answer is the same address, with the outcome beside the page.
        await page.Locator($"tr:has(a[href='/cases/{end}']) [data-testid='take']").ClickAsync();
        await Expect(page.Locator("#mud-snackbar-container .mud-snackbar")).ToContainTextAsync("Sara Nilsson tog ärendet");
        await Expect(rows.Locator("[data-testid='row-assignee']")).ToHaveTextAsync("Sara Nilsson");
        Assert.Contains("type=Terminate", page.Url, StringComparison.Ordinal);

        // "Bara mina" applies at once and shows only the operator's cases.
        await page.Locator("[data-testid='only-mine']").CheckAsync();
        await page.WaitForURLAsync(new Regex(@"mine=true"));
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid='assignee']")).ToBeDisabledAsync();
        await ScreenshotFromTopAsync(session, "cases-filtered");
    }

    internal static async Task<int> PlaceAsync(BrowserSession session, OrderRequest request)
    {
        await using var scope = session.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrderIntake>().PlaceAsync(request, OrderChannel.Console, Chef);
        return Assert.IsType<PlaceOrderResult.Created>(result).Receipt.Id;
    }

    internal static async Task SignInAsOperatorAsync(BrowserSession session, string returnUrl)
    {
        await session.SignInAsync("operator", returnUrl);
    }

    /// <summary>Takes the open case, ticks every checklist item Klar and completes it.</summary>
    internal static async Task WorkThroughAsync(BrowserSession session, string screenshot)
    {
        var page = session.Page;
        await Expect(page.Locator("[data-testid='case-status']")).ToHaveTextAsync("Mottagen");
        await page.Locator("[data-testid='take']").ClickAsync();
        await Expect(page.Locator("[data-testid='case-status']")).ToHaveTextAsync("Under arbete");
        await Expect(page.Locator("[data-testid='assignee']")).ToHaveTextAsync("Sara Nilsson");
        await Expect(page.Locator("[data-testid='complete']")).ToBeDisabledAsync();

        var items = page.Locator("[data-testid='checklist-item']");
        var count = await items.CountAsync();
        Assert.True(count > 0);
        for (var i = 0; i < count; i++)
        {
            await items.Nth(i).Locator("[data-testid='mark-Done']").ClickAsync();
            await Expect(items.Nth(i)).ToHaveAttributeAsync("data-state", "Done");
        }

        await ScreenshotFromTopAsync(session, screenshot);
        await page.Locator("[data-testid='complete']").ClickAsync();
        await Expect(page.Locator("[data-testid='case-status']")).ToHaveTextAsync("Klar");
        await Expect(page.Locator("[data-testid='completed']")).ToBeVisibleAsync();
        await ScreenshotFromTopAsync(session, screenshot + "-completed");
    }

    /// <summary>A full-page shot taken while scrolled shows the fixed app bar halfway down: scroll to the top first.</summary>
    internal static async Task ScreenshotFromTopAsync(BrowserSession session, string name)
    {
        await session.Page.EvaluateAsync("window.scrollTo(0, 0)");
        await session.ScreenshotAsync(name);
    }
}
