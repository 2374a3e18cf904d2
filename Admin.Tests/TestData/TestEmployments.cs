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
    /// <summary>
    /// Gives the person (made if the personnummer is new) a current employment in <paramref name="unitName"/> with
    /// <paramref name="titleName"/> from 2025-01-01, as a completed new-access order would have: for tests that order
    /// the end of an employment, which intake refuses for a unit the person does not work in. Returns its id.
    /// </summary>
    public static async Task<int> EmployAsync(
        IDbContextFactory<SocItDbContext> factory, string personnummer, string fullName,
        string unitName = "Hemtjänst Centrum", string? titleName = "Undersköterska")
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await factory.CreateDbContextAsync(ct);
        var pnr = Personnummer.Parse(personnummer, new DateOnly(2026, 11, 27));
        var employee = await db.Employees.SingleOrDefaultAsync(e => e.Personnummer == pnr, ct);
        if (employee is null)
        {
            employee = new Employee(fullName, pnr);
            db.Employees.Add(employee);
            await db.SaveChangesAsync(ct);
        }

        var unit = await db.Units.SingleAsync(u => u.Name == unitName, ct);
        var title = titleName is null ? null : await db.JobTitles.SingleAsync(t => t.Name == titleName, ct);
        var employment = new Employment(employee.Id, unit.Id, unit.Name, title?.Id, title?.Name, new DateOnly(2025, 1, 1), null, null);
        db.Employments.Add(employment);
        await db.SaveChangesAsync(ct);
        return employment.Id;
    }

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
