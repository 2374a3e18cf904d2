using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
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
}
