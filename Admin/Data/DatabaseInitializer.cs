using Microsoft.EntityFrameworkCore;

namespace SocItConsole.Admin.Data;

/// <summary>Brings the database to the current schema at start-up, before the app answers any request.</summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<SocItDbContext> factory,
    DemoDataSeeder demoData,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool seedDemoData, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            var names = string.Join(", ", pending);
            LogApplyingMigrations(logger, pending.Count, names);
            await db.Database.MigrateAsync(ct);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets the nightly jobs write while operators read; the mode is stored in the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        if (seedDemoData)
        {
            await demoData.SeedAsync(ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s): {Migrations}")]
    private static partial void LogApplyingMigrations(ILogger logger, int count, string migrations);
}
