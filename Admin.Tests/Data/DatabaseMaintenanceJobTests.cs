using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Tests.Data;

[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
public class DatabaseMaintenanceJobTests
{
    [Fact]
    public async Task RunAsync_ChecksPointsTheWriteAheadLogIntoTheDatabase()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        await using var reader = database.CreateDbContext();
        await reader.Database.OpenConnectionAsync(ct);
        await reader.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await using (var db = database.CreateDbContext())
        {
            db.JobTitles.AddRange(Enumerable.Range(1, 200).Select(i => new JobTitle($"Titel {i}")));
            await db.SaveChangesAsync(ct);
        }

        var walFile = new FileInfo(database.FilePath + "-wal");
        Assert.True(walFile.Exists && walFile.Length > 0, "the writes should sit in the write-ahead log first");
        Assert.Equal(0, await TitlesInTheDatabaseFileAsync(database, ct));
        var pageSize = await reader.Database.SqlQueryRaw<long>("SELECT page_size AS \"Value\" FROM pragma_page_size").SingleAsync(ct);

        await new DatabaseMaintenanceJob(database, AppServices.JobRunner(database, TimeProvider.System), NullLogger<DatabaseMaintenanceJob>.Instance)
            .RunAsync(ct);

        // The checkpoint moved the titles into the database file and truncated the log; all the log holds now is the
        // job's lease being released after it, one small transaction on the JobRuns page.
        Assert.Equal(200, await TitlesInTheDatabaseFileAsync(database, ct));
        walFile.Refresh();
        Assert.InRange(Frames(walFile, pageSize), 0, 2);
        Assert.Equal(200, await reader.JobTitles.CountAsync(ct));
    }

    /// <summary>The titles in the database file alone, as a copy without its write-ahead log reads it.</summary>
    private static async Task<long> TitlesInTheDatabaseFileAsync(TestDatabase database, CancellationToken ct)
    {
        using var folder = new TempFolder();
        var copy = folder.File("alone.db");
        File.Copy(database.FilePath, copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"JobTitles\"";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Pages in the write-ahead log: a 32-byte header, then one frame (24-byte header and a page) per page written.</summary>
    private static long Frames(FileInfo wal, long pageSize) => wal.Length <= 32 ? 0 : (wal.Length - 32) / (24 + pageSize);
}

/// <summary>On PostgreSQL the job has nothing to do (autovacuum keeps statistics), says so, and succeeds under its lease.</summary>
[Trait(TestDatabases.Trait, TestDatabases.OwnPostgreSql)]
public class DatabaseMaintenanceJobPostgreSqlTests
{
    [Fact]
    public async Task RunAsync_OnPostgreSql_RunsNoSqliteStatement_AndRecordsItsSuccess()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.PostgreSql);
        var ct = TestContext.Current.CancellationToken;

        await new DatabaseMaintenanceJob(database, AppServices.JobRunner(database, TimeProvider.System), NullLogger<DatabaseMaintenanceJob>.Instance)
            .RunAsync(ct);

        await using var db = database.CreateDbContext();
        var run = await db.JobRuns.SingleAsync(j => j.JobId == DatabaseMaintenanceJob.Id, ct);
        Assert.NotNull(run.LastSucceededAt);
        Assert.Equal("Inget att göra: PostgreSQL sköter statistik och städning själv (autovacuum).", run.LastSummary);
    }
}
