using System.Net;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// Object-level checks in the services, below the pages: every manager operation that takes an id, called as chef2
/// with the id of chef1's object, is refused (or finds nothing) and changes nothing — no audit entry, no order, no
/// answer. The access view's operations (list, export, request end or extension by grant id) are covered the same way
/// in <c>Features/Grants/UnitGrantsTests</c> (<c>AnotherManager_AskingForChef1sUnitById_IsRefused_AndSeesNothingOfIt</c>,
/// <c>AnotherManager_CannotEndOrExtendChef1sGrants_ByTheirId</c>, <c>Export_OfAnotherManagersUnit_IsRefused_AndNothingIsRecorded</c>).
/// </summary>
public class ObjectLevelAuthorizationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryRouteThatTakesAnId_HasAnObjectLevelCase()
    {
        await using var app = AdminAppFactory.EntraId();
        var cases = new MatrixSamples(0, string.Empty, 0, 0, 0, 0, string.Empty, 0).ObjectRoutes;

        var withParameters = AuthorizationMatrixTests.MappedEndpoints(app.Services)
            .Select(e => e.Endpoint.RoutePattern)
            .Where(p => p.Parameters.Count > 0)
            .Select(p => p.RawText!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(withParameters);
        Assert.Empty(withParameters.Where(r => !cases.ContainsKey(r) && !MatrixSamples.NotObjectRoutes.ContainsKey(r))
            .Select(r => $"{r} takes a parameter but has no object-level case in {nameof(MatrixSamples)}"));
        Assert.Empty(cases.Keys.Where(r => !withParameters.Contains(r)).Select(r => $"{r} is not mapped any more"));
    }

    [Fact]
    public async Task AnotherManager_AskingForChef1sObjectsById_Gets403Or404_AndSeesNoneOfTheirData()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var samples = await MatrixSamples.CreateAsync(app.Services);
        using var chef2 = app.CreateTestClient("chef2");
        using var chef1 = app.CreateTestClient("chef1");
        string[] secrets = [MatrixSamples.EmployeeName, samples.CaseNumber, samples.KeyNumber, OrderRequests.Pnr1990, OrderRequests.Pnr1990[2..8]];

        var failures = new List<string>();
        var asked = 0;
        foreach (var (route, path) in samples.ObjectRoutes.Concat(samples.QueryObjectRoutes))
        {
            using var response = await chef2.GetAsync(path, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            asked++;

            // The intake API knows no console users at all: 401 before any object is looked at.
            HttpStatusCode[] refusals = route.StartsWith("/api/", StringComparison.Ordinal)
                ? [HttpStatusCode.Unauthorized]
                : [HttpStatusCode.Forbidden, HttpStatusCode.NotFound];
            if (!refusals.Contains(response.StatusCode))
            {
                failures.Add($"{path} as chef2 answered {(int)response.StatusCode}");
            }

            failures.AddRange(secrets.Where(s => body.Contains(s, StringComparison.Ordinal)).Select(s => $"{path} as chef2 shows '{s}'"));
        }

        // The access list takes the unit as a filter: another manager's unit is refused with a message over their own
        // units (200), and nothing of the unit asked for is shown; its data-bearing export answers 404 above.
        using (var list = await chef2.GetAsync($"/access?unit={samples.UnitId}", Ct))
        {
            var body = await list.Content.ReadAsStringAsync(Ct);
            asked++;
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Contains(SocItConsole.Admin.Features.Grants.UnitGrants.UnitNotFoundMessage, body, StringComparison.Ordinal);
            failures.AddRange(secrets.Where(s => body.Contains(s, StringComparison.Ordinal)).Select(s => $"/access?unit= as chef2 shows '{s}'"));
        }

        // The owner gets the same objects, with the data chef2 did not see.
        foreach (var path in new[] { $"/follow-ups/{samples.FollowUpId}", $"/my-reviews/{samples.RoundId}", $"/access/export.csv?unit={samples.UnitId}" })
        {
            using var response = await chef1.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(MatrixSamples.EmployeeName, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Object-level: {asked} id-taking routes asked as another manager.");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task FollowUp_DetailEndAndExtend_ByAnotherManagersId_AreRefused_AndChangeNothing()
    {
        using var world = await FollowUpWorld.CreateAsync();
        var grant = await world.AddTemporaryGrantAsync("chef1", FollowUpWorld.Today.AddDays(-5));
        await world.RunAsync();
        int id;
        int version;
        await using (var db = world.Database.CreateDbContext())
        {
            var followUp = await db.FollowUps.AsNoTracking().SingleAsync(f => f.GrantId == grant, Ct);
            (id, version) = (followUp.Id, followUp.Version);
        }

        var before = await StateAsync(world.Database);
        var chef2 = AppServices.FollowUpService(world.Database, "chef2", world.Clock);

        var detail = await chef2.GetAsync(id, Ct);
        var end = await chef2.EndAsync(id, version, Ct);
        var extend = await chef2.ExtendAsync(id, version, FollowUpWorld.Today.AddDays(30), Ct);
        var list = await chef2.ListAsync(FollowUpFilter.All, null, 0, 100, Ct);

        Assert.Null(detail);
        Assert.Equal(FollowUpService.NotFoundMessage, Assert.IsType<FollowUpResult.Refused>(end).Message);
        Assert.Equal(FollowUpService.NotFoundMessage, Assert.IsType<FollowUpResult.Refused>(extend).Message);
        Assert.DoesNotContain(list.Items, row => row.Id == id);
        Assert.Equal(before, await StateAsync(world.Database));

        // The same calls as the owner succeed, so the refusals above are about whose it is, not a broken setup.
        Assert.NotNull(await AppServices.FollowUpService(world.Database, "chef1", world.Clock).GetAsync(id, Ct));
    }

    [Fact]
    public async Task Review_RoundLinesAndAnswers_ByAnotherManagersIds_AreRefused_AndChangeNothing()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var shared = await world.StartRoundAsync();
        var centrumOnly = await world.StartRoundAsync(name: "Bara Centrum", units: ReviewWorld.Centrum);
        var centrum = await world.UnitIdAsync(ReviewWorld.Centrum);
        List<ReviewLine> chef1Lines;
        await using (var db = world.Database.CreateDbContext())
        {
            chef1Lines = await db.ReviewLines.AsNoTracking().Where(l => l.RoundId == shared && l.UnitId == centrum).ToListAsync(Ct);
        }

        Assert.NotEmpty(chef1Lines);
        var line = chef1Lines[0];
        var before = await StateAsync(world.Database);
        var chef2 = world.Tasks("chef2");

        var round = await chef2.MyRoundAsync(centrumOnly, Ct);
        var roundLines = await chef2.LinesAsync(centrumOnly, null, ReviewTaskFilter.All, null, 0, 50, Ct);
        var unitLines = await chef2.LinesAsync(shared, centrum, ReviewTaskFilter.All, null, 0, 50, Ct);
        var byId = await chef2.LinesByIdAsync(shared, [.. chef1Lines.Select(l => l.Id)], Ct);
        var keep = await chef2.AnswerAsync(shared, line.Id, ReviewAnswer.Keep, null, Ct);
        var remove = await chef2.AnswerAsync(shared, line.Id, ReviewAnswer.Remove, "inte min", Ct);
        var retry = await chef2.RetryRemovalOrderAsync(shared, line.Id, Ct);
        var keepAll = await chef2.KeepAllForAsync(shared, centrum, line.EmployeeId, Ct);

        Assert.Null(round);
        Assert.Equal(0, roundLines.Total);
        Assert.Empty(roundLines.Lines);
        Assert.Equal(0, unitLines.Total);
        Assert.Empty(unitLines.Lines);
        Assert.Empty(byId);
        foreach (var refused in new[] { keep, remove, retry, keepAll })
        {
            Assert.Equal(ReviewTasks.NotFoundMessage, Assert.IsType<ReviewResult.Refused>(refused).Message);
        }

        Assert.Equal(before, await StateAsync(world.Database));

        // The owner reaches the same objects.
        var chef1 = world.Tasks("chef1");
        Assert.NotNull(await chef1.MyRoundAsync(centrumOnly, Ct));
        Assert.Equal(chef1Lines.Count, (await chef1.LinesByIdAsync(shared, [.. chef1Lines.Select(l => l.Id)], Ct)).Count);
    }

    /// <summary>Everything a refused operation could have touched: audit entries, orders, follow-ups and review answers.</summary>
    private static async Task<string> StateAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var audit = await db.AuditEntries.CountAsync(Ct);
        var orders = await db.Orders.CountAsync(Ct);
        var followUps = await db.FollowUps.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new { f.Id, f.Status, f.Version }).ToListAsync(Ct);
        var lines = await db.ReviewLines.AsNoTracking().OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.Answer, l.Comment, l.RemovalOrderId }).ToListAsync(Ct);
        return $"audit={audit} orders={orders} followUps=[{string.Join(',', followUps)}] lines=[{string.Join(',', lines)}]";
    }
}
