using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Bench.Harness;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// Starting an access review round over the largest units until they hold at least <c>minimumLines</c> active grants:
/// the round and its lines as <see cref="ReviewRounds"/> writes them (one INSERT … SELECT), and, for comparison, as it
/// wrote them before (every grant loaded, one entity per line, saved through EF), each in its own committed
/// transaction on a copy of the data. The floor is the same rows read and written with no constraints: a
/// <c>CREATE TEMP TABLE … AS SELECT</c> of the same join.
/// </summary>
internal static class ReviewStartBenchmark
{
    private static readonly Actor Bench = new("bench", "Benchmark");

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(
        string sourceDb, string workDirectory, string scale, int minimumLines, int rounds, CancellationToken ct)
    {
        var copy = Path.Combine(workDirectory, "review-start.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(copy + suffix);
            if (File.Exists(sourceDb + suffix))
            {
                File.Copy(sourceDb + suffix, copy + suffix);
            }
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<SocItDbContext>().UseSqlite(connectionString).Options;
        var today = AdminTimeZone.Today(TimeProvider.System);
        List<int> units;
        int lines;
        await using (var db = new SocItDbContext(options))
        {
            await db.Database.MigrateAsync(ct);
            var perUnit = await db.Grants.AsNoTracking().Where(GrantRules.ActiveOn(today))
                .GroupBy(g => g.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() })
                .OrderByDescending(u => u.Count).ToListAsync(ct);
            units = [];
            lines = 0;
            foreach (var unit in perUnit)
            {
                if (lines >= minimumLines)
                {
                    break;
                }

                units.Add(unit.UnitId);
                lines += unit.Count;
            }
        }

        var floor = new List<double>();
        var setBased = new List<double>();
        var perRow = new List<double>();
        for (var round = -1; round < rounds; round++)
        {
            var f = await FloorAsync(connectionString, units, today, ct);
            var s = await SetBasedAsync(options, units, today, round, ct);
            var p = await PerRowAsync(options, units, today, round, ct);
            if (round >= 0)
            {
                floor.Add(f);
                setBased.Add(s);
                perRow.Add(p);
            }
        }

        var floorSample = Sample.Of(floor);
        var setSample = Sample.Of(setBased);
        var name = string.Create(CultureInfo.InvariantCulture, $"Access review start, {lines} lines in {units.Count} units");
        return
        [
            new BenchRow(name, scale, setSample, "ms", floorSample, "≤ 3× floor", setSample.Median <= 3 * floorSample.Median),
            new BenchRow(name + " (per row through EF, as before)", scale, Sample.Of(perRow), "ms", floorSample, "–", null),
        ];
    }

    private static async Task<double> FloorAsync(string connectionString, List<int> units, DateOnly today, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            DROP TABLE IF EXISTS temp.FloorLines;
            CREATE TEMP TABLE FloorLines AS
            SELECT g."Id", g."EmployeeId", e."FullName", g."SystemName", g."LevelName", g."UnitId", g."UnitName", g."From", g."To",
              g."To" IS NOT NULL AS T, o."UnitId" <> g."UnitId" AS O
            FROM "Grants" AS g
            JOIN "Employees" AS e ON e."Id" = g."EmployeeId"
            JOIN "Orders" AS o ON o."Id" = g."SourceOrderId"
            WHERE g."UnitId" IN ({string.Join(',', units)}) AND {GrantSql.ActiveOn("g", "$day")}
            """;
        command.Parameters.AddWithValue("$day", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var stopwatch = Stopwatch.StartNew();
        await command.ExecuteNonQueryAsync(ct);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> SetBasedAsync(
        DbContextOptions<SocItDbContext> options, List<int> units, DateOnly today, int round, CancellationToken ct)
    {
        await using var db = new SocItDbContext(options);
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var started = Start(units, today, round, "i en sats", []);
        db.ReviewRounds.Add(started);
        await db.SaveChangesAsync(ct);
        await ReviewRounds.AddLinesAsync(db, started.Id, units, today, ct);
        await transaction.CommitAsync(ct);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> PerRowAsync(
        DbContextOptions<SocItDbContext> options, List<int> units, DateOnly today, int round, CancellationToken ct)
    {
        await using var db = new SocItDbContext(options);
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var grants = await ReviewRounds.Snapshots(db, today, units).ToListAsync(ct);
        db.ReviewRounds.Add(Start(units, today, round, "rad för rad", grants));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static ReviewRound Start(List<int> units, DateOnly today, int round, string how, IEnumerable<ReviewGrantSnapshot> grants) =>
        ReviewRound.Start(
            string.Create(CultureInfo.InvariantCulture, $"Mätning {round + 2} {how}"), units, today, today.AddDays(30), null, grants, Bench,
            DateTimeOffset.UtcNow);
}
