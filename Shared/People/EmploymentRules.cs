using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Shared.People;

/// <summary>
/// Where a completed order's access belongs: the employment (new or existing) and, for temporary access to another
/// unit, the new temporary assignment. <see cref="Employment"/> and <see cref="Assignment"/> are new (id 0) when
/// <see cref="NewEmployment"/> or an assignment was made; the caller saves them and then knows the grants' owner.
/// </summary>
public sealed record EmploymentPlacement(Employment Employment, bool NewEmployment, TemporaryAssignment? Assignment)
{
    public GrantOwner Owner => new(Employment.Id, Assignment?.Id);
}

/// <summary>
/// What a completed extend order of a fixed-term employment's or a placement's access extends: the employment to
/// <see cref="To"/>, or the placement to <see cref="To"/> (and its grants belong to the placement).
/// </summary>
public sealed record EmploymentExtension(Employment? Employment, TemporaryAssignment? Assignment, DateOnly To)
{
    public void Apply()
    {
        Employment?.ExtendTo(To);
        Assignment?.ExtendTo(To);
    }
}

public static class EmploymentRules
{
    /// <summary>
    /// What an extend order that names an employment (a follow-up's "Förläng") extends when it is completed, so that
    /// access and what it belongs to end on the same day:
    /// <list type="bullet">
    /// <item>in the employment's own unit, a fixed-term employment whose last day is before the order's end date: the
    /// employment goes on to that day (access for an employment does not outlast it);</item>
    /// <item>in another unit, the employment's latest placement there that no order ended and that began by the
    /// order's start date: the grants belong to the placement, and it goes on to the order's end date if that is later
    /// (one placement, extended, not a second one);</item>
    /// <item>anything else (an order that names no employment, an end date before the last day, a permanent
    /// employment): nothing (null).</item>
    /// </list>
    /// Call it before <see cref="Place"/>, which names the employment on every order it places.
    /// </summary>
    public static EmploymentExtension? ExtendedBy(
        Order order, IReadOnlyCollection<Employment> employments, IReadOnlyCollection<TemporaryAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(employments);
        ArgumentNullException.ThrowIfNull(assignments);
        if (order.Type != OrderType.Extend || order.EmploymentId is not { } id || order.EndDate is not { } end
            || order.StartDate is not { } start || employments.FirstOrDefault(e => e.Id == id) is not { } employment)
        {
            return null;
        }

        if (order.UnitId == employment.UnitId)
        {
            return employment.IsFixedTerm && employment.To < end ? new EmploymentExtension(employment, null, end) : null;
        }

        var placement = assignments
            .Where(a => a.EmploymentId == id && a.UnitId == order.UnitId && a.EndedByOrderId is null && a.From <= start)
            .OrderByDescending(a => a.From)
            .FirstOrDefault();
        return placement is null ? null : new EmploymentExtension(null, placement, placement.To > end ? placement.To : end);
    }

    /// <summary>
    /// The employment a completed order that gives access belongs to, given the person's employments:
    /// <list type="bullet">
    /// <item>new access: the person's employment in that unit that is current on the start date, if one is (an order
    /// sent twice does not make two); otherwise a new employment with the order's title, from its start date, fixed-term
    /// to its end date when it has one;</item>
    /// <item>extended access and temporary access to another unit: the employment the order names, or the one in its
    /// unit current on the start date; failing that, for temporary access, any employment current then (the person
    /// works elsewhere and helps out); failing all, a new employment in the order's unit from the start date — an order
    /// is never refused at completion for an employment the intake did not know of;</item>
    /// <item>temporary access to another unit also makes a temporary assignment to that unit, from the start date to
    /// the end date, hanging off the employment.</item>
    /// </list>
    /// </summary>
    public static EmploymentPlacement Place(Order order, IReadOnlyCollection<Employment> employments)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(employments);
        if (OrderDays.IsEnd(order.Type) || order.Type == OrderType.Change)
        {
            throw new InvalidOperationException($"A {order.Type} order does not place access in an employment.");
        }

        var start = order.StartDate ?? throw new InvalidOperationException("The order has a start date.");
        var named = order.EmploymentId is { } id ? employments.FirstOrDefault(e => e.Id == id) : null;
        var inUnit = employments
            .Where(e => e.UnitId == order.UnitId && e.IsCurrentOn(start))
            .OrderBy(e => e.From > start)
            .ThenByDescending(e => e.From)
            .FirstOrDefault();
        var existing = order.Type switch
        {
            OrderType.New => inUnit,
            OrderType.Extend => named ?? inUnit,
            _ => named ?? inUnit ?? employments
                .Where(e => e.IsCurrentOn(start))
                .OrderBy(e => e.From > start)
                .ThenByDescending(e => e.From)
                .FirstOrDefault(),
        };
        var employment = existing ?? new Employment(
            order.EmployeeId, order.UnitId, order.UnitName, order.TitleId, order.TitleName, start,
            order.Type == OrderType.New ? order.EndDate : null, order.Id);
        TemporaryAssignment? assignment = null;
        if (order.Type == OrderType.TemporaryUnit)
        {
            var end = order.EndDate ?? throw new InvalidOperationException("Temporary access to another unit has an end date.");
            assignment = new TemporaryAssignment(
                employment.Id, order.EmployeeId, order.TargetUnitId ?? order.UnitId, order.TargetUnitName ?? order.UnitName,
                start, end, order.Id);
        }

        return new EmploymentPlacement(employment, existing is null, assignment);
    }

    /// <summary>
    /// The employments and assignments an end-of-employment order ends on its last working day: the employment it
    /// names and the assignments hanging off it; an order that names none (one received before employments were
    /// recorded) ends every employment current on that day, as an end order did then.
    /// </summary>
    public static (IReadOnlyList<Employment> Employments, IReadOnlyList<TemporaryAssignment> Assignments) EndedBy(
        Order order, IReadOnlyCollection<Employment> employments, IReadOnlyCollection<TemporaryAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(employments);
        ArgumentNullException.ThrowIfNull(assignments);
        if (order.Type != OrderType.Terminate)
        {
            return ([], []);
        }

        var lastDay = order.EndDate ?? throw new InvalidOperationException("An end order has a last working day.");
        var ended = order.EmploymentId is { } id
            ? employments.Where(e => e.Id == id).ToList()
            : employments.Where(e => !e.IsEnded && e.IsCurrentOn(lastDay)).ToList();
        var endedAssignments = assignments
            .Where(a => ended.Any(e => e.Id == a.EmploymentId) && a.EndedByOrderId is null && a.To > lastDay)
            .ToList();
        return (ended, endedAssignments);
    }
}
