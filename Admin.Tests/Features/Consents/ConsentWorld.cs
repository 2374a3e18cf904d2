using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.CaseMail;
using SocItConsole.Admin.Features.Consents;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Consents;

/// <summary>
/// The demo organisation on a migrated database and a fake clock that starts on Friday 2026-11-27 at 10:00 in Sweden:
/// chef1 (Anna Lindqvist) manages Hemtjänst Centrum and Skrea, chef2 (Erik Johansson) Tallgården.
/// <see cref="PlaceTemporaryAsync"/> has chef1 order temporary access to Tallgården for one of her staff, which asks
/// chef2 for his consent.
/// </summary>
public sealed class ConsentWorld : IDisposable
{
    public const string Tallgarden = GrantWorld.Tallgarden;
    public const string Chef1Email = FollowUpWorld.Chef1Email;
    public const string Chef2Email = FollowUpWorld.Chef2Email;

    private ConsentWorld(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = AppServices.Clock();

    public RecordingMailSender Mail { get; } = new();

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ConsentWorld> CreateAsync()
    {
        var world = new ConsentWorld(await TestDatabase.CreateMigratedAsync());
        await world.Database.SeedDemoDataAsync(world.Clock);
        return world;
    }

    /// <summary>The consent service acting as <paramref name="userName"/>.</summary>
    public ConsentService Service(string userName) => new(
        Database, AppServices.CurrentUser(userName), AppServices.AuditedChange(Database, userName, Clock), AppServices.CaseNotices(Clock), Clock);

    public ConsentRun Run()
    {
        var settings = Microsoft.Extensions.Options.Options.Create(AppServices.EmailSettings());
        return new ConsentRun(
            Database, new CaseMessageRecorder(settings, Clock),
            new SocItConsole.Admin.Features.CaseMail.CaseMail(Database, Mail, new AuditTrail(Clock), Clock, NullLogger<SocItConsole.Admin.Features.CaseMail.CaseMail>.Instance),
            new AuditTrail(Clock), settings, Clock, NullLogger<ConsentRun>.Instance);
    }

    /// <summary>Moves the clock on to 07:00 (Swedish time) of <paramref name="day"/>, as the job would run.</summary>
    public void MorningOf(DateOnly day) =>
        Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));

    /// <summary>chef1 orders temporary access to Tallgården (chef2's) for one of her staff; returns the order's id.</summary>
    public async Task<int> PlaceTemporaryAsync(string personnummer = OrderRequests.Pnr1990, KeyChoiceKind? key = null, string employeeName = "Lisa Andersson")
    {
        var request = OrderRequests.TemporaryUnit(personnummer) with { EmployeeName = employeeName };
        if (key is { } kind)
        {
            request = request with { KeyKind = kind };
        }

        var placed = await AppServices.OrderIntake(Database, Clock).PlaceAsync(request, OrderChannel.Console, new Actor("chef1", "Anna Lindqvist"), ct: Ct);
        return placed switch
        {
            PlaceOrderResult.Created created => created.Receipt.Id,
            PlaceOrderResult.Invalid invalid => throw new InvalidOperationException(string.Join("; ", invalid.Errors.SelectMany(e => e.Value))),
            _ => throw new InvalidOperationException(placed.ToString()),
        };
    }

    public async Task<Order> OrderAsync(int orderId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, Ct);
    }

    public async Task<int> ConsentIdAsync(int orderId) => (await OrderAsync(orderId)).Consent!.Id;

    public async Task<List<CaseMessage>> MessagesAsync(int orderId, CaseMessageKind kind)
    {
        await using var db = Database.CreateDbContext();
        return await db.CaseMessages.AsNoTracking().Where(m => m.OrderId == orderId && m.Kind == kind).OrderBy(m => m.Id).ToListAsync(Ct);
    }

    public async Task<List<string>> AuditActionsAsync(string prefix)
    {
        await using var db = Database.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith(prefix)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
    }

    public void Dispose() => Database.Dispose();
}
