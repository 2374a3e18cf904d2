using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public class ShellBrowserTests
{
    [Fact]
    public async Task Operator_SignsIn_SeesTheSwedishShell_AndFollowsAMenuLink()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;

        await session.GotoAsync("/account/dev-sign-in");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Logga in");
        await page.Locator("[data-user='operator']").ClickAsync();

        await session.WaitForInteractivityAsync();
        await Expect(page).ToHaveURLAsync(session.BaseUrl + "/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hej Sara!");
        await Expect(page.Locator("[data-testid='user-badge']")).ToContainTextAsync("Sara Nilsson");
        await Expect(page.Locator("[data-testid='user-badge']")).ToContainTextAsync("Handläggare");
        await Expect(page.Locator("nav, .mud-navmenu").First).ToContainTextAsync("Ärenden");
        await Expect(page.Locator("a[data-nav='/admin']")).ToHaveCountAsync(0);

        await page.Locator("a[data-nav='/units']").ClickAsync();

        await Expect(page).ToHaveURLAsync(session.BaseUrl + "/units");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Verksamheter");
        await Expect(page.Locator("[data-testid='unit-count']")).ToHaveTextAsync("11 av 11 verksamheter");
        // The static register searches when the form is sent (Enter), as a GET: the search is in the address.
        await page.GetByPlaceholder("Sök verksamhet").FillAsync("Skrea");
        await page.GetByPlaceholder("Sök verksamhet").PressAsync("Enter");
        await Expect(page.Locator("[data-testid='unit-count']")).ToHaveTextAsync("1 av 11 verksamheter");
        await Expect(page.Locator("[data-testid='unit-table']")).ToContainTextAsync("Hemtjänst Skrea");
        await Expect(page).ToHaveURLAsync(session.BaseUrl + "/units?q=Skrea");

        var screenshot = await session.ScreenshotAsync("operator-units");
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot should show a rendered page");
    }

    [Fact]
    public async Task TheMenuButton_ClosesAndOpensTheStaticDrawer_AndTheChoiceSurvivesNavigation()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        await session.SignInAsync("operator", "/");
        var drawer = page.Locator(".mud-drawer");
        var toggle = page.Locator("header button[data-drawer-toggle]");
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));

        await toggle.ClickAsync();

        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("drawer-closed"));

        // A link in the page (enhanced navigation patches the shell from the server's HTML): the drawer stays closed.
        await page.Locator("a[href='/keys']").First.DispatchEventAsync("click");
        await Expect(page).ToHaveURLAsync(session.BaseUrl + "/keys");
        await session.WaitForInteractivityAsync();
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));

        await toggle.ClickAsync();

        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await Expect(page.Locator("body")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("drawer-closed"));
    }

    [Fact]
    public async Task Manager_SeesTheirUnitsOnTheStartPage_AndCannotOpenAdministration()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;

        await session.SignInAsync("chef1", "/");

        await Expect(page.Locator("[data-unit]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-unit='Hemtjänst Centrum']")).ToContainTextAsync("Petra Olsson");
        await session.ScreenshotAsync("manager-start");

        var response = await session.GotoAsync("/admin");
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Du saknar behörighet");
    }
}
