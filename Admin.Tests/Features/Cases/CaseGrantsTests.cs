using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Cases;

/// <summary>
/// Completing a case places its access in an employment (decision 0034): a new access order starts one (fixed-term with
/// an end date), an extension joins it, temporary access elsewhere makes a placement hanging off it, an end of
/// employment ends it, and a person who comes back gets a new one.
/// </summary>
public sealed class CaseGrantsTests : IAsyncLifetime
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");

    private TestDatabase? _database;
    private CaseWork? _work;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private CaseWork Work => _work ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
        _work = AppServices.CaseWork(_database, "operator");
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task NewAccess_StartsAnEmployment_ExtensionJoinsIt_TemporaryAccessElsewhereHangsAPlacementOffIt()
    {
        var hired = await CompleteAsync(OrderRequests.NewUndersköterska());
        var extended = await CompleteAsync(OrderRequests.Extend());
        var placed = await CompleteAsync(OrderRequests.TemporaryUnit() with { StartDate = new DateOnly(2027, 1, 10) });

        await using var db = Database.CreateDbContext();
        var employment = await db.Employments.SingleAsync(Ct);
        Assert.Equal(("Hemtjänst Centrum", "Undersköterska", new DateOnly(2026, 12, 7), (DateOnly?)null, (int?)hired, false),
            (employment.UnitName, employment.TitleName, employment.From, employment.To, employment.StartedByOrderId, employment.IsFixedTerm));
        var orders = await db.Orders.ToDictionaryAsync(o => o.Id, o => o.EmploymentId, Ct);
        Assert.All([hired, extended, placed], id => Assert.Equal(employment.Id, orders[id]));
        var assignment = await db.TemporaryAssignments.SingleAsync(Ct);
        Assert.Equal((employment.Id, "Tallgårdens vård- och omsorgsboende", new DateOnly(2027, 1, 10), new DateOnly(2027, 1, 31), placed),
            (assignment.EmploymentId, assignment.UnitName, assignment.From, assignment.To, assignment.OrderId));
        var grants = await db.Grants.ToListAsync(Ct);
        Assert.All(grants, g => Assert.Equal(employment.Id, g.EmploymentId));
        Assert.All(grants, g => Assert.Equal(g.SourceOrderId == placed ? assignment.Id : null, g.AssignmentId));
        Assert.Contains(grants, g => g.SourceOrderId == placed);
    }

    [Fact]
    public async Task NewAccessWithAnEndDate_IsAFixedTermEmployment()
    {
        await CompleteAsync(OrderRequests.NewUndersköterska() with { EndDate = new DateOnly(2027, 8, 15) });

        await using var db = Database.CreateDbContext();
        var employment = await db.Employments.SingleAsync(Ct);
        Assert.True(employment.IsFixedTerm);
        Assert.Equal(new DateOnly(2027, 8, 15), employment.To);
        Assert.All(await db.Grants.ToListAsync(Ct), g => Assert.Equal(new DateOnly(2027, 8, 15), g.To));
    }

    [Fact]
    public async Task EndOfEmployment_EndsIt_AndAPersonWhoComesBack_GetsANewEmployment()
    {
        await CompleteAsync(OrderRequests.NewUndersköterska());
        var ended = await CompleteAsync(OrderRequests.Terminate());
        var rehired = await CompleteAsync(OrderRequests.NewUndersköterska() with { StartDate = new DateOnly(2027, 2, 1) });

        await using var db = Database.CreateDbContext();
        var employments = await db.Employments.OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(2, employments.Count);
        Assert.Equal((new DateOnly(2026, 12, 31), (int?)ended), (employments[0].To!.Value, employments[0].EndedByOrderId));
        Assert.Equal((new DateOnly(2027, 2, 1), (DateOnly?)null, (int?)rehired), (employments[1].From, employments[1].To, employments[1].StartedByOrderId));
        Assert.Equal(employments[0].Id, (await db.Orders.SingleAsync(o => o.Id == ended, Ct)).EmploymentId);
        var grants = await db.Grants.ToListAsync(Ct);
        Assert.All(grants.Where(g => g.EmploymentId == employments[0].Id), g => Assert.Equal(new DateOnly(2026, 12, 31), g.To));
        Assert.All(grants.Where(g => g.EmploymentId == employments[1].Id), g => Assert.Null(g.To));
        Assert.Equal(grants.Count / 2, grants.Count(g => g.EmploymentId == employments[1].Id));
    }

    private async Task<int> CompleteAsync(OrderRequest request)
    {
        var placed = await AppServices.OrderIntake(Database).PlaceAsync(request, OrderChannel.Console, Chef, ct: Ct);
        var orderId = Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id;
        await TestConsents.ApproveAsync(Database, orderId, AppServices.Clock().GetUtcNow());
        var version = Assert.IsType<CaseResult.Done>(await Work.TakeAsync(orderId, 0, Ct)).Version;
        foreach (var item in (await Work.GetAsync(orderId, Ct))!.Checklist)
        {
            version = Assert.IsType<CaseResult.Done>(await Work.MarkItemAsync(orderId, version, item.Id, ChecklistState.Done, null, Ct)).Version;
        }

        Assert.IsType<CaseResult.Done>(await Work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct));
        return orderId;
    }
}
