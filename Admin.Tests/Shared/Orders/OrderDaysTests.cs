using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Shared.Orders;

public class OrderDaysTests
{
    [Theory]
    [InlineData(OrderType.New, false)]
    [InlineData(OrderType.Extend, false)]
    [InlineData(OrderType.TemporaryUnit, false)]
    [InlineData(OrderType.Terminate, true)]
    [InlineData(OrderType.EndTemporary, true)]
    public void AnEndOrder_IsAboutItsLastDay_EveryOtherAboutItsStart(OrderType type, bool isEnd)
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(type));

        Assert.Equal(isEnd, OrderDays.IsEnd(type));
        Assert.Equal(isEnd ? order.EndDate : order.StartDate, OrderDays.DayOf(order.Type, order.StartDate, order.EndDate));
        Assert.NotNull(OrderDays.DayOf(order.Type, order.StartDate, order.EndDate));
        // The expression a query sorts and filters by says the same as the rule in memory.
        Assert.Equal(OrderDays.DayOf(order.Type, order.StartDate, order.EndDate), OrderDays.Day.Compile()(order));
    }

    [Theory]
    [InlineData(OrderType.New)]
    [InlineData(OrderType.Terminate)]
    public void OnOrBefore_HoldsUpToAndIncludingTheDay(OrderType type)
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(type));
        var day = OrderDays.DayOf(order.Type, order.StartDate, order.EndDate)!.Value;

        Assert.True(OrderDays.OnOrBefore(day).Compile()(order));
        Assert.True(OrderDays.OnOrBefore(day.AddDays(1)).Compile()(order));
        Assert.False(OrderDays.OnOrBefore(day.AddDays(-1)).Compile()(order));
    }

    [Fact]
    public void LastDayText_IsSwedish() =>
        Assert.Equal("Sista dag 2026-12-18", OrderDays.LastDayText(new DateOnly(2026, 12, 18)));
}
