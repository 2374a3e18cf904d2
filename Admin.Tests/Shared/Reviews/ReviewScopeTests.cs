using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Reviews;
using static SocItConsole.Admin.Tests.TestData.ReviewData;

namespace SocItConsole.Admin.Tests.Shared.Reviews;

public class ReviewScopeTests
{
    private static readonly HashSet<int> Units = [Centrum, Solgarden];

    [Theory]
    [InlineData("2025-01-01", null, null, true)]          // runs until further notice
    [InlineData("2026-11-02", null, null, true)]          // starts on the start day
    [InlineData("2026-11-03", null, null, false)]         // not started yet
    [InlineData("2025-01-01", "2026-11-02", null, true)]  // last day is the start day
    [InlineData("2025-01-01", "2026-11-01", null, false)] // ran out the day before
    [InlineData("2025-01-01", "2026-12-31", null, true)]  // temporary, still running
    [InlineData("2025-01-01", "2026-12-31", 77, false)]   // an end order has already ended it
    [InlineData("2025-01-01", "2026-10-01", 77, false)]   // ended by an order long ago
    public void LinesFor_TakesGrantsActiveOnTheStartDay(string from, string? to, int? endedBy, bool included)
    {
        var lines = ReviewScope.LinesFor([Grant(1, from: from, to: to, endedByOrderId: endedBy)], Units, StartDay);

        Assert.Equal(included ? 1 : 0, lines.Count);
    }

    [Theory]
    [InlineData(Centrum, true)]
    [InlineData(Solgarden, true)]
    [InlineData(OtherUnit, false)]
    public void LinesFor_TakesOnlyTheRoundsUnits(int unitId, bool included) =>
        Assert.Equal(included, ReviewScope.LinesFor([Grant(1, unitId: unitId)], Units, StartDay).Count == 1);

    [Fact]
    public void LinesFor_FlagsTemporaryGrants()
    {
        var lines = ReviewScope.LinesFor([Grant(1), Grant(2, system: "Appva", to: "2026-12-31")], Units, StartDay);

        Assert.False(lines.Single(l => l.GrantId == 1).IsTemporary);
        var temporary = lines.Single(l => l.GrantId == 2);
        Assert.True(temporary.IsTemporary);
        Assert.Equal(Day("2026-12-31"), temporary.To);
    }

    [Fact]
    public void LinesFor_FlagsPeopleFromAnotherUnit()
    {
        var lines = ReviewScope.LinesFor(
            [Grant(1, employeeId: 100), Grant(2, employeeId: 300, employeeName: "Ola Gäst", homeUnitId: OtherUnit, to: "2026-12-31")],
            Units, StartDay);

        Assert.False(lines.Single(l => l.GrantId == 1).IsFromOtherUnit);
        Assert.True(lines.Single(l => l.GrantId == 2).IsFromOtherUnit);
    }

    [Fact]
    public void LinesFor_GivesOneLinePerGrant_WithItsNamesAndDates_InSwedishOrder()
    {
        var lines = ReviewScope.LinesFor(
            [
                Grant(1, employeeId: 102, employeeName: "Bo Berg"),
                Grant(2, employeeId: 101, employeeName: "Åsa Ås"),
                Grant(3, employeeId: 100, employeeName: "Adam Al", system: "Lifecare"),
                Grant(4, employeeId: 100, employeeName: "Adam Al", system: "Combine"),
                Grant(4, employeeId: 100, employeeName: "Adam Al", system: "Combine"),
            ],
            Units, StartDay);

        Assert.Equal([4, 3, 1, 2], lines.Select(l => l.GrantId));
        var first = lines[0];
        Assert.Equal(("Adam Al", "Combine", "Utförare", Centrum, "Hemtjänst Centrum", Day("2025-01-01")),
            (first.EmployeeName, first.SystemName, first.LevelName, first.UnitId, first.UnitName, first.From));
        Assert.All(lines, l => Assert.Equal(ReviewAnswer.None, l.Answer));
    }

    [Fact]
    public void Snapshot_Of_CopiesTheGrant()
    {
        var grant = new Grant(100, 5, "Lifecare", 6, "Utförare", Solgarden, "Solgården", Day("2026-01-01"), Day("2026-12-31"), 9, "ÄR-2026-0009", new GrantOwner(1));

        var snapshot = ReviewGrantSnapshot.Of(grant, "Eva Ek", Centrum);

        Assert.Equal(
            new ReviewGrantSnapshot(0, 100, "Eva Ek", "Lifecare", "Utförare", Solgarden, "Solgården", Centrum, Day("2026-01-01"), Day("2026-12-31"), null),
            snapshot);
    }
}
