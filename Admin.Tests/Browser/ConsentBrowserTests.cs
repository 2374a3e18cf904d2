using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>Temporary access to another manager's unit waits for that manager's consent, in the real app (issue 20).</summary>
[Collection(BrowserTestGroup.Name)]
public class ConsentBrowserTests
{
    [Fact]
    [Trait("Category", "Browser")]
    public async Task TemporaryAccessToChef2sUnit_CannotBeCompleted_UntilChef2ApprovesItOnAttGodkanna()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        // chef1 orders temporary access to Tallgården, Erik Johansson's (chef2's) unit, for one of her staff.
        var id = await CaseBrowserTests.PlaceAsync(session, OrderRequests.TemporaryUnit() with { StartDate = CaseBrowserTests.StockholmToday() });

        await CaseBrowserTests.SignInAsOperatorAsync(session, $"/cases/{id}");
        await Expect(page.Locator("[data-testid='consent-panel']")).ToHaveAttributeAsync("data-status", "Pending");
        await page.Locator("[data-testid='take']").ClickAsync();
        await Expect(page.Locator("[data-testid='case-status']")).ToHaveTextAsync("Under arbete");
        var items = page.Locator("[data-testid='checklist-item']");
        var count = await items.CountAsync();
        Assert.True(count > 0);
        for (var i = 0; i < count; i++)
        {
            await items.Nth(i).Locator("[data-testid='mark-Done']").ClickAsync();
            await Expect(items.Nth(i)).ToHaveAttributeAsync("data-state", "Done");
        }

        // Every item is done, and still the case waits for the receiving unit.
        await Expect(page.Locator("[data-testid='complete']")).ToBeDisabledAsync();
        await Expect(page.Locator("[data-testid='completion-block']")).ToContainTextAsync("har inte godkänt behörigheten ännu");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "consent-case-waiting");

        await session.SignInAsync("chef2", "/approvals");
        var caseNumber = await CaseNumberAsync(session, id);
        var card = page.Locator($"[data-testid='approval'][data-case='{caseNumber}']");
        await Expect(card.Locator("[data-testid='approval-person']")).ToHaveTextAsync("Lisa Andersson");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "consent-approvals");
        await card.Locator("[data-testid='approve']").ClickAsync();
        // The static page confirms in the card (a POST form) where the message box asked.
        await card.Locator("[data-testid='approve-confirm']").ClickAsync();
        await Expect(card).ToHaveCountAsync(0);

        await CaseBrowserTests.SignInAsOperatorAsync(session, $"/cases/{id}");
        await Expect(page.Locator("[data-testid='consent-panel']")).ToHaveAttributeAsync("data-status", "Approved");
        await Expect(page.Locator("[data-testid='consent-decided']")).ToContainTextAsync("Erik Johansson");
        await page.Locator("[data-testid='complete']").ClickAsync();
        await Expect(page.Locator("[data-testid='case-status']")).ToHaveTextAsync("Klar");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "consent-case-completed");
    }

    private static async Task<string> CaseNumberAsync(BrowserSession session, int id)
    {
        var factory = session.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Orders.Where(o => o.Id == id).Select(o => o.CaseNumber).SingleAsync(TestContext.Current.CancellationToken);
    }
}
