using SocItConsole.Shared.Expiry;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>The <c>Expiry</c> section: the reminder rule's numbers and the start-up catch-up.</summary>
public sealed class ExpiryOptions
{
    public const string Section = "Expiry";

    public int HeadsUpDays { get; set; } = ExpirySettings.Default.HeadsUpDays;

    public int RemindEveryDays { get; set; } = ExpirySettings.Default.RemindEveryDays;

    public int EscalateAfterReminders { get; set; } = ExpirySettings.Default.EscalateAfterReminders;

    /// <summary>At start-up, run the job at once when its last success is more than a day old.</summary>
    public bool CatchUpOnStartup { get; set; } = true;

    /// <summary>Grants read per query by the nightly run.</summary>
    public int BatchSize { get; set; } = 1000;

    public ExpirySettings ToSettings() => new ExpirySettings(HeadsUpDays, RemindEveryDays, EscalateAfterReminders).Validated();
}
