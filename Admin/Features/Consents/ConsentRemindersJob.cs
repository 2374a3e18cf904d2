using Hangfire;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Consents;

/// <summary>
/// Working days at 07:00 in Sweden, before the managers' day starts: reminders and escalations of the receiving units'
/// unanswered consents (<see cref="ConsentRun"/>). A reminder that could not be sent makes the run fail after the
/// others went out, so that Hangfire retries it; the retry sends only what was not sent.
/// </summary>
[AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 1800, 3600])]
[DisableConcurrentExecution(timeoutInSeconds: 1800)]
public sealed class ConsentRemindersJob(ConsentRun run, TimeProvider clock, JobRunner runner) : ExclusiveJob(runner)
{
    public const string Id = ConsentRun.JobId;
    public const string DefaultCron = "0 7 * * 1-5";

    protected override string JobId => Id;

    protected override async Task<IJobReport> RunExclusiveAsync(CancellationToken ct)
    {
        var report = await run.RunAsync(AdminTimeZone.Today(clock), dryRun: false, ct);
        if (!report.Succeeded)
        {
            throw new ReminderSendException(
                $"{SwedishCount.Of(report.Failures.Count, "påminnelse om godkännande", "påminnelser om godkännande")} kunde inte skickas: {string.Join("; ", report.Failures)}");
        }

        return report;
    }
}
