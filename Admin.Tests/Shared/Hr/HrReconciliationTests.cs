using SocItConsole.Shared.Hr;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Shared.Hr;

/// <summary>
/// The reconciliation rule on small tables, as of Monday 2026-12-07. Units: 1 Hemtjänst Centrum, 2 Hemtjänst Skrea;
/// titles: 10 Undersköterska, 11 Sjuksköterska.
/// </summary>
public sealed class HrReconciliationTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 7);
    private static readonly Personnummer Maria = Personnummer.FromNormalized("198204072428");
    private static readonly Personnummer Ahmed = Personnummer.FromNormalized("199109233578");
    private static readonly Personnummer Elin = Personnummer.FromNormalized("199502141881");

    [Fact]
    public void SamePostStillCurrent_GivesNoFinding_AndCountsThePersonAsMatched()
    {
        var result = Reconcile([Hr(Maria, 1, 10, new(2020, 1, 1))], [Console(Maria, 100, 1, 10, new(2020, 1, 1))]);

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.PersonsMatched);
    }

    [Fact]
    public void Leaver_WhenHrHasNoEmploymentInThatUnitAndTitle_LastDayIsTheDayBeforeAsOf()
    {
        var result = Reconcile([Hr(Maria, 2, 11, new(2020, 1, 1), new(2020, 6, 30))], [Console(Maria, 100, 1, 10, new(2020, 1, 1))]);

        var leaver = Assert.Single(result.Findings);
        Assert.Equal((HrFindingKind.Leaver, 100, new DateOnly(2026, 12, 6)), (leaver.Kind, leaver.EmploymentId!.Value, leaver.EffectiveDate!.Value));
        Assert.Null(leaver.LineNumber);
    }

    [Fact]
    public void Leaver_WhenHrsEndOfTheSamePostHasPassed_LastDayIsHrsEnd()
    {
        var result = Reconcile([Hr(Maria, 1, 10, new(2020, 1, 1), new(2026, 11, 30))], [Console(Maria, 100, 1, 10, new(2020, 1, 1))]);

        var leaver = Assert.Single(result.Findings);
        Assert.Equal((HrFindingKind.Leaver, new DateOnly(2026, 11, 30)), (leaver.Kind, leaver.EffectiveDate!.Value));
        Assert.Equal((1, 10, (DateOnly?)new DateOnly(2026, 11, 30)), (leaver.HrUnitId!.Value, leaver.HrTitleId!.Value, leaver.HrTo));
    }

    [Theory]
    [InlineData(1, 11, "2026-11-01", "2026-12-07")] // a new title in the same unit, since before the as-of day: from the day
    [InlineData(2, 10, "2026-12-14", "2026-12-14")] // the same title in another unit, from a coming day: from that day
    public void Mover_WhenHrHasThePersonInAnotherTitleOrUnit_FromHrsStartButNotBeforeAsOf(int unitId, int titleId, string from, string effective)
    {
        var result = Reconcile(
            [Hr(Maria, 1, 10, new(2020, 1, 1), new(2026, 10, 31)), Hr(Maria, unitId, titleId, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture))],
            [Console(Maria, 100, 1, 10, new(2020, 1, 1))]);

        var mover = Assert.Single(result.Findings);
        Assert.Equal(HrFindingKind.Mover, mover.Kind);
        Assert.Equal((unitId, titleId), (mover.HrUnitId!.Value, mover.HrTitleId!.Value));
        Assert.Equal(DateOnly.Parse(effective, System.Globalization.CultureInfo.InvariantCulture), mover.EffectiveDate);
        Assert.Equal(1, mover.UnitId);
    }

    [Fact]
    public void Joiner_WhenAnHrEmploymentStartsWithinTheWindow_WithNoConsoleEmploymentAndNoOrder()
    {
        var result = Reconcile([Hr(Ahmed, 2, 10, AsOf.AddDays(14)), Hr(Elin, 2, 10, AsOf.AddDays(15))], []);

        var joiner = Assert.Single(result.Findings);
        Assert.Equal((HrFindingKind.Joiner, Ahmed, 2, AsOf.AddDays(14)), (joiner.Kind, joiner.Personnummer, joiner.UnitId, joiner.EffectiveDate!.Value));
        Assert.Null(joiner.EmploymentId);
        Assert.Equal(0, result.PersonsMatched);
    }

    [Fact]
    public void Joiner_IsNotReported_WhenThePersonHasANewEmployeeOrder_OrAComingConsoleEmployment()
    {
        var withOrder = Reconcile([Hr(Ahmed, 2, 10, AsOf.AddDays(3))], [], withNewOrder: [Ahmed]);
        var withEmployment = Reconcile([Hr(Ahmed, 2, 10, AsOf.AddDays(3))], [Console(Ahmed, 200, 2, 10, AsOf.AddDays(3))]);

        Assert.Empty(withOrder.Findings);
        Assert.Empty(withEmployment.Findings);
    }

    [Fact]
    public void UnknownToHr_WhenTheFileDoesNotNameThePersonAtAll()
    {
        var result = Reconcile([Hr(Ahmed, 1, 10, new(2020, 1, 1))], [Console(Maria, 100, 1, 10, new(2020, 1, 1)), Console(Ahmed, 101, 1, 10, new(2020, 1, 1))]);

        var unknown = Assert.Single(result.Findings);
        Assert.Equal((HrFindingKind.UnknownToHr, Maria, 100), (unknown.Kind, unknown.Personnummer, unknown.EmploymentId!.Value));
        Assert.Null(unknown.EffectiveDate);
    }

    [Fact]
    public void PersonWithTwoEmployments_OneEndedInHr_IsALeaverOfThatOneOnly()
    {
        var result = Reconcile(
            [Hr(Maria, 1, 10, new(2020, 1, 1)), Hr(Maria, 2, 11, new(2021, 1, 1), new(2026, 12, 1))],
            [Console(Maria, 100, 1, 10, new(2020, 1, 1)), Console(Maria, 101, 2, 11, new(2021, 1, 1))]);

        var leaver = Assert.Single(result.Findings);
        Assert.Equal((HrFindingKind.Leaver, 101, new DateOnly(2026, 12, 1)), (leaver.Kind, leaver.EmploymentId!.Value, leaver.EffectiveDate!.Value));
    }

    [Fact]
    public void PersonWithTwoEmployments_OneMoved_PairsEachWithThePostThatExplainsItBest()
    {
        var result = Reconcile(
            [Hr(Maria, 2, 11, new(2021, 1, 1)), Hr(Maria, 1, 11, new(2026, 12, 1))],
            [Console(Maria, 100, 1, 10, new(2020, 1, 1)), Console(Maria, 101, 2, 11, new(2021, 1, 1))]);

        var mover = Assert.Single(result.Findings);
        Assert.Equal((HrFindingKind.Mover, 100, 1, 11), (mover.Kind, mover.EmploymentId!.Value, mover.HrUnitId!.Value, mover.HrTitleId!.Value));
    }

    [Fact]
    public void Rehire_AnEndedConsoleEmploymentAndANewHrOneStartingSoon_IsAJoinerAndNoLeaver()
    {
        // The ended employment is not current, so the run does not give it; the new post starts within the window.
        var result = Reconcile(
            [Hr(Elin, 1, 10, new(2024, 1, 1), new(2025, 8, 31)), Hr(Elin, 1, 10, AsOf.AddDays(7))],
            []);

        var joiner = Assert.Single(result.Findings);
        Assert.Equal((HrFindingKind.Joiner, AsOf.AddDays(7)), (joiner.Kind, joiner.EffectiveDate!.Value));
    }

    [Fact]
    public void EmploymentWhoseEndOrderIsAlreadyPlaced_GivesNoFinding_AndItsNewPostIsNoJoiner()
    {
        var left = Reconcile([Hr(Maria, 2, 11, new(2020, 1, 1), new(2020, 6, 30))], [Console(Maria, 100, 1, 10, new(2020, 1, 1), ordered: true)]);
        var changing = Reconcile([Hr(Maria, 1, 11, AsOf.AddDays(2))], [Console(Maria, 100, 1, 10, new(2020, 1, 1), ordered: true)]);
        var unknown = Reconcile([], [Console(Maria, 100, 1, 10, new(2020, 1, 1), ordered: true)]);

        Assert.Empty(left.Findings);
        Assert.Empty(changing.Findings);
        Assert.Empty(unknown.Findings);
    }

    [Fact]
    public void PersonWaitingForAMapping_IsNeverReconciled()
    {
        var result = Reconcile([], [Console(Maria, 100, 1, 10, new(2020, 1, 1))], inFile: [Maria], waiting: [Maria]);

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.PersonsMatched);
    }

    [Fact]
    public void FactsKey_IsTheSameForTheSameFactsOnAnotherDay_AndDiffersWhenHrsDatesDiffer()
    {
        var hr = new[] { Hr(Maria, 2, 11, new(2020, 1, 1), new(2020, 6, 30)) };
        var today = Reconcile(hr, [Console(Maria, 100, 1, 10, new(2020, 1, 1))]).Findings.Single();
        var tomorrow = Reconcile(hr, [Console(Maria, 100, 1, 10, new(2020, 1, 1))], asOf: AsOf.AddDays(1)).Findings.Single();
        var mover = Reconcile([Hr(Maria, 1, 11, new(2026, 12, 1))], [Console(Maria, 100, 1, 10, new(2020, 1, 1))]).Findings.Single();
        var moverLater = Reconcile([Hr(Maria, 1, 11, new(2026, 12, 2))], [Console(Maria, 100, 1, 10, new(2020, 1, 1))]).Findings.Single();

        Assert.Equal(today.FactsKey, tomorrow.FactsKey);
        Assert.Equal("Leaver|198204072428|100|-|-|-|-", today.FactsKey);
        Assert.Equal("Mover|198204072428|100|1|11|2026-12-01|-", mover.FactsKey);
        Assert.NotEqual(mover.FactsKey, moverLater.FactsKey);
        Assert.True(mover.FactsKey.Length <= HrFinding.FactsKeyMaxLength);
    }

    private static HrEmployment Hr(Personnummer person, int unitId, int titleId, DateOnly from, DateOnly? to = null) =>
        new(Line++, person, "HR-namn", unitId, UnitName(unitId), titleId, TitleName(titleId), from, to);

    private static int Line { get; set; } = 2;

    private static ConsoleEmployment Console(Personnummer person, int employmentId, int unitId, int titleId, DateOnly from, bool ordered = false) =>
        new(employmentId + 1000, person, "Konsolnamn", employmentId, unitId, UnitName(unitId), titleId, TitleName(titleId), from, null, ordered);

    private static string UnitName(int id) => id == 1 ? "Hemtjänst Centrum" : "Hemtjänst Skrea";

    private static string TitleName(int id) => id == 10 ? "Undersköterska" : "Sjuksköterska";

    private static HrReconciliationResult Reconcile(
        IReadOnlyList<HrEmployment> hr, IReadOnlyList<ConsoleEmployment> console, Personnummer[]? inFile = null, Personnummer[]? waiting = null,
        Personnummer[]? withNewOrder = null, DateOnly? asOf = null) =>
        HrReconciliation.Reconcile(new HrReconciliationInput(
            hr, console, (inFile ?? hr.Select(h => h.Personnummer).ToArray()).ToHashSet(), (waiting ?? []).ToHashSet(),
            (withNewOrder ?? []).ToHashSet(), asOf ?? AsOf, 14));
}
