using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Keys;
using static SocItConsole.Admin.Tests.TestData.KeyRegisterData;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// A personal code is shown once to the operator and then exists only as a salted hash: these tests issue and reset
/// codes and then look for the plain codes everywhere the console writes — every text column of every table, the raw
/// files that hold the database, the logs, the audit trail, the purchase export and the results' own text. On the
/// run's provider: on SQLite the files are the database and its -wal (kept from being checkpointed away), -shm and
/// -journal; on PostgreSQL the database's own table, TOAST and index files in the server's data directory, written
/// out by a CHECKPOINT first (not pg_wal, which is the whole server's and holds every concurrently running test's
/// six-digit numbers too).
/// </summary>
/// <remarks>
/// Six random digits can occur by chance in other data (a key number, a timestamp), so only codes that did not
/// already occur before they were issued are looked for; with four codes at least one always qualifies.
/// </remarks>
public class PersonalCodePrivacyTests
{
    [Fact]
    public async Task IssuedAndResetCodes_AppearNowhereInTheDatabaseFilesAuditOrExport_ThroughTheServices()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var store = Store.Of(database);
        await using var keeper = await store.KeepWalAsync(ct);
        var (lisa, per) = await PrepareAsync(database, clock, ct);
        var baseline = await EverythingAsync(store, [], ct);

        var results = await IssueAndResetAsync(
            KeyServices.Codes(database, "operator", clock), KeyServices.Pools(database, "operator", clock), lisa, per,
            await PoolIdAsync(database, Centrum, Pool, ct), ct);
        var purchases = KeyServices.Purchases(database, "operator", clock);
        var export = await ReceiveAndExportAsync(purchases, await UnitIdAsync(database, Centrum, ct), lisa, Today, ct);

        var codes = Distinctive(results, baseline);
        Assert.True(database.IsPostgreSql || File.Exists(database.FilePath + "-wal"), "The test should also read the WAL file.");
        var everything = await EverythingAsync(store, [], ct);
        AssertScansSeeTheData(everything, await HashesAsync(database, ct));
        AssertNowhere(codes, everything);
        await AssertNotInAuditAsync(database, codes, ct);
        AssertNotInExport(codes, export);
        AssertResultsHideTheCode(results);
        await AssertCodesStoredAsHashesAsync(database, results, ct);

        if (keeper is not null)
        {
            await keeper.CloseAsync();
        }

        AssertNowhere(codes, await EverythingAsync(store, [], ct));
    }

    [Fact]
    public async Task IssuedAndResetCodes_AppearNowhereInTheRunningApp_NotEvenInTraceLogs()
    {
        await using var app = AdminAppFactory.Development()
            .WithSetting("Logging:LogLevel:Default", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .WithTestServices(services => services.Configure<LoggerFilterOptions>(options =>
                options.Rules.Add(new LoggerFilterRule(null, "Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Trace, null))));
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        var store = app.IsPostgreSql
            ? new Store(app.PostgreSqlConnectionString!, null, PostgresServer.Require())
            : new Store($"Data Source={app.DatabasePath};Pooling=False", app.DatabasePath, null);
        await using var scope = SignedIn(app, "operator");
        var services = scope.ServiceProvider;
        var factory = services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var today = AdminTimeZone.Today(services.GetRequiredService<TimeProvider>());
        var (lisa, per) = await PrepareAsync(factory, services.GetRequiredService<KeyRegister>(), today, ct);
        var baseline = await EverythingAsync(store, app.LogMessages, ct);

        var results = await IssueAndResetAsync(
            services.GetRequiredService<PersonalCodes>(), services.GetRequiredService<PoolRegister>(), lisa, per,
            await PoolIdAsync(factory, Centrum, Pool, ct), ct);
        var export = await ReceiveAndExportAsync(
            services.GetRequiredService<KeyPurchases>(), await UnitIdAsync(factory, Centrum, ct), lisa, today, ct);
        var employeePage = await services.GetRequiredService<KeyQueries>().ForEmployeeAsync(lisa, ct);

        var codes = Distinctive(results, baseline);
        var everything = await EverythingAsync(store, app.LogMessages, ct);
        AssertScansSeeTheData(everything, await HashesAsync(factory, ct));
        Assert.Contains(app.LogMessages, m => m.Contains("\"PersonalCodes\"", StringComparison.Ordinal));
        AssertNowhere(codes, everything);
        Assert.All(codes, code => Assert.DoesNotContain(app.LogMessages, m => m.Contains(code, StringComparison.Ordinal)));
        await AssertNotInAuditAsync(factory, codes, ct);
        AssertNotInExport(codes, export);
        AssertResultsHideTheCode(results);
        Assert.All(codes, code => Assert.DoesNotContain(code, employeePage.ToString(), StringComparison.Ordinal));
        await AssertCodesStoredAsHashesAsync(factory, results, ct);
    }

    private static Task<(int Lisa, int Per)> PrepareAsync(TestDatabase database, TimeProvider clock, CancellationToken ct) =>
        PrepareAsync(database, KeyServices.Register(database, "operator", clock), Today, ct);

    /// <summary>Lisa gets the personal key 4110001; Per is neither, until he joins the pool.</summary>
    private static async Task<(int Lisa, int Per)> PrepareAsync(
        IDbContextFactory<SocItDbContext> factory, KeyRegister register, DateOnly today, CancellationToken ct)
    {
        var ids = await AddEmployeesAsync(factory, today, ct, "Lisa Andersson", "Per Olsson");
        var key = await KeyAsync(factory, "4110001", ct);
        Assert.IsType<KeyResult.Done>(await register.AssignAsync(key.Id, key.Version, ids[0], ct));
        return (ids[0], ids[1]);
    }

    private static async Task<IReadOnlyList<KeyResult.CodeIssued>> IssueAndResetAsync(
        PersonalCodes codes, PoolRegister pools, int lisa, int per, int poolId, CancellationToken ct)
    {
        Assert.IsType<KeyResult.Done>(await pools.AddMemberAsync(poolId, per, new DateOnly(2026, 1, 1), ct));
        var results = new List<KeyResult.CodeIssued>
        {
            Assert.IsType<KeyResult.CodeIssued>(await codes.IssueAsync(lisa, ct)),
            Assert.IsType<KeyResult.CodeIssued>(await codes.IssueAsync(per, ct)),
            Assert.IsType<KeyResult.CodeIssued>(await codes.ResetAsync(lisa, 1, PersonalCodeResetReason.Forgotten, ct)),
            Assert.IsType<KeyResult.CodeIssued>(await codes.ResetAsync(per, 1, PersonalCodeResetReason.NotWorking, ct)),
        };
        Assert.IsType<KeyResult.Done>(await pools.MoveToPoolAsync(lisa, poolId, ct));
        return results;
    }

    private static async Task<KeyFile> ReceiveAndExportAsync(
        KeyPurchases purchases, int unitId, int employeeId, DateOnly today, CancellationToken ct)
    {
        Assert.IsType<KeyResult.Done>(await purchases.StartAsync(unitId, employeeId, "Ny nyckel", ct));
        var row = (await purchases.SearchAsync(new PurchaseQuery(Status: KeyPurchaseStatus.Ordered), 0, 10, ct)).Items.Single();
        Assert.IsType<KeyResult.Done>(await purchases.ReceiveAsync(row.Id, row.Version, "4110901", 450m, ct));
        var export = await purchases.ExportAsync(unitId, today.AddDays(-1), today.AddDays(1), ct);
        Assert.Contains("4110901", Encoding.UTF8.GetString(export.Content), StringComparison.Ordinal);
        return export;
    }

    /// <summary>The codes that were not in the data before they were issued, and so can only be found if leaked.</summary>
    private static List<string> Distinctive(IReadOnlyList<KeyResult.CodeIssued> results, Haystack baseline)
    {
        var codes = results.Select(r => r.Code.Reveal()).Distinct(StringComparer.Ordinal).Where(c => !baseline.Contains(c)).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.Matches("^[0-9]{6}$", c));
        return codes;
    }

    private static void AssertScansSeeTheData(Haystack everything, IReadOnlyList<string> hashes)
    {
        Assert.True(everything.Contains("Lisa Andersson"), "The scan should read the employees' names.");
        Assert.True(everything.Contains("4110001"), "The scan should read the key numbers.");
        Assert.NotEmpty(hashes);
        Assert.All(hashes, hash => Assert.True(everything.Contains(hash), "The scan should read the personal codes' hashes."));
        Assert.True(
            hashes.Any(hash => everything.WhereIs(hash).Contains("the file", StringComparison.Ordinal)),
            "The scan should read the database's files, where the hashes are written too.");
    }

    private static void AssertNowhere(IEnumerable<string> codes, Haystack everything) =>
        Assert.All(codes, code => Assert.False(everything.Contains(code), $"A personal code was found in {everything.WhereIs(code)}."));

    private static async Task AssertNotInAuditAsync(IDbContextFactory<SocItDbContext> factory, IReadOnlyList<string> codes, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("PersonalCode.")).ToListAsync(ct);
        Assert.Equal(4, entries.Count);
        var all = await db.AuditEntries.AsNoTracking().ToListAsync(ct);
        Assert.All(codes, code => Assert.All(all, a =>
        {
            Assert.DoesNotContain(code, a.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain(code, a.Before ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(code, a.After ?? string.Empty, StringComparison.Ordinal);
        }));
        var hashes = await db.PersonalCodes.AsNoTracking().Select(c => c.Hash).ToListAsync(ct);
        Assert.All(hashes, hash => Assert.DoesNotContain(all, a => (a.Summary + a.Before + a.After).Contains(hash, StringComparison.Ordinal)));
    }

    private static void AssertNotInExport(IReadOnlyList<string> codes, KeyFile export)
    {
        var text = Encoding.UTF8.GetString(export.Content);
        Assert.All(codes, code => Assert.DoesNotContain(code, text, StringComparison.Ordinal));
        Assert.All(codes, code => Assert.DoesNotContain(code, export.FileName, StringComparison.Ordinal));
    }

    private static void AssertResultsHideTheCode(IReadOnlyList<KeyResult.CodeIssued> results) =>
        Assert.All(results, r =>
        {
            Assert.Contains("******", r.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(r.Code.Reveal(), r.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(r.Code.Reveal(), r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(r.Code.Reveal(), $"{r.Code}", StringComparison.Ordinal);
        });

    private static async Task AssertCodesStoredAsHashesAsync(
        IDbContextFactory<SocItDbContext> factory, IReadOnlyList<KeyResult.CodeIssued> results, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var stored = await db.PersonalCodes.AsNoTracking().ToListAsync(ct);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, c => Assert.Equal(2, c.Version));
        Assert.Contains(stored, c => c.Verify(results[2].Code.Reveal()));
        Assert.Contains(stored, c => c.Verify(results[3].Code.Reveal()));
    }

    private static async Task<IReadOnlyList<string>> HashesAsync(IDbContextFactory<SocItDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.PersonalCodes.AsNoTracking().Select(c => c.Hash).ToListAsync(ct);
    }

    /// <summary>
    /// Every value of every column of every table (text as it is, numbers as written and as six digits, blobs as
    /// UTF-8), the raw bytes of the files that hold the database (see the class's summary), and the log lines so far.
    /// </summary>
    private static async Task<Haystack> EverythingAsync(Store store, IEnumerable<string> logs, CancellationToken ct)
    {
        var parts = new List<(string Where, string Text)>();
        await using (var connection = store.Connection())
        {
            await connection.OpenAsync(ct);
            var tables = await ColumnAsync(connection, store.Server is null
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : """
                  SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                  WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                  """, ct);
            Assert.Contains(tables, t => t.TrimEnd('"').EndsWith("PersonalCodes", StringComparison.Ordinal));
            Assert.Contains(tables, t => t.TrimEnd('"').EndsWith("AuditEntries", StringComparison.Ordinal));
            foreach (var table in tables)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = store.Server is null ? $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : $"SELECT * FROM {table}";
                await using var reader = await select.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var where = $"{table}.{reader.GetName(i)}";
                        var value = reader.GetValue(i);
                        switch (value)
                        {
                            case string text:
                                parts.Add((where, text));
                                break;
                            case byte[] blob:
                                parts.Add((where, Encoding.UTF8.GetString(blob)));
                                break;
                            case long or int or short or decimal:
                                parts.Add((where, Convert.ToString(value, CultureInfo.InvariantCulture)!));
                                parts.Add((where, Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("D6", CultureInfo.InvariantCulture)));
                                break;
                            case double real:
                                parts.Add((where, real.ToString("R", CultureInfo.InvariantCulture)));
                                break;
                        }
                    }
                }
            }
        }

        foreach (var path in await store.FilesAsync(ct))
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            var bytes = memory.ToArray();
            parts.Add(($"the file {Path.GetFileName(path)}", Encoding.Latin1.GetString(bytes)));
            parts.Add(($"the file {Path.GetFileName(path)} (UTF-16)", Encoding.Unicode.GetString(bytes)));
            parts.Add(($"the file {Path.GetFileName(path)} (UTF-16, odd)", Encoding.Unicode.GetString(bytes.AsSpan(Math.Min(1, bytes.Length)))));
        }

        parts.AddRange(logs.ToList().Select(line => ("the log", line)));
        return new Haystack(parts);
    }

    private static async Task<List<string>> ColumnAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static AsyncServiceScope SignedIn(AdminAppFactory app, string userName)
    {
        var scope = app.Services.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(DevUsers.Find(userName)!.ToPrincipal())));
        return scope;
    }

    /// <summary>Where the scan looks: a SQLite file (<paramref name="SqliteFile"/>) or a database on the run's PostgreSQL server.</summary>
    private sealed record Store(string ConnectionString, string? SqliteFile, PostgresServer? Server)
    {
        private static readonly string[] SqliteSuffixes = ["", "-wal", "-shm", "-journal"];

        public static Store Of(TestDatabase database) => database.IsPostgreSql
            ? new Store(database.ConnectionString, null, PostgresServer.Require())
            : new Store(database.ConnectionString, database.FilePath, null);

        public DbConnection Connection() =>
            Server is null ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);

        /// <summary>
        /// On SQLite, WAL mode, as the app runs, and an open connection that keeps the -wal file from being
        /// checkpointed away meanwhile; on PostgreSQL nothing (null).
        /// </summary>
        public async Task<DbConnection?> KeepWalAsync(CancellationToken ct)
        {
            if (Server is not null)
            {
                return null;
            }

            var keeper = Connection();
            await keeper.OpenAsync(ct);
            await using var wal = keeper.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(ct);
            return keeper;
        }

        /// <summary>
        /// The files that hold the database now: SQLite's file and its -wal, -shm and -journal; on PostgreSQL, after a
        /// CHECKPOINT has written every changed page out, the files of the database's own tables, TOAST tables and
        /// indexes (the system catalogues left out).
        /// </summary>
        public async Task<List<string>> FilesAsync(CancellationToken ct)
        {
            if (Server is null)
            {
                return [.. SqliteSuffixes.Select(suffix => SqliteFile + suffix).Where(File.Exists)];
            }

            await using var connection = Connection();
            await connection.OpenAsync(ct);
            await using (var checkpoint = connection.CreateCommand())
            {
                checkpoint.CommandText = "CHECKPOINT";
                await checkpoint.ExecuteNonQueryAsync(ct);
            }

            var relative = await ColumnAsync(connection, """
                SELECT pg_relation_filepath(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.relkind IN ('r', 't', 'i', 'm')
                  AND pg_relation_filepath(c.oid) IS NOT NULL
                """, ct);
            var files = relative.Select(r => Path.Combine(Server.DataDirectory, r)).Where(File.Exists).ToList();
            Assert.NotEmpty(files);
            return files;
        }
    }

    private sealed class Haystack(IReadOnlyList<(string Where, string Text)> parts)
    {
        public bool Contains(string needle) => parts.Any(p => p.Text.Contains(needle, StringComparison.Ordinal));

        public string WhereIs(string needle) =>
            string.Join(", ", parts.Where(p => p.Text.Contains(needle, StringComparison.Ordinal)).Select(p => p.Where).Distinct());
    }
}
