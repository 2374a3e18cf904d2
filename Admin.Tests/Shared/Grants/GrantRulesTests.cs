using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Shared.Grants;

public class GrantRulesTests
{
    private static readonly OrderSystem Lifecare = new(6, "Lifecare", 60, "Utförare");
    private static readonly OrderSystem Swedlock = new(4, "Swedlock", 40, "Standard");
    private static readonly OrderSystem Qlikview = new(10, "Qlikview", 100, "Standard");

    [Fact]
    public void NewEmployee_GetsEachDerivedSystemInTheUnit_FromTheStartDate()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.New), 1, Lifecare, Swedlock);

        var changes = GrantRules.Materialize(order, [], new GrantOwner(1));

        Assert.Empty(changes.Ended);
        Assert.Equal(2, changes.Added.Count);
        Assert.All(changes.Added, g =>
        {
            Assert.Equal((5, 10, "Hemtjänst Centrum", new DateOnly(2026, 12, 7), (DateOnly?)null, 1, "SOC-2026-00001", 1),
                (g.EmployeeId, g.UnitId, g.UnitName, g.From, g.To, g.SourceOrderId, g.SourceCaseNumber, g.EmploymentId));
        });
    }

    [Fact]
    public void Extension_AddsTheRequestedLevel_UntilItsEndDate()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Extend), 2, new OrderSystem(6, "Lifecare", 61, "Handläggare"));

        var grant = Assert.Single(GrantRules.Materialize(order, [], new GrantOwner(1)).Added);

        Assert.Equal(("Handläggare", new DateOnly(2026, 12, 7), (DateOnly?)new DateOnly(2027, 3, 31)), (grant.LevelName, grant.From, grant.To));
        Assert.True(grant.IsTemporary);
    }

    [Fact]
    public void TemporaryAccess_GivesGrantsInTheOtherUnit_UntilTheEndDate()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.TemporaryUnit), 3, Lifecare);

        var grant = Assert.Single(GrantRules.Materialize(order, [], new GrantOwner(1)).Added);

        Assert.Equal((11, "Tallgårdens vård- och omsorgsboende", (DateOnly?)new DateOnly(2027, 1, 31)), (grant.UnitId, grant.UnitName, grant.To));
    }

    [Fact]
    public void AGrantAlreadyActive_IsNotAddedTwice()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.New), 4, Lifecare, Swedlock);
        var existing = new Grant(5, 6, "Lifecare", 60, "Utförare", 10, "Hemtjänst Centrum", new DateOnly(2025, 1, 1), null, 99, "SOC-2025-00099", new GrantOwner(1));

        var added = GrantRules.Materialize(order, [existing], new GrantOwner(1)).Added;

        Assert.Equal(["Swedlock"], added.Select(g => g.SystemName));
    }

    [Fact]
    public void AGrantAnOrderHasEnded_DoesNotCoverANewOrder_ForTheSameAccess()
    {
        // The employment ends on 2027-03-31, but an extension asks for Lifecare from 2026-12-07: the old grant's end is
        // decided, so it is not active and the extension gets a grant of its own (the access view and a follow-up see it).
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Extend), 4, Lifecare);
        var ended = Grant(new DateOnly(2025, 1, 1), null);
        ended.EndOn(new DateOnly(2027, 3, 31), endedByOrderId: 3);

        var added = Assert.Single(GrantRules.Materialize(order, [ended], new GrantOwner(1)).Added);

        Assert.Equal(("Lifecare", new DateOnly(2026, 12, 7)), (added.SystemName, added.From));
    }

    [Fact]
    public void EndOfEmployment_EndsEveryRunningGrantOnTheLastWorkingDay()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Terminate), 7);
        var lastDay = new DateOnly(2026, 12, 31);
        var running = Grant(new DateOnly(2024, 3, 1), null);
        var temporaryLater = Grant(new DateOnly(2026, 6, 1), new DateOnly(2027, 5, 31));
        var endedBefore = Grant(new DateOnly(2023, 1, 1), new DateOnly(2024, 1, 31));
        var notYetStarted = Grant(new DateOnly(2027, 2, 1), null);

        var changes = GrantRules.Materialize(order, [running, temporaryLater, endedBefore, notYetStarted], new GrantOwner(1));

        Assert.Empty(changes.Added);
        Assert.Equal(3, changes.Ended.Count);
        Assert.Equal(lastDay, running.To);
        Assert.Equal(lastDay, temporaryLater.To);
        Assert.Equal(new DateOnly(2024, 1, 31), endedBefore.To);
        Assert.Null(endedBefore.EndedByOrderId);
        Assert.Equal(new DateOnly(2027, 2, 1), notYetStarted.To);
        Assert.All(changes.Ended, g => Assert.Equal(7, g.EndedByOrderId));
    }

    [Fact]
    public void Grant_CannotEndBeforeItStarts() =>
        Assert.Throws<ArgumentException>(() => Grant(new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30)));

    /// <summary>
    /// The one definition of an active grant, as cases: started, last day not passed, not ended by an order (also the
    /// cases the access view's own copy of the rule had).
    /// </summary>
    public static TheoryData<string, string, string?, int?, string, bool> ActiveCases => new()
    {
        { "runs until further notice, started today", "2026-11-27", null, null, "2026-11-27", true },
        { "last day today", "2026-11-27", "2026-11-27", null, "2026-11-27", true },
        { "temporary, still running", "2026-01-01", "2026-12-31", null, "2026-11-27", true },
        { "starts tomorrow", "2026-11-28", null, null, "2026-11-27", false },
        { "ran out yesterday", "2026-01-01", "2026-11-26", null, "2026-11-27", false },
        { "an order ended it, last day ahead", "2026-01-01", "2026-12-31", 7, "2026-11-27", false },
        { "an order ended it, no last day", "2026-01-01", null, 7, "2026-11-27", false },
        { "an order ended it long ago", "2025-01-01", "2026-10-01", 7, "2026-11-27", false },
    };

    [Theory]
    [MemberData(nameof(ActiveCases))]
    public void Active_StartedNotRunOut_AndNotEndedByAnOrder(string situation, string from, string? to, int? endedBy, string day, bool expected)
    {
        var (f, t, d) = (Day(from), to is null ? (DateOnly?)null : Day(to), Day(day));

        Assert.True(expected == GrantRules.IsActive(f, t, endedBy, d), situation);
        Assert.True(expected == GrantRules.ActiveOn(d).Compile()(GrantEndedBy(f, t, endedBy)), situation + " (expression)");
        Assert.True(expected == GrantEndedBy(f, t, endedBy).IsActiveOn(d), situation + " (Grant.IsActiveOn)");
    }

    [Theory]
    [InlineData("2026-01-01", null, "2026-06-01", true)]
    [InlineData("2026-01-01", "2026-05-31", "2026-06-01", false)]
    [InlineData("2026-01-01", "2026-06-01", "2026-06-01", true)]
    [InlineData("2026-07-01", null, "2026-06-01", false)]
    public void IsActiveOn_IncludesBothEnds(string from, string? to, string on, bool expected) =>
        Assert.Equal(expected, Grant(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture))
            .IsActiveOn(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Checklist_ForAnEndOrder_ListsRunningGrantsAndTheReturns_WithEachPersonalKeyByNumberAndUnit()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Terminate), 7);
        var rep = new Contact("Petra Olsson", SocItConsole.Shared.Common.EmailAddress.Parse("petra.olsson@kommun.example"));
        KeyToReturn[] keys = [new(KeyNumber.Parse("4120002"), 2, "Hemtjänst Skrea"), new(KeyNumber.Parse("4110003"), 1, "Hemtjänst Centrum")];

        var items = CaseChecklist.For(
            order, [Grant(new DateOnly(2024, 3, 1), null), Grant(new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1))], rep,
            hasPersonalCode: false, keys);

        Assert.Equal(
            [
                "Avsluta Lifecare (Utförare) i Hemtjänst Centrum",
                "Telefonen återlämnad och fabriksåterställd av mobilombud Petra Olsson",
                "Digital nyckel (Swedlock) 4110003 från Hemtjänst Centrum återlämnad",
                "Digital nyckel (Swedlock) 4120002 från Hemtjänst Skrea återlämnad",
                "Falkenbergskort/SITHS-kort återlämnat",
            ],
            items.Select(i => i.Label));
        Assert.Equal(
            [ChecklistItemKind.System, ChecklistItemKind.Return, ChecklistItemKind.KeyReturn, ChecklistItemKind.KeyReturn, ChecklistItemKind.Return],
            items.Select(i => i.Kind));
        Assert.Equal(["4110003", "4120002"], items.Select(CaseChecklist.KeyNumberOf).OfType<KeyNumber>().Select(n => n.Value));
    }

    [Fact]
    public void Checklist_ForAnEndOrder_AsksForNoKey_WhenThePersonHoldsNone()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Terminate), 7);

        var items = CaseChecklist.For(order, [], null, hasPersonalCode: true, keysToReturn: []);

        Assert.Equal(
            ["Telefonen återlämnad och fabriksåterställd av verksamhetens mobilombud", "Falkenbergskort/SITHS-kort återlämnat", CaseChecklist.RevokeCodeLabel],
            items.Select(i => i.Label));
        Assert.All(items, i => Assert.Null(CaseChecklist.KeyNumberOf(i)));
    }

    [Fact]
    public void Checklist_ForANewEmployee_HasEachSystemAndTheKeyStep()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.New), 1, Lifecare, Swedlock);

        var items = CaseChecklist.For(order, [], null, hasPersonalCode: false, keysToReturn: []);

        Assert.Equal(["Lifecare: Utförare", "Swedlock: Standard", "Swedlock: lägg till i verksamhetens nyckelpool och ge personlig kod"], items.Select(i => i.Label));
    }

    [Theory]
    [InlineData(OrderType.New)]
    [InlineData(OrderType.Extend)]
    [InlineData(OrderType.TemporaryUnit)]
    public void ASystemMarkedNotApplicable_GivesNoGrant(OrderType type)
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(type), 8, Lifecare, Qlikview);
        PlacedOrders.TakeAndMark(order, [], label => label.StartsWith("Qlikview", StringComparison.Ordinal), "Använder inte Qlikview");

        var changes = GrantRules.Materialize(order, [], new GrantOwner(1));

        Assert.Equal(["Lifecare"], changes.Added.Select(g => g.SystemName));
        Assert.Empty(changes.Ended);
        var item = Assert.Single(changes.NotApplicable);
        Assert.Equal(("Qlikview: Standard", "Använder inte Qlikview"), (item.Label, item.Note));
    }

    [Fact]
    public void EndOfEmployment_DoesNotEndAGrantMarkedNotApplicable_ButEndsTheSameSystemInAnotherUnit()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Terminate), 7);
        var home = Grant(new DateOnly(2024, 3, 1), null);
        var elsewhere = new Grant(5, 6, "Lifecare", 60, "Utförare", 11, "Tallgårdens vård- och omsorgsboende", new DateOnly(2025, 1, 1), null, 2, "SOC-2025-00002", new GrantOwner(1));
        PlacedOrders.TakeAndMark(order, [home, elsewhere], label => label == "Avsluta Lifecare (Utförare) i Tallgårdens vård- och omsorgsboende", "Hör till anställningen på Tallgården");

        var changes = GrantRules.Materialize(order, [home, elsewhere], new GrantOwner(1));

        Assert.Same(home, Assert.Single(changes.Ended));
        Assert.Equal((new DateOnly(2026, 12, 31), (int?)7), (home.To, home.EndedByOrderId));
        Assert.Equal(((DateOnly?)null, (int?)null), (elsewhere.To, elsewhere.EndedByOrderId));
        Assert.Equal("Lifecare (Utförare) i Tallgårdens vård- och omsorgsboende", CaseChecklist.Subject(Assert.Single(changes.NotApplicable)));
    }

    [Fact]
    public void EndOfASingleGrant_MarkedNotApplicable_LeavesItRunning()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.EndTemporary), 9, new OrderSystem(6, "Lifecare", 61, "Handläggare"), Qlikview);
        var lifecare = new Grant(5, 6, "Lifecare", 61, "Handläggare", 10, "Hemtjänst Centrum", new DateOnly(2026, 6, 1), new DateOnly(2027, 3, 31), 2, "SOC-2026-00002", new GrantOwner(1));
        var qlikview = new Grant(5, 10, "Qlikview", 100, "Standard", 10, "Hemtjänst Centrum", new DateOnly(2026, 6, 1), new DateOnly(2027, 3, 31), 2, "SOC-2026-00002", new GrantOwner(1));
        PlacedOrders.TakeAndMark(order, [lifecare, qlikview], label => label.Contains("Qlikview", StringComparison.Ordinal), "Behövs till mars enligt chefen");

        var changes = GrantRules.Materialize(order, [lifecare, qlikview], new GrantOwner(1));

        Assert.Same(lifecare, Assert.Single(changes.Ended));
        Assert.Equal((new DateOnly(2026, 12, 31), (int?)9), (lifecare.To, lifecare.EndedByOrderId));
        Assert.Equal(((DateOnly?)new DateOnly(2027, 3, 31), (int?)null), (qlikview.To, qlikview.EndedByOrderId));
        Assert.Equal("Qlikview (Standard) i Hemtjänst Centrum", CaseChecklist.Subject(Assert.Single(changes.NotApplicable)));
    }

    [Fact]
    public void AReturnMarkedNotApplicable_StillEndsEveryGrant()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Terminate), 7);
        var running = Grant(new DateOnly(2024, 3, 1), null);
        PlacedOrders.TakeAndMark(order, [running], label => label.StartsWith("Falkenbergskort", StringComparison.Ordinal), "Hade inget kort");

        var changes = GrantRules.Materialize(order, [running], new GrantOwner(1));

        Assert.Same(running, Assert.Single(changes.Ended));
        Assert.Empty(changes.NotApplicable);
    }

    [Theory]
    [InlineData(KeyChoiceKind.Pool, false, "Swedlock: lägg till i verksamhetens nyckelpool och ge personlig kod")]
    [InlineData(KeyChoiceKind.Pool, true, "Swedlock: lägg till i verksamhetens nyckelpool (har redan personlig kod)")]
    [InlineData(KeyChoiceKind.PersonalKey, false, "Swedlock: koppla personlig nyckel 1234567 och ge personlig kod")]
    [InlineData(KeyChoiceKind.PersonalKey, true, "Swedlock: koppla personlig nyckel 1234567 (har redan personlig kod)")]
    [InlineData(KeyChoiceKind.BuyNewKey, false, "Swedlock: köp ny nyckel (verksamheten betalar), koppla den och ge personlig kod")]
    [InlineData(KeyChoiceKind.BuyNewKey, true, "Swedlock: köp ny nyckel (verksamheten betalar), koppla den (har redan personlig kod)")]
    public void TheKeyStep_AsksForAPersonalCode_OnlyFromSomeoneWithout(KeyChoiceKind kind, bool hasPersonalCode, string expected)
    {
        var request = PlacedOrders.Request(OrderType.New) with { KeyKind = kind, KeyNumber = kind == KeyChoiceKind.PersonalKey ? "1234567" : null };
        var order = PlacedOrders.Place(request, 1, Lifecare);

        var items = CaseChecklist.For(order, [], null, hasPersonalCode, keysToReturn: []);

        Assert.Equal(["Lifecare: Utförare", expected], items.Select(i => i.Label));
        Assert.Equal(ChecklistItemKind.Key, items[^1].Kind);
    }

    /// <summary>What continues a temporary grant from 2026-06-01 to 2026-11-30 (the follow-up job's rule, and the grants view's "Förlängd").</summary>
    public static TheoryData<string, Grant, bool> ContinuationCases => new()
    {
        { "an extension from the day after", Other(systemId: 6, levelId: 60, unitId: 10, "2026-12-01", "2027-03-31"), true },
        { "an extension until further notice", Other(systemId: 6, levelId: 60, unitId: 10, "2026-12-01", null), true },
        { "an extension after a gap", Other(systemId: 6, levelId: 60, unitId: 10, "2026-12-03", "2027-03-31"), false },
        { "an earlier grant still running", Other(systemId: 6, levelId: 60, unitId: 10, "2026-01-01", null), true },
        { "one that ends on the same day", Other(systemId: 6, levelId: 60, unitId: 10, "2026-01-01", "2026-11-30"), false },
        { "an extension an order has ended", Other(systemId: 6, levelId: 60, unitId: 10, "2026-12-01", "2027-03-31", endedBy: 9), false },
        { "another level", Other(systemId: 6, levelId: 61, unitId: 10, "2026-12-01", null), false },
        { "another system", Other(systemId: 7, levelId: 60, unitId: 10, "2026-12-01", null), false },
        { "another unit", Other(systemId: 6, levelId: 60, unitId: 11, "2026-12-01", null), false },
    };

    [Theory]
    [MemberData(nameof(ContinuationCases))]
    public void Continues_IsAGrantOfTheSameAccess_ActiveOnTheDayAfterTheLastDay(string situation, Grant next, bool expected)
    {
        var temporary = Grant(Day("2026-06-01"), Day("2026-11-30"));

        Assert.True(expected == GrantRules.Continues(next, temporary), situation);
        Assert.False(GrantRules.Continues(temporary, temporary), "a grant continues itself");
        Assert.False(GrantRules.Continues(next, Grant(Day("2026-06-01"), null)), situation + ": a grant without a last day is continued");
    }

    [Fact]
    public void TheKeyStep_IsAbsent_WithoutAKeyChoice() =>
        Assert.Null(CaseChecklist.KeyLabel(KeyChoiceKind.None, null, hasPersonalCode: false));

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A grant with these dates, ended by order <paramref name="endedBy"/> if given (with no last day: the last possible one, as an end order always sets one).</summary>
    private static Grant GrantEndedBy(DateOnly from, DateOnly? to, int? endedBy)
    {
        var grant = Grant(from, endedBy is null ? to : null);
        if (endedBy is { } orderId)
        {
            grant.Close(to ?? DateOnly.MaxValue, orderId);
        }

        return grant;
    }

    private static Grant Other(int systemId, int levelId, int unitId, string from, string? to, int? endedBy = null)
    {
        var grant = new Grant(5, systemId, "System", levelId, "Nivå", unitId, "Verksamhet", Day(from), endedBy is null && to is not null ? Day(to) : null, 2, "SOC-2026-00002", new GrantOwner(1));
        if (endedBy is { } orderId)
        {
            grant.Close(to is null ? DateOnly.MaxValue : Day(to), orderId);
        }

        return grant;
    }

    private static Grant Grant(DateOnly from, DateOnly? to) =>
        new(5, 6, "Lifecare", 60, "Utförare", 10, "Hemtjänst Centrum", from, to, 1, "SOC-2026-00001", new GrantOwner(1));
}
