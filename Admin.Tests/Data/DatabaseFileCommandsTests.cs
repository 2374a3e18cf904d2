using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;
using static SocItConsole.Admin.Tests.Data.DatabaseBackupJobTests;

namespace SocItConsole.Admin.Tests.Data;

/// <summary><c>backup --out FILE</c> and <c>restore --from FILE</c> as the command line runs them, on SQLite files.</summary>
[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
public class DatabaseFileCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("backup --out /tmp/b.db", "backup", "/tmp/b.db")]
    [InlineData("restore --from b.db", "restore", "b.db")]
    public void Parse_ReadsTheVerbAndItsFile(string line, string verb, string file)
    {
        var command = DatabaseFileCommand.Parse(line.Split(' '), out var error);

        Assert.Null(error);
        Assert.Equal(new DatabaseFileCommand(verb, file), command);
    }

    [Theory]
    [InlineData("backup", "Ange vilken fil säkerhetskopian ska skrivas till. Användning: backup --out FIL")]
    [InlineData("backup --out", "Ange vilken fil säkerhetskopian ska skrivas till. Användning: backup --out FIL")]
    [InlineData("backup --from b.db", "Okänt argument: --from. Användning: backup --out FIL")]
    [InlineData("restore --from b.db --force", "Okänt argument: --force. Användning: restore --from FIL")]
    [InlineData("restore --from --force", "Ange vilken säkerhetskopia som ska återställas. Användning: restore --from FIL")]
    public void Parse_NamesWhatIsWrong(string line, string message)
    {
        Assert.Null(DatabaseFileCommand.Parse(line.Split(' '), out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("run-job database-backup")]
    [InlineData("--urls http://127.0.0.1:5080")]
    public void Parse_LeavesOtherArgumentsToTheConsole(string line)
    {
        Assert.Null(DatabaseFileCommand.Parse(line.Length == 0 ? [] : line.Split(' '), out var error));
        Assert.Null(error);
    }

    [Fact]
    public async Task Backup_WritesTheFile_AndPrintsItsPathSizeAndOrders()
    {
        using var database = await DatabaseWithOrdersAsync();
        using var folder = new TempFolder();
        var file = folder.File("före-uppgradering.db");

        var (exit, output, error) = await RunAsync(database, "backup", file);

        Assert.True(exit == DatabaseFileCommand.ExitOk, error);
        Assert.Matches($"^Säkerhetskopia skriven till {file}: [0-9]+ kB, 2 beställningar, integritetskontrollen ok\\.$", output.Trim());
        await using var connection = Open(file);
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check;"));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.partial"));
    }

    [Fact]
    public async Task Backup_RefusesAFileThatExists_AndLeavesItAsItWas()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var file = folder.File("viktig.db");
        await File.WriteAllTextAsync(file, "something else", Ct);

        var (exit, output, error) = await RunAsync(database, "backup", file);

        Assert.Equal(DatabaseFileCommand.ExitExists, exit);
        Assert.Equal($"{file} finns redan. En säkerhetskopia skriver aldrig över en fil: välj ett annat namn.", error.Trim());
        Assert.Empty(output);
        Assert.Equal("something else", await File.ReadAllTextAsync(file, Ct));
    }

    [Fact]
    public async Task Restore_IsRefusedWhileAProcessOfTheConsoleHoldsTheDatabase_AndGoesThroughOnceItLetsGo()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var backup = await BackupWithTitleAsync(database, folder, "I säkerhetskopian");
        await AddTitlesAsync(database, "Efter säkerhetskopian", 1);
        var console = DatabaseFileLock.TryShared(database.FilePath);
        Assert.NotNull(console);

        var (refusedExit, _, refusal) = await RunAsync(database, "restore", backup);

        Assert.Equal(DatabaseFileCommand.ExitInUse, refusedExit);
        Assert.Equal(
            $"Konsolen kör på databasen {database.FilePath}: en annan process håller låset {database.FilePath}.lock (konsolen, ett jobb "
            + "eller en säkerhetskopiering). Stoppa konsolen och jobb som körs mot databasen och försök igen. Ingenting har ändrats.",
            refusal.Trim());
        Assert.Equal(1, await TitlesAsync(database.FilePath, "Efter säkerhetskopian"));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(database.FilePath)!, "*before-restore*"));

        console.Dispose();
        var (exit, _, error) = await RunAsync(database, "restore", backup);

        Assert.True(exit == DatabaseFileCommand.ExitOk, error);
        Assert.Equal(0, await TitlesAsync(database.FilePath, "Efter säkerhetskopian"));
        Assert.Equal(1, await TitlesAsync(database.FilePath, "I säkerhetskopian"));
    }

    [Fact]
    public async Task Restore_PutsTheBackupInPlace_AndKeepsTheReplacedDatabaseWithTheCommitsStillInItsLog()
    {
        using var source = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var backup = await BackupWithTitleAsync(source, folder, "I säkerhetskopian");

        // The database a crashed console left: its last commits in socit.db-wal only, and a stale socit.db-shm.
        await using (var reader = source.CreateDbContext())
        {
            await reader.Database.OpenConnectionAsync(Ct);
            await reader.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", Ct);
            await AddTitlesAsync(source, "Bara i loggen", 3);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Copy(source.FilePath + suffix, folder.File("socit.db" + suffix));
            }
        }

        var target = folder.File("socit.db");
        var clock = AppServices.Clock();
        var (exit, output, error) = await RunAsync(new SqliteFile(target), "restore", backup, clock);

        Assert.True(exit == DatabaseFileCommand.ExitOk, error);
        var kept = $"{target}.before-restore-20261127T090000Z";
        Assert.Equal(
            [
                $"Databasen {target} är återställd från {backup} ({(new FileInfo(target).Length + 1023) / 1024} kB, 0 beställningar, integritetskontrollen ok).",
                $"Den tidigare databasen finns kvar som {kept}.",
                "Säkerhetskopian har alla migreringar som den här versionen av konsolen har.",
            ],
            output.Trim().Split('\n'));
        Assert.False(File.Exists(target + "-wal") || File.Exists(target + "-shm"), "no stale log is left for SQLite to replay into the restored file");
        Assert.Equal(1, await TitlesAsync(target, "I säkerhetskopian"));
        Assert.Equal(0, await TitlesAsync(target, "Bara i loggen"));
        Assert.True(File.Exists(kept + "-wal"), "the replaced database keeps its log");
        Assert.Equal(3, await TitlesAsync(kept, "Bara i loggen"));
        await using var connection = Open(target);
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check;"));
    }

    [Fact]
    public async Task Restore_RefusesWhatIsNotAWholeBackupOfTheConsole_AndChangesNothing()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await AddTitlesAsync(database, "Titel", 2000);
        using var folder = new TempFolder();
        var text = folder.File("anteckningar.db");
        await File.WriteAllTextAsync(text, "inte en databas", Ct);
        var foreign = folder.File("annan.db");
        await using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE Notes (Text TEXT);";
            await create.ExecuteNonQueryAsync(Ct);
        }

        var corrupt = folder.File("trasig.db");
        File.Copy(database.FilePath, corrupt);
        await CorruptAsync(corrupt);
        var before = await File.ReadAllBytesAsync(database.FilePath, Ct);

        foreach (var (file, reason) in new[]
        {
            (text, "anteckningar.db kan inte läsas som en databas från SocItConsole: SQLite Error 26: 'file is not a database'."),
            (foreign, "annan.db saknar tabellen __EFMigrationsHistory: det är ingen databas från SocItConsole."),
            (corrupt, "Integritetskontrollen av trasig.db misslyckades: "),
        })
        {
            var (exit, _, error) = await RunAsync(database, "restore", file);

            Assert.Equal(DatabaseFileCommand.ExitNotABackup, exit);
            Assert.StartsWith($"{file} återställs inte: {reason}", error, StringComparison.Ordinal);
            Assert.EndsWith("Ingenting har ändrats.", error.Trim(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(database.FilePath, Ct));
        Assert.Equal([database.FilePath, database.FilePath + ".lock"], Directory.GetFiles(Path.GetDirectoryName(database.FilePath)!).Order());
    }

    [Fact]
    public async Task Restore_OfABackupFromAnOlderVersion_SaysWhatTheNextStartMigrates_AndTheStartDoes()
    {
        using var folder = new TempFolder();
        var old = new SqliteFile(folder.File("äldre.db"));
        string lastButOne;
        await using (var db = old.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            lastButOne = migrations[^2];
            await db.GetService<IMigrator>().MigrateAsync(lastButOne, Ct);
        }

        var target = new SqliteFile(folder.File("socit.db"));
        var (exit, output, error) = await RunAsync(target, "restore", old.Path);

        Assert.True(exit == DatabaseFileCommand.ExitOk, error);
        Assert.Contains("Det fanns ingen databas där sedan tidigare.", output, StringComparison.Ordinal);
        Assert.EndsWith("Vid nästa start tillämpas 1 nyare migrering.", output.Trim(), StringComparison.Ordinal);
        await using var restored = target.CreateDbContext();
        Assert.Equal(lastButOne, (await restored.Database.GetAppliedMigrationsAsync(Ct)).Last());
        await restored.Database.MigrateAsync(Ct);
        Assert.Empty(await restored.Database.GetPendingMigrationsAsync(Ct));
    }

    [Fact]
    public async Task Restore_RefusesABackupFromANewerVersion()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var newer = new SqliteFile(folder.File("nyare.db"));
        await using (var db = newer.CreateDbContext())
        {
            await db.Database.MigrateAsync(Ct);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0');", Ct);
        }

        var (exit, _, error) = await RunAsync(database, "restore", newer.Path);

        Assert.Equal(DatabaseFileCommand.ExitNotABackup, exit);
        Assert.StartsWith(
            $"{newer.Path} återställs inte: den kommer från en nyare version av konsolen (migreringen 29991231000000_FromTheFuture finns inte i den här).",
            error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileARestoreHoldsTheDatabase_TheConsoleDoesNotStart_AndNoBackupIsTaken()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        using var restore = DatabaseFileLock.TryExclusive(database.FilePath);
        Assert.NotNull(restore);

        using var inUse = new DatabaseInUse(database);
        var refused = Assert.Throws<InvalidOperationException>(inUse.Hold);
        var (exit, _, error) = await RunAsync(database, "backup", folder.File("b.db"));

        Assert.Equal(
            $"Databasen {database.FilePath} återställs just nu (restore håller låset {database.FilePath}.lock). Starta igen när återställningen är klar.",
            refused.Message);
        Assert.Equal(DatabaseFileCommand.ExitInUse, exit);
        Assert.StartsWith($"Databasen {database.FilePath} återställs just nu", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("b.db")));
    }

    [Fact]
    public async Task ProcessesOfTheConsole_ShareTheLock_AndARestoreGetsItOnlyWhenAllHaveLetGo()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var console = new DatabaseInUse(database);
        console.Hold();
        using var job = DatabaseFileLock.TryShared(database.FilePath);

        Assert.Equal(database.FilePath + ".lock", console.LockPath);
        Assert.NotNull(job);
        Assert.Null(DatabaseFileLock.TryExclusive(database.FilePath));
        console.Dispose();
        Assert.Null(DatabaseFileLock.TryExclusive(database.FilePath));
        job.Dispose();
        using var restore = DatabaseFileLock.TryExclusive(database.FilePath);
        Assert.NotNull(restore);
    }

    /// <summary>Two e-service orders on the demo organisation.</summary>
    private static async Task<TestDatabase> DatabaseWithOrdersAsync()
    {
        var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await database.SeedDemoDataAsync(AppServices.Clock());
        var chef = new Actor("chef1-oid", "Anna Lindqvist");
        foreach (var personnummer in new[] { OrderRequests.Pnr1990, OrderRequests.Pnr1985 })
        {
            Assert.IsType<PlaceOrderResult.Created>(await AppServices.OrderIntake(database).PlaceAsync(
                OrderRequests.NewUndersköterska(personnummer), OrderChannel.EService, chef, ct: Ct));
        }

        return database;
    }

    private static async Task<string> BackupWithTitleAsync(TestDatabase database, TempFolder folder, string title)
    {
        await AddTitlesAsync(database, title, 1);
        var backup = folder.File("backup.db");
        var (exit, _, error) = await RunAsync(database, "backup", backup);
        Assert.True(exit == DatabaseFileCommand.ExitOk, error);
        return backup;
    }

    private static async Task<long> TitlesAsync(string path, string prefix)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"JobTitles\" WHERE \"Name\" LIKE $prefix || ' %';";
        command.Parameters.AddWithValue("$prefix", prefix);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(
        IDbContextFactory<SocItDbContext> database, string verb, string file, TimeProvider? clock = null)
    {
        await using var services = new ServiceCollection()
            .AddSingleton(database)
            .AddSingleton(clock ?? AppServices.Clock())
            .BuildServiceProvider();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DatabaseFileCommands.RunAsync(services, new DatabaseFileCommand(verb, file), output, error, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A context factory on any SQLite file, as the app's is on its configured one.</summary>
    private sealed class SqliteFile(string path) : IDbContextFactory<SocItDbContext>
    {
        public string Path { get; } = path;

        public SocItDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<SocItDbContext>().UseSqlite($"Data Source={Path};Pooling=False").Options);
    }
}
