using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Cases;

/// <summary>
/// What completing a case writes about the person's access, in the caller's transaction: the employment the access
/// belongs to (new ones saved first, so that the grants can name them), the grants added or ended as
/// <see cref="GrantRules.Materialize"/> decides, for an end of employment the employments and temporary assignments
/// it ends, and for the extension of a fixed-term employment's or a placement's access the new last day of the
/// employment or placement (<see cref="EmploymentRules.ExtendedBy"/>). The case page, the demo seeders and the tests all complete cases through here, so no completed order
/// leaves a grant without its employment.
/// </summary>
internal static class CaseGrants
{
    /// <summary>
    /// What end-of-employment order <paramref name="order"/> ends and what the person keeps, from the person's
    /// employments and assignments as they stand (<see cref="EmploymentEnd.Of"/>): the checklist, the key register's
    /// steps and the case page all read it from here.
    /// </summary>
    public static async Task<EmploymentEnd> EndingAsync(SocItDbContext db, Order order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var employments = await db.Employments.AsNoTracking().Where(e => e.EmployeeId == order.EmployeeId).ToListAsync(ct);
        var assignments = await db.TemporaryAssignments.AsNoTracking().Where(a => a.EmployeeId == order.EmployeeId).ToListAsync(ct);
        return EmploymentEnd.Of(order, employments, assignments);
    }

    public static async Task<GrantChanges> ApplyAsync(SocItDbContext db, Order order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var grants = await db.Grants.Where(g => g.EmployeeId == order.EmployeeId).ToListAsync(ct);
        var employments = await db.Employments.Where(e => e.EmployeeId == order.EmployeeId).ToListAsync(ct);
        if (order.Type == OrderType.Change)
        {
            return await ChangeAsync(db, order, grants, employments, ct);
        }

        if (OrderDays.IsEnd(order.Type))
        {
            var changes = GrantRules.Materialize(order, grants);
            if (order.Type == OrderType.Terminate)
            {
                var assignments = await db.TemporaryAssignments.Where(a => a.EmployeeId == order.EmployeeId).ToListAsync(ct);
                var lastDay = order.EndDate!.Value;
                var (endedEmployments, endedAssignments) = EmploymentRules.EndedBy(order, employments, assignments);
                foreach (var employment in endedEmployments)
                {
                    employment.End(lastDay, order.Id);
                }

                foreach (var ended in endedAssignments)
                {
                    ended.End(lastDay, order.Id);
                }

                if (order.EmploymentId is null && endedEmployments.Count == 1)
                {
                    order.AttachEmployment(endedEmployments[0].Id);
                }
            }

            return changes;
        }

        // Before Place, which names the employment on every order: only an order placed naming one extends it.
        var extension = order.Type == OrderType.Extend && order.EmploymentId is not null
            ? EmploymentRules.ExtendedBy(
                order, employments, await db.TemporaryAssignments.Where(a => a.EmployeeId == order.EmployeeId).ToListAsync(ct))
            : null;
        var placement = EmploymentRules.Place(order, employments);
        if (placement.NewEmployment)
        {
            db.Employments.Add(placement.Employment);
            await db.SaveChangesAsync(ct);
        }

        if (placement.Assignment is { } assignment)
        {
            assignment.BelongTo(placement.Employment.Id);
            db.TemporaryAssignments.Add(assignment);
            await db.SaveChangesAsync(ct);
        }

        order.AttachEmployment(placement.Employment.Id);
        extension?.Apply();
        var owner = extension?.Assignment is { } extended ? new GrantOwner(placement.Employment.Id, extended.Id) : placement.Owner;
        var added = GrantRules.Materialize(order, grants, owner);
        db.Grants.AddRange(added.Added);
        return added;
    }

    /// <summary>
    /// A change of title or unit, as the order's difference says (a line marked "Ej aktuell" neither adds nor ends):
    /// the old employment ends the day before the effective date and the new one starts on it, fixed-term to the same
    /// last day if the old one was; added systems and new levels start on the effective date, ended ones and old levels
    /// end the day before; everything else of the old employment still running then moves to the new one — one grant
    /// continues, it is not ended and given again — and so do its temporary assignments with their access.
    /// </summary>
    private static async Task<GrantChanges> ChangeAsync(
        SocItDbContext db, Order order, List<Grant> grants, List<Employment> employments, CancellationToken ct)
    {
        var effective = order.StartDate ?? throw new InvalidOperationException("A change has an effective date.");
        var lastDay = effective.AddDays(-1);
        var old = employments.SingleOrDefault(e => e.Id == order.EmploymentId)
            ?? throw new DomainException("Anställningen som bytet gäller finns inte längre.");
        if (old.IsEnded)
        {
            throw new DomainException(
                $"Anställningen i {old.UnitName} har avslutats sedan beställningen kom in. Avvisa ärendet och be om en ny beställning.");
        }

        var next = new Employment(
            order.EmployeeId, order.UnitId, order.UnitName, order.TitleId, order.TitleName, effective,
            old.IsFixedTerm ? old.To : null, order.Id);
        db.Employments.Add(next);
        await db.SaveChangesAsync(ct);

        var added = new List<Grant>();
        var ended = new List<Grant>();
        var handled = new HashSet<int>();
        foreach (var line in order.Changes.Where(l => !CaseChecklist.IsNotApplicable(order, l, grants)))
        {
            var grant = grants.FirstOrDefault(g => g.Id == line.GrantId && g.EmploymentId == old.Id);
            if (line.Kind is ChangeKind.Ended or ChangeKind.LevelChanged && grant is not null)
            {
                grant.EndOn(lastDay, order.Id);
                ended.Add(grant);
                handled.Add(grant.Id);
            }

            if (line.Kind is ChangeKind.Added or ChangeKind.LevelChanged)
            {
                added.Add(new Grant(
                    order.EmployeeId, line.SystemId, line.SystemName, line.ToLevelId!.Value, line.ToLevelName!, order.UnitId,
                    order.UnitName, effective, next.To, order.Id, order.CaseNumber, new GrantOwner(next.Id)));
            }
        }

        var moved = new List<GrantMove>();
        foreach (var grant in grants.Where(g => g.EmploymentId == old.Id && !handled.Contains(g.Id) && (g.To is null || g.To >= effective)))
        {
            // Access in the other unit of a temporary assignment stays there; the employment's own follows it to the new unit.
            var (unitId, unitName) = grant.AssignmentId is null ? (order.UnitId, order.UnitName) : (grant.UnitId, grant.UnitName);
            moved.Add(new GrantMove(grant.Id, grant.SystemName, grant.LevelName, old.Id, grant.UnitName, next.Id, unitName));
            grant.MoveTo(new GrantOwner(next.Id, grant.AssignmentId), unitId, unitName);
        }

        var assignments = await db.TemporaryAssignments
            .Where(a => a.EmploymentId == old.Id && a.EndedByOrderId == null && a.To >= effective)
            .ToListAsync(ct);
        foreach (var assignment in assignments)
        {
            assignment.BelongTo(next.Id);
        }

        old.ReplaceWith(next, lastDay, order.Id);
        db.Grants.AddRange(added);
        return new GrantChanges(added, ended, CaseChecklist.NotApplicableSystems(order), moved);
    }
}
