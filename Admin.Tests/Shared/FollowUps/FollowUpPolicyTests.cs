using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Admin.Tests.Shared.FollowUps;

public class FollowUpPolicyTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly FollowUpSettings Settings = FollowUpSettings.Default;

    [Theory]
    [InlineData(0, "2026-11-27")]
    [InlineData(7, "2026-12-04")]
    [InlineData(14, "2026-12-11")]
    public void FlagCutoff_IsTodayPlusTheHeadsUpWindow(int headsUpDays, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FollowUpPolicy.FlagCutoff(Today, Settings with { HeadsUpDays = headsUpDays }));

    [Theory]
    [InlineData("2026-11-26", false, true)]
    [InlineData("2026-11-27", false, false)]
    [InlineData("2026-11-26", true, false)]
    [InlineData(null, false, false)]
    public void IsExpired_OnlyAfterTheLastDay_AndNotWhenEnded(string? lastDay, bool ended, bool expected) =>
        Assert.Equal(expected, FollowUpPolicy.IsExpired(lastDay is null ? null : DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), ended, Today));

    public static TheoryData<string, FollowUpState, ReminderDecision> Decisions => new()
    {
        { "new, expired", State(end: -3), ReminderDecision.Overdue },
        { "new, ends in 3 days", State(end: 3), ReminderDecision.HeadsUp },
        { "new, last day today", State(end: 0), ReminderDecision.HeadsUp },
        { "heads-up sent, still running", State(end: 2, headsUp: -1, last: -1), ReminderDecision.None },
        { "heads-up sent, now expired", State(end: -1, headsUp: -3, last: -3), ReminderDecision.Overdue },
        { "reminded today already", State(end: -3, reminders: 1, last: 0), ReminderDecision.None },
        { "reminded 6 days ago", State(end: -10, reminders: 1, last: -6), ReminderDecision.None },
        { "reminded 7 days ago", State(end: -10, reminders: 1, last: -7), ReminderDecision.Overdue },
        { "reminded twice, 8 days ago", State(end: -20, reminders: 2, last: -8), ReminderDecision.Overdue },
        { "reminded 3 times, 6 days ago", State(end: -20, reminders: 3, last: -6), ReminderDecision.None },
        { "reminded 3 times, 7 days ago", State(end: -20, reminders: 3, last: -7), ReminderDecision.Escalate },
        { "escalated", State(end: -30, reminders: 3, last: -10, status: FollowUpStatus.Escalated), ReminderDecision.None },
        { "extended", State(end: -3, status: FollowUpStatus.Extended), ReminderDecision.None },
        { "ended", State(end: -3, status: FollowUpStatus.Ended), ReminderDecision.None },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decide_HeadsUpRemindEscalate(string situation, FollowUpState state, ReminderDecision expected) =>
        Assert.True(expected == FollowUpPolicy.Decide(state, Today, Settings), situation);

    [Theory]
    [InlineData(3, 5, 3, ReminderDecision.Overdue)]
    [InlineData(3, 5, 2, ReminderDecision.None)]
    [InlineData(1, 3, 3, ReminderDecision.Escalate)]
    [InlineData(1, 5, 3, ReminderDecision.Overdue)]
    public void Decide_FollowsTheConfiguredIntervalAndEscalation(int remindEvery, int escalateAfter, int daysSinceLast, ReminderDecision expected) =>
        Assert.Equal(expected, FollowUpPolicy.Decide(
            State(end: -30, reminders: 3, last: -daysSinceLast), Today,
            Settings with { RemindEveryDays = remindEvery, EscalateAfterReminders = escalateAfter }));

    [Theory]
    [InlineData("2026-11-20", 7)]
    [InlineData("2026-11-27", 0)]
    [InlineData("2026-12-01", 0)]
    public void DaysOverdue_CountsWholeDaysAfterTheLastDay(string lastDay, int expected) =>
        Assert.Equal(expected, FollowUpPolicy.DaysOverdue(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Fact]
    public void Settings_WithZeroInterval_AreRefused() =>
        Assert.Throws<ArgumentException>(() => (Settings with { RemindEveryDays = 0 }).Validated());

    private static FollowUpState State(
        int end, int? headsUp = null, int reminders = 0, int? last = null, FollowUpStatus status = FollowUpStatus.Open) =>
        new(status, Today.AddDays(end), headsUp is { } h ? Today.AddDays(h) : null, reminders, last is { } l ? Today.AddDays(l) : null);
}
