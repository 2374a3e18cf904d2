using SocItConsole.Shared.Reviews;
using static SocItConsole.Admin.Tests.TestData.ReviewData;

namespace SocItConsole.Admin.Tests.Shared.Reviews;

public class ReviewReminderPolicyTests
{
    // DueDate is 2026-11-30; with the default 7 days the reminder window opens on 2026-11-23.
    public static TheoryData<string, string, ReviewUnitState, ReviewReminderDecision> Decisions => new()
    {
        { "long before the due date", "2026-11-10", State(unanswered: 3), ReviewReminderDecision.NoAction },
        { "the day before the window", "2026-11-22", State(unanswered: 3), ReviewReminderDecision.NoAction },
        { "first day of the window", "2026-11-23", State(unanswered: 3), ReviewReminderDecision.RemindManagers },
        { "in the window, reminded on its first day", "2026-11-25", State(unanswered: 1, reminded: "2026-11-23"), ReviewReminderDecision.NoAction },
        { "in the window, the first night missed", "2026-11-24", State(unanswered: 1), ReviewReminderDecision.RemindManagers },
        { "in the window, reminded today", "2026-11-25", State(unanswered: 1, reminded: "2026-11-25"), ReviewReminderDecision.NoAction },
        { "on the due date, reminded before", "2026-11-30", State(unanswered: 2, reminded: "2026-11-23"), ReviewReminderDecision.NoAction },
        { "on the due date, never reminded (missed nights)", "2026-11-30", State(unanswered: 2), ReviewReminderDecision.RemindManagers },
        { "in the window, all answered", "2026-11-25", State(unanswered: 0), ReviewReminderDecision.NoAction },
        { "the day after the due date", "2026-12-01", State(unanswered: 2, reminded: "2026-11-30"), ReviewReminderDecision.Escalate },
        { "weeks after, never escalated (missed nights)", "2026-12-20", State(unanswered: 2), ReviewReminderDecision.Escalate },
        { "after the due date, already escalated", "2026-12-02", State(unanswered: 2, escalated: "2026-12-01"), ReviewReminderDecision.NoAction },
        { "after the due date, all answered", "2026-12-01", State(unanswered: 0), ReviewReminderDecision.NoAction },
        { "closed round in the window", "2026-11-25", State(unanswered: 3, status: ReviewRoundStatus.Closed), ReviewReminderDecision.NoAction },
        { "closed round after the due date", "2026-12-05", State(unanswered: 3, status: ReviewRoundStatus.Closed), ReviewReminderDecision.NoAction },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decide_RemindsInTheWindow_AndEscalatesAfterTheDueDate(
        string situation, string today, ReviewUnitState state, ReviewReminderDecision expected) =>
        Assert.True(expected == ReviewReminderPolicy.Decide(state, Day(today)), situation);

    [Theory]
    [InlineData(0, "2026-11-29", ReviewReminderDecision.NoAction)]
    [InlineData(0, "2026-11-30", ReviewReminderDecision.RemindManagers)]
    [InlineData(14, "2026-11-15", ReviewReminderDecision.NoAction)]
    [InlineData(14, "2026-11-16", ReviewReminderDecision.RemindManagers)]
    public void Decide_FollowsTheConfiguredWindow(int daysBefore, string today, ReviewReminderDecision expected) =>
        Assert.Equal(expected, ReviewReminderPolicy.Decide(State(unanswered: 1), Day(today), daysBefore));

    [Fact]
    public void Decide_RefusesANegativeWindow() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewReminderPolicy.Decide(State(unanswered: 1), DueDate, -1));

    private static ReviewUnitState State(
        int unanswered, string? reminded = null, string? escalated = null, ReviewRoundStatus status = ReviewRoundStatus.Open) =>
        new(status, DueDate, unanswered, reminded is null ? null : Day(reminded), escalated is null ? null : Day(escalated));
}
