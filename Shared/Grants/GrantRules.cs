using System.Linq.Expressions;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Shared.Grants;

/// <summary>
/// What completing a case does to the employee's grants; <paramref name="NotApplicable"/> holds the system items the
/// operator marked "Ej aktuell", which neither add nor end a grant; <paramref name="Moved"/> the grants a change of
/// title or unit carried over to the new employment.
/// </summary>
public sealed record GrantChanges(
    IReadOnlyList<Grant> Added, IReadOnlyList<Grant> Ended, IReadOnlyList<ChecklistItem> NotApplicable, IReadOnlyList<GrantMove>? Moved = null);

/// <summary>A grant a change of title or unit moved from one employment (and unit) to the next, for the audit trail.</summary>
public sealed record GrantMove(
    int GrantId, string SystemName, string LevelName, int FromEmploymentId, string FromUnitName, int ToEmploymentId, string ToUnitName);

public static class GrantRules
{
    /// <summary>
    /// The one definition of an active grant on a day: started, its last day not passed, and not ended by an end order
    /// (its end is decided; a "Begär avslut" or a review's "Tas bort" would only order it twice, and a follow-up has
    /// nothing left to ask). The access view, a review round's scope, the follow-up job's continuation rule and
    /// <see cref="Grant.IsActiveOn"/> all read it: in the database through <see cref="ActiveOn"/>, in memory through
    /// <see cref="IsActive"/>, both made from this one expression.
    /// </summary>
    private static readonly Expression<Func<DateOnly, DateOnly?, int?, DateOnly, bool>> Active =
        (from, to, endedByOrderId, day) => endedByOrderId == null && from <= day && (to == null || to >= day);

    private static readonly Func<DateOnly, DateOnly?, int?, DateOnly, bool> IsActiveCompiled = Active.Compile();

    /// <summary>A grant with these dates and end order is active on <paramref name="day"/> (see <see cref="Active"/>).</summary>
    public static bool IsActive(DateOnly from, DateOnly? to, int? endedByOrderId, DateOnly day) =>
        IsActiveCompiled(from, to, endedByOrderId, day);

    /// <summary>
    /// The grants active on <paramref name="day"/>, as an expression a database query translates; the day becomes a
    /// query parameter, so every day shares one compiled query.
    /// </summary>
    public static Expression<Func<Grant, bool>> ActiveOn(DateOnly day)
    {
        var grant = Expression.Parameter(typeof(Grant), "g");
        var body = new Substitution(new Dictionary<ParameterExpression, Expression>
        {
            [Active.Parameters[0]] = Expression.Property(grant, nameof(Grant.From)),
            [Active.Parameters[1]] = Expression.Property(grant, nameof(Grant.To)),
            [Active.Parameters[2]] = Expression.Property(grant, nameof(Grant.EndedByOrderId)),
            [Active.Parameters[3]] = Expression.Property(Expression.Constant(new DayHolder(day)), nameof(DayHolder.Day)),
        }).Visit(Active.Body);
        return Expression.Lambda<Func<Grant, bool>>(body, grant);
    }

    /// <summary>
    /// <paramref name="next"/> continues <paramref name="grant"/>: another grant of the same employee, system, level and
    /// unit that is active (see <see cref="Active"/>) on the day after the grant's last day. A grant without a last day
    /// is continued by nothing, and no grant continues itself (none is active after its own last day). The follow-up job's SQL asks the same (<c>FollowUpRun.DueGrantsSql</c>, through the
    /// SQL twin of <see cref="ActiveOn"/>): a continued grant gets no follow-up, and the grants view shows it as
    /// "Förlängd".
    /// </summary>
    public static bool Continues(Grant next, Grant grant) =>
        grant.To is { } last && next.EmployeeId == grant.EmployeeId && next.UnitId == grant.UnitId
        && next.SystemId == grant.SystemId && next.LevelId == grant.LevelId
        && IsActive(next.From, next.To, next.EndedByOrderId, last.AddDays(1));

    /// <summary>
    /// The grants a completed order leaves on record, given the employee's grants so far:
    /// <list type="bullet">
    /// <item>new: each derived system in the unit from the start date (to the end date of a fixed-term employment);</item>
    /// <item>extend: each requested system and level in the unit, from the start date, to the end date if temporary;</item>
    /// <item>temporary access to another unit: each derived system in the other unit until the end date;</item>
    /// <item>end of employment: every grant of the employment it names (and of the temporary assignments hanging off
    /// it, which belong to it too) still running after the last working day ends on that day; one that had not yet
    /// started ends on its first day. The person's other employments keep theirs. An order that names no employment
    /// (placed before employments were recorded) ends every grant, as it did then.</item>
    /// <item>end of a temporary grant: the employee's grants of that system and level in that unit that no order has
    /// ended yet end on the given last day (earlier, if they already ended earlier), and are marked as ended.</item>
    /// </list>
    /// A grant identical to one already active on the start date (same system, level and unit) is not added twice.
    /// The checklist decides: a system item marked "Ej aktuell" gives no grant, and on an end order it ends none — the
    /// operator did not provision or remove that access, so the record must not say otherwise.
    /// </summary>
    /// <param name="order">The completed order.</param>
    /// <param name="employeeGrants">The person's grants so far; those ended are changed in place.</param>
    /// <param name="owner">What the added grants belong to (<see cref="People.EmploymentRules.Place"/>); needed by an order that gives access.</param>
    public static GrantChanges Materialize(Order order, IReadOnlyCollection<Grant> employeeGrants, GrantOwner? owner = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(employeeGrants);
        var notApplicable = CaseChecklist.NotApplicableSystems(order);

        if (order.Type == OrderType.Terminate)
        {
            var lastDay = order.EndDate ?? throw new InvalidOperationException("An end order has a last working day.");
            var ended = employeeGrants
                .Where(g => (order.EmploymentId is not { } employment || g.EmploymentId == employment)
                    && (g.To is null || g.To > lastDay) && !CaseChecklist.IsNotApplicable(order, g))
                .ToList();
            foreach (var grant in ended)
            {
                grant.EndOn(lastDay, order.Id);
            }

            return new GrantChanges([], ended, notApplicable);
        }

        var systems = order.Systems.Where(s => !CaseChecklist.IsNotApplicable(order, s)).ToList();
        if (order.Type == OrderType.EndTemporary)
        {
            var lastDay = order.EndDate ?? throw new InvalidOperationException("An end order has a last day.");
            var closed = employeeGrants
                .Where(g => g.EndedByOrderId is null && g.UnitId == order.UnitId
                    && systems.Any(s => s.SystemId == g.SystemId && s.LevelId == g.LevelId))
                .ToList();
            foreach (var grant in closed)
            {
                grant.Close(lastDay, order.Id);
            }

            return new GrantChanges([], closed, notApplicable);
        }

        var start = order.StartDate ?? throw new InvalidOperationException("The order has a start date.");
        var belongsTo = owner ?? throw new InvalidOperationException("An order that gives access needs the employment its grants belong to.");
        var (unitId, unitName) = order.Type == OrderType.TemporaryUnit
            ? (order.TargetUnitId ?? order.UnitId, order.TargetUnitName ?? order.UnitName)
            : (order.UnitId, order.UnitName);
        var added = systems
            .Where(s => !employeeGrants.Any(g =>
                g.SystemId == s.SystemId && g.LevelId == s.LevelId && g.UnitId == unitId && g.IsActiveOn(start)
                && (order.EndDate is null ? g.To is null : g.To is null || g.To >= order.EndDate)))
            .Select(s => new Grant(
                order.EmployeeId, s.SystemId, s.SystemName, s.LevelId, s.LevelName, unitId, unitName,
                start, order.EndDate, order.Id, order.CaseNumber, belongsTo))
            .ToList();
        return new GrantChanges(added, [], notApplicable);
    }

    /// <summary>Holds the day as a captured value would, so that a query translator makes it a parameter.</summary>
    private sealed record DayHolder(DateOnly Day);

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
