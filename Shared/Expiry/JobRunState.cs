namespace SocItConsole.Shared.Expiry;

/// <summary>
/// When a recurring job last ran and last succeeded, kept in the app's database (Hangfire's storage is in memory),
/// so that a job missed while the server was down is started at once on the next start-up.
/// </summary>
public sealed class JobRunState
{
    public const int JobIdMaxLength = 100;
    public const int SummaryMaxLength = 1000;

    private JobRunState()
    {
        JobId = string.Empty;
    }

    public JobRunState(string jobId) => JobId = jobId;

    public string JobId { get; private set; }

    public DateTimeOffset? LastStartedAt { get; private set; }

    public DateTimeOffset? LastSucceededAt { get; private set; }

    public string? LastSummary { get; private set; }

    public void Started(DateTimeOffset at) => LastStartedAt = at.ToUniversalTime();

    public void Succeeded(DateTimeOffset at, string summary)
    {
        LastSucceededAt = at.ToUniversalTime();
        LastSummary = summary.Length <= SummaryMaxLength ? summary : summary[..SummaryMaxLength];
    }

    /// <summary>Due for a catch-up run: never succeeded, or not within <paramref name="maxAge"/> of <paramref name="now"/>.</summary>
    public static bool IsOverdue(DateTimeOffset? lastSucceededAt, DateTimeOffset now, TimeSpan maxAge) =>
        lastSucceededAt is not { } last || now - last > maxAge;
}
