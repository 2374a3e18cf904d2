using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.Matrix;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// One database with something for every service operation to act on — cases, keys, pools, a code, a purchase,
/// master data, a matrix change, a follow-up, grants in chef1's Hemtjänst Centrum and a review round over it — and the
/// app's own service registrations, captured from the real app. Each call runs on a fresh copy of the database, with
/// the registrations rebuilt around that copy, one user and a log sink, so that every cell starts from the same state.
/// </summary>
public sealed class ServiceOperationWorld : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    private List<ServiceDescriptor> _registrations = [];
    private AdminAppFactory? _app;
    private TestDatabase? _template;

    public IReadOnlyList<ServiceDescriptor> Registrations => _registrations;

    public WorldIds Ids { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _app = AdminAppFactory.Development().WithTestServices(services => _registrations = [.. services]);
        _ = _app.Services;
        _template = await BuildTemplateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _template?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A copy of the prepared database, of its own, for one call.</summary>
    public CellDatabase Copy()
    {
        SqliteConnection.ClearAllPools();
        return new CellDatabase(_template!);
    }

    /// <summary>The app's registrations around <paramref name="database"/>, acting as <paramref name="user"/>.</summary>
    public ServiceProvider Services(CellDatabase database, ClaimsPrincipal user, LogSink logs, IMailSender? mail = null)
    {
        var replaced = new HashSet<Type>
        {
            typeof(IDbContextFactory<SocItDbContext>), typeof(TimeProvider), typeof(AuthenticationStateProvider),
            typeof(IMailSender), typeof(ILoggerProvider),
        };
        IServiceCollection services = new ServiceCollection();
        foreach (var registration in _registrations.Where(r => !replaced.Contains(r.ServiceType)))
        {
            services.Add(registration);
        }

        services.AddSingleton<IDbContextFactory<SocItDbContext>>(database);
        services.AddSingleton<TimeProvider>(AppServices.Clock());
        services.AddScoped<AuthenticationStateProvider>(_ => new FixedAuthenticationState(user));
        services.AddSingleton(mail ?? new RecordingMailSender());
        services.AddSingleton<ILoggerProvider>(logs);
        return services.BuildServiceProvider();
    }

    private async Task<TestDatabase> BuildTemplateAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = AppServices.Clock();
        var database = await TestDatabase.CreateMigratedAsync();
        await database.SeedDemoDataAsync(clock);
        var intake = AppServices.OrderIntake(database, clock);
        var centrum = await GrantWorld.UnitIdAsync(database, GrantWorld.Centrum);
        var skrea = await GrantWorld.UnitIdAsync(database, GrantWorld.Skrea);

        // Cases: one waiting to be taken, one taken with its checklist.
        var waiting = await PlaceAsync(intake, OrderRequests.NewUndersköterska());
        var taken = await PlaceAsync(intake, OrderRequests.Extend(OrderRequests.Pnr1985) with { EmployeeName = "Jonas Berg" });
        var work = AppServices.CaseWork(database, "operator", clock);
        Done(await work.TakeAsync(taken, await OrderVersionAsync(database, taken), ct));

        // An e-service order from someone who may not order for the unit: marked "Kontrollera beställare".
        var uncheckedOrder = Assert.IsType<PlaceOrderResult.Created>(await intake.PlaceAsync(
            OrderRequests.NewUndersköterska(KeyRegisterData.PersonnummerFor(702)) with
            {
                EmployeeName = "Olle Okänd", OrdererName = "Ola Okänd", OrdererEmail = "ola.okand@kommun.example",
            },
            OrderChannel.EService, new Actor("e-tjanst", "E-tjänsten"), ct: ct)).Receipt.Id;

        // A case waiting for chef1's answer to Soc-IT's question.
        var asked = await PlaceAsync(intake, OrderRequests.NewUndersköterska(KeyRegisterData.PersonnummerFor(602)) with { EmployeeName = "Ida Ek" });
        Done(await work.TakeAsync(asked, await OrderVersionAsync(database, asked), ct));
        Done(await work.MoveAsync(asked, await OrderVersionAsync(database, asked), OrderStatus.WaitingForOrderer, "Vilken titel ska hon ha?", ct));

        // Grants in chef1's units: one until further notice, one temporary (a visitor's from Tallgården), one to be answered
        // "Tas bort", one in Skrea.
        var permanent = await GrantWorld.AddStaffGrantAsync(intake, database, Today, GrantWorld.Centrum, "Omar Svensson", GrantWorld.Pnr1988);
        var temporary = await GrantWorld.AddVisitorGrantAsync(
            intake, database, Today, GrantWorld.Tallgarden, GrantWorld.Centrum, "Mira Holm", GrantWorld.Pnr1992, to: Today.AddDays(20));
        var removed = await GrantWorld.AddStaffGrantAsync(
            intake, database, Today, GrantWorld.Centrum, "Sam Lund", KeyRegisterData.PersonnummerFor(600));
        await GrantWorld.AddStaffGrantAsync(intake, database, Today, GrantWorld.Skrea, "Eva Ek", KeyRegisterData.PersonnummerFor(601));

        // A follow-up: a temporary grant that ran out two days ago, flagged by the nightly run.
        await FollowUpWorld.AddTemporaryGrantAsync(
            intake, database, Today, "chef1", Today.AddDays(-2), "Per Persson", GrantWorld.Pnr1977);
        await AppServices.FollowUpRun(database, new RecordingMailSender(), clock).RunAsync(Today, dryRun: false, ct);

        // A review round over Hemtjänst Centrum, with Sam Lund's line answered "Tas bort" but its end order not yet placed.
        var rounds = ReviewServices.Rounds(database, "admin", new RecordingMailSender(), clock);
        var started = await rounds.StartAsync(
            new ReviewRoundForm { Name = "Granskning för test", UnitIds = [centrum], DueDate = Today.AddDays(14) }, ct);
        var roundId = Assert.IsType<ReviewResult.Done>(started).Id!.Value;
        await using (var db = database.CreateDbContext())
        {
            var round = await db.ReviewRounds.Include(r => r.Lines).SingleAsync(r => r.Id == roundId, ct);
            round.Answer(removed, ReviewAnswer.Remove, null, new Actor("chef1-id", "Anna Lindqvist"), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }

        // Keys: 4110001 in stock, 4110002 handed to K1 (who has a code), 4110003 returned; K3 in the pool; a purchase.
        var employees = await KeyRegisterData.AddEmployeesAsync(database, Today, ct, "Karin Ek", "Lars Ek", "Maja Ek", "Nils Ek");
        var pool = await KeyRegisterData.PoolIdAsync(database, KeyRegisterData.Centrum, KeyRegisterData.Pool, ct);
        var register = KeyServices.Register(database, "operator", clock);
        var k2 = await KeyRegisterData.KeyAsync(database, "4110002", ct);
        Done(await register.AssignAsync(k2.Id, k2.Version, employees[0], ct));
        Done(await KeyServices.Codes(database, "operator", clock).IssueAsync(employees[0], ct));
        var k3 = await KeyRegisterData.KeyAsync(database, "4110003", ct);
        Done(await register.AssignAsync(k3.Id, k3.Version, employees[1], ct));
        k3 = await KeyRegisterData.KeyAsync(database, "4110003", ct);
        Done(await register.ReturnAsync(k3.Id, k3.Version, restock: false, ct));
        Done(await KeyServices.Pools(database, "operator", clock).AddMemberAsync(pool, employees[2], Today, ct));
        Done(await KeyServices.Purchases(database, "operator", clock).StartAsync(centrum, null, "Ny nyckel behövs.", ct));

        // Master data nothing refers to, for the administrator to change and delete.
        var masterData = AppServices.MasterDataService(database, "admin", clock);
        var system = await masterData.CreateSystemAsync(new ItSystemInput("Testsystem", null, null, false, [new SystemLevelInput(null, "Standard")]), ct);
        var title = await masterData.CreateTitleAsync(new JobTitleInput("Testtitel"), ct);
        var unit = await masterData.CreateUnitAsync(UnitInput("Testenhet"), ct);
        Assert.True(system.Succeeded && title.Succeeded && unit.Succeeded, system.Error ?? title.Error ?? unit.Error);

        // The matrix: one cell to fill in, and a CSV file's dry run.
        var model = await AppServices.MatrixService(database, "admin", clock).LoadAsync(ct);
        var pending = new PendingMatrixChanges(model.Version, model.Cells);
        pending.Set(
            new CellKey(model.Titles.Single(t => t.Name == "Vårdbiträde").Id, model.Systems.Single(s => s.Name == "Appva").Id),
            model.Systems.Single(s => s.Name == "Appva").Levels.Single(l => l.Name == "Standard").Id);
        using var csv = new MemoryStream("Titel;Qlikview;Lifecare\r\nVårdbiträde;Chef;\r\nSjuksköterska;;Handläggare\r\n"u8.ToArray());
        var preview = await AppServices.MatrixImport(database, "admin", clock).DryRunAsync(csv, ct);
        Assert.True(preview.IsValid && preview.Changes.Count > 0);

        // A fixed-term employment ending in three days: one follow-up for it and its grants (decision 0039).
        var fixedTerm = await intake.PlaceAsync(
            DemoGrantsSeeder.Request(new DemoStaff("world-fixed-term", "Moa Lindström", "19971105-4560", "Undersköterska", "Hemtjänst Centrum", EndsIn: 3), Today),
            OrderChannel.Console, new Actor("test", "Anna Lindqvist"), "world-fixed-term", "world-fixed-term", ct);
        Assert.True(await DemoGrantsSeeder.CompleteAsync(
            database, new AuditTrail(clock), clock, Assert.IsType<PlaceOrderResult.Created>(fixedTerm).Receipt.Id, Today, ct));
        await AppServices.FollowUpRun(database, new RecordingMailSender(), clock).RunAsync(Today, dryRun: false, ct);

        // Temporary access for one of chef2's staff to chef1's Hemtjänst Centrum: chef1's consent is asked.
        var consentOrder = await PlaceAsync(intake, OrderRequests.TemporaryUnit(KeyRegisterData.PersonnummerFor(602)) with
        {
            EmployeeName = "Tove Tall",
            Unit = GrantWorld.Tallgarden,
            TargetUnit = GrantWorld.Centrum,
            OrdererName = "Erik Johansson",
            OrdererEmail = FollowUpWorld.Chef2Email,
            ManagerName = "Erik Johansson",
            ManagerEmail = FollowUpWorld.Chef2Email,
        });

        // A reconciliation with HR: one of chef1's staff has left according to the file, waiting for an operator.
        var leaving = await TestEmployments.EmployAsync(database, KeyRegisterData.PersonnummerFor(610), "Lena Lund");
        var hrRun = await HrFindingData.RunAsync(database);
        var hrLeaver = await HrFindingData.LeaverAsync(database, hrRun, leaving, Today.AddDays(3));
        // HR mappings: one HR unit code waiting for an administrator, one HR title already ignored.
        int hrPending, hrDecided;
        await using (var db = database.CreateDbContext())
        {
            var waitingValue = new HrMapping(HrMappingKind.Unit, "KST 9999", centrum, GrantWorld.Centrum, clock.GetUtcNow(), null);
            var ignoredValue = new HrMapping(HrMappingKind.Title, "Lokalvårdare", null, null, clock.GetUtcNow(), null);
            ignoredValue.Ignore(new Actor("admin-id", "Test"), clock.GetUtcNow());
            db.HrMappings.AddRange(waitingValue, ignoredValue);
            await db.SaveChangesAsync(ct);
            (hrPending, hrDecided) = (waitingValue.Id, ignoredValue.Id);
        }

        await using (var db = database.CreateDbContext())
        {
            var followUp = await db.FollowUps.AsNoTracking().SingleAsync(f => f.GrantId != null, ct);
            var endFollowUp = await db.FollowUps.AsNoTracking().SingleAsync(f => f.EmploymentId != null, ct);
            var endFollowUpGrant = await db.Grants.AsNoTracking().Where(g => g.EmploymentId == endFollowUp.EmploymentId)
                .OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(ct);
            var lines = await db.ReviewLines.AsNoTracking().Where(l => l.RoundId == roundId).ToListAsync(ct);
            var takenOrder = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == taken, ct);
            var purchase = await db.KeyPurchases.AsNoTracking().SingleAsync(ct);
            var code = await db.PersonalCodes.AsNoTracking().SingleAsync(c => c.EmployeeId == employees[0], ct);
            var round = await db.ReviewRounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
            var k1 = await KeyRegisterData.KeyAsync(database, "4110001", ct);
            k2 = await KeyRegisterData.KeyAsync(database, "4110002", ct);
            k3 = await KeyRegisterData.KeyAsync(database, "4110003", ct);
            Ids = new WorldIds(
                Centrum: centrum,
                Skrea: skrea,
                WaitingOrder: waiting,
                WaitingOrderVersion: await OrderVersionAsync(database, waiting),
                TakenOrder: taken,
                TakenOrderVersion: takenOrder.Version,
                TakenOrderItem: takenOrder.Checklist[0].Id,
                TakenOrderEmployee: takenOrder.EmployeeId,
                PermanentGrant: permanent,
                TemporaryGrant: temporary,
                FollowUp: followUp.Id,
                FollowUpVersion: followUp.Version,
                EndFollowUp: endFollowUp.Id,
                EndFollowUpGrant: endFollowUpGrant,
                Round: roundId,
                RoundVersion: round.Version,
                KeptLine: lines.Single(l => l.GrantId == permanent).Id,
                RemovedLine: lines.Single(l => l.GrantId == removed).Id,
                KeepAllEmployee: lines.Single(l => l.GrantId == temporary).EmployeeId,
                Employees: employees,
                Pool: pool,
                InStockKey: (k1.Id, k1.Version),
                IssuedKey: (k2.Id, k2.Version),
                ReturnedKey: (k3.Id, k3.Version),
                CodeVersion: code.Version,
                Purchase: (purchase.Id, purchase.Version),
                System: system.Id,
                SystemLevel: model.Systems.Single(s => s.Id == system.Id).Levels.Single().Id,
                Title: title.Id,
                Unit: unit.Id,
                MatrixVersion: pending.BaseVersion,
                MatrixChanges: pending.Changes,
                Import: preview,
                UncheckedOrder: uncheckedOrder,
                UncheckedOrderVersion: await OrderVersionAsync(database, uncheckedOrder))
            {
                AskedOrder = asked,
                AskedOrderVersion = await OrderVersionAsync(database, asked),
                ConsentOrder = consentOrder,
                Consent = (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == consentOrder, ct)).Consent!.Id,
                HrRun = hrRun,
                HrLeaver = hrLeaver,
                HrPending = hrPending,
                HrDecided = hrDecided,
            };
        }

        SqliteConnection.ClearAllPools();
        return database;
    }

    public static UnitInput UnitInput(string name) =>
        new(name, "Hemtjänst", "4190", true, [new ContactInput("Anna Lindqvist", FollowUpWorld.Chef1Email)], null, []);

    private static async Task<int> PlaceAsync(OrderIntake intake, OrderRequest request)
    {
        var placed = await intake.PlaceAsync(request, OrderChannel.Console, new Actor("test", "Test"), ct: TestContext.Current.CancellationToken);
        return Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id;
    }

    private static async Task<int> OrderVersionAsync(TestDatabase database, int orderId)
    {
        await using var db = database.CreateDbContext();
        return await db.Orders.Where(o => o.Id == orderId).Select(o => o.Version).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static void Done(KeyResult result) => Assert.True(result is KeyResult.Done or KeyResult.CodeIssued, result.ToString());

    private static void Done(CaseResult result) => Assert.True(result is CaseResult.Done, result.ToString());

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}

/// <summary>The ids in the prepared database that the operations act on.</summary>
public sealed record WorldIds(
    int Centrum,
    int Skrea,
    int WaitingOrder,
    int WaitingOrderVersion,
    int TakenOrder,
    int TakenOrderVersion,
    int TakenOrderItem,
    int TakenOrderEmployee,
    int PermanentGrant,
    int TemporaryGrant,
    int FollowUp,
    int FollowUpVersion,
    int EndFollowUp,
    int EndFollowUpGrant,
    int Round,
    int RoundVersion,
    int KeptLine,
    int RemovedLine,
    int KeepAllEmployee,
    IReadOnlyList<int> Employees,
    int Pool,
    (int Id, int Version) InStockKey,
    (int Id, int Version) IssuedKey,
    (int Id, int Version) ReturnedKey,
    int CodeVersion,
    (int Id, int Version) Purchase,
    int System,
    int SystemLevel,
    int Title,
    int Unit,
    int MatrixVersion,
    IReadOnlyList<CellChange> MatrixChanges,
    ImportPreview Import,
    int UncheckedOrder,
    int UncheckedOrderVersion)
{
    /// <summary>A case of chef1's waiting for her answer to Soc-IT's question.</summary>
    public int AskedOrder { get; init; }

    public int AskedOrderVersion { get; init; }

    /// <summary>A temporary access order from Tallgården to chef1's Hemtjänst Centrum, waiting for her consent.</summary>
    public int ConsentOrder { get; init; }

    public int Consent { get; init; }

    /// <summary>A reconciliation run with one open leaver in Hemtjänst Centrum.</summary>
    public int HrRun { get; init; }

    public int HrLeaver { get; init; }
    /// <summary>An HR unit code waiting for an administrator's decision (suggested: Hemtjänst Centrum).</summary>
    public int HrPending { get; init; }

    /// <summary>An HR title an administrator has put outside Soc-IT's care.</summary>
    public int HrDecided { get; init; }
}

/// <summary>A copy of a database of its own: a copy of the file on SQLite, a database made from it on PostgreSQL.</summary>
public sealed class CellDatabase : IDbContextFactory<SocItDbContext>, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly PostgresServer? _server;

    public CellDatabase(TestDatabase source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.IsPostgreSql)
        {
            _server = PostgresServer.Require();
            ConnectionString = _server.CopyDatabase(source.ConnectionString);
            Options = new DbContextOptionsBuilder<SocItDbContext>().UsePostgreSqlModel(ConnectionString).Options;
            return;
        }

        var target = _folder.File("socit.db");
        File.Copy(source.FilePath, target);
        if (File.Exists(source.FilePath + "-wal"))
        {
            File.Copy(source.FilePath + "-wal", target + "-wal");
        }

        ConnectionString = $"Data Source={target};Pooling=False";
        Options = new DbContextOptionsBuilder<SocItDbContext>().UseSqlite(ConnectionString).Options;
    }

    public string ConnectionString { get; }

    public bool IsPostgreSql => _server is not null;

    public DbContextOptions<SocItDbContext> Options { get; }

    public SocItDbContext CreateDbContext() => SocItDbContextFactory.Create(Options, IsPostgreSql);

    /// <summary>Every row of every table, as text, sorted: two dumps are equal when no row was added, changed or removed.</summary>
    public async Task<IReadOnlyDictionary<string, string>> DumpAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = CreateDbContext();
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = IsPostgreSql
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync(ct);
            var rows = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values[i] = reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                }

                rows.Add(string.Join('|', values));
            }

            rows.Sort(StringComparer.Ordinal);
            dump[table] = string.Join('\n', rows);
        }

        return dump;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        _server?.DropDatabase(ConnectionString);
    }
}

/// <summary>One log event as the app wrote it: category, level, id, the formatted message and its named values.</summary>
public sealed record LogRecord(
    string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, string?> Values, Exception? Exception);

/// <summary>Keeps every log event of every category at every level the logging filters let through, and the scopes.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();
    private readonly ConcurrentQueue<string> _scopes = new();

    public IReadOnlyCollection<LogRecord> Records => _records;

    /// <summary>The text of every scope begun, with its named values.</summary>
    public IReadOnlyCollection<string> Scopes => _scopes;

    public ILogger CreateLogger(string categoryName) => new SinkLogger(categoryName, _records, _scopes);

    public void Dispose()
    {
    }

    private sealed class SinkLogger(string category, ConcurrentQueue<LogRecord> records, ConcurrentQueue<string> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)}"))
                : string.Empty;
            scopes.Enqueue($"{category}: {state} {values}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(
                    g => g.Key, g => Convert.ToString(g.First().Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
                : new Dictionary<string, string?>(StringComparer.Ordinal);
            records.Enqueue(new LogRecord(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}
