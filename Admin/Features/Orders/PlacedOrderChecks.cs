using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orderers;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>
/// What a new order is checked for as it is placed, beside the order rules: whether its orderer may order for the
/// unit (an e-service order from someone else is kept but marked <em>Kontrollera beställare</em>), and whether the
/// receiving unit of temporary access must consent first.
/// </summary>
internal static class PlacedOrderChecks
{
    public static async Task ApplyAsync(
        SocItDbContext db, OrderReference reference, Order placed, ValidOrder order, OrderChannel channel, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        if (channel == OrderChannel.EService)
        {
            var changedUnit = order.Type == OrderType.Change && order.EmploymentId is { } employmentId
                ? await db.Employments.AsNoTracking().Where(e => e.Id == employmentId).Select(e => (int?)e.UnitId).SingleOrDefaultAsync(ct)
                : null;
            var unitId = OrderingRights.OrderingUnit(order.Unit.Id, changedUnit);
            var managers = reference.Units.FirstOrDefault(u => u.Id == unitId)?.Managers ?? [];
            if (await RightOfAsync(db, order.Orderer.Email, unitId, managers, today, ct) == OrderingRight.None)
            {
                placed.MarkOrdererUnchecked();
            }
        }

        if (order.Type == OrderType.TemporaryUnit && order.TargetUnit is { } target)
        {
            var consent = new UnitConsent(target.Id, target.Name, now, today);
            placed.RequestConsent(consent);
            // A manager of both units has already said yes by ordering.
            if (reference.Units.FirstOrDefault(u => u.Id == target.Id) is { } targetUnit
                && targetUnit.Managers.Any(m => m.Email == order.Orderer.Email))
            {
                consent.Approve(new Actor("orderer:" + order.Orderer.Email.Value, order.Orderer.Name), now, $"{order.Orderer.Name} är chef för {target.Name} och beställde själv.");
            }
        }
    }

    /// <summary>The right <paramref name="person"/> has to order for <paramref name="unitId"/> on <paramref name="day"/>.</summary>
    public static async Task<OrderingRight> RightOfAsync(SocItDbContext db, EmailAddress person, int unitId, DateOnly day, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        return await RightOfAsync(db, person, unitId, unit?.Managers.Select(m => new Contact(m.Name, m.Email)).ToList() ?? [], day, ct);
    }

    /// <summary>The same, with the unit's managers already known (from the reference data).</summary>
    private static async Task<OrderingRight> RightOfAsync(
        SocItDbContext db, EmailAddress person, int unitId, IReadOnlyList<Contact> unitManagers, DateOnly day, CancellationToken ct)
    {
        var appointments = await db.AppointedOrderers.AsNoTracking().Where(a => a.UnitId == unitId && a.Email == person).ToListAsync(ct);
        return OrderingRights.Of(person, unitId, day, unitManagers.Select(m => new UnitManagerRef(unitId, m.Email)), appointments);
    }
}
