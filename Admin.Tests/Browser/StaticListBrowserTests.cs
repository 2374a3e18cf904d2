using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>The static list pages of part C (decision 0049) in Chromium: their state is the address, and no circuit opens.</summary>
[Collection(BrowserTestGroup.Name)]
public class StaticListBrowserTests
{
    [Fact]
    [Trait("Category", "Browser")]
    public async Task UnitRegister_TheSwitchAppliesAtOnce_AsAnAddress_AndTheBackButtonUndoesIt_WithoutACircuit()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var sockets = 0;
        page.WebSocket += (_, _) => sockets++;
        await session.SignInAsync("operator", "/units");
        await Expect(page.Locator("[data-testid='unit-count']")).ToHaveTextAsync("11 av 11 verksamheter");

        await page.Locator("label:has([data-testid='only-digital-keys'])").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/units\\?(q=&)?nycklar=ja$"));
        await Expect(page.Locator("[data-testid='only-digital-keys']")).ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid='unit-count']")).Not.ToHaveTextAsync("11 av 11 verksamheter");
        await session.ScreenshotAsync("units-digital-keys");

        await page.GoBackAsync();

        await Expect(page.Locator("[data-testid='unit-count']")).ToHaveTextAsync("11 av 11 verksamheter");
        await Expect(page.Locator("[data-testid='only-digital-keys']")).Not.ToBeCheckedAsync();
        Assert.Equal(0, sockets);
    }
}
