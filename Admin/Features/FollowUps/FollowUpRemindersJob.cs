using Hangfire;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>
/// Nightly (02:00 in Sweden): the expiry check for today. Reminders that could not be sent make the run fail after
/// the others went out, so that Hangfire retries it; the retry sends only what was not sent.
/// </summary>
[AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 1800, 3600])]
[DisableConcurrentExecution(timeoutInSeconds: 1800)]
public sealed class FollowUpRemindersJob(FollowUpRun run, TimeProvider clock, JobRunner runner) : ExclusiveJob(runner)
{
    public const string Id = FollowUpRun.JobId;
    public const string DefaultCron = "0 2 * * *";

    protected override string JobId => Id;

    protected override async Task<IJobReport> RunExclusiveAsync(CancellationToken ct)
    {
        var report = await run.RunAsync(AdminTimeZone.Today(clock), dryRun: false, ct);
        if (!report.Succeeded)
        {
            throw new ReminderSendException(
                $"{SwedishCount.Of(report.Failures.Count, "påminnelse", "påminnelser")} kunde inte skickas: {string.Join("; ", report.Failures)}");
        }

        return report;
    }
}
