using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public class MatrixBrowserTests
{
    [Fact]
    public async Task Admin_ChangesCells_SavesWithAComment_AndFindsTheVersionInTheHistory()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;

        await session.SignInAsync("admin", "/matrix");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Matris");
        var grid = page.Locator("[data-testid='matrix-grid']");
        await Expect(grid).ToBeVisibleAsync();

        var vardbitradeAppva = grid.GetByLabel("Vårdbiträde – Appva");
        var sskLifecare = grid.GetByLabel("Sjuksköterska – Lifecare");
        await vardbitradeAppva.SelectOptionAsync(new SelectOptionValue { Label = "Standard" });
        await sskLifecare.SelectOptionAsync(new SelectOptionValue { Label = "Handläggare" });

        await Expect(page.Locator("[data-testid='pending-summary']")).ToHaveTextAsync("1 tillagd, 1 ändrad nivå");
        await Expect(page.Locator("td.mx-added")).ToHaveCountAsync(1);
        await Expect(page.Locator("td.mx-changed")).ToHaveCountAsync(1);
        await session.ScreenshotAsync("matrix-pending");

        await page.Locator("[data-testid='save']").ClickAsync();
        await Expect(page.Locator("[data-testid='save-summary']")).ToHaveTextAsync("1 tillagd, 1 ändrad nivå");
        await page.GetByLabel("Kommentar (valfri)").FillAsync("Sjuksköterskor handlägger i Lifecare");
        await page.Locator("[data-testid='confirm-save']").ClickAsync();

        await Expect(page.Locator("[data-testid='pending-summary']")).ToHaveTextAsync("Inga osparade ändringar");
        await Expect(page.Locator(".mx-version")).ToHaveTextAsync("Version 2");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Historik" }).ClickAsync();
        var versions = page.Locator("[data-testid='version-table']");
        var row = versions.Locator("tr", new() { HasText = "Sjuksköterskor handlägger i Lifecare" });
        await Expect(row).ToContainTextAsync("Johan Berg");
        await Expect(row).ToContainTextAsync("1 tillagd, 1 ändrad nivå");
        await row.ClickAsync();
        var details = page.Locator("[data-testid='version-details']");
        await Expect(details).ToContainTextAsync("Version 2");
        await Expect(details.Locator("tr", new() { HasText = "Sjuksköterska" })).ToContainTextAsync("Utförare");
        await Expect(details.Locator("tr", new() { HasText = "Sjuksköterska" })).ToContainTextAsync("Handläggare");
        await session.ScreenshotAsync("matrix-history");
    }
}
