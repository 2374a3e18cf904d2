using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>Snackbars at 1366 × 768: beside the page, never over a control in it, and gone after navigation.</summary>
[Collection(BrowserTestGroup.Name)]
public class SnackbarBrowserTests
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");

    /// <summary>The visible controls of the page (not the menu or the app bar) that a rectangle overlaps.</summary>
    private const string CoveredControls = """
        box => [...document.querySelectorAll('.mud-main-content a, .mud-main-content button, .mud-main-content input, .mud-main-content [role=button]')]
            .map(e => ({ text: (e.innerText || e.getAttribute('aria-label') || e.tagName).trim(), r: e.getBoundingClientRect() }))
            .filter(c => c.r.width > 0 && c.r.height > 0 && c.r.bottom > 0 && c.r.top < window.innerHeight)
            .filter(c => c.r.left < box.x + box.width && c.r.right > box.x && c.r.top < box.y + box.height && c.r.bottom > box.y)
            .map(c => c.text)
        """;

    [Fact]
    public async Task Snackbars_StayBesideThePage_ErrorsUntilClosed_AndNotAcrossNavigation()
    {
        await using var session = await BrowserSession.StartAsync();
        var first = await PlaceAsync(session, OrderRequests.NewUndersköterska());
        await TestEmployments.EmployAsync(
            session.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>(), OrderRequests.Pnr1985, "Erik Berg");
        var second = await PlaceAsync(session, OrderRequests.Terminate(OrderRequests.Pnr1985) with { EmployeeName = "Erik Berg" });
        var page = session.Page;
        await page.GotoAsync("/account/dev-sign-in?userName=operator&returnUrl=/cases");
        await session.WaitForInteractivityAsync();
        var take = page.Locator("[data-testid='take']");
        await Expect(take).ToHaveCountAsync(2);

        await page.Locator("tr", new() { Has = page.Locator($"a[href='/cases/{first}']") }).Locator("[data-testid='take']").ClickAsync();

        var snackbars = page.Locator("#mud-snackbar-container .mud-snackbar");
        await Expect(snackbars).ToHaveCountAsync(1);
        await Expect(snackbars).ToContainTextAsync("tog ärendet");
        var box = (await snackbars.First.BoundingBoxAsync())!;
        var menu = (await page.Locator(".mud-drawer").BoundingBoxAsync())!;
        Assert.True(box.X >= menu.X && box.X + box.Width <= menu.X + menu.Width, $"snackbar {Describe(box)} outside the menu column {Describe(menu)}");
        var covered = await page.EvaluateAsync<string[]>(CoveredControls, new { x = box.X, y = box.Y, width = box.Width, height = box.Height });
        Assert.Empty(covered);
        await session.ScreenshotAsync("snackbar-beside-the-queue");

        // The other case is rejected meanwhile: taking it is refused with a warning, which stays until closed.
        await RejectAsync(session, second);
        await page.Locator("tr", new() { Has = page.Locator($"a[href='/cases/{second}']") }).Locator("[data-testid='take']").ClickAsync();
        // The warning replaces the confirmation; that it stays until closed is SnackbarPlacementTests' to show.
        await Expect(snackbars).ToHaveCountAsync(1);
        await Expect(snackbars).Not.ToContainTextAsync("tog ärendet");
        await Expect(snackbars.Locator("button")).ToBeVisibleAsync();

        await page.Locator("a[data-nav='/keys']").ClickAsync();

        await page.WaitForURLAsync(session.BaseUrl + "/keys", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(snackbars).ToHaveCountAsync(0);
    }

    private static string Describe(LocatorBoundingBoxResult box) => JsonSerializer.Serialize(new { box.X, box.Y, box.Width, box.Height });

    private static async Task<int> PlaceAsync(BrowserSession session, OrderRequest request)
    {
        await using var scope = session.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrderIntake>().PlaceAsync(request, OrderChannel.Console, Chef);
        return Assert.IsType<PlaceOrderResult.Created>(result).Receipt.Id;
    }

    private static async Task RejectAsync(BrowserSession session, int orderId)
    {
        await using var scope = session.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        order.MoveTo(OrderStatus.Rejected, new Actor("other-operator-oid", "Per Persson"), DateTimeOffset.UtcNow, "Dubblett");
        await db.SaveChangesAsync();
    }
}
