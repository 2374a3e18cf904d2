using Hangfire;
using SocItConsole.Admin.Infrastructure.Jobs;

namespace SocItConsole.Admin.Data;

/// <summary>
/// Nightly (03:00 in Sweden, after the reminder jobs' writes and before <c>database-maintenance</c>): a backup of the
/// SQLite file that has been opened and checked, and the old ones deleted (<see cref="DatabaseBackupRun"/>). A backup
/// that fails its check fails the run, so that the dashboard shows it and Hangfire tries again.
/// </summary>
[AutomaticRetry(Attempts = 2, DelaysInSeconds = [600, 1800])]
[DisableConcurrentExecution(timeoutInSeconds: 3600)]
public sealed class DatabaseBackupJob(DatabaseBackupRun run, JobRunner runner) : ExclusiveJob(runner)
{
    public const string Id = "database-backup";
    public const string DefaultCron = "0 3 * * *";

    protected override string JobId => Id;

    protected override async Task<IJobReport> RunExclusiveAsync(CancellationToken ct)
    {
        var report = await run.RunAsync(dryRun: false, ct);
        return report.Succeeded ? report : throw new BackupCheckException(report.Summary);
    }
}
