using Hangfire;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Reviews;

/// <summary>
/// Nightly (02:30 in Sweden, after the expiry check): reminders and escalations of the open review rounds. A message
/// that could not be sent makes the run fail after the others went out, so that Hangfire retries it; the retry sends
/// only what was not sent.
/// </summary>
[AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 1800, 3600])]
[DisableConcurrentExecution(timeoutInSeconds: 1800)]
public sealed class ReviewRemindersJob(ReviewRun run, TimeProvider clock, JobRunner runner) : ExclusiveJob(runner)
{
    public const string Id = ReviewRun.JobId;
    public const string DefaultCron = "30 2 * * *";

    protected override string JobId => Id;

    protected override async Task<IJobReport> RunExclusiveAsync(CancellationToken ct)
    {
        var report = await run.RunAsync(AdminTimeZone.Today(clock), dryRun: false, ct);
        if (!report.Succeeded)
        {
            throw new ReminderSendException(
                $"{SwedishCount.Of(report.Failures.Count, "e-postmeddelande", "e-postmeddelanden")} i granskningen kunde inte skickas: {string.Join("; ", report.Failures)}");
        }

        return report;
    }
}
