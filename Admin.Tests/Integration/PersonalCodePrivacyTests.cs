using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
/// database and WAL files, the logs, the audit trail, the purchase export and the results' own text.
/// </summary>
/// <remarks>
/// Six random digits can occur by chance in other data (a key number, a timestamp), so only codes that did not
/// already occur before they were issued are looked for; with four codes at least one always qualifies.
/// </remarks>
[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
public class PersonalCodePrivacyTests
{
    [Fact]
    public async Task IssuedAndResetCodes_AppearNowhereInTheDatabaseFilesAuditOrExport_ThroughTheServices()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        // WAL, as the app runs; an open connection keeps the -wal file from being checkpointed away meanwhile.
        await using var keeper = new SqliteConnection(database.ConnectionString);
        await keeper.OpenAsync(ct);
        await using (var wal = keeper.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(ct);
        }

        var (lisa, per) = await PrepareAsync(database, clock, ct);
        var baseline = await EverythingAsync(database.ConnectionString, database.FilePath, [], ct);

        var results = await IssueAndResetAsync(
            KeyServices.Codes(database, "operator", clock), KeyServices.Pools(database, "operator", clock), lisa, per,
            await PoolIdAsync(database, Centrum, Pool, ct), ct);
        var purchases = KeyServices.Purchases(database, "operator", clock);
        var export = await ReceiveAndExportAsync(purchases, await UnitIdAsync(database, Centrum, ct), lisa, Today, ct);

        var codes = Distinctive(results, baseline);
        Assert.True(File.Exists(database.FilePath + "-wal"), "The test should also read the WAL file.");
        var everything = await EverythingAsync(database.ConnectionString, database.FilePath, [], ct);
        AssertScansSeeTheData(everything, await HashesAsync(database, ct));
        AssertNowhere(codes, everything);
        await AssertNotInAuditAsync(database, codes, ct);
        AssertNotInExport(codes, export);
        AssertResultsHideTheCode(results);
        await AssertCodesStoredAsHashesAsync(database, results, ct);

        await keeper.CloseAsync();
        AssertNowhere(codes, await EverythingAsync(database.ConnectionString, database.FilePath, [], ct));
    }

    [Fact]
    public async Task IssuedAndResetCodes_AppearNowhereInTheRunningApp_NotEvenInTraceLogs()
    {
        await using var app = AdminAppFactory.Development().OnSqlite()
            .WithSetting("Logging:LogLevel:Default", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .WithTestServices(services => services.Configure<LoggerFilterOptions>(options =>
                options.Rules.Add(new LoggerFilterRule(null, "Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Trace, null))));
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        var connectionString = $"Data Source={app.DatabasePath};Pooling=False";
        await using var scope = SignedIn(app, "operator");
        var services = scope.ServiceProvider;
        var factory = services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var today = AdminTimeZone.Today(services.GetRequiredService<TimeProvider>());
        var (lisa, per) = await PrepareAsync(factory, services.GetRequiredService<KeyRegister>(), today, ct);
        var baseline = await EverythingAsync(connectionString, app.DatabasePath, app.LogMessages, ct);

        var results = await IssueAndResetAsync(
            services.GetRequiredService<PersonalCodes>(), services.GetRequiredService<PoolRegister>(), lisa, per,
            await PoolIdAsync(factory, Centrum, Pool, ct), ct);
        var export = await ReceiveAndExportAsync(
            services.GetRequiredService<KeyPurchases>(), await UnitIdAsync(factory, Centrum, ct), lisa, today, ct);
        var employeePage = await services.GetRequiredService<KeyQueries>().ForEmployeeAsync(lisa, ct);

        var codes = Distinctive(results, baseline);
        var everything = await EverythingAsync(connectionString, app.DatabasePath, app.LogMessages, ct);
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
    /// UTF-8), the raw bytes of the database and its -wal, -shm and -journal files, and the log lines so far.
    /// </summary>
    private static async Task<Haystack> EverythingAsync(
        string connectionString, string databasePath, IEnumerable<string> logs, CancellationToken ct)
    {
        var parts = new List<(string Where, string Text)>();
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                await using var reader = await list.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            Assert.Contains("PersonalCodes", tables);
            Assert.Contains("AuditEntries", tables);
            foreach (var table in tables)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                await using var reader = await select.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var where = $"{table}.{reader.GetName(i)}";
                        switch (reader.GetValue(i))
                        {
                            case string text:
                                parts.Add((where, text));
                                break;
                            case byte[] blob:
                                parts.Add((where, Encoding.UTF8.GetString(blob)));
                                break;
                            case long number:
                                parts.Add((where, number.ToString(CultureInfo.InvariantCulture)));
                                parts.Add((where, number.ToString("D6", CultureInfo.InvariantCulture)));
                                break;
                            case double real:
                                parts.Add((where, real.ToString("R", CultureInfo.InvariantCulture)));
                                break;
                        }
                    }
                }
            }
        }

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            var path = databasePath + suffix;
            if (!File.Exists(path))
            {
                continue;
            }

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

    private static AsyncServiceScope SignedIn(AdminAppFactory app, string userName)
    {
        var scope = app.Services.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(DevUsers.Find(userName)!.ToPrincipal())));
        return scope;
    }

    private sealed class Haystack(IReadOnlyList<(string Where, string Text)> parts)
    {
        public bool Contains(string needle) => parts.Any(p => p.Text.Contains(needle, StringComparison.Ordinal));

        public string WhereIs(string needle) =>
            string.Join(", ", parts.Where(p => p.Text.Contains(needle, StringComparison.Ordinal)).Select(p => p.Where).Distinct());
    }
}
