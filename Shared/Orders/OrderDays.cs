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

    /// <summary>
    /// The operator's day (the queue's view "Idag"): the orders whose day is <paramref name="today"/> — a start, a
    /// change or a last day — and the end orders whose last day has passed (overdue while their case is open). Which
    /// cases are open is the caller's filter.
    /// </summary>
    public static Expression<Func<Order, bool>> TodayOrOverdue(DateOnly today)
    {
        var bound = Expression.Property(Expression.Constant(new Bound(today)), nameof(Bound.Last));
        // The end-order test inside Day, so that one definition of an end order serves both.
        var isEnd = ((ConditionalExpression)Day.Body).Test;
        var isToday = Expression.Equal(Day.Body, bound);
        var passed = Expression.AndAlso(isEnd, Expression.LessThan(Day.Body, bound));
        return Expression.Lambda<Func<Order, bool>>(Expression.OrElse(isToday, passed), Day.Parameters);
    }

    /// <summary>
    /// An end order whose last day is before <paramref name="today"/>: overdue while its case is open, for the
    /// person may still hold access they should no longer have. An order that gives access is never overdue here.
    /// </summary>
    public static bool IsOverdue(OrderType type, DateOnly? day, DateOnly today) => IsEnd(type) && day < today;

    /// <summary>"Sista dag 2026-12-18": an end order's day, as the lists say it.</summary>
    public static string LastDayText(DateOnly lastDay) => $"Sista dag {Dates.Iso(lastDay)}";

    /// <summary>"Försenad: sista dag 2026-12-03": an overdue end order's day, in words as well as in red.</summary>
    public static string OverdueText(DateOnly lastDay) => $"Försenad: sista dag {Dates.Iso(lastDay)}";

    private sealed record Bound(DateOnly? Last);
}
