namespace SocItConsole.Shared.FollowUps;

/// <summary>What the nightly run does about one follow-up today.</summary>
public enum ReminderDecision
{
    /// <summary>Nothing today: decided, already reminded today, or the interval has not passed.</summary>
    None,

    /// <summary>The grant ends within the heads-up window and the manager has not been told yet.</summary>
    HeadsUp,

    /// <summary>The grant has run out: remind the manager (first time, or again after the interval).</summary>
    Overdue,

    /// <summary>The manager was reminded the configured number of times without deciding: Soc-IT takes it over.</summary>
    Escalate,
}

/// <summary>The reminder history of one follow-up, as the rule needs it.</summary>
public readonly record struct FollowUpState(
    FollowUpStatus Status, DateOnly EndDate, DateOnly? HeadsUpSentOn, int OverdueReminders, DateOnly? LastRemindedOn);

/// <summary>
/// The end of a fixed-term employment or of a placement in another unit, as the nightly run sees it:
/// its last day (null: until further notice), whether an order ended it (an end of employment, a change of title or
/// unit), how many of its grants are still running on that day (not ended by an order), and whether a follow-up of
/// that very end exists already.
/// </summary>
public readonly record struct EndOfAccess(DateOnly? LastDay, bool EndedByOrder, int RunningGrants, bool FollowedUp);

/// <summary>
/// The rules of the nightly expiry check. Every rule takes the date it judges by, so that a missed night, a rerun or
/// a dry run with another date judge the same way.
/// </summary>
public static class FollowUpPolicy
{
    /// <summary>
    /// The last end date that is flagged on <paramref name="today"/>: today plus the heads-up window. Which grants are
    /// flagged is one set-based SQL statement in the console (decision 0025): a temporary grant (a last day, not ended
    /// by an order) whose last day is on or before this cutoff, that has no follow-up yet and that no other grant
    /// continues.
    /// </summary>
    public static DateOnly FlagCutoff(DateOnly today, FollowUpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return today.AddDays(settings.HeadsUpDays);
    }

    /// <summary>
    /// Whether the end of a fixed-term employment or a placement gets its one follow-up on <paramref name="today"/>:
    /// it has a last day on or before the cutoff (<see cref="FlagCutoff"/>), no order has ended it, some of its access
    /// still runs, and that end is not followed up yet. An extension moves the last day, so the new end gets a follow-up
    /// of its own in time. Its grants are then not followed up one by one (the flagging SQL leaves out a grant whose
    /// employment or placement ends on or before the grant's last day).
    /// </summary>
    public static bool FollowsUpEnd(EndOfAccess end, DateOnly today, FollowUpSettings settings) =>
        end.LastDay is { } lastDay && lastDay <= FlagCutoff(today, settings)
        && !end.EndedByOrder && end.RunningGrants > 0 && !end.FollowedUp;

    /// <summary>
    /// A grant of a fixed-term employment or a placement (not ended by an order) ends with it on
    /// <paramref name="lastDay"/>: it has begun by then and does not end before (a shorter extension inside the
    /// employment is followed up on its own). Counted on the follow-up's line, and what "Avsluta" and "Förläng" order.
    /// </summary>
    public static bool EndsWith(DateOnly grantFrom, DateOnly? grantTo, DateOnly lastDay) =>
        grantFrom <= lastDay && (grantTo is null || grantTo >= lastDay);

    /// <summary>"Utgången": the last day has passed and nobody has ended the grant. It is not ended automatically.</summary>
    public static bool IsExpired(DateOnly? lastDay, bool endedByOrder, DateOnly today) =>
        !endedByOrder && lastDay is { } end && end < today;

    /// <summary>Whole days since the last day of access; 0 while it is still running.</summary>
    public static int DaysOverdue(DateOnly lastDay, DateOnly today) => Math.Max(0, today.DayNumber - lastDay.DayNumber);

    /// <summary>
    /// The decision for one follow-up on <paramref name="today"/>:
    /// <list type="bullet">
    /// <item>decided or escalated follow-ups, and ones already reminded today, get nothing (a rerun sends nothing new);</item>
    /// <item>a grant still running (last day today or later) gets one heads-up;</item>
    /// <item>an expired grant gets a reminder at once, then one every <see cref="FollowUpSettings.RemindEveryDays"/>;</item>
    /// <item>when a reminder would be due after <see cref="FollowUpSettings.EscalateAfterReminders"/> reminders about the
    /// expired grant, it escalates to Soc-IT instead.</item>
    /// </list>
    /// </summary>
    public static ReminderDecision Decide(FollowUpState state, DateOnly today, FollowUpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (state.Status != FollowUpStatus.Open || state.LastRemindedOn == today)
        {
            return ReminderDecision.None;
        }

        if (state.EndDate >= today)
        {
            return state.HeadsUpSentOn is null && state.EndDate <= FlagCutoff(today, settings)
                ? ReminderDecision.HeadsUp
                : ReminderDecision.None;
        }

        if (state.OverdueReminders == 0)
        {
            return ReminderDecision.Overdue;
        }

        if (state.LastRemindedOn is { } last && today < last.AddDays(settings.RemindEveryDays))
        {
            return ReminderDecision.None;
        }

        return state.OverdueReminders >= settings.EscalateAfterReminders ? ReminderDecision.Escalate : ReminderDecision.Overdue;
    }
}
