using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Shared.Grants;

/// <summary>
/// What completing a case does to the employee's grants; <paramref name="NotApplicable"/> holds the system items the
/// operator marked "Ej aktuell", which neither add nor end a grant.
/// </summary>
public sealed record GrantChanges(IReadOnlyList<Grant> Added, IReadOnlyList<Grant> Ended, IReadOnlyList<ChecklistItem> NotApplicable);

public static class GrantRules
{
    /// <summary>
    /// The grants a completed order leaves on record, given the employee's grants so far:
    /// <list type="bullet">
    /// <item>new: each derived system in the unit from the start date (to the end date of a fixed-term employment);</item>
    /// <item>extend: each requested system and level in the unit, from the start date, to the end date if temporary;</item>
    /// <item>temporary access to another unit: each derived system in the other unit until the end date;</item>
    /// <item>end of employment: every grant still running after the last working day ends on that day; one that had
    /// not yet started ends on its first day.</item>
    /// <item>end of a temporary grant: the employee's grants of that system and level in that unit that no order has
    /// ended yet end on the given last day (earlier, if they already ended earlier), and are marked as ended.</item>
    /// </list>
    /// A grant identical to one already active on the start date (same system, level and unit) is not added twice.
    /// The checklist decides: a system item marked "Ej aktuell" gives no grant, and on an end order it ends none — the
    /// operator did not provision or remove that access, so the record must not say otherwise.
    /// </summary>
    public static GrantChanges Materialize(Order order, IReadOnlyCollection<Grant> employeeGrants)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(employeeGrants);
        var notApplicable = CaseChecklist.NotApplicableSystems(order);

        if (order.Type == OrderType.Terminate)
        {
            var lastDay = order.EndDate ?? throw new InvalidOperationException("An end order has a last working day.");
            var ended = employeeGrants
                .Where(g => (g.To is null || g.To > lastDay) && !CaseChecklist.IsNotApplicable(order, g))
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
        var (unitId, unitName) = order.Type == OrderType.TemporaryUnit
            ? (order.TargetUnitId ?? order.UnitId, order.TargetUnitName ?? order.UnitName)
            : (order.UnitId, order.UnitName);
        var added = systems
            .Where(s => !employeeGrants.Any(g =>
                g.SystemId == s.SystemId && g.LevelId == s.LevelId && g.UnitId == unitId && g.IsActiveOn(start)
                && (order.EndDate is null ? g.To is null : g.To is null || g.To >= order.EndDate)))
            .Select(s => new Grant(
                order.EmployeeId, s.SystemId, s.SystemName, s.LevelId, s.LevelName, unitId, unitName,
                start, order.EndDate, order.Id, order.CaseNumber))
            .ToList();
        return new GrantChanges(added, [], notApplicable);
    }
}
