using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>
/// What the pages that end one grant (the access view, the access review) need to know before ordering it: whether
/// Soc-IT already has an order that ends it, and the unit's, system's and level's names as they are today.
/// </summary>
internal static class GrantEndOrders
{
    /// <summary>The statuses of an order Soc-IT has not finished.</summary>
    public static readonly OrderStatus[] OpenStatuses = [OrderStatus.Received, OrderStatus.InProgress, OrderStatus.WaitingForOrderer];

    /// <summary>
    /// For each of <paramref name="grantIds"/> that has one, the oldest open order that ends it: an "Avsluta enskild
    /// behörighet" for its system and level in its unit, or the end of the employment.
    /// </summary>
    public static async Task<Dictionary<int, (int OrderId, string CaseNumber)>> OpenEndsAsync(
        SocItDbContext db, IReadOnlyCollection<int> grantIds, CancellationToken ct)
    {
        if (grantIds.Count == 0)
        {
            return [];
        }

        var open = OpenStatuses;
        // The end's id by a scalar subquery, then its case number by a join: SQLite cannot run the APPLY that
        // projecting the subquery's row would need.
        var rows = await db.Grants.AsNoTracking()
            .Where(g => grantIds.Contains(g.Id))
            .Select(g => new
            {
                g.Id,
                OrderId = db.Orders
                    .Where(o => o.EmployeeId == g.EmployeeId && open.Contains(o.Status)
                        && (o.Type == OrderType.Terminate
                            || (o.Type == OrderType.EndTemporary && o.UnitId == g.UnitId
                                && o.Systems.Any(s => s.SystemId == g.SystemId && s.LevelId == g.LevelId))))
                    .OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefault(),
            })
            .Where(r => r.OrderId != null)
            .Join(db.Orders, r => r.OrderId, o => o.Id, (r, o) => new { r.Id, OrderId = (int?)o.Id, o.CaseNumber })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (r.OrderId!.Value, r.CaseNumber));
    }

    /// <summary>
    /// The unit's, system's and level's names today, for an order that must name them as the intake knows them (one
    /// renamed since the grant was recorded would make the order invalid); the recorded names where one is gone.
    /// </summary>
    public static async Task<(string Unit, string System, string Level)> CurrentNamesAsync(
        SocItDbContext db, int unitId, int systemId, int levelId, (string Unit, string System, string Level) recorded,
        CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        var system = await db.ItSystems.AsNoTracking().Where(s => s.Id == systemId)
            .Select(s => new { s.Name, Level = s.Levels.Where(l => l.Id == levelId).Select(l => l.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        return (unit ?? recorded.Unit, system?.Name ?? recorded.System, system?.Level ?? recorded.Level);
    }
}
