using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>Beställ för flera in the real app: rows pasted as from Excel, placed at once, the receipt and Mina ärenden.</summary>
[Collection(BrowserTestGroup.Name)]
public class BatchOrderBrowserTests
{
    [Fact]
    [Trait("Category", "Browser")]
    public async Task Chef1_PastesThreeRows_OneFixedTerm_PlacesThem_AndFindsTheThreeCasesInMinaArenden()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var start = CaseBrowserTests.StockholmToday().AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = CaseBrowserTests.StockholmToday().AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await session.SignInAsync("chef1", "/orders/batch");

        await page.Locator("[data-testid='paste']").FillAsync(string.Join('\n',
            "Namn\tPersonnummer\tTitel\tVerksamhet\tStartdatum\tSlutdatum\tNyckel",
            $"Lisa Andersson\t19900101-1239\tUndersköterska\tHemtjänst Centrum\t{start}\t\tNyckelpool",
            $"Omar Said\t19850615-2340\tVårdbiträde\tHemtjänst Skrea\t{start}\t{end}\tNyckelpool",
            $"Maja Berg\t19780312-4564\tSjuksköterska\tHemtjänst Centrum\t{start}\t\tNyckelpool"));
        await page.Locator("[data-testid='read-pasted']").ClickAsync();
        await Expect(page.Locator("[data-testid='batch-row']")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid='check-summary']")).ToContainTextAsync("Alla 3 rader är i ordning.");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "batch-order-checked");

        await page.Locator("[data-testid='place']").ClickAsync();
        await page.Locator(".mud-dialog button:has-text('Beställ 3 personer')").ClickAsync();

        var numbers = page.Locator("[data-testid='receipt-case-number']");
        await Expect(numbers).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid='receipt-line']").Nth(1)).ToContainTextAsync(end);
        var caseNumbers = (await numbers.AllTextContentsAsync()).Select(n => n.Trim()).ToList();
        Assert.All(caseNumbers, n => Assert.Matches(@"^SOC-\d{4}-\d{5}$", n));
        Assert.Equal(3, caseNumbers.Distinct().Count());
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "batch-order-receipt");

        await page.Locator("[data-testid='to-my-orders']").ClickAsync();
        var rows = page.Locator("[data-testid='row-case']");
        await Expect(rows).ToHaveCountAsync(3);
        Assert.Equal(caseNumbers.Order(), (await rows.AllTextContentsAsync()).Select(n => n.Trim()).Order());
    }
}
