using Hangfire;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Infrastructure.Jobs;

namespace SocItConsole.Admin.Data;

/// <summary>
/// Nightly: folds the SQLite write-ahead log back into the database file and refreshes the query planner's
/// statistics, so that the WAL file does not grow without bound and queries keep their indexes.
/// </summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class DatabaseMaintenanceJob(
    IDbContextFactory<SocItDbContext> factory,
    JobRunner runner,
    ILogger<DatabaseMaintenanceJob> logger) : ExclusiveJob(runner)
{
    public const string Id = "database-maintenance";
    public const string DefaultCron = "30 3 * * *";

    protected override string JobId => Id;

    protected override async Task<IJobReport> RunExclusiveAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!db.Database.IsSqlite())
        {
            // PostgreSQL's autovacuum keeps statistics and dead rows in hand on its own (docs/features/database.md).
            return new JobReport("Inget att göra: PostgreSQL sköter statistik och städning själv (autovacuum).");
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        logger.LogInformation("Database maintenance done: statistics refreshed, write-ahead log checkpointed");
        return new JobReport("Statistiken uppdaterad och transaktionsloggen (WAL) överförd till databasfilen.");
    }
}
