using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Matrix;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Shared.People;

/// <summary>
/// The difference of a change of title or unit: what the person holds in the employment against what the new title ×
/// unit gives, as kept, added, ended and level changed, and what it means for the digital key.
/// </summary>
public sealed class ChangeOrderRulesTests
{
    private const int Appva = 1, Lifecare = 2, Swedlock = 3, Qlikview = 4, Procapita = 5;

    private static readonly ReferenceUnit Centrum = new(10, "Hemtjänst Centrum", true, UsesDigitalKeys: true);
    private static readonly ReferenceUnit Skrea = new(11, "Hemtjänst Skrea", true, UsesDigitalKeys: true);
    private static readonly ReferenceUnit Bistånd = new(12, "Biståndsenheten äldreomsorg", true, UsesDigitalKeys: false);

    private static readonly DateOnly Effective = new(2027, 1, 1);

    /// <summary>An undersköterska in home care: Appva, Lifecare (Utförare), Swedlock.</summary>
    private static readonly DerivedSystem[] Undersköterska =
        [S(Appva, "Appva", 1, "Standard"), S(Lifecare, "Lifecare", 20, "Utförare"), S(Swedlock, "Swedlock", 30, "Standard")];

    private static readonly DerivedSystem[] Sjuksköterska =
        [S(Appva, "Appva", 1, "Standard"), S(Lifecare, "Lifecare", 21, "Handläggare"), S(Swedlock, "Swedlock", 30, "Standard")];

    private static readonly Dictionary<string, (ChangeSide From, ChangeSide To)> Cases = new()
    {
        ["title only, a level up"] = (Side(Centrum, Undersköterska), Side(Centrum, Sjuksköterska)),
        ["title only, a level down"] = (Side(Centrum, Sjuksköterska), Side(Centrum, Undersköterska)),
        ["unit only, between two key units"] = (Side(Centrum, Undersköterska), Side(Skrea, Undersköterska)),
        ["both, out of a key unit"] = (
            Side(Centrum, Undersköterska),
            Side(Bistånd, S(Lifecare, "Lifecare", 21, "Handläggare"), S(Procapita, "Procapita", 50, "Standard"))),
    };

    [Theory]
    [InlineData("title only, a level up", new[] { "Behålls: Appva (Standard)", "Ny nivå: Lifecare (Utförare → Handläggare)", "Behålls: Swedlock (Standard)" })]
    [InlineData("title only, a level down", new[] { "Behålls: Appva (Standard)", "Ny nivå: Lifecare (Handläggare → Utförare)", "Behålls: Swedlock (Standard)" })]
    [InlineData("unit only, between two key units", new[] { "Behålls: Appva (Standard)", "Behålls: Lifecare (Utförare)", "Behålls: Swedlock (Standard)" })]
    [InlineData("both, out of a key unit", new[] { "Avslutas: Appva (Standard)", "Ny nivå: Lifecare (Utförare → Handläggare)", "Läggs till: Procapita (Standard)", "Avslutas: Swedlock (Standard)" })]
    public void Difference_ComparesTheEmploymentsGrants_WithTheNewTitleAndUnit(string name, string[] expected)
    {
        var (from, to) = Cases[name];
        var grants = from.Systems.Select(s => Held(s.SystemId, s.SystemName, s.LevelId, s.LevelName)).ToList();

        var difference = ChangeOrderRules.Difference(from, to, grants, Effective, StringComparer.Ordinal);

        Assert.True(expected.SequenceEqual(difference.Lines.Select(ChangeOrderRules.Summary)), $"{name}: {string.Join("; ", difference.Lines.Select(ChangeOrderRules.Summary))}");
    }

    [Fact]
    public void Difference_IntoAKeyUnit_AsksForAKey_AndAddsSwedlock()
    {
        var from = Side(Bistånd, S(Lifecare, "Lifecare", 20, "Utförare"));
        var grants = new[] { Held(Lifecare, "Lifecare", 20, "Utförare") };

        var difference = ChangeOrderRules.Difference(from, Side(Centrum, Undersköterska), grants, Effective, StringComparer.Ordinal);

        Assert.Equal((false, true), (difference.LeavesKeyUnit, difference.EntersKeyUnit));
        Assert.Equal(
            ["Läggs till: Appva (Standard)", "Behålls: Lifecare (Utförare)", "Läggs till: Swedlock (Standard)"],
            difference.Lines.Select(ChangeOrderRules.Summary));
    }

    [Fact]
    public void Difference_OutOfAKeyUnit_ReturnsTheKey_AndATitleChangeAloneTouchesNoKey()
    {
        var grants = Undersköterska.Select(s => Held(s.SystemId, s.SystemName, s.LevelId, s.LevelName)).ToList();

        var outOf = ChangeOrderRules.Difference(Side(Centrum, Undersköterska), Side(Bistånd), grants, Effective, StringComparer.Ordinal);
        var titleOnly = ChangeOrderRules.Difference(Side(Centrum, Undersköterska), Side(Centrum), grants, Effective, StringComparer.Ordinal);

        Assert.Equal((true, false), (outOf.LeavesKeyUnit, outOf.EntersKeyUnit));
        Assert.Equal((false, false), (titleOnly.LeavesKeyUnit, titleOnly.EntersKeyUnit));
        Assert.All(outOf.Lines, l => Assert.Equal(ChangeKind.Ended, l.Kind));
    }

    [Fact]
    public void Difference_KeepsAnExtension_WhereTheNewUnitUsesTheSystem_AndEndsItWhereItDoesNot()
    {
        var grants = new[] { Held(Appva, "Appva", 1, "Standard"), Held(Qlikview, "Qlikview", 40, "Standard") };
        var from = Side(Centrum, S(Appva, "Appva", 1, "Standard"));

        var usesQlikview = ChangeOrderRules.Difference(from, Side(Skrea, [Qlikview]), grants, Effective, StringComparer.Ordinal);
        var doesNot = ChangeOrderRules.Difference(from, Side(Bistånd), grants, Effective, StringComparer.Ordinal);

        Assert.Equal(["Avslutas: Appva (Standard)", "Behålls: Qlikview (Standard)"], usesQlikview.Lines.Select(ChangeOrderRules.Summary));
        Assert.Equal(["Avslutas: Appva (Standard)", "Avslutas: Qlikview (Standard)"], doesNot.Lines.Select(ChangeOrderRules.Summary));
    }

    [Theory]
    [InlineData("2026-06-01", new[] { "Behålls: Appva (Standard)", "Behålls: Qlikview (Standard)" })]
    [InlineData("2027-06-01", new[] { "Behålls: Appva (Standard)" })]
    public void Difference_CountsTheGrantsStillRunningOnTheEffectiveDate_InThePastOrTheFuture(string effective, string[] expected)
    {
        // A temporary extension that runs to 2026-12-31: running on a past effective date, over by a later one.
        var grants = new[] { Held(Appva, "Appva", 1, "Standard"), Held(Qlikview, "Qlikview", 40, "Standard", to: new DateOnly(2026, 12, 31)) };

        var difference = ChangeOrderRules.Difference(
            Side(Centrum, S(Appva, "Appva", 1, "Standard")), Side(Skrea, [Qlikview], S(Appva, "Appva", 1, "Standard")), grants,
            DateOnly.Parse(effective, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

        Assert.Equal(expected, difference.Lines.Select(ChangeOrderRules.Summary));
    }

    [Fact]
    public void Difference_LeavesTheAccessOfATemporaryAssignment_ToMoveWithTheAssignment()
    {
        var grants = new[] { Held(Appva, "Appva", 1, "Standard"), Held(Lifecare, "Lifecare", 20, "Utförare", assignmentId: 7) };

        var difference = ChangeOrderRules.Difference(
            Side(Centrum, S(Appva, "Appva", 1, "Standard")), Side(Bistånd), grants, Effective, StringComparer.Ordinal);

        Assert.Equal(["Avslutas: Appva (Standard)"], difference.Lines.Select(ChangeOrderRules.Summary));
    }

    [Theory]
    [InlineData("2027-01-01", null)]
    [InlineData("2026-03-01", "Anställningen i Hemtjänst Centrum börjar 2026-03-01. Bytet kan gälla tidigast dagen efter.")]
    [InlineData("2027-09-01", "Anställningen i Hemtjänst Centrum pågår inte 2027-09-01: den slutar 2027-08-31.")]
    public void EmploymentRefusal_NeedsAnEmploymentRunningOnTheEffectiveDate_ThatBeganBefore(string effective, string? expected)
    {
        var employment = new Employment(1, Centrum.Id, Centrum.Name, 5, "Undersköterska", new DateOnly(2026, 3, 1), new DateOnly(2027, 8, 31), 1);

        Assert.Equal(expected, ChangeOrderRules.EmploymentRefusal(employment, DateOnly.Parse(effective, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void EmploymentRefusal_RefusesAnEndedEmployment_AndOneThatIsNotThePersons()
    {
        var ended = new Employment(1, Centrum.Id, Centrum.Name, 5, "Undersköterska", new DateOnly(2026, 3, 1), null, 1);
        ended.End(new DateOnly(2027, 6, 30), 9);

        Assert.Equal("Anställningen i Hemtjänst Centrum är avslutad och kan inte ändras.", ChangeOrderRules.EmploymentRefusal(ended, Effective));
        Assert.StartsWith("Anställningen finns inte hos medarbetaren.", ChangeOrderRules.EmploymentRefusal(null, Effective), StringComparison.Ordinal);
    }

    private static DerivedSystem S(int id, string name, int levelId, string levelName) => new(id, name, levelId, levelName);

    private static ChangeSide Side(ReferenceUnit unit, params DerivedSystem[] systems) => Side(unit, [], systems);

    /// <summary>The unit uses what its title gives and <paramref name="alsoUses"/>.</summary>
    private static ChangeSide Side(ReferenceUnit unit, int[] alsoUses, params DerivedSystem[] systems) =>
        new(unit, systems, systems.Select(s => s.SystemId).Concat(alsoUses).ToHashSet());

    private static Grant Held(int systemId, string name, int levelId, string level, DateOnly? to = null, int? assignmentId = null) =>
        new(1, systemId, name, levelId, level, Centrum.Id, Centrum.Name, new DateOnly(2026, 3, 1), to, 1, "SOC-2026-00001",
            new GrantOwner(1, assignmentId));
}
