using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Shared.People;

public class EmploymentRulesTests
{
    private static readonly DateOnly Start = new(2026, 12, 7);

    public static TheoryData<string, OrderType, int[], int?> Placements => new()
    {
        // description, order type, the person's employments (ids: 1 = Hemtjänst Centrum from 2025, 2 = Tallgården from 2025,
        // 3 = Hemtjänst Centrum ended 2026-06-30, 4 = Hemtjänst Centrum starting 2027), the employment chosen (null: a new one)
        { "new access, no employment yet", OrderType.New, [], null },
        { "new access, only an ended one in the unit (rehire)", OrderType.New, [3], null },
        { "new access, already employed in the unit (sent twice)", OrderType.New, [1], 1 },
        { "new access, employed only in another unit (a second post)", OrderType.New, [2], null },
        { "extension, employed in the unit", OrderType.Extend, [2, 1], 1 },
        { "extension, only an ended one in the unit", OrderType.Extend, [3], null },
        { "extension, an employment that starts later in the unit", OrderType.Extend, [4], 4 },
        { "temporary access elsewhere, employed in the ordering unit", OrderType.TemporaryUnit, [2, 1], 1 },
        { "temporary access elsewhere, employed only elsewhere", OrderType.TemporaryUnit, [2], 2 },
        { "temporary access elsewhere, no employment at all", OrderType.TemporaryUnit, [], null },
    };

    [Theory]
    [MemberData(nameof(Placements))]
    public void Place_ChoosesTheEmployment(string description, OrderType type, int[] held, int? chosen)
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(type));
        var employments = held.Select(Employment).ToList();

        var placement = EmploymentRules.Place(order, employments);

        Assert.True(chosen is null ? placement.NewEmployment : placement.Employment.Id == chosen, description);
        if (placement.NewEmployment)
        {
            Assert.Equal((5, 10, Start, (int?)1), (placement.Employment.EmployeeId, placement.Employment.UnitId, placement.Employment.From, placement.Employment.StartedByOrderId));
        }

        Assert.Equal(type == OrderType.TemporaryUnit, placement.Assignment is not null);
    }

    [Fact]
    public void Place_NewAccessWithAnEndDate_IsAFixedTermEmployment_WithTheOrdersTitle()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.New) with { EndDate = new DateOnly(2027, 8, 15) });

        var employment = EmploymentRules.Place(order, []).Employment;

        Assert.True(employment.IsFixedTerm);
        Assert.Equal((1, "Undersköterska", "Hemtjänst Centrum", (DateOnly?)new DateOnly(2027, 8, 15)),
            (employment.TitleId, employment.TitleName, employment.UnitName, employment.To));
    }

    [Fact]
    public void Place_AnExtensionWithAnEndDate_DoesNotMakeTheEmploymentFixedTerm()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Extend) with { EndDate = new DateOnly(2027, 3, 31) });

        var employment = EmploymentRules.Place(order, []).Employment;

        Assert.False(employment.IsFixedTerm);
        Assert.Null(employment.To);
    }

    [Fact]
    public void Place_TemporaryAccess_MakesAnAssignmentInTheOtherUnit_UntilTheEndDate()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.TemporaryUnit));

        var assignment = EmploymentRules.Place(order, [Employment(1)]).Assignment!;

        Assert.Equal((1, 11, Start <= order.StartDate!.Value, order.EndDate!.Value, 1),
            (assignment.EmploymentId, assignment.UnitId, true, assignment.To, assignment.OrderId));
    }

    [Fact]
    public void Place_RefusesEndOrders()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Terminate));

        Assert.Throws<InvalidOperationException>(() => EmploymentRules.Place(order, []));
    }

    [Fact]
    public void EndedBy_AnEndOrderNamingOneOfTwoEmployments_EndsThatOneAndItsPlacements_Only()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Terminate));
        typeof(Order).GetProperty(nameof(Order.EmploymentId))!.SetValue(order, 2);
        var placementOfTwo = Assignment(20, employmentId: 2);
        var placementOfOne = Assignment(10, employmentId: 1);

        var (employments, assignments) = EmploymentRules.EndedBy(order, [Employment(1), Employment(2)], [placementOfOne, placementOfTwo]);

        Assert.Equal([2], employments.Select(e => e.Id));
        Assert.Equal([20], assignments.Select(a => a.Id));
    }

    [Fact]
    public void EndedBy_AnEndOrderPlacedBeforeEmploymentsWereRecorded_EndsEveryCurrentOne()
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Terminate));

        var (employments, _) = EmploymentRules.EndedBy(order, [Employment(1), Employment(2), Employment(3)], []);

        Assert.Equal([1, 2], employments.Select(e => e.Id));
    }

    [Fact]
    public void Employment_EndedBeforeItBegan_EndsOnItsFirstDay_AndAnEarlierFixedTermEndStays()
    {
        var upcoming = Employment(4);
        upcoming.End(new DateOnly(2026, 12, 31), 9);
        var fixedTerm = new Employment(5, 10, "Hemtjänst Centrum", 1, "Undersköterska", new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 31), 1);
        fixedTerm.End(new DateOnly(2026, 12, 31), 9);

        Assert.Equal((new DateOnly(2027, 1, 1), (int?)9), (upcoming.To!.Value, upcoming.EndedByOrderId));
        Assert.Equal(new DateOnly(2026, 8, 31), fixedTerm.To);
        Assert.False(fixedTerm.IsFixedTerm);
        Assert.Throws<DomainException>(() => fixedTerm.ExtendTo(new DateOnly(2027, 1, 31)));
        Assert.Throws<DomainException>(() => new Employment(5, 10, "X", 1, "Y", new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 31), 1));
    }

    private static Employment Employment(int id)
    {
        var (unitId, unitName, from, to) = id switch
        {
            1 => (10, "Hemtjänst Centrum", new DateOnly(2025, 1, 1), (DateOnly?)null),
            2 => (11, "Tallgårdens vård- och omsorgsboende", new DateOnly(2025, 1, 1), null),
            3 => (10, "Hemtjänst Centrum", new DateOnly(2024, 1, 1), new DateOnly(2026, 6, 30)),
            _ => (10, "Hemtjänst Centrum", new DateOnly(2027, 1, 1), null),
        };
        var employment = new Employment(5, unitId, unitName, 1, "Undersköterska", from, to, null);
        if (id == 3)
        {
            employment.End(to!.Value, 99);
        }

        PlacedOrders.SetId(employment, id);
        return employment;
    }

    private static TemporaryAssignment Assignment(int id, int employmentId)
    {
        var assignment = new TemporaryAssignment(employmentId, 5, 12, "IFO Vuxen", new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 28), 7);
        PlacedOrders.SetId(assignment, id);
        return assignment;
    }
}
