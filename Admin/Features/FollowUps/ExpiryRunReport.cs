using System.Globalization;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>What one run of the expiry check did (or, in a dry run, would do).</summary>
public sealed record ExpiryRunReport(
    DateOnly Today,
    bool DryRun,
    int Flagged,
    int Closed,
    int RemindersSent,
    int ItemsReminded,
    int Escalated,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> Lines)
{
    public bool Succeeded => Failures.Count == 0;

    public string Summary =>
        $"{(DryRun ? "Provkörning" : "Körning")} {Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: " +
        $"{Flagged} nya uppföljningar, {Closed} stängda, {RemindersSent} påminnelser " +
        $"{(DryRun ? "skulle skickas" : "skickade")} ({ItemsReminded} rader), {Escalated} eskalerade" +
        (Failures.Count > 0 ? $", {Failures.Count} misslyckades" : string.Empty) + ".";
}

/// <summary>Some reminders could not be sent; thrown after the others went out, so that Hangfire retries the run.</summary>
public sealed class ReminderSendException : Exception
{
    public ReminderSendException()
    {
    }

    public ReminderSendException(string message)
        : base(message)
    {
    }

    public ReminderSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
