using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.People;

/// <summary>
/// An employee's record: grants now and before, their cases, the full personnummer on request (logged), and protected
/// identity: an operator marks or clears it with a reason, and a protected person's name is shown here only on request
/// (logged, as the personnummer is).
/// </summary>
public sealed class EmployeeRegister(
    IDbContextFactory<SocItDbContext> factory,
    CurrentUser currentUser,
    AuditTrail audit,
    AuditedChange changes,
    TimeProvider clock)
{
    private static readonly ChangeRules<EmployeeResult> Rules = new(
        Policies.Operator,
        "Medarbetaren har ändrats av någon annan sedan du öppnade sidan. Inget sparades; ladda om sidan och försök igen.",
        m => new EmployeeResult.Refused(m),
        m => new EmployeeResult.Refused(m));

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
            .Select(o => new CaseRow(o.Id, o.CaseNumber, o.Type, o.Status, PersonName.Shown(o.EmployeeName, employee.IsProtected),
                o.TargetUnitName ?? o.UnitName, o.StartDate, o.EndDate, o.ReceivedAt, o.AssignedToName))
            .ToListAsync(ct);
        var swedish = AdminLocalization.SwedishOrder;
        return new EmployeeDetails(
            employee.Id,
            employee.ShownName,
            employee.Personnummer.Masked,
            employee.IsProtected,
            employee.ProtectionReason,
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
            $"{actor.Name} visade hela personnumret för {employee.ShownName} ({employee.Personnummer.Masked}).", before: null, after: null);
        await db.SaveChangesAsync(ct);
        return employee.Personnummer.Formatted;
    }

    /// <summary>
    /// The name of a person with protected identity, for an operator who needs it on the person's own page; who saw it
    /// and when goes to the audit trail, which never holds the name itself.
    /// </summary>
    public async Task<string?> RevealNameAsync(int employeeId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var employee = await db.Employees.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct);
        if (employee is null)
        {
            return null;
        }

        audit.Record(db, actor, "Employee.NameViewed", "Employee", employee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{actor.Name} visade namnet på {employee.ShownName} ({employee.Personnummer.Masked}).", before: null, after: null);
        await db.SaveChangesAsync(ct);
        return employee.FullName;
    }

    /// <summary>
    /// Marks the person as having protected identity, or clears it; either needs a reason, and the audit entry holds the
    /// flag and the reason before and after (never the name).
    /// </summary>
    public Task<EmployeeResult> SetProtectionAsync(int employeeId, bool isProtected, string reason, CancellationToken ct = default) =>
        changes.RunAsync(Rules, async c =>
        {
            var employee = await c.Db.Employees.SingleOrDefaultAsync(e => e.Id == employeeId, ct);
            if (employee is null)
            {
                return new EmployeeResult.Refused("Medarbetaren finns inte.");
            }

            var before = new { employee.IsProtected, employee.ProtectionReason };
            if (isProtected)
            {
                employee.Protect(reason);
            }
            else
            {
                employee.Unprotect(reason);
            }

            var message = isProtected
                ? $"{c.Actor.Name} markerade {employee.Personnummer.Masked} med skyddad identitet."
                : $"{c.Actor.Name} tog bort skyddad identitet för {employee.Personnummer.Masked}.";
            c.Audit(isProtected ? "Employee.Protected" : "Employee.Unprotected", "Employee",
                employee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), message,
                before, new { employee.IsProtected, employee.ProtectionReason });
            return new EmployeeResult.Done(isProtected
                ? "Personen är markerad med skyddad identitet. Namnet visas som \"Skyddad person\" utanför den här sidan och ärendena."
                : "Skyddad identitet är borttagen. Namnet visas åter överallt.");
        }, ct);
}
