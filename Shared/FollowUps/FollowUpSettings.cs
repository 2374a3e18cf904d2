namespace SocItConsole.Shared.FollowUps;

/// <summary>How the nightly check treats temporary grants; the defaults are the routine's.</summary>
/// <param name="HeadsUpDays">A grant ending within this many days gets a heads-up before it runs out.</param>
/// <param name="RemindEveryDays">An expired grant's manager is reminded again after this many days without a decision.</param>
/// <param name="EscalateAfterReminders">After this many reminders about an expired grant, Soc-IT takes it over.</param>
public sealed record FollowUpSettings(int HeadsUpDays = 7, int RemindEveryDays = 7, int EscalateAfterReminders = 3)
{
    public static readonly FollowUpSettings Default = new();

    /// <summary>Throws when a setting makes no sense (a zero interval would remind every run).</summary>
    public FollowUpSettings Validated()
    {
        if (HeadsUpDays < 0 || RemindEveryDays < 1 || EscalateAfterReminders < 1)
        {
            throw new ArgumentException(
                "FollowUps: HeadsUpDays must be 0 or more, RemindEveryDays and EscalateAfterReminders 1 or more.");
        }

        return this;
    }
}
