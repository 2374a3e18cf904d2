using System.Globalization;
using SocItConsole.Admin.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>The person over time in the real app: employments, a change of unit, leaving one of two (issue 19).</summary>
[Collection(BrowserTestGroup.Name)]
public class EmploymentBrowserTests
{
    [Fact]
    public async Task APersonWithTwoEmployments_WhoLeavesOne_KeepsTheOthersAccess()
    {
        await using var session = await BrowserSession.StartAsync();
        var today = CaseBrowserTests.StockholmToday();
        var centrum = await CaseBrowserTests.PlaceAsync(session, OrderRequests.NewUndersköterska() with { StartDate = today });
        var ifo = await CaseBrowserTests.PlaceAsync(session, OrderRequests.NewUndersköterska() with
        {
            Unit = "IFO Vuxen", StartDate = today, KeyKind = null,
        });
        await CaseBrowserTests.SignInAsOperatorAsync(session, $"/cases/{centrum}");
        await CaseBrowserTests.WorkThroughAsync(session, "two-employments-centrum");
        await session.OpenAsync($"/cases/{ifo}");
        await CaseBrowserTests.WorkThroughAsync(session, "two-employments-ifo");

        var lastDay = today.AddDays(30);
        var end = await CaseBrowserTests.PlaceAsync(session, OrderRequests.Terminate() with { Unit = "IFO Vuxen", EndDate = lastDay });
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
}
