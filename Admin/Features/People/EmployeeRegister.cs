using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
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
                g.EndedByOrderId == null ? null : db.Orders.Where(o => o.Id == g.EndedByOrderId).Select(o => o.CaseNumber).FirstOrDefault(),
                g.EmploymentId, g.AssignmentId))
            .ToListAsync(ct);
        var cases = await db.Orders.AsNoTracking().Where(o => o.EmployeeId == employeeId)
            .OrderByDescending(o => o.ReceivedAt)
            .Select(o => new CaseRow(o.Id, o.CaseNumber, o.Type, o.Status, PersonName.Shown(o.EmployeeName, employee.IsProtected),
                o.TargetUnitName ?? o.UnitName, o.StartDate, o.EndDate, o.ReceivedAt, o.AssignedToName))
            .ToListAsync(ct);
        var employments = await db.Employments.AsNoTracking().Where(e => e.EmployeeId == employeeId).ToListAsync(ct);
        var assignments = await db.TemporaryAssignments.AsNoTracking().Where(a => a.EmployeeId == employeeId).ToListAsync(ct);
        var caseEmployments = await db.Orders.AsNoTracking().Where(o => o.EmployeeId == employeeId && o.EmploymentId != null)
            .Select(o => new { o.Id, o.EmploymentId }).ToListAsync(ct);
        var swedish = AdminLocalization.SwedishOrder;
        return new EmployeeDetails(
            employee.Id,
            employee.ShownName,
            employee.Personnummer.Masked,
            employee.IsProtected,
            employee.ProtectionReason,
            [.. grants.Where(g => g.To is null || g.To >= today).OrderBy(g => g.SystemName, swedish)],
            [.. grants.Where(g => g.To < today).OrderByDescending(g => g.To)],
            cases)
        {
            Employments = Timeline(employments, assignments, grants, cases, caseEmployments.ToDictionary(o => o.Id, o => o.EmploymentId!.Value), today),
        };
    }

    /// <summary>
    /// The employments as the page shows them: current and upcoming first (latest start first), then ended ones (latest
    /// end first); each with the cases behind it (those that name it, started it or ended it), its temporary placements
    /// and its grants, current and past.
    /// </summary>
    internal static IReadOnlyList<EmploymentEntry> Timeline(
        IReadOnlyList<Employment> employments,
        IReadOnlyList<TemporaryAssignment> assignments,
        IReadOnlyList<GrantRow> grants,
        IReadOnlyList<CaseRow> cases,
        IReadOnlyDictionary<int, int> caseEmployment,
        DateOnly today)
    {
        var swedish = AdminLocalization.SwedishOrder;
        var byId = employments.ToDictionary(e => e.Id);
        return
        [
            .. employments
                .Select(e => new EmploymentEntry(
                    e.Id,
                    e.UnitName,
                    e.TitleName,
                    e.From,
                    e.To,
                    StateOf(e, today),
                    e.ReplacedById is { } next && byId.TryGetValue(next, out var replacement)
                        ? $"{replacement.TitleName ?? "okänd titel"} i {replacement.UnitName} från {Dates.Iso(replacement.From)}"
                        : null,
                    [.. cases
                        .Where(c => c.Id == e.StartedByOrderId || c.Id == e.EndedByOrderId
                            || (caseEmployment.TryGetValue(c.Id, out var id) && id == e.Id))
                        .OrderBy(c => c.ReceivedAt)
                        .Select(c => new EmploymentCase(c.Id, c.CaseNumber, c.Type, c.Status))],
                    [.. assignments.Where(a => a.EmploymentId == e.Id).OrderByDescending(a => a.From)
                        .Select(a => new AssignmentEntry(a.Id, a.UnitName, a.From, a.To, a.EndedByOrderId is not null, a.IsActiveOn(today)))],
                    [.. grants.Where(g => g.EmploymentId == e.Id && (g.To is null || g.To >= today)).OrderBy(g => g.SystemName, swedish)],
                    [.. grants.Where(g => g.EmploymentId == e.Id && g.To < today).OrderByDescending(g => g.To)]))
                .OrderBy(e => e.State == EmploymentState.Ended)
                .ThenByDescending(e => e.State == EmploymentState.Ended ? e.To : e.From),
        ];
    }

    private static EmploymentState StateOf(Employment employment, DateOnly today) =>
        employment.To < today ? EmploymentState.Ended
        : employment.From > today ? EmploymentState.Upcoming
        : employment.IsEnded ? EmploymentState.Ending
        : employment.IsFixedTerm ? EmploymentState.FixedTerm
        : EmploymentState.Current;

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
