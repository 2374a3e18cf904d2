using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public partial class KeyBrowserTests
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");

    [Fact]
    public async Task Operator_RegistersKeys_HandsOneOut_IssuesACode_AndMovesThePersonToThePool()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var employeeId = await PlaceOrderForAsync(session);

        await session.SignInAsync("operator", "/keys");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nycklar");

        // Register two personal keys for Hemtjänst Centrum; a malformed number is refused first and nothing is lost.
        await page.Locator("[data-testid='register-keys']").ClickAsync();
        await ChooseAsync(page, "register-unit", "Hemtjänst Centrum");
        await page.Locator("[data-testid='register-numbers']").FillAsync("7770001\n7770002\n12345");
        await page.Locator("[data-testid='register-save']").ClickAsync();
        await Expect(page.Locator("[data-testid='register-refused']")).ToContainTextAsync("\"12345\" är inte 6–8 siffror");
        await Expect(page.Locator("[data-testid='register-numbers']")).ToHaveValueAsync("7770001\n7770002\n12345");
        await page.Locator("[data-testid='register-numbers']").FillAsync("7770001\n7770002");
        await page.Locator("[data-testid='register-save']").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("2 nycklar registrerades för Hemtjänst Centrum: 7770001, 7770002.");
        await session.ScreenshotAsync("keys-registered");

        // Find the new key and hand it out.
        await page.Locator("[data-testid='keys-search']").FillAsync("7770001");
        await page.Locator("[data-testid='keys-search']").PressAsync("Enter");
        var rows = page.Locator("[data-testid='keys'] [data-testid='row-key']");
        await Expect(rows).ToHaveCountAsync(1);
        await rows.First.ClickAsync();
        await Expect(page.Locator("[data-testid='key-number']")).ToHaveTextAsync("7770001");
        await page.Locator("[data-testid='assign']").ClickAsync();
        var picker = page.Locator("[data-testid='assign-employee']");
        await picker.ClickAsync();
        await Expect(picker).ToBeFocusedAsync();
        await picker.PressSequentiallyAsync("Lisa");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Lisa Andersson" }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await page.Locator("[data-testid='assign-save']").ClickAsync();
        await Expect(page.Locator("[data-testid='key-holder']")).ToHaveTextAsync("Lisa Andersson");
        await Expect(page.Locator("[data-testid='key-status']")).ToHaveTextAsync("Utlämnad");
        await Expect(page.Locator("[data-testid='key-history'] tbody tr")).ToHaveCountAsync(2);
        await session.ScreenshotAsync("key-handed-out");

        // On the employee page: issue the personal code, shown once.
        await page.Locator("[data-testid='key-holder'] a").ClickAsync();
        await Expect(page.Locator("[data-testid='employee-name']")).ToHaveTextAsync("Lisa Andersson");
        var panel = page.Locator("[data-testid='employee-keys']");
        await Expect(panel.Locator("[data-testid='held-keys']")).ToContainTextAsync("7770001");
        await panel.Locator("[data-testid='issue-code']").ClickAsync();
        var shown = page.Locator("[data-testid='one-time-code']");
        await Expect(shown).ToHaveTextAsync(SixDigits());
        var code = await shown.TextContentAsync();
        await session.ScreenshotAsync("personal-code-shown-once");
        await page.Locator("[data-testid='code-done']").ClickAsync();
        await Expect(shown).ToHaveCountAsync(0);
        await Expect(panel.Locator("[data-testid='code-status']")).ToContainTextAsync("Version 1");
        Assert.DoesNotContain(code!, await page.ContentAsync(), StringComparison.Ordinal);

        // Move to the pool: the key is to be returned, the membership starts today, the code stays.
        await panel.Locator("[data-testid='move-to-pool']").ClickAsync();
        await ChooseAsync(page, "move-pool", "Hemtjänst Centrum – Personalpool");
        await page.Locator("[data-testid='move-save']").ClickAsync();
        await Expect(panel.Locator("[data-testid='memberships']")).ToContainTextAsync("Personalpool");
        await Expect(panel.Locator("[data-testid='held-keys']")).ToContainTextAsync("Ska återlämnas");
        await Expect(panel.Locator("[data-testid='code-status']")).ToContainTextAsync("Version 1");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await session.ScreenshotAsync("employee-moved-to-pool");

        await using var scope = session.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var ct = TestContext.Current.CancellationToken;
        await using var db = await factory.CreateDbContextAsync(ct);
        var stored = await db.PersonalCodes.SingleAsync(c => c.EmployeeId == employeeId, ct);
        Assert.True(stored.Verify(code));
        Assert.DoesNotContain(code!, stored.Hash, StringComparison.Ordinal);
    }

    private static async Task<int> PlaceOrderForAsync(BrowserSession session)
    {
        await using var scope = session.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<OrderIntake>();
        var request = OrderRequests.NewUndersköterska() with { StartDate = AdminTimeZone.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>()).AddDays(14) };
        var result = Assert.IsType<PlaceOrderResult.Created>(await intake.PlaceAsync(request, OrderChannel.Console, Chef));
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Orders.Where(o => o.Id == result.Receipt.Id).Select(o => o.EmployeeId).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Opens a MudSelect by the data-testid on its input and picks an option from its popover.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid='{testId}']").ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        // A closing popover can still cover the dialog's buttons on a loaded machine: wait until it is gone.
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex SixDigits();
}
