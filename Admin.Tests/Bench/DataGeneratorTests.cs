extern alias bench;

using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Data.Demo;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;
using bench::SocItConsole.Bench.Generate;

namespace SocItConsole.Admin.Tests.Bench;

/// <summary>The tiny scale, generated once for the class into a folder of its own.</summary>
public sealed class TinyGeneratedDatabase : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 6, 15);

    private readonly TempFolder _folder = new();

    public string Path => _folder.File("tiny.db");

    public string ConnectionString => $"Data Source={Path};Pooling=False";

    public async ValueTask InitializeAsync() =>
        await DataGenerator.GenerateAsync(Scale.Tiny, Path, force: false, progress: false, TestContext.Current.CancellationToken, Today);

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    public SocItDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SocItDbContext>().UseSqlite(ConnectionString).Options);

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}

public sealed class DataGeneratorTests(TinyGeneratedDatabase tiny) : IClassFixture<TinyGeneratedDatabase>
{
    private static readonly Scale Scale = Scale.Tiny;
    private static readonly string Today = TinyGeneratedDatabase.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Generate_WritesExactlyTheScalesCounts()
    {
        using var db = tiny.Open();

        Assert.Equal(Scale.Employees, Count(db, "SELECT count(*) FROM Employees"));
        Assert.Equal(Scale.Units, Count(db, "SELECT count(*) FROM Units"));
        Assert.Equal(Scale.Titles, Count(db, "SELECT count(*) FROM JobTitles"));
        Assert.Equal(Scale.Systems, Count(db, "SELECT count(*) FROM ItSystems"));
        Assert.Equal(Scale.Orders, Count(db, "SELECT count(*) FROM Orders"));
        Assert.Equal(Scale.Grants, Count(db, "SELECT count(*) FROM Grants"));
        Assert.Equal(Scale.Keys, Count(db, "SELECT count(*) FROM Keys"));
        Assert.Equal(Scale.ExpiredTemporaryGrants, Count(db, $"SELECT count(*) FROM Grants WHERE EndedByOrderId IS NULL AND \"To\" < '{Today}'"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM FollowUps"));
    }

    [Fact]
    public void Generate_ExpiredTemporaryGrants_RanOutInTheLast120Days()
    {
        using var db = tiny.Open();
        var expired = Rows(db, $"SELECT \"From\", \"To\" FROM Grants WHERE EndedByOrderId IS NULL AND \"To\" < '{Today}'",
            r => (From: DateOnly.Parse(r.GetString(0), CultureInfo.InvariantCulture), To: DateOnly.Parse(r.GetString(1), CultureInfo.InvariantCulture)));

        Assert.Equal(Scale.ExpiredTemporaryGrants, expired.Count);
        Assert.All(expired, g =>
        {
            Assert.InRange(g.To, TinyGeneratedDatabase.Today.AddDays(-120), TinyGeneratedDatabase.Today.AddDays(-1));
            Assert.True(g.From < g.To, $"{g.From} is not before {g.To}");
        });
    }

    [Fact]
    public void Generate_LeavesAConsistentFile()
    {
        using var db = tiny.Open();

        Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));
        Assert.Empty(Rows(db, "PRAGMA foreign_key_check", r => r.GetString(0)));
        Assert.Equal("wal", Scalar(db, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Generate_HasTheAppsSchema_WithNoPendingMigrations()
    {
        await using var db = tiny.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(DataGenerator.LastMigration(), (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).Last());
    }

    [Fact]
    public void Generate_Personnummer_AreValidAndUnique()
    {
        using var db = tiny.Open();
        var values = Rows(db, "SELECT Personnummer FROM Employees", r => r.GetString(0));

        Assert.Equal(Scale.Employees, values.Count);
        Assert.All(values, value =>
        {
            Assert.True(Personnummer.TryParse(value, TinyGeneratedDatabase.Today, out var parsed, out var error), $"{value}: {error}");
            Assert.Equal(value, parsed.Value);
            Assert.False(parsed.IsCoordinationNumber);
        });
        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Generate_KeyNumbers_AreValidAndUnique()
    {
        using var db = tiny.Open();
        var numbers = Rows(db, "SELECT Number FROM Keys", r => r.GetString(0));

        Assert.All(numbers, n => Assert.True(KeyNumber.TryParse(n, out _, out var error), $"{n}: {error}"));
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0, Count(db, "SELECT count(*) FROM Keys WHERE Status IN ('Issued', 'ToBeReturned') AND (Kind <> 'Personal' OR HolderEmployeeId IS NULL)"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM Keys k WHERE k.Version <> (SELECT count(*) FROM KeyEvents e WHERE e.KeyId = k.Id)"));
    }

    [Fact]
    public void Generate_Grants_ComeFromTheSameEmployeesCompletedOrders()
    {
        using var db = tiny.Open();

        Assert.Equal(0, Count(db, """
            SELECT count(*) FROM Grants g LEFT JOIN Orders o ON o.Id = g.SourceOrderId
            WHERE o.Id IS NULL OR o.EmployeeId <> g.EmployeeId OR o.CaseNumber <> g.SourceCaseNumber OR o.Status <> 'Completed'
               OR o.Type NOT IN ('New', 'Extend', 'TemporaryUnit') OR g."From" <> o.StartDate
            """));
        Assert.Equal(0, Count(db, """
            SELECT count(*) FROM Grants g
            WHERE NOT EXISTS (SELECT 1 FROM OrderSystems os
                              WHERE os.OrderId = g.SourceOrderId AND os.SystemId = g.SystemId AND os.LevelId = g.LevelId)
               OR NOT EXISTS (SELECT 1 FROM SystemLevels l WHERE l.Id = g.LevelId AND l.ItSystemId = g.SystemId)
               OR NOT EXISTS (SELECT 1 FROM Units u WHERE u.Id = g.UnitId AND u.Name = g.UnitName)
            """));
        Assert.Equal(0, Count(db, """
            SELECT count(*) FROM Grants g LEFT JOIN Orders e ON e.Id = g.EndedByOrderId
            WHERE g.EndedByOrderId IS NOT NULL
              AND (e.Id IS NULL OR e.EmployeeId <> g.EmployeeId OR e.Status <> 'Completed' OR e.Type NOT IN ('Terminate', 'EndTemporary')
                   OR g."To" IS NULL OR g."To" > e.EndDate AND g."To" <> g."From")
            """));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM Grants WHERE \"To\" < \"From\""));
        Assert.True(Count(db, "SELECT count(*) FROM Grants g JOIN Orders e ON e.Id = g.EndedByOrderId WHERE e.Type = 'Terminate'") > 0);
    }

    [Fact]
    public void Generate_TakenOrdersHaveChecklists_AndReceivedOnesNone()
    {
        using var db = tiny.Open();

        Assert.Equal(0, Count(db, """
            SELECT count(*) FROM Orders o
            WHERE o.Status <> 'Received' AND NOT EXISTS (SELECT 1 FROM ChecklistItems c WHERE c.OrderId = o.Id)
            """));
        Assert.Equal(0, Count(db, """
            SELECT count(*) FROM Orders o
            WHERE o.Status = 'Received' AND (o.AssignedToId IS NOT NULL OR EXISTS (SELECT 1 FROM ChecklistItems c WHERE c.OrderId = o.Id))
            """));
        Assert.Equal(0, Count(db, """
            SELECT count(*) FROM Orders o
            WHERE o.Status = 'Completed' AND EXISTS (SELECT 1 FROM ChecklistItems c WHERE c.OrderId = o.Id AND c.State = 'Todo')
            """));
        Assert.Equal(0, Count(db, """
            SELECT count(*) FROM Orders o
            WHERE o.Type = 'Terminate' AND o.Status <> 'Received'
              AND (SELECT count(*) FROM ChecklistItems c WHERE c.OrderId = o.Id AND c.Kind = 'Return') <> 3
            """));
        Assert.InRange(Count(db, "SELECT count(*) FROM Orders WHERE Status IN ('Received', 'InProgress', 'WaitingForOrderer')"), 1, 2 * Scale.OpenOrders);
    }

    [Fact]
    public void Generate_CaseNumbers_AreTheAppsAndTheCountersAreAhead()
    {
        using var db = tiny.Open();
        var numbers = Rows(db, "SELECT CaseNumber FROM Orders", r => r.GetString(0));
        var counters = Rows(db, "SELECT Year, LastNumber FROM CaseNumberCounters", r => (Year: r.GetInt32(0), Last: r.GetInt32(1)))
            .ToDictionary(c => c.Year, c => c.Last);

        var parsed = numbers.Select(n => CaseNumber.TryParse(n, out var c) ? c : throw new Xunit.Sdk.XunitException($"{n} is not a case number")).ToList();
        Assert.Equal(numbers.Count, parsed.Distinct().Count());
        Assert.All(parsed.GroupBy(c => c.Year), year =>
        {
            Assert.True(counters.TryGetValue(year.Key, out var last), $"no counter for {year.Key}");
            Assert.True(last >= year.Max(c => c.Sequence), $"counter {year.Key} is at {last}, behind {year.Max(c => c.Sequence)}");
        });
    }

    [Fact]
    public async Task Generate_TheAppsModelReadsTheData()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = tiny.CreateContext();

        var orders = await db.Orders.AsNoTracking().Include(o => o.Employee).Include(o => o.Systems).Include(o => o.Checklist)
            .OrderByDescending(o => o.ReceivedAt).Take(50).ToListAsync(ct);
        var grants = await db.Grants.AsNoTracking().OrderBy(g => g.To).Take(100).ToListAsync(ct);
        var keys = await db.Keys.AsNoTracking().Include(k => k.History).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Include(u => u.Managers).Include(u => u.Systems).ToListAsync(ct);
        var systems = await db.ItSystems.AsNoTracking().Include(s => s.Levels).ToListAsync(ct);
        var matrix = await db.MatrixState.AsNoTracking().SingleAsync(ct);
        var changeSet = await db.MatrixChangeSets.AsNoTracking().Include(s => s.Changes).SingleAsync(ct);
        var purchases = await db.KeyPurchases.AsNoTracking().ToListAsync(ct);
        var pools = await db.KeyPools.AsNoTracking().Include(p => p.Members).ToListAsync(ct);

        Assert.Equal(50, orders.Count);
        Assert.All(orders, o => Assert.NotNull(o.Employee));
        Assert.Contains(orders, o => o.Status == OrderStatus.Completed && o.Checklist.Count > 0 && o.Systems.Count > 0);
        Assert.All(orders, o => Assert.False(string.IsNullOrEmpty(o.Manager.Email.Value)));
        Assert.Equal(100, grants.Count);
        Assert.Equal(Scale.Keys, keys.Count);
        Assert.All(keys, k => Assert.Equal(k.Version, k.History.Count));
        Assert.All(units, u => Assert.InRange(u.Managers.Count, 1, 2));
        Assert.All(units, u => Assert.NotEmpty(u.Systems));
        Assert.All(systems, s => Assert.NotEmpty(s.Levels));
        Assert.Equal(1, matrix.Version);
        Assert.Equal(1, changeSet.Version);
        Assert.Equal(await db.MatrixEntries.CountAsync(ct), changeSet.Changes.Count);
        Assert.All(purchases, p => Assert.True(p.Status != KeyPurchaseStatus.Received || p.Price > 0));
        Assert.Equal(units.Count(u => u.UsesDigitalKeys), pools.Select(p => p.UnitId).Distinct().Count());
    }

    [Fact]
    public async Task Generate_NamesDoNotMeetTheDemoOrganisation_AndTheDemoSeederAddsItOnTop()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var copy = folder.File("seeded.db");
        File.Copy(tiny.Path, copy);
        var factory = new FileContextFactory($"Data Source={copy};Pooling=False");
        await using (var db = factory.CreateDbContext())
        {
            var units = await db.Units.Select(u => u.Name).ToListAsync(ct);
            var titles = await db.JobTitles.Select(t => t.Name).ToListAsync(ct);
            Assert.Empty(units.Intersect(DemoOrganisation.Units.Select(u => u.Name), StringComparer.OrdinalIgnoreCase));
            Assert.Empty(titles.Intersect(DemoOrganisation.JobTitles, StringComparer.OrdinalIgnoreCase));
        }

        var clock = TimeProvider.System;
        await new DemoDataSeeder(factory, new MatrixWriter(new AuditTrail(clock), clock), clock, NullLogger<DemoDataSeeder>.Instance)
            .SeedAsync(ct);

        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(Scale.Units + DemoOrganisation.Units.Count, await db.Units.CountAsync(ct));
            Assert.Equal(Scale.Titles + DemoOrganisation.JobTitles.Count, await db.JobTitles.CountAsync(ct));
            Assert.Equal(Scale.Keys, await db.Keys.CountAsync(ct));
            Assert.Equal(1, (await db.MatrixState.SingleAsync(ct)).Version);
            Assert.Equal(Scale.Systems, await db.ItSystems.CountAsync(ct));
        }
    }

    [Fact]
    public async Task Generate_RefusesToOverwrite_WithoutForce()
    {
        var before = File.GetLastWriteTimeUtc(tiny.Path);

        await Assert.ThrowsAsync<IOException>(() =>
            DataGenerator.GenerateAsync(Scale.Tiny, tiny.Path, force: false, progress: false, TestContext.Current.CancellationToken, TinyGeneratedDatabase.Today));

        Assert.Equal(before, File.GetLastWriteTimeUtc(tiny.Path));
        Assert.Empty(Directory.GetFiles(System.IO.Path.GetDirectoryName(tiny.Path)!, "*.tmp-*"));
    }

    [Fact]
    public void IsReusable_IsTrueForTheScaleItWasMadeFor_Only()
    {
        var sidecar = GenerationSidecar.Read(tiny.Path);

        Assert.NotNull(sidecar);
        Assert.Equal(TinyGeneratedDatabase.Today, sidecar.Today);
        Assert.Equal(Scale.Grants, sidecar.Counts["Grants"]);
        Assert.True(DataGenerator.IsReusable(Scale.Tiny, tiny.Path));
        Assert.False(DataGenerator.IsReusable(Scale.Municipal, tiny.Path));
        Assert.False(DataGenerator.IsReusable(Scale.Tiny with { Grants = Scale.Tiny.Grants + 1 }, tiny.Path));
        Assert.False(DataGenerator.IsReusable(Scale.Tiny, tiny.Path + ".missing"));
    }

    [Fact]
    public async Task Generate_WithForce_ReplacesTheFile()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var path = folder.File("again.db");
        await File.WriteAllTextAsync(path, "not a database", ct);

        var sidecar = await DataGenerator.GenerateAsync(Scale.Tiny, path, force: true, progress: false, ct, TinyGeneratedDatabase.Today);

        Assert.Equal(new FileInfo(path).Length, sidecar.Bytes);
        Assert.True(DataGenerator.IsReusable(Scale.Tiny, path));
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        Assert.Equal(Scale.Orders, Count(db, "SELECT count(*) FROM Orders"));
    }

    private static long Count(SqliteConnection db, string sql) => Convert.ToInt64(Scalar(db, sql), CultureInfo.InvariantCulture);

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<T> Rows<T>(SqliteConnection db, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private sealed class FileContextFactory(string connectionString) : IDbContextFactory<SocItDbContext>
    {
        public SocItDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<SocItDbContext>().UseSqlite(connectionString).Options);
    }
}

/// <summary>
/// The generator writes SQLite; the benchmark puts the same rows on PostgreSQL with <c>SqliteToPostgres</c> (binary
/// COPY into the PostgreSQL migration set's schema). Every table arrives whole, and the app's model reads it there.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.OwnPostgreSql)]
public sealed class GeneratedDataOnPostgreSqlTests(TinyGeneratedDatabase tiny) : IClassFixture<TinyGeneratedDatabase>
{
    [Fact]
    public async Task CopiedToPostgreSql_EveryTableHasTheSameRows_AndTheAppsModelReadsThem()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.PostgreSql);

        var (copied, _) = await bench::SocItConsole.Bench.Harness.SqliteToPostgres.CopyAsync(tiny.Path, database.ConnectionString, ct);

        using var sqlite = tiny.Open();
        await using var db = database.CreateDbContext();
        var tables = new List<string>();
        using (var list = sqlite.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND substr(name, 1, 4) <> '__EF' AND name <> 'ReferenceDataVersion'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        long total = 0;
        foreach (var table in tables)
        {
            using var count = sqlite.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            var expected = (long)count.ExecuteScalar()!;
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            var actual = await db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct);
            Assert.True(expected == actual, $"{table}: {expected} rows in SQLite, {actual} on PostgreSQL");
            total += expected;
        }

        Assert.Equal(total, copied);
        Assert.True(total > 1000, $"the tiny scale has {total} rows");
        var orders = await db.Orders.AsNoTracking().Include(o => o.Employee).Include(o => o.Systems).Include(o => o.Checklist)
            .OrderByDescending(o => o.ReceivedAt).Take(50).ToListAsync(ct);
        Assert.Equal(50, orders.Count);
        Assert.Contains(orders, o => o.Status == OrderStatus.Completed && o.Checklist.Count > 0 && o.Systems.Count > 0);
        var keys = await db.Keys.AsNoTracking().Include(k => k.History).ToListAsync(ct);
        Assert.All(keys, k => Assert.Equal(k.Version, k.History.Count));

        // The identity sequences are past the copied ids: the app can add rows.
        db.JobTitles.Add(new SocItConsole.Shared.MasterData.JobTitle("Titel efter kopian"));
        await db.SaveChangesAsync(ct);
    }
}
