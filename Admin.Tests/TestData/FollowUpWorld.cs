using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>
/// The demo organisation on a migrated database with temporary grants put on record as completed cases would leave
/// them, a fake clock (2026-11-27 in Stockholm) and a recording mail sender: the expiry check's world.
/// </summary>
public sealed class FollowUpWorld : IDisposable
{
    public const string Chef1Email = "anna.lindqvist@kommun.example";
    public const string Chef2Email = "erik.johansson@kommun.example";
    public static readonly DateOnly Today = new(2026, 11, 27);

    private int? _firstGrantId;

    private FollowUpWorld(TestDatabase database)
    {
        Database = database;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = AppServices.Clock();

    public RecordingMailSender Mail { get; } = new();

    public FollowUpOptions Options { get; } = new();

    public static Task<FollowUpWorld> CreateAsync() =>
        CreateAsync(PostgresServer.RunOnPostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite);

    public static async Task<FollowUpWorld> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var world = new FollowUpWorld(database);
        await database.SeedDemoDataAsync(world.Clock);
        return world;
    }

    public DateOnly CurrentDay => SocItConsole.Admin.Infrastructure.Localization.AdminTimeZone.Today(Clock);

    public FollowUpRun Run() => AppServices.FollowUpRun(Database, Mail, Clock, Options);

    /// <summary>The job runner over this world's database and clock: the lease every real run goes through.</summary>
    public SocItConsole.Admin.Infrastructure.Jobs.JobRunner Runner() => AppServices.JobRunner(Database, Clock);

    /// <summary>A run of the check for today as the app runs it: a real run under the job's lease, a dry run without.</summary>
    public Task<FollowUpRunReport> RunAsync(bool dryRun = false) => dryRun
        ? Run().RunAsync(CurrentDay, dryRun: true, TestContext.Current.CancellationToken)
        : Runner().RunAsync(
            FollowUpRun.JobId, TimeSpan.Zero, ct => Run().RunAsync(CurrentDay, dryRun: false, ct), TestContext.Current.CancellationToken);

    /// <summary>Moves the clock on by whole days.</summary>
    public void Advance(int days) => Clock.Advance(TimeSpan.FromDays(days));

    /// <summary>
    /// A temporary Lifecare grant (or <paramref name="system"/>) whose last day is <paramref name="lastDay"/>, for an
    /// employee of chef1 (Hemtjänst Centrum) or chef2 (Tallgården), from an extend order naming them as manager.
    /// </summary>
    public Task<int> AddTemporaryGrantAsync(
        string manager, DateOnly lastDay, string employeeName = "Lisa Andersson", string personnummer = OrderRequests.Pnr1990,
        string system = "Lifecare", string level = "Utförare") =>
        AddTemporaryGrantAsync(
            AppServices.OrderIntake(Database, Clock), Database, Today, manager, lastDay, employeeName, personnummer, system, level);

    /// <summary>
    /// A temporary grant (Lifecare by default) whose last day is <paramref name="lastDay"/>, for an employee of chef1
    /// (Hemtjänst Centrum) or chef2 (Tallgården), from an extend order naming them as manager, on any database that
    /// has the demo organisation — also the running app's, for integration and browser tests.
    /// </summary>
    public static async Task<int> AddTemporaryGrantAsync(
        OrderIntake intake, IDbContextFactory<SocItDbContext> factory, DateOnly today, string manager, DateOnly lastDay,
        string employeeName = "Lisa Andersson", string personnummer = OrderRequests.Pnr1990,
        string system = "Lifecare", string level = "Utförare", DateOnly? from = null, bool permanent = false)
    {
        var ct = TestContext.Current.CancellationToken;
        var (unit, managerName, managerEmail) = manager switch
        {
            "chef1" => ("Hemtjänst Centrum", "Anna Lindqvist", Chef1Email),
            "chef2" => ("Tallgårdens vård- och omsorgsboende", "Erik Johansson", Chef2Email),
            _ => throw new ArgumentException(manager, nameof(manager)),
        };
        var request = OrderRequests.Extend(personnummer) with
        {
            EmployeeName = employeeName,
            Unit = unit,
            StartDate = today.AddDays(-1),
            EndDate = today.AddDays(200),
            Systems = [new RequestedSystemInput(system, level)],
            OrdererName = managerName,
            OrdererEmail = managerEmail,
            ManagerName = managerName,
            ManagerEmail = managerEmail,
        };
        var placed = await intake.PlaceAsync(request, OrderChannel.Console, new Actor("test", managerName), ct: ct);
        var receipt = placed switch
        {
            PlaceOrderResult.Created created => created.Receipt,
            PlaceOrderResult.Invalid invalid => throw new InvalidOperationException(string.Join("; ", invalid.Errors.SelectMany(e => e.Value))),
            _ => throw new InvalidOperationException(placed.ToString()),
        };

        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == receipt.Id, ct);
        var line = order.Systems.Single();
        var grant = new Grant(
            order.EmployeeId, line.SystemId, line.SystemName, line.LevelId, line.LevelName, order.UnitId, order.UnitName,
            from ?? lastDay.AddDays(-60), permanent ? null : lastDay, order.Id, order.CaseNumber,
            await TestEmployments.OwnerAsync(db, order.EmployeeId, order.UnitId, order.UnitName, from ?? lastDay.AddDays(-60), order.Id, ct));
        db.Grants.Add(grant);
        await db.SaveChangesAsync(ct);
        return grant.Id;
    }

    /// <summary>
    /// A grant row of Lisa's (the employee and order of a first temporary grant) with these dates, system id and level
    /// id — any ids: they need not exist, so that each case of a rule test stands alone — ended by
    /// <paramref name="endedByOrderId"/> if given, also with no last day, which the domain never writes but a rule in
    /// SQL must still read right.
    /// </summary>
    public async Task<int> AddGrantRowAsync(int systemId, DateOnly from, DateOnly? to, int? endedByOrderId = null, int levelId = 1)
    {
        var ct = TestContext.Current.CancellationToken;
        _firstGrantId ??= await AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await using var db = Database.CreateDbContext();
        var first = await db.Grants.AsNoTracking().SingleAsync(g => g.Id == _firstGrantId, ct);
        var grant = new Grant(
            first.EmployeeId, systemId, $"System {systemId}", levelId, $"Nivå {levelId}", first.UnitId, first.UnitName,
            from, to, first.SourceOrderId, first.SourceCaseNumber, new GrantOwner(first.EmploymentId, first.AssignmentId));
        db.Grants.Add(grant);
        await db.SaveChangesAsync(ct);
        if (endedByOrderId is { } orderId)
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Grants" SET "EndedByOrderId" = {orderId} WHERE "Id" = {grant.Id}""", ct);
        }

        return grant.Id;
    }

    public void Dispose() => Database.Dispose();
}
