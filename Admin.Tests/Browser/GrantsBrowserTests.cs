using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocItConsole.Admin.Tests.Integration;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public partial class GrantsBrowserTests
{
    [Fact]
    public async Task Chef1_FiltersHerUnit_AndAsksSocItToEndAVisitorsAccess()
    {
        await using var session = await BrowserSession.StartAsync();
        await GrantsAuthorizationTests.Chef1StaffAsync(session.Services);
        var page = session.Page;

        await session.SignInAsync("chef1", "/access");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Behörigheter i min verksamhet");
        await Expect(page.Locator("[data-testid='summary']")).ToHaveTextAsync("2 personer, 3 behörigheter");

        await SelectAsync(page, "filter-unit", "Hemtjänst Centrum");
        await page.Locator("[data-testid='kind-FromOtherUnits']").ClickAsync();
        await Expect(page.Locator("[data-testid='summary']")).ToHaveTextAsync("1 person, 1 behörighet");
        var row = page.Locator("[data-testid='access'] tbody tr").Filter(new() { HasText = "Omar Ali" });
        await Expect(row.Locator("[data-testid='flag-other-unit']")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-testid='row-home']")).ToHaveTextAsync("från Tallgårdens vård- och omsorgsboende");
        await Expect(page.Locator("[data-testid='export']")).ToHaveAttributeAsync("href", new Regex(@"^/access/export\.csv\?unit=\d+&kind=FromOtherUnits$"));
        await session.ScreenshotAsync("access-chef1-filtered");

        await row.Locator("[data-testid='row-actions'] button").ClickAsync();
        await page.Locator(".mud-popover-open [data-testid='request-end']").ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Avsluta enskild behörighet");
        await session.ScreenshotAsync("access-end-dialog");
        await page.Locator("[data-testid='end-confirm']").ClickAsync();

        var feedback = page.Locator("[data-testid='feedback']");
        await Expect(feedback).ToContainTextAsync(new Regex(@"Avslut av Omar Alis Lifecare \(Utförare\) i Hemtjänst Centrum är beställt: ärende SOC-\d{4}-\d{5}\."));
        var caseNumber = CaseNumberPattern().Match(await feedback.TextContentAsync() ?? string.Empty).Value;
        await Expect(row.Locator("[data-testid='pending-end']")).ToHaveTextAsync($"Avslut beställt: ärende {caseNumber}");
        await Expect(row.Locator("[data-testid='row-actions']")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("access-end-requested");

        await session.GotoAsync("/my-orders");
        await Expect(page.Locator("[data-testid='row-case']").First).ToHaveTextAsync(caseNumber);
    }

    private static async Task SelectAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid='{testId}']").ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"SOC-\d{4}-\d{5}")]
    private static partial Regex CaseNumberPattern();
}
