using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.People;

/// <summary>An employee's record: grants now and before, their cases, and the full personnummer on request (logged).</summary>
public sealed class EmployeeRegister(
    IDbContextFactory<SocItDbContext> factory,
    CurrentUser currentUser,
    AuditTrail audit,
    TimeProvider clock)
{
    public async Task<EmployeeDetails?> GetAsync(int employeeId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var employee = await db.Employees.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct);
        if (employee is null)
        {
            return null;
        }

        var today = AdminTimeZone.Today(clock);
        var grants = await db.Grants.AsNoTracking().Where(g => g.EmployeeId == employeeId)
            .Select(g => new GrantRow(g.Id, g.SystemName, g.LevelName, g.UnitName, g.From, g.To, g.SourceCaseNumber, g.SourceOrderId,
                g.EndedByOrderId == null ? null : db.Orders.Where(o => o.Id == g.EndedByOrderId).Select(o => o.CaseNumber).FirstOrDefault()))
            .ToListAsync(ct);
        var cases = await db.Orders.AsNoTracking().Where(o => o.EmployeeId == employeeId)
            .OrderByDescending(o => o.ReceivedAt)
            .Select(o => new CaseRow(o.Id, o.CaseNumber, o.Type, o.Status, o.EmployeeName, o.TargetUnitName ?? o.UnitName, o.StartDate, o.EndDate, o.ReceivedAt, o.AssignedToName))
            .ToListAsync(ct);
        var swedish = AdminLocalization.SwedishOrder;
        return new EmployeeDetails(
            employee.Id,
            employee.FullName,
            employee.Personnummer.Masked,
            [.. grants.Where(g => g.To is null || g.To >= today).OrderBy(g => g.SystemName, swedish)],
            [.. grants.Where(g => g.To < today).OrderByDescending(g => g.To)],
            cases);
    }

    /// <summary>The full personnummer, for an operator who needs it; who saw it and when goes to the audit trail.</summary>
    public async Task<string?> RevealPersonnummerAsync(int employeeId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var employee = await db.Employees.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct);
        if (employee is null)
        {
            return null;
        }

        audit.Record(db, actor, "Employee.PersonnummerViewed", "Employee", employee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{actor.Name} visade hela personnumret för {employee.FullName} ({employee.Personnummer.Masked}).", before: null, after: null);
        await db.SaveChangesAsync(ct);
        return employee.Personnummer.Formatted;
    }
}
