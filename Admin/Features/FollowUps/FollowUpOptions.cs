using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>The <c>FollowUps</c> section: the reminder rule's numbers and the start-up catch-up.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUps";

    public int HeadsUpDays { get; set; } = FollowUpSettings.Default.HeadsUpDays;

    public int RemindEveryDays { get; set; } = FollowUpSettings.Default.RemindEveryDays;

    public int EscalateAfterReminders { get; set; } = FollowUpSettings.Default.EscalateAfterReminders;

    /// <summary>At start-up, run the job at once when its last success is more than a day old.</summary>
    public bool CatchUpOnStartup { get; set; } = true;

    /// <summary>Grants read per query by the nightly run.</summary>
    public int BatchSize { get; set; } = 1000;

    public FollowUpSettings ToSettings() => new FollowUpSettings(HeadsUpDays, RemindEveryDays, EscalateAfterReminders).Validated();
}
