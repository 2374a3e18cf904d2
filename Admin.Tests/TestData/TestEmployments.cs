using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>
/// For tests that write grant rows directly: the employment they belong to, the person's employment in that unit
/// (made on first use from the given day, started by the given order), as completing an order would give it.
/// </summary>
internal static class TestEmployments
{
    public static async Task<GrantOwner> OwnerAsync(
        SocItDbContext db, int employeeId, int unitId, string unitName, DateOnly from, int orderId, CancellationToken ct)
    {
        var existing = await db.Employments.Where(e => e.EmployeeId == employeeId && e.UnitId == unitId)
            .Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return new GrantOwner(id);
        }

        var employment = new Employment(employeeId, unitId, unitName, null, null, from, null, orderId);
        db.Employments.Add(employment);
        await db.SaveChangesAsync(ct);
        return new GrantOwner(employment.Id);
    }
}
