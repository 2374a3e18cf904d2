using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>The manager's review pages through the real app: who may open them, and whose lines they show.</summary>
public class ReviewAuthorizationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/my-reviews", "chef1", HttpStatusCode.OK)]
    [InlineData("/my-reviews", "chef2", HttpStatusCode.OK)]
    [InlineData("/my-reviews", "operator", HttpStatusCode.Forbidden)]
    [InlineData("/my-reviews", "admin", HttpStatusCode.Forbidden)]
    [InlineData("/my-reviews", "utanroll", HttpStatusCode.Forbidden)]
    [InlineData("/my-reviews/1", "chef1", HttpStatusCode.NotFound)]
    [InlineData("/my-reviews/1", "operator", HttpStatusCode.Forbidden)]
    [InlineData("/my-reviews/1", "admin", HttpStatusCode.Forbidden)]
    [InlineData("/my-reviews/1", "utanroll", HttpStatusCode.Forbidden)]
    public async Task Page_AnswersByRole(string path, string user, HttpStatusCode expected)
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient(user);

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/my-reviews")]
    [InlineData("/my-reviews/1")]
    public async Task Anonymous_IsSentToSignIn(string path)
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AdminAppFactory.EntraAuthorizeEndpoint, response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherManager_OpeningARoundOfChef1sUnit_GetsNotFound_AndSeesNothingOfIt()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var id = await RoundOfHemtjanstCentrumAsync(app.Services);

        using var chef2 = app.CreateTestClient("chef2");
        using var refusedResponse = await chef2.GetAsync($"/my-reviews/{id}", Ct);
        var refused = await refusedResponse.Content.ReadAsStringAsync(Ct);
        var chef2List = await chef2.GetStringAsync("/my-reviews", Ct);
        using var chef1 = app.CreateTestClient("chef1");
        var own = await chef1.GetStringAsync($"/my-reviews/{id}", Ct);
        var chef1List = await chef1.GetStringAsync("/my-reviews", Ct);

        // The first response answers 404 with the status-code page; inside the app the page itself says the round does
        // not exist or is not theirs (bunit: ReviewTaskPageTests).
        Assert.Equal(HttpStatusCode.NotFound, refusedResponse.StatusCode);
        Assert.Contains("Sidan finns inte", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisa Andersson", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemtjänst Centrum", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Granskning av Centrum", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Granskning av Centrum", chef2List, StringComparison.Ordinal);
        Assert.Contains("Du har ingen granskning att svara på just nu.", chef2List, StringComparison.Ordinal);
        Assert.Contains("Lisa Andersson", own, StringComparison.Ordinal);
        Assert.Contains("0 av 1 rad besvarad", own, StringComparison.Ordinal);
        Assert.Contains("Granskning av Centrum", chef1List, StringComparison.Ordinal);
    }

    /// <summary>The demo organisation, one grant of chef1's staff, and a round over Hemtjänst Centrum started as admin.</summary>
    internal static async Task<int> RoundOfHemtjanstCentrumAsync(IServiceProvider app)
    {
        await using var scope = app.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        var clock = services.GetRequiredService<TimeProvider>();
        var today = AdminTimeZone.Today(clock);
        var factory = services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await FollowUpWorld.AddTemporaryGrantAsync(
            services.GetRequiredService<OrderIntake>(), factory, today, "chef1", today.AddDays(100), from: today.AddDays(-10));
        int centrum;
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            centrum = await db.Units.Where(u => u.Name == ReviewWorld.Centrum).Select(u => u.Id).SingleAsync(Ct);
        }

        var rounds = new ReviewRounds(
            factory, services.GetRequiredService<ReviewMail>(), AppServices.CurrentUser("admin"), services.GetRequiredService<AuditTrail>(),
            services.GetRequiredService<AuditedChange>(), clock);
        var started = await rounds.StartAsync(
            new ReviewRoundForm { Name = "Granskning av Centrum", UnitIds = [centrum], DueDate = today.AddDays(14) }, Ct);
        return Assert.IsType<ReviewResult.Done>(started).Id!.Value;
    }
}
