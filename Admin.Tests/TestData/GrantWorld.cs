using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Grants;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>
/// The demo organisation on a migrated database with grants put on record as completed cases would leave them, and a
/// fake clock (2026-11-27 in Stockholm): the access view's world. The static helpers put the same grants on any
/// database with the demo organisation, also the running app's, for integration and browser tests. chef1 manages Hemtjänst Centrum and Skrea, chef2
/// Tallgården, Herting and Solgläntan.
/// </summary>
public sealed class GrantWorld : IDisposable
{
    public const string Centrum = "Hemtjänst Centrum";
    public const string Skrea = "Hemtjänst Skrea";
    public const string Tallgarden = "Tallgårdens vård- och omsorgsboende";
    public const string Chef1Email = "anna.lindqvist@kommun.example";

    /// <summary>Valid personnummer (check digits computed) besides those of <see cref="OrderRequests"/>.</summary>
    public const string Pnr1988 = "19880412-1237";
    public const string Pnr1992 = "19920730-4560";
    public const string Pnr1977 = "19770903-2341";

    public static readonly DateOnly Today = new(2026, 11, 27);

    private GrantWorld(TestDatabase database)
    {
        Database = database;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = AppServices.Clock();

    public static async Task<GrantWorld> CreateAsync()
    {
        var database = await TestDatabase.CreateMigratedAsync();
        var world = new GrantWorld(database);
        await database.SeedDemoDataAsync(world.Clock);
        return world;
    }

    public UnitGrants Service(string user) => AppServices.UnitGrants(Database, user, Clock);

    public Task<int> UnitIdAsync(string name) => UnitIdAsync(Database, name);

    /// <summary>A grant of <paramref name="unit"/>'s own staff, from an extend order placed in that unit.</summary>
    public Task<int> AddStaffGrantAsync(
        string unit, string employeeName, string personnummer, string system = "Lifecare", string level = "Utförare",
        DateOnly? from = null, DateOnly? to = null) =>
        AddStaffGrantAsync(AppServices.OrderIntake(Database, Clock), Database, Today, unit, employeeName, personnummer, system, level, from, to);

    /// <summary>A grant in <paramref name="unit"/> for someone from <paramref name="homeUnit"/>, from an order for temporary access.</summary>
    public Task<int> AddVisitorGrantAsync(
        string homeUnit, string unit, string employeeName, string personnummer, string system = "Lifecare",
        string level = "Utförare", DateOnly? from = null, DateOnly? to = null) =>
        AddVisitorGrantAsync(
            AppServices.OrderIntake(Database, Clock), Database, Today, homeUnit, unit, employeeName, personnummer, system, level, from, to);

    /// <inheritdoc cref="AddStaffGrantAsync(string, string, string, string, string, DateOnly?, DateOnly?)"/>
    public static async Task<int> AddStaffGrantAsync(
        OrderIntake intake, IDbContextFactory<SocItDbContext> factory, DateOnly today, string unit, string employeeName, string personnummer,
        string system = "Lifecare", string level = "Utförare", DateOnly? from = null, DateOnly? to = null)
    {
        var request = (OrderRequests.Extend(personnummer) with
        {
            EmployeeName = employeeName,
            StartDate = today,
            EndDate = null,
            Systems = [new RequestedSystemInput(system, level)],
        }).ForUnit(unit);
        var order = await PlaceAsync(intake, factory, request);
        return await AddGrantAsync(factory, order, unit, system, level, from ?? today.AddDays(-100), to);
    }

    /// <inheritdoc cref="AddVisitorGrantAsync(string, string, string, string, string, string, DateOnly?, DateOnly?)"/>
    public static async Task<int> AddVisitorGrantAsync(
        OrderIntake intake, IDbContextFactory<SocItDbContext> factory, DateOnly today, string homeUnit, string unit, string employeeName,
        string personnummer, string system = "Lifecare", string level = "Utförare", DateOnly? from = null, DateOnly? to = null)
    {
        var lastDay = to ?? today.AddDays(30);
        var request = (OrderRequests.TemporaryUnit(personnummer) with
        {
            EmployeeName = employeeName,
            TargetUnit = unit,
            StartDate = today,
            EndDate = lastDay,
        }).ForUnit(homeUnit);
        var order = await PlaceAsync(intake, factory, request);
        return await AddGrantAsync(factory, order, unit, system, level, from ?? today.AddDays(-5), lastDay);
    }

    /// <summary>Takes, ticks and completes a case as an operator would (without the grants completing would write).</summary>
    public async Task CompleteAsync(int orderId)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId, ct);
        var op = new Actor("op", "Sara Nilsson");
        var now = Clock.GetUtcNow();
        order.Take(op, now, CaseChecklist.For(order, [], null, hasPersonalCode: false, keysToReturn: []));
        await db.SaveChangesAsync(ct);
        foreach (var item in order.Checklist)
        {
            order.MarkItem(item.Id, ChecklistState.Done, op, now, null);
        }

        order.Consent?.Approve(op, now);
        order.MoveTo(OrderStatus.Completed, op, now);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<int> UnitIdAsync(IDbContextFactory<SocItDbContext> factory, string name)
    {
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Any order, placed through intake as the order form would (not completed).</summary>
    public Task<Order> PlaceAsync(OrderRequest request) => PlaceAsync(AppServices.OrderIntake(Database, Clock), Database, request);

    private static async Task<Order> PlaceAsync(OrderIntake intake, IDbContextFactory<SocItDbContext> factory, OrderRequest request)
    {
        var ct = TestContext.Current.CancellationToken;
        var placed = await intake.PlaceAsync(request, OrderChannel.Console, new Actor("test", "Test"), ct: ct);
        var receipt = placed switch
        {
            PlaceOrderResult.Created created => created.Receipt,
            PlaceOrderResult.Invalid invalid => throw new InvalidOperationException(string.Join("; ", invalid.Errors.SelectMany(e => e.Value))),
            _ => throw new InvalidOperationException(placed.ToString()),
        };
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == receipt.Id, ct);
    }

    private static async Task<int> AddGrantAsync(
        IDbContextFactory<SocItDbContext> factory, Order order, string unit, string system, string level, DateOnly from, DateOnly? to)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await factory.CreateDbContextAsync(ct);
        var unitId = await db.Units.Where(u => u.Name == unit).Select(u => u.Id).SingleAsync(ct);
        var found = await db.ItSystems.Where(s => s.Name == system)
            .Select(s => new { s.Id, LevelId = s.Levels.Where(l => l.Name == level).Select(l => l.Id).Single() })
            .SingleAsync(ct);
        var owner = await TestEmployments.OwnerAsync(db, order.EmployeeId, unitId, unit, from, order.Id, ct);
        var grant = new Grant(order.EmployeeId, found.Id, system, found.LevelId, level, unitId, unit, from, to, order.Id, order.CaseNumber, owner);
        db.Grants.Add(grant);
        await db.SaveChangesAsync(ct);
        return grant.Id;
    }

    public void Dispose() => Database.Dispose();
}
