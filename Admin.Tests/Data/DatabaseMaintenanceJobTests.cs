using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Organisation;

namespace SocItConsole.Admin.Tests.Data;

public class DatabaseMaintenanceJobTests
{
    [Fact]
    public async Task RunAsync_ChecksPointsTheWriteAheadLogIntoTheDatabase()
    {
        using var database = await TestDatabase.CreateMigratedAsync();
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

        await new DatabaseMaintenanceJob(database, NullLogger<DatabaseMaintenanceJob>.Instance).RunAsync(ct);

        walFile.Refresh();
        Assert.Equal(0, walFile.Length);
        Assert.Equal(200, await reader.JobTitles.CountAsync(ct));
    }
}
