namespace SocItConsole.Shared.Reviews;

/// <summary>What the nightly review job does about one unit of one round today.</summary>
public enum ReviewReminderDecision
{
    /// <summary>Nothing: the round is closed, all lines are answered, it is too early, or it was done already.</summary>
    NoAction,

    /// <summary>Unanswered lines, the due date within the reminder window, and not reminded yet: remind the unit's managers.</summary>
    RemindManagers,

    /// <summary>The due date has passed with unanswered lines: the unit goes on Soc-IT's dashboard.</summary>
    Escalate,
}

/// <summary>One unit's state in a round, as the reminder rule needs it.</summary>
public readonly record struct ReviewUnitState(
    ReviewRoundStatus Status, DateOnly DueDate, int Unanswered, DateOnly? LastRemindedOn, DateOnly? EscalatedOn);

/// <summary>
/// The reminder rule of the review job. Like the expiry rule it takes the day it judges by, so a missed night, a rerun
/// or a dry run judge the same way.
/// </summary>
public static class ReviewReminderPolicy
{
    public const int DefaultReminderDaysBefore = 7;

    /// <summary>
    /// The decision for one unit on <paramref name="today"/>:
    /// <list type="bullet">
    /// <item>a closed round, or a unit with every line answered, gets nothing;</item>
    /// <item><paramref name="reminderDaysBefore"/> days before the due date the managers are reminded, once; a night
    /// the job missed is made up the next night, up to the due date itself;</item>
    /// <item>after the due date the unit escalates to Soc-IT, once; the managers are not reminded after that.</item>
    /// </list>
    /// </summary>
    public static ReviewReminderDecision Decide(ReviewUnitState state, DateOnly today, int reminderDaysBefore = DefaultReminderDaysBefore)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reminderDaysBefore);
        if (state.Status != ReviewRoundStatus.Open || state.Unanswered <= 0)
        {
            return ReviewReminderDecision.NoAction;
        }

        if (today > state.DueDate)
        {
            return state.EscalatedOn is null ? ReviewReminderDecision.Escalate : ReviewReminderDecision.NoAction;
        }

        var inWindow = today >= state.DueDate.AddDays(-reminderDaysBefore);
        return inWindow && state.LastRemindedOn is null
            ? ReviewReminderDecision.RemindManagers
            : ReviewReminderDecision.NoAction;
    }
}
