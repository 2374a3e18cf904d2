using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Tests.Data;

[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
public class DatabaseBackupJobTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_WritesABackupThatOpensOnItsOwn_WithWhatIsStillInTheWriteAheadLog_AndPassesIntegrityCheck()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var clock = AppServices.Clock();
        // A reader kept open holds the titles in the write-ahead log, not yet in the database file.
        await using var reader = database.CreateDbContext();
        await reader.Database.OpenConnectionAsync(Ct);
        await reader.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", Ct);
        await AddTitlesAsync(database, "Titel", 200);

        await new DatabaseBackupJob(Run(database, folder, clock), AppServices.JobRunner(database, clock)).RunAsync(Ct);

        var backup = Assert.Single(Directory.GetFiles(folder.Path));
        Assert.Equal(folder.File("socit-20261127T090000Z.db"), backup);
        Assert.False(File.Exists(backup + "-wal"), "a backup is one self-contained file");
        await using var connection = Open(backup);
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check;"));
        Assert.Equal("delete", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal("200", await ScalarAsync(connection, "SELECT COUNT(*) FROM \"JobTitles\" WHERE \"Name\" LIKE 'Titel %';"));
    }

    [Fact]
    public async Task RunAsync_DeletesTheBackupsPastTheRetention_ButKeepsTheNewest_AndNoOtherFile()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var clock = AppServices.Clock();
        var now = clock.GetUtcNow();
        int[] ages = [1, 20, 30, 40];
        foreach (var days in ages)
        {
            await File.WriteAllTextAsync(folder.File(BackupFiles.NameFor(database.FilePath, now.AddDays(-days))), "an older backup", Ct);
        }

        string[] others = ["notes.txt", "other-20260101T000000Z.db", "socit.db.before-restore-20260101T000000Z"];
        foreach (var other in others)
        {
            await File.WriteAllTextAsync(folder.File(other), "not a nightly backup", Ct);
        }

        var report = await Run(database, folder, clock, new BackupOptions { RetentionDays = 14, KeepAtLeast = 3 }).RunAsync(dryRun: false, Ct);

        // Tonight's, yesterday's and the one of 20 days ago are the three newest; 30 and 40 days are past 14 days.
        Assert.True(report.Succeeded, report.Summary);
        int[] keptAges = [0, 1, 20];
        var expected = keptAges.Select(days => BackupFiles.NameFor(database.FilePath, now.AddDays(-days))).Concat(others);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(folder.Path).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        Assert.Equal(
            [$"Borttagen: {BackupFiles.NameFor(database.FilePath, now.AddDays(-30))}", $"Borttagen: {BackupFiles.NameFor(database.FilePath, now.AddDays(-40))}"],
            report.Lines);
        Assert.StartsWith("Säkerhetskopia socit-20261127T090000Z.db skriven (", report.Summary, StringComparison.Ordinal);
        Assert.EndsWith($"0 beställningar, integritetskontrollen ok); 2 äldre borttagna, 3 sparade i {folder.Path}.", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RemovesAPartialBackupLeftByARunThatDied()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var clock = AppServices.Clock();
        var partial = folder.File(BackupFiles.NameFor(database.FilePath, clock.GetUtcNow().AddDays(-1)) + BackupFiles.PartialSuffix);
        await File.WriteAllTextAsync(partial, "half a backup", Ct);

        var report = await Run(database, folder, clock).RunAsync(dryRun: false, Ct);

        Assert.False(File.Exists(partial));
        Assert.Contains($"Ofullständig säkerhetskopia från en avbruten körning borttagen: {Path.GetFileName(partial)}", report.Lines);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task RunAsync_DryRun_WritesAndDeletesNothing_AndSaysWhatItWouldDo()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var clock = AppServices.Clock();
        var old = folder.File(BackupFiles.NameFor(database.FilePath, clock.GetUtcNow().AddDays(-40)));
        await File.WriteAllTextAsync(old, "an older backup", Ct);

        var report = await Run(database, folder, clock, new BackupOptions { KeepAtLeast = 1 }).RunAsync(dryRun: true, Ct);

        Assert.Equal([old], Directory.GetFiles(folder.Path));
        Assert.Equal($"Provkörning: säkerhetskopian skulle skrivas till socit-20261127T090000Z.db; 1 äldre skulle tas bort, 1 skulle sparas i {folder.Path}. Inget ändrades.", report.Summary);
        Assert.Equal([$"Skulle tas bort: {Path.GetFileName(old)}"], report.Lines);
    }

    [Fact]
    public async Task RunAsync_OnPostgreSql_SaysThatPgDumpBacksItUp_AndDoesNothing()
    {
        using var folder = new TempFolder();
        var options = new DbContextOptionsBuilder<SocItDbContext>().UseNpgsql("Host=127.0.0.1;Port=1;Database=none").Options;
        var run = new DatabaseBackupRun(
            new FixedFactory(() => new SocItDbContext(options)), Options.Create(new BackupOptions { Folder = folder.Path }),
            AppServices.Clock(), NullLogger<DatabaseBackupRun>.Instance);

        var report = await run.RunAsync(dryRun: false, Ct);

        Assert.True(report.Succeeded);
        Assert.Equal("Ingen säkerhetskopia: konsolen kör på PostgreSQL, som säkerhetskopieras med pg_dump (se docs/features/backup.md).", report.Summary);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task InspectAsync_RefusesACorruptFile_NamingTheCheck()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await AddTitlesAsync(database, "Titel", 2000);
        using var folder = new TempFolder();
        var copy = folder.File("corrupt.db");
        File.Copy(database.FilePath, copy);
        await CorruptAsync(copy);

        var refused = await Assert.ThrowsAsync<BackupCheckException>(() => SqliteBackup.InspectAsync(copy, "corrupt.db", Ct));

        Assert.StartsWith("Integritetskontrollen av corrupt.db misslyckades: ", refused.Message, StringComparison.Ordinal);
    }

    internal static DatabaseBackupRun Run(TestDatabase database, TempFolder folder, FakeTimeProvider clock, BackupOptions? options = null)
    {
        var settings = options ?? new BackupOptions();
        settings.Folder = folder.Path;
        return new DatabaseBackupRun(database, Options.Create(settings), clock, NullLogger<DatabaseBackupRun>.Instance);
    }

    internal static async Task AddTitlesAsync(IDbContextFactory<SocItDbContext> database, string prefix, int count)
    {
        await using var db = await database.CreateDbContextAsync(Ct);
        db.JobTitles.AddRange(Enumerable.Range(1, count).Select(i => new JobTitle($"{prefix} {i}")));
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>
    /// Overwrites the middle of the last page, an index or table page full of titles, with bytes no b-tree page holds:
    /// the file still opens, as SQLite reads its header, but the page fails <c>integrity_check</c>.
    /// </summary>
    internal static async Task CorruptAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var pageSize = 4096;
        file.Seek(-pageSize + 8, SeekOrigin.End);
        await file.WriteAsync(Enumerable.Repeat((byte)0xFF, pageSize / 2).ToArray(), Ct);
    }

    internal static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    internal static async Task<string> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private sealed class FixedFactory(Func<SocItDbContext> create) : IDbContextFactory<SocItDbContext>
    {
        public SocItDbContext CreateDbContext() => create();
    }
}
