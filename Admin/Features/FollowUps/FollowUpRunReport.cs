using System.Globalization;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>What one run of the expiry check did (or, in a dry run, would do).</summary>
public sealed record FollowUpRunReport(
    DateOnly Today,
    bool DryRun,
    int Flagged,
    int Closed,
    int RemindersSent,
    int ItemsReminded,
    int Escalated,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> Lines) : IJobReport
{
    public bool Succeeded => Failures.Count == 0;

    /// <summary>"Körning 2026-11-27: 1 ny uppföljning, 0 stängda, 1 påminnelse skickad (1 rad), 2 eskalerade."</summary>
    public string Summary =>
        $"{(DryRun ? "Provkörning" : "Körning")} {Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: " +
        $"{SwedishCount.Of(Flagged, "ny uppföljning", "nya uppföljningar")}, {SwedishCount.Of(Closed, "stängd", "stängda")}, " +
        (DryRun
            ? SwedishCount.Of(RemindersSent, "påminnelse skulle skickas", "påminnelser skulle skickas")
            : SwedishCount.Of(RemindersSent, "påminnelse skickad", "påminnelser skickade")) +
        $" ({SwedishCount.Of(ItemsReminded, "rad", "rader")}), {SwedishCount.Of(Escalated, "eskalerad", "eskalerade")}" +
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
