extern alias bench;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;
using bench::SocItConsole.Bench.Harness;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>Runs alone: it starts the built app as several processes on one database and loads it with orders.</summary>
[CollectionDefinition(nameof(BackupProcessGroup), DisableParallelization = true)]
public sealed class BackupProcessGroup;

/// <summary>
/// Backups that are restored, not just taken, with the built app as real processes: a backup taken by <c>backup
/// --out</c> while the e-service's orders keep arriving is restored by <c>restore --from</c> and holds every order
/// acknowledged before it began; a restore is refused while a console runs on the database and goes through once it
/// has been killed, the operating system having released its lock.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
[Collection(nameof(BackupProcessGroup))]
public class BackupProcessTests
{
    private const int Writers = 4;
    private const string KeyPrefix = "backup-";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static readonly Dictionary<string, string> Settings = new(StringComparer.Ordinal)
    {
        ["OrdersApi__RateLimit__PermitLimit"] = "100000",
        ["FollowUps__CatchUpOnStartup"] = "false",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABackupTakenDuringWriteLoad_Restored_HoldsEveryOrderAcknowledgedBeforeItBegan_AndPassesIntegrityCheck()
    {
        using var folder = new TempFolder();
        var database = folder.File("socit.db");
        var ledger = new OrderLoad(KeyPrefix);
        var backup = folder.File("under-load.db");
        List<SentOrder> acknowledgedBefore;
        int acknowledgedDuring;
        string backupOutput;
        await using (var app = await AppProcess.StartAsync(AppContext.BaseDirectory, database, folder.Path, Settings, Ct))
        {
            using var http = OrderLoad.Client(app.BaseAddress);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var writers = Enumerable.Range(0, Writers).Select(_ => ledger.WriteUntilStoppedAsync(http, stop.Token)).ToArray();
            await WaitUntilAsync(() => ledger.Acknowledged >= 40 || !ledger.Refusals.IsEmpty, "40 orders acknowledged", app);

            acknowledgedBefore = ledger.AcknowledgedOrders();
            var started = Stopwatch.StartNew();
            await using (var command = AppProcess.StartCommand(AppContext.BaseDirectory, database, folder.Path, ["backup", "--out", backup], Settings))
            {
                var (exitCode, output, error) = await command.WaitForExitAsync(Ct).WaitAsync(Patience, Ct);
                Assert.True(exitCode == DatabaseFileCommand.ExitOk, $"backup exited {exitCode}:\n{output}\n{error}");
                backupOutput = output.Trim();
            }

            acknowledgedDuring = ledger.Acknowledged - acknowledgedBefore.Count;
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(ledger.Refusals.IsEmpty, "The API refused orders it should take:\n" + string.Join('\n', ledger.Refusals));
            Assert.True(acknowledgedDuring > 0, $"no order was acknowledged during the {started.ElapsedMilliseconds} ms of the backup: it was not taken under load");
        }

        // Restored where no console runs, as on a new server.
        using var newServer = new TempFolder();
        var restored = newServer.File("socit.db");
        await using (var command = AppProcess.StartCommand(AppContext.BaseDirectory, restored, newServer.Path, ["restore", "--from", backup], Settings))
        {
            var (exitCode, output, error) = await command.WaitForExitAsync(Ct).WaitAsync(Patience, Ct);
            Assert.True(exitCode == DatabaseFileCommand.ExitOk, $"restore exited {exitCode}:\n{output}\n{error}");
            Assert.Contains($"Databasen {restored} är återställd från {backup}", output, StringComparison.Ordinal);
        }

        var stored = await VerifyAsync(restored, ledger, acknowledgedBefore);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{acknowledgedBefore.Count} orders acknowledged before the backup began, {acknowledgedDuring} while it ran; "
            + $"the restored backup holds {stored} ({backupOutput})");

        // The console starts on the restored file and knows the orders: a replay is answered with the same order.
        await using var console = await AppProcess.StartAsync(AppContext.BaseDirectory, restored, newServer.Path, Settings, Ct);
        using var restoredHttp = OrderLoad.Client(console.BaseAddress);
        var replayed = acknowledgedBefore[^1];
        var outcome = await OrderLoad.PostAsync(restoredHttp, replayed, Ct);
        Assert.True(outcome.Status == HttpStatusCode.OK, $"{replayed.Key} replayed on the restored console: {(int)outcome.Status} {outcome.Text}");
        Assert.Equal((replayed.Id, replayed.CaseNumber), (outcome.Id, outcome.CaseNumber));
    }

    [Fact]
    public async Task Restore_IsRefusedWhileTheConsoleRunsOnTheDatabase_AndGoesThroughOnceTheConsoleIsKilled()
    {
        using var folder = new TempFolder();
        var database = folder.File("socit.db");
        var backup = folder.File("b.db");
        var ledger = new OrderLoad(KeyPrefix);
        await using (var app = await AppProcess.StartAsync(AppContext.BaseDirectory, database, folder.Path, Settings, Ct))
        {
            var (backupExit, _, backupError) = await RunCommandAsync(database, folder, ["backup", "--out", backup]);
            Assert.True(backupExit == DatabaseFileCommand.ExitOk, backupError);
            using var http = OrderLoad.Client(app.BaseAddress);
            var after = ledger.NextOrder();
            Assert.Equal(HttpStatusCode.Created, (await OrderLoad.PostAsync(http, after, Ct)).Status);

            var (refusedExit, _, refusal) = await RunCommandAsync(database, folder, ["restore", "--from", backup]);

            Assert.Equal(DatabaseFileCommand.ExitInUse, refusedExit);
            Assert.Contains($"Konsolen kör på databasen {database}", refusal, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(folder.Path, "*before-restore*"));
            Assert.Equal(137, await app.KillHardAsync());
        }

        var (exit, output, error) = await RunCommandAsync(database, folder, ["restore", "--from", backup]);

        Assert.True(exit == DatabaseFileCommand.ExitOk, $"restore exited {exit}:\n{output}\n{error}");
        var kept = Assert.Single(Directory.GetFiles(folder.Path, "socit.db.before-restore-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal));
        Assert.Contains($"Den tidigare databasen finns kvar som {kept}.", output, StringComparison.Ordinal);
        Assert.Equal(0, await OrdersAsync(database));
        Assert.Equal(1, await OrdersAsync(kept));
        await using var console = await AppProcess.StartAsync(AppContext.BaseDirectory, database, folder.Path, Settings, Ct);
    }

    /// <summary>
    /// SQLite's own checks of the restored file, then every order acknowledged before the backup began: there, with the
    /// id and case number the API answered. Nothing is there that was never sent. Returns how many orders it holds.
    /// </summary>
    private static async Task<int> VerifyAsync(string path, OrderLoad ledger, List<SentOrder> acknowledgedBefore)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        Assert.Equal(["ok"], await ColumnAsync(connection, "PRAGMA integrity_check;"));
        Assert.Empty(await ColumnAsync(connection, "PRAGMA foreign_key_check;"));
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await ColumnAsync(connection, $"SELECT IdempotencyKey || ' ' || Id || ' ' || CaseNumber FROM Orders WHERE IdempotencyKey LIKE '{KeyPrefix}%'"))
        {
            var parts = row.Split(' ');
            stored[parts[0]] = $"{parts[1]} {parts[2]}";
        }

        var missing = acknowledgedBefore
            .Where(o => !stored.TryGetValue(o.Key, out var found) || found != $"{o.Id} {o.CaseNumber}")
            .Select(o => $"{o.Key} ({o.Id} {o.CaseNumber}) was acknowledged before the backup began and is {(stored.TryGetValue(o.Key, out var f) ? $"stored as {f}" : "missing")}")
            .ToList();
        missing.AddRange(stored.Keys.Where(k => !ledger.WasSent(k)).Select(k => $"{k} is stored but was never sent"));
        Assert.True(missing.Count == 0, string.Join('\n', missing.Take(20)));
        return stored.Count;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(
        string database, TempFolder folder, string[] arguments)
    {
        await using var command = AppProcess.StartCommand(AppContext.BaseDirectory, database, folder.Path, arguments, Settings);
        return await command.WaitForExitAsync(Ct).WaitAsync(Patience, Ct);
    }

    /// <summary>The orders this test sent that <paramref name="path"/> holds.</summary>
    private static async Task<long> OrdersAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        return long.Parse(
            (await ColumnAsync(connection, $"SELECT COUNT(*) FROM Orders WHERE IdempotencyKey LIKE '{KeyPrefix}%'"))[0], CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
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
