using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Shared.Orders;

/// <summary>
/// The responsible manager an order names must be one of the unit's registered managers (issue 20, item 2): the
/// manager answers for who has access to the unit.
/// </summary>
public class ResponsibleManagerTests
{
    private static readonly DateOnly Today = PlacedOrders.Today;

    private static ReferenceUnit Unit(int id) => PlacedOrders.Reference.Units.Single(u => u.Id == id);

    [Theory]
    [InlineData("anna.lindqvist@kommun.example", 10, null)]
    [InlineData("ANNA.Lindqvist@Kommun.Example", 10, null)]
    [InlineData("erik.johansson@kommun.example", 11, null)]
    [InlineData("erik.johansson@kommun.example", 10,
        "erik.johansson@kommun.example är inte registrerad som chef för Hemtjänst Centrum. Ange verksamhetens chef: Anna Lindqvist (anna.lindqvist@kommun.example).")]
    [InlineData("anna.lindqvist@kommun.example", 12,
        "anna.lindqvist@kommun.example är inte registrerad som chef för IFO Vuxen. Ange verksamhetens chef: Mikael Ström (mikael.strom@kommun.example).")]
    public void Refusal_NamesTheUnitsManagers_UnlessTheManagerIsOneOfThem(string manager, int unitId, string? expected)
    {
        Assert.Equal(expected, OrderRules.ResponsibleManagerRefusal(EmailAddress.Parse(manager), Unit(unitId)));
    }

    [Fact]
    public void Refusal_OfAUnitWithTwoManagers_OffersBoth()
    {
        var unit = Unit(11) with { Managers = [PlacedOrders.Manager("Erik Johansson"), PlacedOrders.Manager("Karin Svensson")] };

        Assert.Equal(
            "anna.lindqvist@kommun.example är inte registrerad som chef för Tallgårdens vård- och omsorgsboende. Ange en av verksamhetens chefer: "
            + "Erik Johansson (erik.johansson@kommun.example) eller Karin Svensson (karin.svensson@kommun.example).",
            OrderRules.ResponsibleManagerRefusal(EmailAddress.Parse("anna.lindqvist@kommun.example"), unit));
    }

    [Fact]
    public void Refusal_OfAUnitWithoutARegisteredManager_SaysSo()
    {
        var unit = Unit(10) with { Managers = [] };

        Assert.Equal(
            "Hemtjänst Centrum har ingen registrerad chef. Soc-IT behöver lägga in verksamhetens chef innan beställningen kan tas emot.",
            OrderRules.ResponsibleManagerRefusal(EmailAddress.Parse("anna.lindqvist@kommun.example"), unit));
    }

    [Theory]
    [InlineData(OrderType.New)]
    [InlineData(OrderType.Extend)]
    [InlineData(OrderType.TemporaryUnit)]
    [InlineData(OrderType.EndTemporary)]
    [InlineData(OrderType.Terminate)]
    public void Validate_OfAnyType_PutsAnotherUnitsManager_UnderTheManagersEmail(OrderType type)
    {
        var request = PlacedOrders.Request(type) with { ManagerName = "Erik Johansson", ManagerEmail = "erik.johansson@kommun.example" };

        var validation = OrderRules.Validate(request, PlacedOrders.Reference, Today);

        Assert.False(validation.IsValid);
        Assert.Equal([OrderField.ManagerEmail], validation.Errors.Keys.Select(k => k.Field));
        Assert.Contains("är inte registrerad som chef för", Assert.Single(validation.Errors[OrderField.ManagerEmail]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TemporaryAccess_WantsTheHomeUnitsManager_NotTheReceivingUnits()
    {
        var home = OrderRules.Validate(PlacedOrders.Request(OrderType.TemporaryUnit), PlacedOrders.Reference, Today);
        var receiving = OrderRules.Validate(
            PlacedOrders.Request(OrderType.TemporaryUnit) with { ManagerName = "Erik Johansson", ManagerEmail = "erik.johansson@kommun.example" },
            PlacedOrders.Reference, Today);

        Assert.True(home.IsValid, string.Join("; ", home.Errors.SelectMany(e => e.Value)));
        Assert.True(receiving.Errors.ContainsKey(OrderField.ManagerEmail));
    }
}
