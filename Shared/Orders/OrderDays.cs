using System.Linq.Expressions;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Orders;

/// <summary>
/// The day an order is about. An end order (<see cref="OrderType.Terminate"/>, <see cref="OrderType.EndTemporary"/>)
/// has no start: it is about its last day. Every other order is about its start date. The queue sorts by this day, the
/// operator's start page lists the cases due by it, and the pages say it as "Sista dag …" for an end order.
/// </summary>
public static class OrderDays
{
    /// <summary>An order that ends grants, and is about its last day rather than a start.</summary>
    public static bool IsEnd(OrderType type) => type is OrderType.Terminate or OrderType.EndTemporary;

    /// <summary>The day, as an expression a database query translates (to sort or filter by it).</summary>
    public static readonly Expression<Func<Order, DateOnly?>> Day =
        o => o.Type == OrderType.Terminate || o.Type == OrderType.EndTemporary ? o.EndDate : o.StartDate;

    /// <summary>The day of an order with these dates (see <see cref="Day"/>).</summary>
    public static DateOnly? DayOf(OrderType type, DateOnly? startDate, DateOnly? endDate) =>
        IsEnd(type) ? endDate : startDate;

    /// <summary>The orders whose day is on or before <paramref name="last"/>; an order without one is not.</summary>
    public static Expression<Func<Order, bool>> OnOrBefore(DateOnly last)
    {
        // The day as a property of a captured object, so that a query sees a parameter, not a new constant each day.
        var bound = Expression.Property(Expression.Constant(new Bound(last)), nameof(Bound.Last));
        return Expression.Lambda<Func<Order, bool>>(Expression.LessThanOrEqual(Day.Body, bound), Day.Parameters);
    }

    /// <summary>"Sista dag 2026-12-18": an end order's day, as the lists say it.</summary>
    public static string LastDayText(DateOnly lastDay) => $"Sista dag {Dates.Iso(lastDay)}";

    private sealed record Bound(DateOnly? Last);
}
