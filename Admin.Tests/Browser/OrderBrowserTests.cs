using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public partial class OrderBrowserTests
{
    [Fact]
    public async Task Manager_OrdersANewEmployee_SeesTheSystemsFirst_AndFindsTheCaseInMinaÄrenden()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var stockholmToday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        var startDate = stockholmToday.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await session.SignInAsync("chef1", "/orders/new");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Beställ behörighet");
        await Expect(page.Locator("[data-testid='derived-systems']")).ToContainTextAsync("Välj vad beställningen gäller.");
        await ScreenshotFromTopAsync(session, "order-form-empty");

        await page.Locator("label:has([data-testid='type-New'])").ClickAsync();
        await page.Locator("[data-testid='employee-name']").FillAsync("Lisa Andersson");
        await page.Locator("[data-testid='personnummer']").FillAsync("19900101-1239");
        await ChooseAsync(page, "title", "Undersköterska");
        await ChooseAsync(page, "unit", "Hemtjänst Centrum");
        await page.Locator("[data-testid='start-date']").FillAsync(startDate);
        await page.Locator("[data-testid='start-date']").PressAsync("Tab");
        await page.Locator("label:has([data-testid='key-Pool'])").ClickAsync();
        await Expect(page.Locator("[data-testid='orderer-email']")).ToHaveValueAsync("anna.lindqvist@kommun.example");

        var systems = page.Locator("[data-testid='derived-systems']");
        await Expect(systems.Locator("tr", new() { HasText = "Lifecare" })).ToContainTextAsync("Utförare");
        await Expect(systems.Locator("tr", new() { HasText = "Swedlock" })).ToContainTextAsync("Standard");
        await Expect(systems.Locator("[data-testid='derived-system']")).ToHaveCountAsync(7);
        await ScreenshotFromTopAsync(session, "order-form-filled");

        await page.Locator("[data-testid='submit']").ClickAsync();

        var caseNumberElement = page.Locator("[data-testid='case-number']");
        await Expect(caseNumberElement).ToHaveTextAsync(CaseNumberPattern());
        var caseNumber = (await caseNumberElement.TextContentAsync())!.Trim();
        Assert.StartsWith($"SOC-{stockholmToday.Year}-", caseNumber, StringComparison.Ordinal);
        await Expect(page.Locator("[data-testid='receipt-employee']")).ToHaveTextAsync("Lisa Andersson, 19900101-****");
        await Expect(page.Locator("[data-testid='receipt-systems']")).ToContainTextAsync("Lifecare: Utförare");
        await ScreenshotFromTopAsync(session, "order-confirmation");

        await page.Locator("[data-testid='to-my-orders']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mina ärenden");
        var row = page.Locator("[data-testid='my-orders'] tr", new() { HasText = caseNumber });
        await Expect(row).ToContainTextAsync("Lisa Andersson");
        await Expect(row).ToContainTextAsync("Ny behörighet");
        await Expect(row.Locator("[data-testid='row-status']")).ToHaveTextAsync("Mottagen");
        await ScreenshotFromTopAsync(session, "my-orders");
    }

    /// <summary>A full-page shot taken while scrolled shows the fixed app bar halfway down: scroll to the top first.</summary>
    private static async Task ScreenshotFromTopAsync(BrowserSession session, string name)
    {
        await session.Page.EvaluateAsync("window.scrollTo(0, 0)");
        await session.ScreenshotAsync(name);
    }

    /// <summary>Opens a MudSelect by the data-testid on its input and picks an option from its popover.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid='{testId}']").ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.Locator($"[data-testid='{testId}']")).ToHaveValueAsync(option);
    }

    [GeneratedRegex(@"^SOC-\d{4}-\d{5}$")]
    private static partial Regex CaseNumberPattern();
}
