using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public class ReviewBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_StartsARound_Chef1AnswersItWithOneRemoval_AndTheEvidenceShowsTheAnswersAndTheEndOrder()
    {
        await using var session = await BrowserSession.StartAsync();
        var centrum = await SeedAsync(session.Services);
        var page = session.Page;

        // The administrator starts a round over Hemtjänst Centrum.
        await session.SignInAsync("admin", "/reviews");
        await Expect(page.Locator("[data-testid=empty]")).ToContainTextAsync("Ingen granskning har startats ännu.");
        await page.Locator("[data-testid=start-review]").ClickAsync();
        await page.Locator("input[data-testid=review-name], [data-testid=review-name] input").FillAsync("Granskning Centrum hösten 2026");
        await page.Locator($"input[data-testid=unit-{centrum}], [data-testid=unit-{centrum}] input").CheckAsync();
        await Expect(page.Locator("[data-testid=review-preview]")).ToHaveTextAsync("1 verksamhet, 3 rader att gå igenom i dag.");
        await session.ScreenshotAsync("review-start-dialog");
        await page.Locator("[data-testid=review-start]").ClickAsync();
        await Expect(page.Locator("[data-testid=feedback]")).ToContainTextAsync("Granskningen startades med 3 rader. 1 chef har fått en inbjudan via e-post.");
        var roundId = await RoundIdAsync(session.Services);

        // chef1 answers: keeps Jonas's and Lisa's Lifecare, removes Lisa's Qlikview.
        await session.SignInAsync("chef1", "/my-reviews");
        await page.Locator("[data-testid=open-round]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/my-reviews/{roundId}$"));
        var jonas = page.Locator("[data-testid=person]").Filter(new() { HasText = "Jonas Berg" });
        // From the static list to the interactive task page: wait for its circuit before the first click (decision 0049).
        await jonas.WaitForAsync();
        await session.WaitForInteractivityAsync();
        await jonas.Locator("[data-testid=keep-all]").ClickAsync();
        await Expect(jonas.Locator("[data-testid=answered-by]")).ToContainTextAsync("Anna Lindqvist");
        var lisa = page.Locator("[data-testid=person]").Filter(new() { HasText = "Lisa Andersson" });
        await lisa.Locator("[data-testid=line]").Filter(new() { HasText = "Lifecare" }).Locator("[data-testid=keep]").ClickAsync();
        var qlik = lisa.Locator("[data-testid=line]").Filter(new() { HasText = "Qlikview" });
        await qlik.Locator("[data-testid=remove]").ClickAsync();
        await page.Locator("[data-testid=remove-confirm]").ClickAsync();
        await Expect(qlik.Locator("[data-testid=ordered]")).ToContainTextAsync("Avslut beställt: ärende SOC-");
        await Expect(page.Locator("[data-testid=all-done]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("review-task-answered");
        var caseNumber = (await qlik.Locator(".case-number").TextContentAsync())!.Trim();

        // The administrator closes it early, with a reason, and reads the evidence.
        await session.SignInAsync("admin", $"/reviews/{roundId}");
        await page.Locator("[data-testid=close-review]").ClickAsync();
        await page.Locator("textarea[data-testid=close-reason], [data-testid=close-reason] textarea").FillAsync("Alla rader är besvarade.");
        await page.Locator("[data-testid=close-confirm]").ClickAsync();
        await Expect(page.Locator("[data-testid=round-status]")).ToHaveTextAsync("Stängd");
        await page.Locator("[data-testid=evidence-link]").ClickAsync();
        await Expect(page.Locator("[data-testid=evidence-line]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=not-final]")).ToHaveCountAsync(0);
        var removal = page.Locator("[data-testid=evidence-line]").Filter(new() { HasText = "Qlikview" });
        await Expect(removal.Locator("[data-testid=evidence-answer]")).ToHaveTextAsync("Tas bort");
        await Expect(removal.Locator("[data-testid=evidence-outcome]")).ToHaveTextAsync($"Avslut beställt (ärendet {caseNumber} är mottaget)");
        await Expect(removal).ToContainTextAsync("Anna Lindqvist");
        await Expect(page.Locator("[data-testid=evidence-answer]").Filter(new() { HasText = "Behålls" })).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=facts]")).ToContainTextAsync("Stängd");
        await session.ScreenshotAsync("review-evidence");

        await using var scope = session.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);
        var order = await db.Orders.SingleAsync(o => o.CaseNumber == caseNumber, Ct);
        Assert.Equal(SocItConsole.Shared.Orders.OrderType.EndTemporary, order.Type);
        Assert.Equal("Qlikview", Assert.Single(order.Systems).SystemName);
    }

    /// <summary>The demo organisation and three grants in chef1's Hemtjänst Centrum; returns the unit's id.</summary>
    private static async Task<int> SeedAsync(IServiceProvider app)
    {
        await using var scope = app.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        var today = AdminTimeZone.Today(TimeProvider.System);
        var factory = services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var intake = services.GetRequiredService<OrderIntake>();
        await FollowUpWorld.AddTemporaryGrantAsync(
            intake, factory, today, "chef1", today.AddDays(365), "Lisa Andersson", OrderRequests.Pnr1990, "Lifecare", "Utförare", today.AddDays(-30), permanent: true);
        await FollowUpWorld.AddTemporaryGrantAsync(
            intake, factory, today, "chef1", today.AddDays(90), "Lisa Andersson", OrderRequests.Pnr1990, "Qlikview", "Standard", today.AddDays(-30));
        await FollowUpWorld.AddTemporaryGrantAsync(
            intake, factory, today, "chef1", today.AddDays(365), "Jonas Berg", OrderRequests.Pnr1985, "Lifecare", "Utförare", today.AddDays(-30), permanent: true);
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.Units.Where(u => u.Name == ReviewWorld.Centrum).Select(u => u.Id).SingleAsync(Ct);
    }

    private static async Task<int> RoundIdAsync(IServiceProvider app)
    {
        await using var scope = app.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);
        return await db.ReviewRounds.Select(r => r.Id).SingleAsync(Ct);
    }
}
