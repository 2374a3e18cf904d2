extern alias bench;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;
using bench::SocItConsole.Bench.Harness;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// The documented PostgreSQL backup (docs/features/backup.md), restored, not just taken: the built app as a process on
/// a database of the run's PostgreSQL server, the e-service's orders arriving, <c>pg_dump -Fc</c> taken meanwhile
/// with the server's own tools, and <c>pg_restore --clean --if-exists</c> into a new, empty database. It makes its own
/// PostgreSQL databases whichever the pass, so it runs in the first pass only.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.OwnPostgreSql)]
[Collection(nameof(BackupProcessGroup))]
public class PostgreSqlBackupProcessTests(PostgresServer server)
{
    private const int Writers = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADumpTakenDuringWriteLoad_Restored_HoldsEveryOrderAcknowledgedBeforeItBegan_AndPassesAmcheck()
    {
        using var folder = new TempFolder();
        var source = await server.CreateMigratedDatabaseAsync("pgdump", TestDatabase.MigrateAsync, Ct);
        var restored = await server.CreateDatabaseAsync("pgrestore", Ct);
        try
        {
            var load = new OrderLoad("pgdump-");
            var dump = folder.File(string.Create(CultureInfo.InvariantCulture, $"socit-{DateTime.UtcNow:yyyyMMddTHHmmssZ}.dump"));
            long dumpStarted;
            TimeSpan dumping;
            int acknowledgedDuring;
            await using (var app = await AppProcess.StartAsync(AppContext.BaseDirectory, folder.File("unused.db"), folder.Path, Settings(source), Ct))
            {
                using var http = OrderLoad.Client(app.BaseAddress);
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                var writers = Enumerable.Range(0, Writers).Select(_ => load.WriteUntilStoppedAsync(http, stop.Token)).ToArray();
                await WaitUntilAsync(() => load.Acknowledged >= 40 || !load.Refusals.IsEmpty, "40 orders acknowledged", app);

                var before = load.Acknowledged;
                dumpStarted = TimeProvider.System.GetTimestamp();
                await RunAsync("pg_dump", ["-Fc", .. Connection(source), "-f", dump]);
                dumping = TimeProvider.System.GetElapsedTime(dumpStarted);
                acknowledgedDuring = load.Acknowledged - before;

                await stop.CancelAsync();
                await Task.WhenAll(writers);
                Assert.True(load.Refusals.IsEmpty, "The API refused orders it should take:\n" + string.Join('\n', load.Refusals));
                Assert.True(acknowledgedDuring > 0, "no order was acknowledged while pg_dump ran: it was not taken under load");
            }

            // The archive reads back, as the documentation has the backup job check it.
            await RunAsync("pg_restore", ["--list", dump]);
            var restoring = Stopwatch.StartNew();
            await RunAsync("pg_restore", ["--clean", "--if-exists", .. Connection(restored), dump]);
            restoring.Stop();

            var acknowledgedBefore = load.AcknowledgedOrders().Where(o => o.AcknowledgedAt < dumpStarted).ToList();
            Assert.NotEmpty(acknowledgedBefore);
            var stored = await VerifyAsync(source, restored, load, acknowledgedBefore);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{acknowledgedBefore.Count} orders acknowledged before pg_dump began, {acknowledgedDuring} during its "
                + $"{dumping.TotalMilliseconds:0} ms; the restored database holds {stored} ({new FileInfo(dump).Length / 1024} KiB dump, "
                + $"pg_restore {restoring.ElapsedMilliseconds} ms), pg_amcheck clean");

            // The console starts on the restored database and knows its orders; the identity sequences came back too,
            // so a new order gets a new id instead of colliding with a restored one.
            await using var console = await AppProcess.StartAsync(AppContext.BaseDirectory, folder.File("unused.db"), folder.Path, Settings(restored), Ct);
            using var restoredHttp = OrderLoad.Client(console.BaseAddress);
            var replayed = acknowledgedBefore[^1];
            var replay = await OrderLoad.PostAsync(restoredHttp, replayed, Ct);
            Assert.True(replay.Status == HttpStatusCode.OK, $"{replayed.Key} replayed on the restored console: {(int)replay.Status} {replay.Text}");
            Assert.Equal((replayed.Id, replayed.CaseNumber), (replay.Id, replay.CaseNumber));
            var fresh = await OrderLoad.PostAsync(restoredHttp, load.NextOrder(), Ct);
            Assert.True(fresh.Status == HttpStatusCode.Created, $"a new order on the restored console: {(int)fresh.Status} {fresh.Text}");
            Assert.DoesNotContain(fresh.Id, acknowledgedBefore.Select(o => o.Id));
        }
        finally
        {
            server.DropDatabase(restored);
            server.DropDatabase(source);
        }
    }

    /// <summary>
    /// pg_amcheck over the restored database, the same migration history as the source's, then every order
    /// acknowledged before the dump began: there, with the id and case number the API answered. Nothing is there that
    /// was never sent. Returns how many of the test's orders it holds.
    /// </summary>
    private async Task<int> VerifyAsync(string source, string restored, OrderLoad load, List<SentOrder> acknowledgedBefore)
    {
        await ProcessDatabase.AmcheckAsync(server, restored, Ct);
        const string history = """SELECT "MigrationId" || ' ' || "ProductVersion" FROM "__EFMigrationsHistory" ORDER BY 1""";
        var migrations = await ColumnAsync(restored, history);
        Assert.NotEmpty(migrations);
        Assert.Equal(await ColumnAsync(source, history), migrations);

        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await ColumnAsync(restored,
            $"""SELECT "IdempotencyKey" || ' ' || "Id" || ' ' || "CaseNumber" FROM "Orders" WHERE "IdempotencyKey" LIKE '{load.KeyPrefix}%'"""))
        {
            var parts = row.Split(' ');
            stored[parts[0]] = $"{parts[1]} {parts[2]}";
        }

        var problems = acknowledgedBefore
            .Where(o => !stored.TryGetValue(o.Key, out var found) || found != $"{o.Id} {o.CaseNumber}")
            .Select(o => $"{o.Key} ({o.Id} {o.CaseNumber}) was acknowledged before pg_dump began and is {(stored.TryGetValue(o.Key, out var f) ? $"stored as {f}" : "missing")}")
            .ToList();
        problems.AddRange(stored.Keys.Where(k => !load.WasSent(k)).Select(k => $"{k} is stored but was never sent"));
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
        return stored.Count;
    }

    /// <summary>The app's settings on <paramref name="database"/>, as the service would have them.</summary>
    private static Dictionary<string, string> Settings(string database) => new(StringComparer.Ordinal)
    {
        ["Database__Provider"] = nameof(DatabaseProvider.PostgreSql),
        ["ConnectionStrings__SocIt"] = database,
        ["OrdersApi__RateLimit__PermitLimit"] = "100000",
        ["FollowUps__CatchUpOnStartup"] = "false",
    };

    /// <summary>The tools' connection options for <paramref name="database"/>: the documentation's <c>-h db01 -U socit -d socit</c> here.</summary>
    private string[] Connection(string database) =>
        ["-h", PostgresServer.Host, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
         "-d", new NpgsqlConnectionStringBuilder(database).Database!];

    private async Task RunAsync(string tool, string[] arguments)
    {
        var run = await CommandLine.RunAsync(server.Tool(tool), arguments, Ct).WaitAsync(Patience, Ct);
        Assert.True(run.ExitCode == 0, $"exited {run.ExitCode}: {run.Output}");
    }

    private static async Task<List<string>> ColumnAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, AppProcess app)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience)
            {
                Assert.Fail($"Waited {Patience.TotalMinutes} minutes for {what}.\n{app.LogTail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), Ct);
        }
    }
}
