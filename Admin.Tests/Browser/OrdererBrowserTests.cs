using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>Who may order for which unit, in the real browser (issue 20, item 2).</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public partial class OrdererBrowserTests
{
    /// <summary>
    /// The demo user bestallare1 is appointed for Hemtjänst Centrum (chef1's unit): she orders for it, with its manager
    /// filled in as responsible, and is not offered Tallgården (chef2's).
    /// </summary>
    [Fact]
    public async Task Bestallare1_OrdersForHerUnit_AndCannotChooseChef2sUnit()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var stockholmToday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        var startDate = stockholmToday.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await session.SignInAsync("bestallare1", "/orders/new");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Beställ behörighet");
        await page.Locator("label:has([data-testid='type-New'])").ClickAsync();
        await page.Locator("[data-testid='employee-name']").FillAsync("Lisa Andersson");
        await page.Locator("[data-testid='personnummer']").FillAsync("19900101-1239");
        await ChooseAsync(page, "title", "Undersköterska");

        await page.Locator("[data-testid='unit']").ClickAsync();
        var options = page.Locator(".mud-popover-open").GetByRole(AriaRole.Option);
        await Expect(options.Filter(new() { HasText = "Hemtjänst Centrum" })).ToHaveCountAsync(1);
        await Expect(options.Filter(new() { HasText = "Tallgården" })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("bestallare1-units");
        await options.Filter(new() { HasText = "Hemtjänst Centrum" }).ClickAsync();
        await Expect(page.Locator("[data-testid='unit']")).ToHaveValueAsync("Hemtjänst Centrum");

        await Expect(page.Locator("[data-testid='manager-email']")).ToHaveValueAsync("anna.lindqvist@kommun.example");
        await page.Locator("[data-testid='start-date']").FillAsync(startDate);
        await page.Locator("[data-testid='start-date']").PressAsync("Tab");
        await page.Locator("label:has([data-testid='key-Pool'])").ClickAsync();
        await page.Locator("[data-testid='submit']").ClickAsync();

        await Expect(page.Locator("[data-testid='case-number']")).ToHaveTextAsync(CaseNumberPattern());
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await session.ScreenshotAsync("bestallare1-ordered");
    }

    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid='{testId}']").ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.Locator($"[data-testid='{testId}']")).ToHaveValueAsync(option);
    }

    [GeneratedRegex(@"^SOC-\d{4}-\d{5}$")]
    private static partial Regex CaseNumberPattern();
}
