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

    [Theory]
    [InlineData(OrderType.New, 0, true, false)]
    [InlineData(OrderType.New, -1, false, false)]
    [InlineData(OrderType.New, 1, false, false)]
    [InlineData(OrderType.Extend, 0, true, false)]
    [InlineData(OrderType.Extend, -3, false, false)]
    [InlineData(OrderType.TemporaryUnit, 0, true, false)]
    [InlineData(OrderType.Terminate, 0, true, false)]
    [InlineData(OrderType.Terminate, -1, true, true)]
    [InlineData(OrderType.Terminate, -30, true, true)]
    [InlineData(OrderType.Terminate, 1, false, false)]
    [InlineData(OrderType.EndTemporary, 0, true, false)]
    [InlineData(OrderType.EndTemporary, -1, true, true)]
    [InlineData(OrderType.EndTemporary, 2, false, false)]
    public void TheDay_HoldsWhatIsAboutToday_AndTheEndsWhoseLastDayHasPassed(OrderType type, int daysFromToday, bool inTheDay, bool overdue)
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(type));
        var day = OrderDays.DayOf(order.Type, order.StartDate, order.EndDate)!.Value;
        var today = day.AddDays(-daysFromToday);

        Assert.Equal(inTheDay, OrderDays.TodayOrOverdue(today).Compile()(order));
        Assert.Equal(overdue, OrderDays.IsOverdue(order.Type, day, today));
    }

    [Fact]
    public void AnOrderWithoutADay_IsNeitherTodayNorOverdue() =>
        Assert.False(OrderDays.IsOverdue(OrderType.Terminate, null, new DateOnly(2026, 12, 7)));

    [Fact]
    public void OverdueText_SaysItInWords() =>
        Assert.Equal("Försenad: sista dag 2026-12-03", OrderDays.OverdueText(new DateOnly(2026, 12, 3)));

    [Fact]
    public void LastDayText_IsSwedish() =>
        Assert.Equal("Sista dag 2026-12-18", OrderDays.LastDayText(new DateOnly(2026, 12, 18)));
}
