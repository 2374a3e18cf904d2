using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Admin.Tests.Shared.FollowUps;

/// <summary>
/// The end of a fixed-term employment or a placement is one follow-up (decision 0039): which ends get one on a day,
/// and which grants end with it.
/// </summary>
public class EndOfAccessTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly FollowUpSettings Settings = new();

    public static TheoryData<string, string?, bool, int, bool, bool> Ends => new()
    {
        { "ends within the heads-up window, 6 grants running", "2026-12-01", false, 6, false, true },
        { "ends today", "2026-11-27", false, 6, false, true },
        { "ended a week ago and nobody decided", "2026-11-20", false, 6, false, true },
        { "ends on the cutoff", "2026-12-04", false, 1, false, true },
        { "ends after the cutoff", "2026-12-05", false, 6, false, false },
        { "until further notice (not fixed-term)", null, false, 6, false, false },
        { "ended by an order (an end of employment, a change of title or unit)", "2026-12-01", true, 6, false, false },
        { "no access left: every grant ended by an order", "2026-12-01", false, 0, false, false },
        { "that end already has its follow-up", "2026-12-01", false, 6, true, false },
    };

    [Theory]
    [MemberData(nameof(Ends))]
    public void FollowsUpEnd_OnlyAnUnendedEndByTheCutoff_WithAccessLeft_Once(
        string situation, string? lastDay, bool endedByOrder, int runningGrants, bool followedUp, bool expected)
    {
        var end = new EndOfAccess(lastDay is null ? null : DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture),
            endedByOrder, runningGrants, followedUp);

        Assert.True(expected == FollowUpPolicy.FollowsUpEnd(end, Today, Settings), situation);
    }

    [Theory]
    [InlineData("the employment's own grant, to its last day", "2026-06-01", "2026-12-01", true)]
    [InlineData("a grant until further notice in it", "2026-06-01", null, true)]
    [InlineData("a grant that lasts longer", "2026-06-01", "2027-01-31", true)]
    [InlineData("a shorter extension inside it: followed up on its own", "2026-06-01", "2026-11-30", false)]
    [InlineData("an extension that begins after the end", "2026-12-02", "2027-03-31", false)]
    [InlineData("a grant that begins on the last day", "2026-12-01", "2026-12-01", true)]
    public void EndsWith_TheGrantsRunningOnTheLastDay(string situation, string from, string? to, bool expected)
    {
        var lastDay = new DateOnly(2026, 12, 1);
        var grantTo = to is null ? (DateOnly?)null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(expected == FollowUpPolicy.EndsWith(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), grantTo, lastDay), situation);
    }

    [Fact]
    public void Subject_NamesTheEmploymentOrPlacement_InASentencesMiddle()
    {
        Assert.Equal("visstidsanställning som undersköterska i Hemtjänst Centrum",
            FollowUpTexts.Subject(FollowUpKind.FixedTermEmployment, "", "", "Hemtjänst Centrum", "Undersköterska"));
        Assert.Equal("tillfällig placering i Tallgården", FollowUpTexts.Subject(FollowUpKind.Placement, "", "", "Tallgården", null));
        Assert.Equal("Lifecare (Utförare) i Hemtjänst Centrum", FollowUpTexts.Subject(FollowUpKind.Grant, "Lifecare", "Utförare", "Hemtjänst Centrum", null));
        Assert.Equal(["1 behörighet", "6 behörigheter"], new[] { FollowUpTexts.Grants(1), FollowUpTexts.Grants(6) });
    }
}
