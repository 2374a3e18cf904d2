using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.TestData;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// Real objects of chef1 (Anna Lindqvist, Hemtjänst Centrum) in the running app's database, and a concrete path for
/// every route template that takes a parameter: the matrix asks each id route for an object that exists, and the
/// object-level tests ask for it as another manager.
/// </summary>
internal sealed record MatrixSamples(
    int CaseId, string CaseNumber, int EmployeeId, int FollowUpId, int RoundId, int KeyId, string KeyNumber, int UnitId)
{
    /// <summary>An order for many that chef1 placed (its receipt page).</summary>
    public int BatchId { get; init; }

    /// <summary>What chef1's objects show and another manager must never see.</summary>
    public const string EmployeeName = "Lisa Andersson";

    /// <summary>Route templates whose parameter is not an object id, with the path the matrix asks for.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotObjectRoutes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/status/{Code:int}"] = "/status/404",
        ["/openapi/{documentName}.json"] = "/openapi/v1.json",
        ["/api/{**path}"] = "/api/finns-inte",
        ["/hangfire/{**path}"] = "/hangfire",
        ["{**path:file}"] = "/finns-inte.txt",
    };

    /// <summary>The route templates that take an object's id, each with the path to chef1's object.</summary>
    public IReadOnlyDictionary<string, string> ObjectRoutes => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/cases/{Id:int}"] = $"/cases/{CaseId}",
        ["/employees/{Id:int}"] = $"/employees/{EmployeeId}",
        ["/keys/{Id:int}"] = $"/keys/{KeyId}",
        ["/follow-ups/{Id:int}"] = $"/follow-ups/{FollowUpId}",
        ["/orders/batch/{Id:int}"] = $"/orders/batch/{BatchId}",
        ["/my-reviews/{RoundId:int}"] = $"/my-reviews/{RoundId}",
        ["/reviews/{RoundId:int}"] = $"/reviews/{RoundId}",
        ["/reviews/{RoundId:int}/evidence"] = $"/reviews/{RoundId}/evidence",
        ["/reviews/{RoundId:int}/evidence.csv"] = $"/reviews/{RoundId}/evidence.csv",
        ["/api/v1/orders/{id:int}"] = $"/api/v1/orders/{CaseId}",
    };

    /// <summary>Routes that take an object's id in the query string, not the path.</summary>
    public IReadOnlyDictionary<string, string> QueryObjectRoutes => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/access/export.csv"] = $"/access/export.csv?unit={UnitId}",
    };

    /// <summary>The path the matrix requests for <paramref name="route"/>; null when a parameter has no sample.</summary>
    public string? PathFor(string route) =>
        !route.Contains('{', StringComparison.Ordinal) ? route
        : ObjectRoutes.TryGetValue(route, out var path) ? path
        : NotObjectRoutes.GetValueOrDefault(route);

    /// <summary>
    /// The demo organisation; a temporary grant of chef1's staff that has run out (an order, so a case, an employee and
    /// a follow-up, with its reminder); a review round over Hemtjänst Centrum; and one of its keys.
    /// </summary>
    public static async Task<MatrixSamples> CreateAsync(IServiceProvider app)
    {
        var ct = TestContext.Current.CancellationToken;
        var followUp = await FollowUpAuthorizationTests.FollowUpForChef1Async(app);
        var round = await ReviewAuthorizationTests.RoundOfHemtjanstCentrumAsync(app);
        await using var scope = app.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(ct);
        var item = await db.FollowUps.AsNoTracking().SingleAsync(f => f.Id == followUp, ct);
        var order = await db.Grants.AsNoTracking().Where(g => g.Id == item.GrantId).Select(g => g.SourceOrderId).SingleAsync(ct);
        var caseNumber = await db.Orders.AsNoTracking().Where(o => o.Id == order).Select(o => o.CaseNumber).SingleAsync(ct);
        var unit = await GrantWorld.UnitIdAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>(), GrantWorld.Centrum);
        var key = await db.Keys.AsNoTracking().Where(k => k.UnitId == unit).OrderBy(k => k.Id).FirstAsync(ct);
        var chef1 = SocItConsole.Admin.Infrastructure.Authentication.CurrentUser.ToActor(
            SocItConsole.Admin.Infrastructure.Authentication.DevUsers.Find("chef1")!.ToPrincipal());
        var batch = new SocItConsole.Shared.Orders.OrderBatch(
            "matrix-sample", 0, SocItConsole.Shared.Orders.OrderChannel.Console, chef1, DateTimeOffset.UtcNow, null);
        db.OrderBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return new MatrixSamples(order, caseNumber, item.EmployeeId, followUp, round, key.Id, key.Number.ToString(), unit) { BatchId = batch.Id };
    }
}
