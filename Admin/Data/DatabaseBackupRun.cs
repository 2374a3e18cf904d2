using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Data;

/// <summary>
/// One run of <c>database-backup</c>, for Hangfire (<see cref="DatabaseBackupJob"/>) and <c>run-job</c>: writes a
/// checked backup of the SQLite file into <c>Backup:Folder</c>, then deletes the backups past their retention.
/// </summary>
public sealed partial class DatabaseBackupRun(
    IDbContextFactory<SocItDbContext> factory,
    IOptions<BackupOptions> options,
    TimeProvider clock,
    ILogger<DatabaseBackupRun> logger)
{
    public async Task<DatabaseBackupReport> RunAsync(bool dryRun, CancellationToken ct)
    {
        var settings = options.Value;
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!db.Database.IsSqlite())
        {
            return new DatabaseBackupReport(
                true, "Ingen säkerhetskopia: konsolen kör på PostgreSQL, som säkerhetskopieras med pg_dump (se docs/features/backup.md).", []);
        }

        if (SqliteBackup.DatabaseFile(db) is not { } databasePath)
        {
            return new DatabaseBackupReport(true, "Ingen säkerhetskopia: databasen finns bara i minnet.", []);
        }

        var folder = Path.GetFullPath(settings.Folder);
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var path = Path.Combine(folder, BackupFiles.NameFor(databasePath, now));
        var name = Path.GetFileName(path);
        if (File.Exists(path))
        {
            return new DatabaseBackupReport(false, $"Säkerhetskopian {name} finns redan; ingen ny skrevs.", []);
        }

        var lines = new List<string>();
        BackupContents? written = null;
        if (!dryRun)
        {
            RemoveLeftovers(folder, databasePath, lines);
            try
            {
                written = await SqliteBackup.WriteAsync(db, path, ct);
            }
            catch (BackupCheckException failed)
            {
                LogBackupFailed(logger, name, failed.Message);
                return new DatabaseBackupReport(false, $"Säkerhetskopian {name} blev inte hel och togs bort. {failed.Message}", lines);
            }

            LogBackupWritten(logger, path, written.Size, written.Orders);
        }

        var stored = BackupFiles.In(folder, databasePath);
        var candidates = dryRun ? [new StoredBackup(path, now), .. stored] : stored;
        var expired = BackupFiles.ToDelete(candidates, b => b.TakenAt, now, settings.RetentionDays, settings.KeepAtLeast);
        var deleted = 0;
        foreach (var backup in expired)
        {
            var expiredName = Path.GetFileName(backup.Path);
            if (dryRun)
            {
                lines.Add($"Skulle tas bort: {expiredName}");
                deleted++;
                continue;
            }

            try
            {
                File.Delete(backup.Path);
                lines.Add($"Borttagen: {expiredName}");
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogDeleteFailed(logger, backup.Path, e.Message);
                lines.Add($"Kunde inte ta bort {expiredName}: {e.Message}");
            }
        }

        var kept = candidates.Count - deleted;
        var removal = dryRun
            ? $"{deleted} äldre skulle tas bort, {kept} skulle sparas i {folder}"
            : $"{SwedishCount.Of(deleted, "äldre borttagen", "äldre borttagna")}, {SwedishCount.Of(kept, "sparad", "sparade")} i {folder}";
        var summary = written is null
            ? $"Provkörning: säkerhetskopian skulle skrivas till {name}; {removal}. Inget ändrades."
            : $"Säkerhetskopia {name} skriven ({written.Description}, integritetskontrollen ok); {removal}.";
        return new DatabaseBackupReport(true, summary, lines);
    }

    /// <summary>Partial files of runs that died while writing: this run holds the job's lease, so none is being written.</summary>
    private void RemoveLeftovers(string folder, string databasePath, List<string> lines)
    {
        var pattern = Path.GetFileNameWithoutExtension(databasePath) + "-*" + BackupFiles.Extension + BackupFiles.PartialSuffix;
        foreach (var partial in Directory.EnumerateFiles(folder, pattern))
        {
            File.Delete(partial);
            LogLeftoverRemoved(logger, partial);
            lines.Add($"Ofullständig säkerhetskopia från en avbruten körning borttagen: {Path.GetFileName(partial)}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database backup written to {Path}: {Size} bytes, {Orders} orders, integrity_check ok")]
    private static partial void LogBackupWritten(ILogger logger, string path, long size, int orders);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database backup {Name} failed its check and was removed: {Reason}")]
    private static partial void LogBackupFailed(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired database backup {Path} could not be deleted: {Reason}")]
    private static partial void LogDeleteFailed(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partial database backup {Path} left by an interrupted run removed")]
    private static partial void LogLeftoverRemoved(ILogger logger, string path);
}

/// <summary>What a run of <c>database-backup</c> did; a backup that failed its check makes the run fail.</summary>
public sealed record DatabaseBackupReport(bool Succeeded, string Summary, IReadOnlyList<string> Lines) : IJobReport;
