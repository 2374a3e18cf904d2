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

    /// <summary>
    /// "Utsedda beställare" is static with one island (decision 0049): the unit is a GET form in the address, the
    /// appoint dialog is the island's and refreshes the list, and "Avsluta uppdraget" asks in the page and ends by a
    /// POST form. chef2 has nobody appointed.
    /// </summary>
    [Fact]
    public async Task Chef2_AppointsThroughTheIsland_ThenEndsTheAppointmentThroughThePage()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        const string unit = "Tallgårdens vård- och omsorgsboende";

        await session.SignInAsync("chef2", "/orderers");
        await Expect(page.Locator("[data-testid='empty']")).ToContainTextAsync("Ingen är utsedd att beställa här just nu.");
        await page.Locator("[data-testid='filter-unit']").SelectOptionAsync(new SelectOptionValue { Label = unit });
        await Expect(page).ToHaveURLAsync(new Regex(@"/orderers\?unit=\d+$"));
        await session.WaitForInteractivityAsync();

        // The island, still live after the enhanced navigation, opens the dialog with the chosen unit.
        await page.Locator("[data-testid='appoint']").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator("input[data-testid='appoint-unit']")).ToHaveValueAsync(unit);
        await dialog.Locator("input[data-testid='appoint-name']").FillAsync("Nils Nord");
        await dialog.Locator("input[data-testid='appoint-email']").FillAsync("nils.nord@kommun.example");
        await session.ScreenshotAsync("orderers-appoint-dialog");
        await dialog.Locator("[data-testid='appoint-save']").ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Nils Nord (nils.nord@kommun.example) utsågs att beställa för {unit}");
        await Expect(page.Locator("[data-testid='row-name']")).ToHaveTextAsync("Nils Nord");
        await Expect(page.Locator("[data-testid='summary']")).ToHaveTextAsync("1 utsedd beställare");

        await page.Locator("[data-testid='row-end']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]end=\d+"));
        await Expect(page.Locator("[data-testid='end-question']")).ToContainTextAsync($"Nils Nord kan inte längre beställa för {unit}");
        await session.ScreenshotAsync("orderers-end-question");
        await page.Locator("[data-testid='end-confirm']").ClickAsync();

        await Expect(page.Locator("[data-testid='feedback']")).ToContainTextAsync($"Nils Nords uppdrag att beställa för {unit} avslutades");
        await Expect(page.Locator("[data-testid='end-question']")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid='empty']")).ToBeVisibleAsync();
        await page.Locator("[data-testid='status-ended']").ClickAsync();
        await Expect(page.Locator("[data-testid='row-name']")).ToHaveTextAsync("Nils Nord");
        await Expect(page.Locator("[data-testid='row-status']")).ToHaveTextAsync("Upphörd");
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
