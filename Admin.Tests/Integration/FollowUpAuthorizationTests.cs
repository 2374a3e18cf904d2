using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>The follow-up pages and the outbox through the real app: who may open them, and whose items they show.</summary>
public class FollowUpAuthorizationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/follow-ups", "chef1", HttpStatusCode.OK)]
    [InlineData("/follow-ups", "operator", HttpStatusCode.OK)]
    [InlineData("/follow-ups", "admin", HttpStatusCode.Forbidden)]
    [InlineData("/follow-ups", "utanroll", HttpStatusCode.Forbidden)]
    [InlineData("/follow-ups/1", "chef2", HttpStatusCode.NotFound)]
    [InlineData("/follow-ups/1", "utanroll", HttpStatusCode.Forbidden)]
    [InlineData("/outbox", "operator", HttpStatusCode.OK)]
    [InlineData("/outbox", "admin", HttpStatusCode.OK)]
    [InlineData("/outbox", "chef1", HttpStatusCode.Forbidden)]
    [InlineData("/outbox", "utanroll", HttpStatusCode.Forbidden)]
    public async Task Page_AnswersByRole(string path, string user, HttpStatusCode expected)
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient(user);

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AnotherManager_OpeningAFollowUpById_GetsNotFound_AndSeesNothingOfIt()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var id = await FollowUpForChef1Async(app.Services);

        using var chef2 = app.CreateTestClient("chef2");
        using var refusedResponse = await chef2.GetAsync($"/follow-ups/{id}", Ct);
        var refused = await refusedResponse.Content.ReadAsStringAsync(Ct);
        using var chef1 = app.CreateTestClient("chef1");
        var own = await chef1.GetStringAsync($"/follow-ups/{id}", Ct);

        // The first response answers 404 and the status-code page shows "Sidan finns inte"; inside the app the page
        // itself says that the follow-up does not exist or is not theirs (bunit: FollowUpsPageTests).
        Assert.Equal(HttpStatusCode.NotFound, refusedResponse.StatusCode);
        Assert.Contains("Sidan finns inte", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisa Andersson", refused, StringComparison.Ordinal);
        Assert.Contains("Lisa Andersson", own, StringComparison.Ordinal);
        Assert.Contains("Utgången sedan 5 dagar", own, StringComparison.Ordinal);
        Assert.Single(ReminderMails(mail.Path));
    }

    /// <summary>
    /// The expiry reminders in a pickup folder, by their file name (their Message-Id): the order that made the grant
    /// gave its orderer a receipt too (besked), sent in the background as soon as the order was saved.
    /// </summary>
    internal static string[] ReminderMails(string folder) => Directory.GetFiles(folder, "expiry-*.eml");

    /// <summary>The demo organisation, one expired grant of chef1's staff, and the expiry check run (once a day's work).</summary>
    internal static async Task<int> FollowUpForChef1Async(IServiceProvider app)
    {
        await using var scope = app.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        var today = AdminTimeZone.Today(TimeProvider.System);
        var factory = services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var grantId = await FollowUpWorld.AddTemporaryGrantAsync(
            services.GetRequiredService<OrderIntake>(), factory, today, "chef1", today.AddDays(-5));
        // Under the job's lease, as every run in the app goes: the start-up catch-up may be running the same job in
        // the background, and two runs at once would both remind chef1.
        var run = services.GetRequiredService<FollowUpRun>();
        await services.GetRequiredService<JobRunner>().RunAsync(
            FollowUpRun.JobId, JobRunner.ScheduledWait, leased => run.RunAsync(today, dryRun: false, leased), Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        return (await db.FollowUps.SingleAsync(f => f.GrantId == grantId, Ct)).Id;
    }
}
