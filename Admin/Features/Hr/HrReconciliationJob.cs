using Hangfire;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Shared.Hr;

namespace SocItConsole.Admin.Features.Hr;

/// <summary>
/// Nightly at 04:00 in Sweden, after the HR system's export, when <c>Hr:ImportFolder</c> is set: reconciles the newest
/// file there (<see cref="HrReconciliationRun.RunNewestFileAsync"/>). A file already reconciled adds nothing; a
/// malformed file, a missing file or a notice the server refused fails the run, so that the dashboard shows it.
/// </summary>
[AutomaticRetry(Attempts = 2, DelaysInSeconds = [900, 3600])]
[DisableConcurrentExecution(timeoutInSeconds: 3600)]
public sealed class HrReconciliationJob(HrReconciliationRun run, JobRunner runner) : ExclusiveJob(runner)
{
    public const string Id = HrReconciliationRun.JobId;
    public const string DefaultCron = "0 4 * * *";

    protected override string JobId => Id;

    protected override async Task<IJobReport> RunExclusiveAsync(CancellationToken ct)
    {
        var report = await run.RunNewestFileAsync(asOf: null, dryRun: false, HrImportSource.Folder, ct);
        return report.Succeeded ? report : throw new HrReconciliationException(report.Summary);
    }
}

/// <summary>The nightly reconciliation did not go through; the message says why, in Swedish.</summary>
public sealed class HrReconciliationException : Exception
{
    public HrReconciliationException()
    {
    }

    public HrReconciliationException(string message)
        : base(message)
    {
    }

    public HrReconciliationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
