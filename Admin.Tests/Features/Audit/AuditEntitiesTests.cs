using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Audit;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.People;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Tests.Features.Audit;

/// <summary>The records of a page of the audit log named as a person would, looked up per type, never by personnummer.</summary>
public sealed class AuditEntitiesTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly Actor Sara = new("sara-id", "Sara Nilsson");

    private readonly CommandCounter _commands = new();
    private TestDatabase? _database;
    private DateTimeOffset _at = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task EachRecord_IsNamedAsAPersonWouldNameIt()
    {
        int anna, round, unit;
        await using (var db = Database.CreateDbContext())
        {
            var employee = new Employee("Anna Andersson", Pnr(1));
            db.Employees.Add(employee);
            unit = await db.Units.Where(u => u.Name == "Hemtjänst Centrum").Select(u => u.Id).SingleAsync(Ct);
            var review = ReviewRound.Start("Vår 2027", [unit], Today, Today.AddDays(14), null, [], Sara, _at);
            db.ReviewRounds.Add(review);
            await db.SaveChangesAsync(Ct);
            (anna, round) = (employee.Id, review.Id);
        }

        var expected = new Dictionary<(string Type, string Id), string>
        {
            [("Order", "SOC-2026-00042")] = "SOC-2026-00042",
            [("Employee", Id(anna))] = "Anna Andersson",
            [("Key", "1234567")] = "Nyckel 1234567",
            [("ReviewRound", Id(round))] = "Granskning Vår 2027",
            [("Unit", Id(unit))] = "Hemtjänst Centrum",
            [("Unit", "alla")] = "Alla verksamheter",
            [("ItSystem", "6")] = "Lifecare",
            [("KeyPool", "Hemtjänst Centrum/Personalpool")] = "Personalpool (Hemtjänst Centrum)",
            [("FollowUp", "2026-12-05")] = "Körningen 2026-12-05",
            [("FollowUp", "3,4,5")] = "3 uppföljningar",
            [("Job", "expiry-reminders")] = "Påminnelsejobbet",
            [("Matrix", "1")] = "Matris version 1",
        };
        await AddAsync([.. expected.Keys.Select(k => Entry("Test.Done", k.Type, k.Id))]);

        var rows = await SearchAsync(new AuditQuery { Actor = Sara.Id });

        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(expected[(row.EntityType, row.EntityId)], row.Entity));
    }

    [Fact]
    public async Task TheExpiryJobsEntries_NameTheRun_TheReminder_AndTheFollowUpsGrant()
    {
        using var world = await FollowUpWorld.CreateAsync();
        var grant = await world.AddTemporaryGrantAsync("chef1", FollowUpWorld.Today.AddDays(3), employeeName: "Lisa Andersson");
        await world.RunAsync();
        int followUp;
        await using (var db = world.Database.CreateDbContext())
        {
            followUp = await db.FollowUps.Where(f => f.GrantId == grant).Select(f => f.Id).SingleAsync(Ct);
            db.AuditEntries.AddRange(
                Entry("Access.EndRequested", "Grant", Id(grant)),
                Entry("FollowUp.Ended", "FollowUp", Id(followUp)));
            await db.SaveChangesAsync(Ct);
        }

        var rows = (await AppServices.AuditLog(world.Database, "operator").SearchAsync(new AuditQuery(), 0, 50, Ct)).Items;

        Assert.Equal("Körningen 2026-11-27", rows.Single(r => r.Action == "FollowUp.Flagged").Entity);
        Assert.Equal("Påminnelse till Anna Lindqvist", rows.Single(r => r.Action == "FollowUp.ReminderSent").Entity);
        Assert.Equal("Lisa Andersson: Lifecare", rows.Single(r => r.Action == "Access.EndRequested").Entity);
        Assert.Equal("Lisa Andersson: Lifecare", rows.Single(r => r.Action == "FollowUp.Ended").Entity);
    }

    [Fact]
    public async Task AReviewsEntries_NameTheRound_TheInvitation_AndTheLine()
    {
        using var world = await ReviewWorld.CreateAsync();
        var grants = await world.AddStandardGrantsAsync();
        var round = await world.StartRoundAsync(name: "Vår 2027");
        await using (var db = world.Database.CreateDbContext())
        {
            var line = await db.ReviewLines.Where(l => l.RoundId == round && l.GrantId == grants["lisa-lifecare"]).Select(l => l.Id).SingleAsync(Ct);
            db.AuditEntries.Add(Entry("Review.Answered", "ReviewLine", Id(line)));
            await db.SaveChangesAsync(Ct);
        }

        var rows = (await AppServices.AuditLog(world.Database, "operator").SearchAsync(new AuditQuery(), 0, 50, Ct)).Items;

        Assert.Equal("Granskning Vår 2027", rows.Single(r => r.Action == "Review.Started").Entity);
        Assert.Equal(
            ["Inbjudan till Anna Lindqvist", "Inbjudan till Erik Johansson"],
            rows.Where(r => r.Action == "Review.InvitationSent").Select(r => r.Entity).Order(StringComparer.Ordinal));
        Assert.Equal("Lisa Andersson: Lifecare", rows.Single(r => r.Action == "Review.Answered").Entity);
    }

    [Fact]
    public async Task ARecordThatIsGone_IsNamedFromItsEntry_ElseByItsSwedishTypeAndId()
    {
        int removed;
        await using (var db = Database.CreateDbContext())
        {
            var system = Build.System("Gamla journalen");
            db.ItSystems.Add(system);
            await db.SaveChangesAsync(Ct);
            removed = system.Id;
        }

        await AddAsync(
            Entry("ItSystem.Deleted", "ItSystem", Id(removed), before: """{"Name":"Gamla journalen","IsActive":false}"""),
            Entry("JobTitle.Deleted", "JobTitle", "999"),
            Entry("Review.Started", "ReviewRound", "998", after: """{"Name":"Höst 2025"}"""),
            Entry("Test.Done", "Widget", "7"));
        await using (var db = Database.CreateDbContext())
        {
            await db.ItSystems.Where(s => s.Id == removed).ExecuteDeleteAsync(Ct);
        }

        var rows = await SearchAsync(new AuditQuery { Actor = Sara.Id });

        Assert.Equal(
            ["Widget 7", "Granskning Höst 2025", "Titel 999", "Gamla journalen"],
            rows.Select(r => r.Entity));
    }

    [Fact]
    public async Task NoRowShowsAPersonnummer()
    {
        int anna;
        await using (var db = Database.CreateDbContext())
        {
            var employee = new Employee("Anna Andersson", Pnr(2));
            db.Employees.Add(employee);
            await db.SaveChangesAsync(Ct);
            anna = employee.Id;
        }

        var full = Pnr(2).Formatted;
        await AddAsync(
            Entry("Employee.PersonnummerViewed", "Employee", Id(anna), summary: $"Sara Nilsson visade hela personnumret för Anna Andersson ({full})."),
            Entry("Order.Created", "Order", "SOC-2026-00043", after: $$"""{"Personnummer":"{{full}}"}"""));

        var log = AppServices.AuditLog(Database, "admin");
        var rows = (await log.SearchAsync(new AuditQuery { Actor = Sara.Id }, 0, 25, Ct)).Items;
        var details = await log.GetAsync(rows.Single(r => r.EntityType == "Order").Id, Ct);

        var shown = string.Join(" ", rows.SelectMany(r => new[] { r.Entity, r.Summary }))
            + string.Join(" ", details!.Fields.Select(f => f.After)) + details.Raw?.After;
        Assert.DoesNotContain(full[9..], shown, StringComparison.Ordinal);
        Assert.Contains($"Anna Andersson ({full[..8]}-****)", shown, StringComparison.Ordinal);
        Assert.Contains("Anna Andersson", rows.Single(r => r.EntityType == "Employee").Entity, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APage_LooksUpEachTypeOnce_HoweverManyRowsItHas()
    {
        var employees = new List<Employee>();
        await using (var db = Database.CreateDbContext())
        {
            employees.AddRange(Enumerable.Range(10, 20).Select(i => new Employee($"Person {i}", Pnr(i))));
            db.Employees.AddRange(employees);
            await db.SaveChangesAsync(Ct);
        }

        await AddAsync(Entry("Employee.PersonnummerViewed", "Employee", Id(employees[0].Id)));
        var one = await CountCommandsAsync();
        await AddAsync([.. employees.Skip(1).Select(e => Entry("Employee.PersonnummerViewed", "Employee", Id(e.Id)))]);
        var twenty = await CountCommandsAsync();

        Assert.Equal((1, 20), (one.Rows.Count, twenty.Rows.Count));
        Assert.Equal(one.Commands, twenty.Commands);
        Assert.Equal(employees.Select(e => e.FullName).Reverse(), twenty.Rows.Select(r => r.Entity));
    }

    private async Task<(IReadOnlyList<AuditRow> Rows, int Commands)> CountCommandsAsync()
    {
        var factory = new CountingFactory(Database, _commands);
        var log = new AuditLog(factory, AppServices.CurrentUser("operator"));
        _commands.Count = 0;
        var rows = (await log.SearchAsync(new AuditQuery { EntityType = "Employee" }, 0, 25, Ct)).Items;
        return (rows, _commands.Count);
    }

    private async Task<IReadOnlyList<AuditRow>> SearchAsync(AuditQuery query) =>
        (await AppServices.AuditLog(Database, "operator").SearchAsync(query, 0, 50, Ct)).Items;

    private async Task AddAsync(params AuditEntry[] entries)
    {
        await using var db = Database.CreateDbContext();
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync(Ct);
    }

    private AuditEntry Entry(string action, string type, string id, string? summary = null, string? before = null, string? after = null)
    {
        _at = _at.AddMinutes(1);
        return new AuditEntry(_at, Sara, action, type, id, summary ?? $"{action} {id}", before, after);
    }

    private static Personnummer Pnr(int serial) => Personnummer.Parse(KeyRegisterData.PersonnummerFor(serial), Today);

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class CountingFactory(TestDatabase database, CommandCounter counter) : IDbContextFactory<SocItDbContext>
    {
        public SocItDbContext CreateDbContext() => database.CreateDbContext(database.OptionsWith(counter));
    }
}
