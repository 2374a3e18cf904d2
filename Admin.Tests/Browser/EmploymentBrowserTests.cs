using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Orders;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>The person over time in the real app: employments, a change of unit, leaving one of two (issue 19).</summary>
[Collection(BrowserTestGroup.Name)]
public class EmploymentBrowserTests
{
    [Fact]
    public async Task Chef1_OrdersAChangeOfUnit_TheOperatorCompletesIt_AndTheEmployeePageShowsBothEmploymentsAndTheKeyToReturn()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var today = CaseBrowserTests.StockholmToday();
        var hired = await CaseBrowserTests.PlaceAsync(session, OrderRequests.NewUndersköterska() with
        {
            StartDate = today, KeyKind = KeyChoiceKind.PersonalKey, KeyNumber = "4110004",
        });
        await CaseBrowserTests.SignInAsOperatorAsync(session, $"/cases/{hired}");
        await CaseBrowserTests.WorkThroughAsync(session, "change-hired");

        var effective = today.AddDays(14);
        await session.SignInAsync("chef1", "/orders/new");
        await page.Locator("label:has([data-testid='type-Change'])").ClickAsync();
        await page.Locator("[data-testid='employee-name']").FillAsync("Lisa Andersson");
        await page.Locator("[data-testid='personnummer']").FillAsync("19900101-1239");
        await page.Locator("[data-testid='personnummer']").PressAsync("Tab");
        await Expect(page.Locator("[data-testid='employment']")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Hemtjänst Centrum"));
        await ChooseAsync(page, "title", "Biståndshandläggare");
        await ChooseAsync(page, "unit", "Biståndsenheten äldreomsorg");
        await page.Locator("[data-testid='start-date']").FillAsync(Iso(effective));
        await page.Locator("[data-testid='start-date']").PressAsync("Tab");
        var difference = page.Locator("[data-testid='change-difference']");
        await Expect(difference.Locator("[data-testid='change-line']").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='change-key-return']")).ToContainTextAsync("ska återlämnas");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "change-order-form");
        await page.Locator("[data-testid='submit']").ClickAsync();
        var caseNumber = page.Locator("[data-testid='case-number']");
        await Expect(caseNumber).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^SOC-\d{4}-\d{5}$"));
        var changeId = await OrderIdAsync(session, (await caseNumber.TextContentAsync())!.Trim());

        await CaseBrowserTests.SignInAsOperatorAsync(session, $"/cases/{changeId}");
        await Expect(page.Locator("[data-testid='changed-employment']")).ToContainTextAsync("Hemtjänst Centrum");
        await CaseBrowserTests.WorkThroughAsync(session, "change-case");

        await page.Locator("[data-testid='completed-employee-link']").ClickAsync();
        var employments = page.Locator("[data-testid='employment']");
        await Expect(employments).ToHaveCountAsync(2);
        // Upcoming and current first, the latest start first: the new employment, then the one it replaces.
        var next = employments.Nth(0);
        await Expect(next.Locator("[data-testid='employment-title']")).ToHaveTextAsync("Biståndshandläggare i Biståndsenheten äldreomsorg");
        await Expect(next.Locator("[data-testid='employment-state']")).ToHaveTextAsync($"Börjar {Iso(effective)}");
        Assert.True(await next.Locator("[data-testid='current-grants'] [data-testid='grant']").CountAsync() > 0);
        var old = employments.Nth(1);
        await Expect(old.Locator("[data-testid='employment-title']")).ToHaveTextAsync("Undersköterska i Hemtjänst Centrum");
        await Expect(old.Locator("[data-testid='employment-state']")).ToHaveTextAsync($"Avslutas {Iso(effective.AddDays(-1))}");
        await Expect(old.Locator("[data-testid='employment-replaced']")).ToContainTextAsync($"Biståndshandläggare i Biståndsenheten äldreomsorg från {Iso(effective)}");
        await Expect(page.Locator("[data-testid='held-keys']")).ToContainTextAsync("4110004");
        await Expect(page.Locator("[data-testid='held-keys']")).ToContainTextAsync("Ska återlämnas");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "employee-after-change");
    }

    [Fact]
    public async Task APersonWithTwoEmployments_WhoLeavesOne_KeepsTheOthersAccess()
    {
        await using var session = await BrowserSession.StartAsync();
        var today = CaseBrowserTests.StockholmToday();
        var centrum = await CaseBrowserTests.PlaceAsync(session, OrderRequests.NewUndersköterska() with { StartDate = today });
        var ifo = await CaseBrowserTests.PlaceAsync(session, (OrderRequests.NewUndersköterska() with
        {
            StartDate = today, KeyKind = null,
        }).ForUnit("IFO Vuxen"));
        await CaseBrowserTests.SignInAsOperatorAsync(session, $"/cases/{centrum}");
        await CaseBrowserTests.WorkThroughAsync(session, "two-employments-centrum");
        await session.OpenAsync($"/cases/{ifo}");
        await CaseBrowserTests.WorkThroughAsync(session, "two-employments-ifo");

        var lastDay = today.AddDays(30);
        var end = await CaseBrowserTests.PlaceAsync(session, (OrderRequests.Terminate() with { EndDate = lastDay }).ForUnit("IFO Vuxen"));
        await session.OpenAsync($"/cases/{end}");
        var page = session.Page;
        await Expect(page.Locator("[data-testid='employment-ended']")).ToContainTextAsync("IFO Vuxen");
        await Expect(page.Locator("[data-testid='employment-remains']")).ToContainTextAsync("Hemtjänst Centrum");
        await CaseBrowserTests.WorkThroughAsync(session, "leave-one-of-two");

        await page.Locator("[data-testid='completed-employee-link']").ClickAsync();
        var employments = page.Locator("[data-testid='employment']");
        await Expect(employments).ToHaveCountAsync(2);
        var kept = employments.Filter(new() { HasText = "Undersköterska i Hemtjänst Centrum" });
        await Expect(kept.Locator("[data-testid='employment-state']")).ToHaveTextAsync("Pågående");
        var keptGrants = kept.Locator("[data-testid='current-grants'] [data-testid='grant']");
        await Expect(keptGrants).ToHaveCountAsync(7);
        await Expect(keptGrants.Locator("[data-testid='ended-by']")).ToHaveCountAsync(0);
        await Expect(keptGrants.Filter(new() { HasText = "Lifecare" })).ToContainTextAsync("tills vidare");

        var day = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var left = employments.Filter(new() { HasText = "Undersköterska i IFO Vuxen" });
        await Expect(left.Locator("[data-testid='employment-state']")).ToHaveTextAsync($"Avslutas {day}");
        var leftGrants = left.Locator("[data-testid='current-grants'] [data-testid='grant']");
        Assert.True(await leftGrants.CountAsync() > 0);
        for (var i = 0; i < await leftGrants.CountAsync(); i++)
        {
            await Expect(leftGrants.Nth(i).Locator("[data-testid='grant-to']")).ToContainTextAsync(day);
        }

        await CaseBrowserTests.ScreenshotFromTopAsync(session, "employee-after-leaving-one");
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<int> OrderIdAsync(BrowserSession session, string caseNumber)
    {
        var factory = session.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Orders.Where(o => o.CaseNumber == caseNumber).Select(o => o.Id).SingleAsync();
    }

    /// <summary>Opens a MudSelect by the data-testid on its input and picks an option from its popover.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid='{testId}']").ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.Locator($"[data-testid='{testId}']")).ToHaveValueAsync(option);
    }
}
