using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocItConsole.Admin.Tests.Integration;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public partial class GrantsBrowserTests
{
    [Fact]
    public async Task Chef1_FiltersHerUnit_AndAsksSocItToEndAVisitorsAccess()
    {
        await using var session = await BrowserSession.StartAsync();
        await GrantsAuthorizationTests.Chef1StaffAsync(session.Services);
        var page = session.Page;
        var sockets = 0;
        page.WebSocket += (_, _) => sockets++;

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

        // The access view is static (decision 0049): the menu is a disclosure, its item asks in the page (?end=id).
        await row.Locator("[data-testid='row-actions'] summary").ClickAsync();
        await row.Locator("[data-testid='request-end']").ClickAsync();
        await Expect(page.Locator("details[data-menu][open]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[role='dialog']")).ToContainTextAsync("Avsluta enskild behörighet");
        await session.ScreenshotAsync("access-end-dialog");
        await page.Locator("[data-testid='end-confirm']").ClickAsync();

        var feedback = page.Locator("[data-testid='feedback']");
        await Expect(feedback).ToContainTextAsync(new Regex(@"Avslut av Omar Alis Lifecare \(Utförare\) i Hemtjänst Centrum är beställt: ärende SOC-\d{4}-\d{5}\."));
        var caseNumber = CaseNumberPattern().Match(await feedback.TextContentAsync() ?? string.Empty).Value;
        await Expect(row.Locator("[data-testid='pending-end']")).ToHaveTextAsync($"Avslut beställt: ärende {caseNumber}");
        await Expect(row.Locator("[data-testid='row-actions']")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("access-end-requested");
        Assert.Equal(0, sockets);

        await session.GotoAsync("/my-orders");
        await Expect(page.Locator("[data-testid='row-case']").First).ToHaveTextAsync(caseNumber);
    }

    /// <summary>
    /// The row menu closes as MudMenu's did: on a click beside it, on Escape, and when another row's opens (socit.js,
    /// part O); the filters are the address, so the back button goes back to the previous view.
    /// </summary>
    [Fact]
    public async Task Chef1_TheRequestMenuClosesBesideItAndOnEscape_AndTheBackButtonUndoesAFilter()
    {
        await using var session = await BrowserSession.StartAsync();
        await GrantsAuthorizationTests.Chef1StaffAsync(session.Services);
        var page = session.Page;
        await session.SignInAsync("chef1", "/access");
        await Expect(page.Locator("[data-testid='summary']")).ToHaveTextAsync("2 personer, 3 behörigheter");
        var menus = page.Locator("[data-testid='row-actions']");
        var open = page.Locator("details[data-menu][open]");

        await menus.Nth(0).Locator("summary").ClickAsync();
        await Expect(menus.Nth(0).Locator("[data-testid='request-end']")).ToBeVisibleAsync();
        // The open menu covers the next row's button, as MudMenu's popover did: the keyboard reaches it.
        await menus.Nth(1).Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(open).ToHaveCountAsync(1);
        await Expect(menus.Nth(1)).ToHaveAttributeAsync("open", "");
        await page.Locator("h1").ClickAsync();
        await Expect(open).ToHaveCountAsync(0);
        await menus.Nth(0).Locator("summary").ClickAsync();
        await Expect(open).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");
        await Expect(open).ToHaveCountAsync(0);

        // The last row's menu opens over the pager, not clipped by the table: its item is what a click there reaches.
        await menus.Last.Locator("summary").ClickAsync();
        var item = menus.Last.Locator("[data-testid='request-end']");
        await Expect(item).ToBeVisibleAsync();
        Assert.True(await item.EvaluateAsync<bool>(
            "e => { const r = e.getBoundingClientRect(); return e.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }"));
        await page.Keyboard.PressAsync("Escape");

        await page.Locator("[data-testid='kind-Temporary']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/access\?kind=Temporary$"));
        await Expect(page.Locator("[data-testid='summary']")).ToHaveTextAsync("1 person, 1 behörighet");
        await page.GoBackAsync();
        await Expect(page.Locator("[data-testid='summary']")).ToHaveTextAsync("2 personer, 3 behörigheter");
        await Expect(page.Locator("[data-testid='kind-All']")).ToHaveAttributeAsync("aria-current", "true");
    }

    /// <summary>A native select of the static filter form: choosing applies it at once (socit.js) as a new address.</summary>
    private static async Task SelectAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid='{testId}']").SelectOptionAsync(new SelectOptionValue { Label = option });
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]unit=\d+"));
    }

    [GeneratedRegex(@"SOC-\d{4}-\d{5}")]
    private static partial Regex CaseNumberPattern();
}
