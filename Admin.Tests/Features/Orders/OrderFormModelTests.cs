using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Orders;

/// <summary>The order form's model: what the form shows for each type, and the order it sends, by id.</summary>
public class OrderFormModelTests
{
    private static readonly OrderReference Reference = PlacedOrders.Reference;

    private static OrderFormModel NewModel() => new(new OrderFormContext(
        Reference.Titles, Reference.Units, Reference.Systems, IsOperator: false, [OrderChannel.Console],
        new OrdererDefaults("Anna Lindqvist", "anna.lindqvist@kommun.example", "Anna Lindqvist", "anna.lindqvist@kommun.example"),
        PlacedOrders.Today));

    /// <summary>An appointed orderer with no unit of her own, appointed for Hemtjänst Centrum (10) and Tallgården (11).</summary>
    private static OrderFormModel AppointedModel(bool isOperator = false) => new(new OrderFormContext(
        Reference.Titles, Reference.Units, Reference.Systems, isOperator, [OrderChannel.Console],
        new OrdererDefaults("Petra Olsson", "petra.olsson@kommun.example", null, null),
        PlacedOrders.Today)
    {
        ManagedUnitIds = new HashSet<int>(),
    });

    [Fact]
    public void ChooseUnit_ForAnAppointedOrderer_FillsInTheUnitsOneManager_AsResponsibleManager()
    {
        var model = AppointedModel();

        model.ChooseUnit(11);

        Assert.Equal((11, "Erik Johansson", "erik.johansson@kommun.example"), (model.UnitId, model.ManagerName, model.ManagerEmail));
        model.ChooseUnit(10);
        Assert.Equal(("Anna Lindqvist", "anna.lindqvist@kommun.example"), (model.ManagerName, model.ManagerEmail));
    }

    [Fact]
    public void ChooseUnit_LeavesTheManagerAlone_ForTheUnitsManagerHerself_AndForAnOperator()
    {
        var manager = new OrderFormModel(NewModelContext() with { ManagedUnitIds = new HashSet<int> { 10 } });
        var byOperator = AppointedModel(isOperator: true);

        manager.ChooseUnit(10);
        byOperator.ChooseUnit(11);

        Assert.Equal("anna.lindqvist@kommun.example", manager.ManagerEmail);
        Assert.Null(byOperator.ManagerEmail);
    }

    private static OrderFormContext NewModelContext() => new(
        Reference.Titles, Reference.Units, Reference.Systems, IsOperator: false, [OrderChannel.Console],
        new OrdererDefaults("Anna Lindqvist", "anna.lindqvist@kommun.example", "Anna Lindqvist", "anna.lindqvist@kommun.example"),
        PlacedOrders.Today);

    [Theory]
    [InlineData(OrderType.New, "Title StartDate KeyKind")]
    [InlineData(OrderType.Extend, "StartDate Systems SystemName[0] SystemLevel[0]")]
    [InlineData(OrderType.TemporaryUnit, "Title TargetUnit StartDate KeyKind")]
    [InlineData(OrderType.Terminate, "")]
    public void Shows_TheFieldsTheChosenTypeAsksFor_AndAlwaysTheCommonOnes(OrderType type, string shown)
    {
        var model = NewModel();
        model.Type = type;
        model.UnitId = 10;
        model.TargetUnitId = 11;
        var optional = new OrderFieldKey[]
        {
            OrderField.Title, OrderField.TargetUnit, OrderField.StartDate, OrderField.Systems, OrderFieldKey.SystemName(0),
            OrderFieldKey.SystemLevel(0), OrderFieldKey.SystemName(1), OrderField.KeyKind, OrderField.KeyNumber,
        };

        Assert.Equal(shown, string.Join(" ", optional.Where(model.Shows)));
        Assert.All(
            new OrderFieldKey[] { OrderField.Type, OrderField.EmployeeName, OrderField.Personnummer, OrderField.Unit, OrderField.EndDate, OrderField.ManagerEmail, OrderField.Note },
            field => Assert.True(model.Shows(field)));
    }

    [Fact]
    public void Shows_TheKeyNumber_OnlyForAPersonalKeyInAUnitWithDigitalKeys()
    {
        var model = NewModel();
        model.Type = OrderType.New;
        model.UnitId = 10;
        model.KeyKind = KeyChoiceKind.PersonalKey;
        var withKeys = model.Shows(OrderField.KeyNumber);
        model.UnitId = 12;

        Assert.True(withKeys);
        Assert.False(model.Shows(OrderField.KeyKind));
        Assert.False(model.Shows(OrderField.KeyNumber));
    }

    [Fact]
    public void ToInput_SendsIds_AndOnlyWhatTheTypeAsksFor()
    {
        var model = NewModel();
        model.Type = OrderType.Extend;
        model.EmployeeName = "Lisa Andersson";
        model.TitleId = 1;
        model.UnitId = 10;
        model.TargetUnitId = 11;
        model.StartDate = new DateTime(2026, 12, 7);
        model.KeyKind = KeyChoiceKind.Pool;
        model.ChooseSystem(model.Systems[0], 6);

        var input = model.ToInput();

        Assert.Equal((OrderType.Extend, (int?)10, (int?)null, (int?)null, (KeyChoiceKind?)null), (input.Type!.Value, input.UnitId, input.TitleId, input.TargetUnitId, input.KeyKind));
        Assert.Equal(new RequestedSystemId(6, 60), Assert.Single(input.Systems));
        Assert.Equal(new DateOnly(2026, 12, 7), input.StartDate);
        Assert.Empty(input.Unresolved);
        Assert.True(OrderRules.Validate(input with { Personnummer = OrderRequests.Pnr1990 }, Reference, PlacedOrders.Today).IsValid);
    }
}
