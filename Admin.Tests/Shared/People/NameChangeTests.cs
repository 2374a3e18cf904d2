using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Shared.People;

public class NameChangeTests
{
    [Theory]
    [InlineData(OrderType.New, "Anna Svensson", "Anna Berg", true)]
    [InlineData(OrderType.Extend, "Anna Svensson", "Anna Berg", true)]
    [InlineData(OrderType.TemporaryUnit, "Anna Svensson", "Anna Berg", true)]
    [InlineData(OrderType.Terminate, "Anna Svensson", "Anna Berg", false)]
    [InlineData(OrderType.EndTemporary, "Anna Svensson", "Anna Berg", false)]
    [InlineData(OrderType.New, "Anna Berg", "Anna Berg", false)]
    [InlineData(OrderType.Extend, "Anna Berg", "Anna Berg", false)]
    [InlineData(OrderType.New, "anna berg", "Anna Berg", true)]
    public void OnCompletion_RenamesOnlyFromAnOrderThatGivesAccess_AndOnlyWhenTheNamesDiffer(
        OrderType type, string registered, string ordered, bool renames)
    {
        var change = NameChange.OnCompletion(type, registered, ordered);

        Assert.Equal(renames ? new NameChange(registered, ordered) : null, change);
    }

    [Theory]
    [InlineData(OrderType.New, true)]
    [InlineData(OrderType.Extend, true)]
    [InlineData(OrderType.TemporaryUnit, true)]
    [InlineData(OrderType.Terminate, false)]
    [InlineData(OrderType.EndTemporary, false)]
    public void AnEndOrder_NeverAppliesItsName(OrderType type, bool applied) =>
        Assert.Equal(applied, NameChange.IsAppliedBy(type));

    [Fact]
    public void Between_IsTheDifference_WhateverTheOrderType()
    {
        Assert.Equal(new NameChange("Anna Svensson", "Anna Berg"), NameChange.Between("Anna Svensson", "Anna Berg"));
        Assert.Null(NameChange.Between("Anna Berg", "Anna Berg"));
    }
}
