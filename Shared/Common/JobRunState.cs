namespace SocItConsole.Shared.Common;

/// <summary>
/// One recurring job's row, kept in the app's database (Hangfire's storage is in memory): when it last started and
/// last succeeded, so that a job missed while the server was down is started at once on the next start-up; and its
/// lease, so that one run at a time goes on across every process on the database — the console's scheduler, the
/// command line, a second server. The lease is claimed, renewed and released by conditional statements (see the job
/// runner in the web app), never by loading and saving this entity: a holder (host, process and run), when it was
/// claimed, and until when it holds unless renewed, so that a crashed holder's lease runs out by itself.
/// </summary>
public sealed class JobRunState
{
    public const int JobIdMaxLength = 100;
    public const int SummaryMaxLength = 1000;
    public const int LeaseHolderMaxLength = 200;

    private JobRunState()
    {
        JobId = string.Empty;
    }

    public string JobId { get; private set; }

    public DateTimeOffset? LastStartedAt { get; private set; }

    public DateTimeOffset? LastSucceededAt { get; private set; }

    public string? LastSummary { get; private set; }

    /// <summary>Who holds the lease now; null when nobody runs the job.</summary>
    public string? LeaseHolder { get; private set; }

    public DateTimeOffset? LeaseClaimedAt { get; private set; }

    /// <summary>Until when the holder holds the lease unless it renews it; after that anyone may claim it.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    /// <summary>A run's summary as it is kept: at most <see cref="SummaryMaxLength"/> characters.</summary>
    public static string KeptSummary(string summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Length <= SummaryMaxLength ? summary : summary[..SummaryMaxLength];
    }

    /// <summary>Due for a catch-up run: never succeeded, or not within <paramref name="maxAge"/> of <paramref name="now"/>.</summary>
    public static bool IsOverdue(DateTimeOffset? lastSucceededAt, DateTimeOffset now, TimeSpan maxAge) =>
        lastSucceededAt is not { } last || now - last > maxAge;
}
