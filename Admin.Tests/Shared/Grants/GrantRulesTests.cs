using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.Organisation;

namespace SocItConsole.Admin.Tests.Shared.Grants;

public class GrantRulesTests
{
    private static readonly OrderSystem Lifecare = new(6, "Lifecare", 60, "Utförare");
    private static readonly OrderSystem Swedlock = new(4, "Swedlock", 40, "Standard");

    [Fact]
    public void NewEmployee_GetsEachDerivedSystemInTheUnit_FromTheStartDate()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.New), 1, Lifecare, Swedlock);

        var changes = GrantRules.Materialize(order, []);

        Assert.Empty(changes.Ended);
        Assert.Equal(2, changes.Added.Count);
        Assert.All(changes.Added, g =>
        {
            Assert.Equal((5, 10, "Hemtjänst Centrum", new DateOnly(2026, 12, 7), (DateOnly?)null, 1, "SOC-2026-00001"),
                (g.EmployeeId, g.UnitId, g.UnitName, g.From, g.To, g.SourceOrderId, g.SourceCaseNumber));
        });
    }

    [Fact]
    public void Extension_AddsTheRequestedLevel_UntilItsEndDate()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Extend), 2, new OrderSystem(6, "Lifecare", 61, "Handläggare"));

        var grant = Assert.Single(GrantRules.Materialize(order, []).Added);

        Assert.Equal(("Handläggare", new DateOnly(2026, 12, 7), (DateOnly?)new DateOnly(2027, 3, 31)), (grant.LevelName, grant.From, grant.To));
        Assert.True(grant.IsTemporary);
    }

    [Fact]
    public void TemporaryAccess_GivesGrantsInTheOtherUnit_UntilTheEndDate()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.TemporaryUnit), 3, Lifecare);

        var grant = Assert.Single(GrantRules.Materialize(order, []).Added);

        Assert.Equal((11, "Tallgårdens vård- och omsorgsboende", (DateOnly?)new DateOnly(2027, 1, 31)), (grant.UnitId, grant.UnitName, grant.To));
    }

    [Fact]
    public void AGrantAlreadyActive_IsNotAddedTwice()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.New), 4, Lifecare, Swedlock);
        var existing = new Grant(5, 6, "Lifecare", 60, "Utförare", 10, "Hemtjänst Centrum", new DateOnly(2025, 1, 1), null, 99, "SOC-2025-00099");

        var added = GrantRules.Materialize(order, [existing]).Added;

        Assert.Equal(["Swedlock"], added.Select(g => g.SystemName));
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

        var changes = GrantRules.Materialize(order, [running, temporaryLater, endedBefore, notYetStarted]);

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
    public void Checklist_ForAnEndOrder_ListsRunningGrantsAndTheThreeReturns()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Terminate), 7);
        var rep = new Contact("Petra Olsson", SocItConsole.Shared.Common.EmailAddress.Parse("petra.olsson@kommun.example"));

        var items = CaseChecklist.For(order, [Grant(new DateOnly(2024, 3, 1), null), Grant(new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1))], rep);

        Assert.Equal(
            [
                "Avsluta Lifecare (Utförare) i Hemtjänst Centrum",
                "Telefonen återlämnad och fabriksåterställd av mobilombud Petra Olsson",
                "Digital nyckel (Swedlock) återlämnad",
                "Falkenbergskort/SITHS-kort återlämnat",
            ],
            items.Select(i => i.Label));
        Assert.Equal([ChecklistItemKind.System, ChecklistItemKind.Return, ChecklistItemKind.Return, ChecklistItemKind.Return], items.Select(i => i.Kind));
    }

    [Fact]
    public void Checklist_ForANewEmployee_HasEachSystemAndTheKeyStep()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.New), 1, Lifecare, Swedlock);

        var items = CaseChecklist.For(order, [], null);

        Assert.Equal(["Lifecare: Utförare", "Swedlock: Standard", "Swedlock: lägg till i verksamhetens nyckelpool och ge personlig kod"], items.Select(i => i.Label));
    }

    private static Grant Grant(DateOnly from, DateOnly? to) =>
        new(5, 6, "Lifecare", 60, "Utförare", 10, "Hemtjänst Centrum", from, to, 1, "SOC-2026-00001");
}
