using Hangfire;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.CaseMail;

/// <summary>
/// Every five minutes: sends the case's e-mail that is still an attempt (the dispatcher could not, or the console
/// stopped first). A message that fails again waits for the next run, so the run itself is not retried by Hangfire.
/// </summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed class CaseMailJob(CaseMail mail, JobRunner runner) : ExclusiveJob(runner)
{
    public const string Id = "case-mail";
    public const string DefaultCron = "*/5 * * * *";

    protected override string JobId => Id;

    protected override async Task<IJobReport> RunExclusiveAsync(CancellationToken ct)
    {
        var (sent, failures) = await mail.SendPendingAsync(null, ct);
        return new CaseMailRunReport(sent, failures);
    }
}

/// <summary>What a run of <see cref="CaseMailJob"/> did: how many went out, and what could not be sent.</summary>
public sealed record CaseMailRunReport(int Sent, IReadOnlyList<string> Failures, int? Pending = null) : IJobReport
{
    public bool Succeeded => Failures.Count == 0;

    public string Summary => Pending is { } pending
        ? $"Provkörning: {SwedishCount.Of(pending, "meddelande väntar", "meddelanden väntar")} på att skickas. Inget skickades."
        : Failures.Count == 0
            ? $"{SwedishCount.Of(Sent, "meddelande skickat", "meddelanden skickade")}."
            : $"{SwedishCount.Of(Sent, "meddelande skickat", "meddelanden skickade")}, "
                + $"{SwedishCount.Of(Failures.Count, "kunde inte skickas", "kunde inte skickas")} och försöks igen vid nästa körning.";

    public IReadOnlyList<string> Lines => Failures;
}
