using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Shared.Orders;

/// <summary>
/// One rule set for both ways in: the e-service's names become ids (<see cref="OrderNames"/>) and the console's ids go
/// straight to <see cref="OrderRules"/>; the same order gives the same result, and an unknown name is reported where
/// a missing id would be.
/// </summary>
public class OrderRulesTests
{
    private static readonly DateOnly Today = PlacedOrders.Today;

    private static readonly OrderReference Reference = PlacedOrders.Reference with
    {
        Units = [.. PlacedOrders.Reference.Units, new ReferenceUnit(13, "Hemtjänst Skrea", IsActive: false, UsesDigitalKeys: false)],
    };

    public static TheoryData<OrderType> Types => [.. Enum.GetValues<OrderType>()];

    [Theory]
    [MemberData(nameof(Types))]
    public void AnOrderByIds_GivesTheSameValidOrder_AsTheSameOrderByNames(OrderType type)
    {
        var named = PlacedOrders.Request(type);
        var byIds = OrderNames.Resolve(named, Reference);

        var fromNames = OrderRules.Validate(named, Reference, Today);
        var fromIds = OrderRules.Validate(byIds with { Unresolved = new Dictionary<OrderFieldKey, string>() }, Reference, Today);

        Assert.True(fromIds.IsValid, string.Join("; ", fromIds.Errors.SelectMany(e => e.Value)));
        IReadOnlyList<RequestedSystem> none = [];
        Assert.Equal(fromNames.Order! with { RequestedSystems = none }, fromIds.Order! with { RequestedSystems = none });
        Assert.Equal(fromNames.Order!.RequestedSystems, fromIds.Order!.RequestedSystems);
    }

    [Fact]
    public void AnInactiveUnit_IsRefusedTheSameWay_ByIdAndByName()
    {
        var named = OrderRequests.Terminate() with { Unit = "Hemtjänst Skrea" };
        var byIds = new OrderInput
        {
            Type = named.Type, EmployeeName = named.EmployeeName, Personnummer = named.Personnummer, UnitId = 13,
            EndDate = named.EndDate, OrdererName = named.OrdererName, OrdererEmail = named.OrdererEmail,
            ManagerName = named.ManagerName, ManagerEmail = named.ManagerEmail,
        };

        var fromNames = OrderRules.Validate(named, Reference, Today);
        var fromIds = OrderRules.Validate(byIds, Reference, Today);

        Assert.Equal(["Verksamheten Hemtjänst Skrea är inaktiverad och kan inte beställas."], fromNames.Errors[OrderField.Unit]);
        Assert.Equal(fromNames.Errors[OrderField.Unit], fromIds.Errors[OrderField.Unit]);
        Assert.Single(fromIds.Errors);
    }

    [Fact]
    public void UnknownNames_AreReportedWhereTheirIdsWouldBeChecked_AndOnlyThere()
    {
        var request = OrderRequests.Extend() with
        {
            TargetUnit = "Månbasen",
            Systems = [new RequestedSystemInput("Lifecare", "Överste"), new RequestedSystemInput("Tetris", null), new RequestedSystemInput("Lifecare", "Ingen")],
        };

        var errors = OrderRules.Validate(request, Reference, Today).Errors;

        Assert.Equal(
            [OrderField.TargetUnit, OrderFieldKey.SystemName(1), OrderFieldKey.SystemLevel(0), OrderFieldKey.SystemLevel(2)],
            errors.Keys.OrderBy(k => k.Field).ThenBy(k => k.Row));
        Assert.Equal(["En annan verksamhet anges bara för tillfällig behörighet till annan verksamhet."], errors[OrderField.TargetUnit]);
        Assert.Equal(["Lifecare har ingen nivå som heter \"Överste\". Nivåer: Utförare, Handläggare."], errors[OrderFieldKey.SystemLevel(0)]);
        Assert.Equal(["Det finns ingen system som heter \"Tetris\"."], errors[OrderFieldKey.SystemName(1)]);
    }

    [Fact]
    public void AnIdThatIsNotInTheMasterData_IsRefusedUnderItsField()
    {
        var input = OrderNames.Resolve(OrderRequests.Extend(), Reference) with { Systems = [new RequestedSystemId(6, 999), new RequestedSystemId(77, null)] };

        var errors = OrderRules.Validate(input, Reference, Today).Errors;

        Assert.Equal(["Lifecare har inte den nivån. Nivåer: Utförare, Handläggare."], errors[OrderFieldKey.SystemLevel(0)]);
        Assert.Equal(["Systemet finns inte (id 77)."], errors[OrderFieldKey.SystemName(1)]);
    }
}
