using SocItConsole.Admin.Features.Orders.Api;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Integration;

public class OrderApiFieldsTests
{
    public static TheoryData<OrderField> Fields => [.. Enum.GetValues<OrderField>()];

    [Theory]
    [MemberData(nameof(Fields))]
    public void EveryFieldTheRulesName_HasItsOwnJsonPathInTheApiContract(OrderField field)
    {
        var path = OrderApiFields.Path(new OrderFieldKey(field, field is OrderField.SystemName or OrderField.SystemLevel ? 2 : null));

        Assert.Matches("^[a-z][A-Za-z]*(\\[2\\])?(\\.[a-z][A-Za-z]*)?$", path);
        Assert.Single(Enum.GetValues<OrderField>(), other =>
            OrderApiFields.Path(new OrderFieldKey(other, other is OrderField.SystemName or OrderField.SystemLevel ? 2 : null)) == path);
    }

    [Fact]
    public void SystemRows_AreNumberedAsTheBodyNumbersThem() =>
        Assert.Equal(
            ["systems[0].name", "systems[3].level"],
            [OrderApiFields.Path(OrderFieldKey.SystemName(0)), OrderApiFields.Path(OrderFieldKey.SystemLevel(3))]);
}
