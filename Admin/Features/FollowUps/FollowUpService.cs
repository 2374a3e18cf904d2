using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>
/// The follow-up page's service. Managers see and decide on their own staff's follow-ups only — those that name
/// them as the responsible manager or belong to a unit they manage — and that is checked here on every call, not
/// only by what the page shows; operators see and decide on all. A decision orders the grant's end or extension for
/// Soc-IT through <see cref="GrantOrders"/> and is saved with its audit entry.
/// </summary>
public sealed class FollowUpService(
    IDbContextFactory<SocItDbContext> factory,
    GrantOrders grantOrders,
    CurrentUser currentUser,
    AuditTrail audit,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;
    public const string NotFoundMessage = "Uppföljningen finns inte, eller gäller inte dina medarbetare.";
    private const string ConflictMessage = "Uppföljningen har ändrats av någon annan sedan du öppnade den. Ladda om sidan och försök igen.";

    public async Task<FollowUpPage> ListAsync(
        FollowUpFilter filter, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.FollowUps);
        var user = await currentUser.GetPrincipalAsync();
        page = Math.Max(page, 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);

        await using var db = await factory.CreateDbContextAsync(ct);
        var query = Visible(db, user);
        query = filter switch
        {
            FollowUpFilter.Undecided => query.Where(f => f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.Escalated),
            FollowUpFilter.Escalated => query.Where(f => f.Status == FollowUpStatus.Escalated),
            FollowUpFilter.Decided => query.Where(f => f.Status == FollowUpStatus.Extended || f.Status == FollowUpStatus.Ended),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = SqlLike.Containing(search.Trim());
            query = query.Where(f =>
                EF.Functions.Like(PersonName.Shown(f.EmployeeName, db.Employees.Any(e => e.Id == f.EmployeeId && e.IsProtected)), pattern, SqlLike.Escape) || EF.Functions.Like(f.SystemName, pattern, SqlLike.Escape)
                || EF.Functions.Like(f.UnitName, pattern, SqlLike.Escape) || EF.Functions.Like(f.ManagerName, pattern, SqlLike.Escape)
                || (f.TitleName != null && EF.Functions.Like(f.TitleName, pattern, SqlLike.Escape)));
        }

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(f => f.Status == FollowUpStatus.Escalated ? 0 : f.Status == FollowUpStatus.Open ? 1 : 2)
            .ThenBy(f => f.EndDate)
            .ThenBy(f => f.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(Row(db))
            .ToListAsync(ct);
        return new FollowUpPage(await WithGrantsAsync(db, rows, ct), total, AdminTimeZone.Today(clock));
    }

    /// <summary>One follow-up, or null when it does not exist or is not the user's to see.</summary>
    public async Task<FollowUpRow?> GetAsync(int id, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.FollowUps);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await Visible(db, user).Where(f => f.Id == id).Select(Row(db)).SingleOrDefaultAsync(ct);
        return row is null ? null : (await WithGrantsAsync(db, [row], ct))[0];
    }

    public async Task<FollowUpCounts> CountsAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var undecided = db.FollowUps.AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.Escalated);
        return new FollowUpCounts(
            await undecided.CountAsync(ct),
            await undecided.CountAsync(f => f.EndDate < today, ct),
            await undecided.CountAsync(f => f.Status == FollowUpStatus.Escalated, ct));
    }

    /// <summary>
    /// "Avsluta": an order for Soc-IT to end the grant (today, or on its last day if that has passed); for a fixed-term
    /// employment an end of employment on its last day (a case with the returns), for a placement one end of all its
    /// systems in the other unit (<see cref="GrantOrders"/>).
    /// </summary>
    public Task<FollowUpResult> EndAsync(int id, int expectedVersion, CancellationToken ct = default) =>
        DecideAsync(id, expectedVersion, null, ct);

    /// <summary>
    /// "Förläng till": an extend order for the same system, level and unit from the day after the grant's last day (or
    /// today, if that has passed) to <paramref name="newLastDay"/>; for a fixed-term employment or a placement one
    /// extend order for all the grants that end with it, which extends the employment or placement when completed.
    /// </summary>
    public Task<FollowUpResult> ExtendAsync(int id, int expectedVersion, DateOnly newLastDay, CancellationToken ct = default) =>
        DecideAsync(id, expectedVersion, newLastDay, ct);

    private async Task<FollowUpResult> DecideAsync(int id, int expectedVersion, DateOnly? extendTo, CancellationToken ct)
    {
        var actor = await currentUser.RequireAsync(Policies.FollowUps);
        var user = await currentUser.GetPrincipalAsync();

        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = await Visible(db, user).AnyAsync(f => f.Id == id, ct);
        var followUp = visible ? await db.FollowUps.SingleOrDefaultAsync(f => f.Id == id, ct) : null;
        if (followUp is null)
        {
            return new FollowUpResult.Refused(NotFoundMessage);
        }

        if (!followUp.IsUndecided)
        {
            return new FollowUpResult.Refused(
                $"Uppföljningen är redan hanterad: {FollowUpTexts.StatusName(followUp.Status).ToLower(AdminLocalization.Swedish)}.");
        }

        if (followUp.Version != expectedVersion)
        {
            return new FollowUpResult.Conflict(ConflictMessage);
        }

        var origin = GrantOrderOrigin.FollowUp(
            user.EmailAddress()?.Value ?? followUp.ManagerEmail.Value, followUp.ManagerName, followUp.ManagerEmail.Value);
        var ordered = (followUp.Kind, extendTo) switch
        {
            (FollowUpKind.FixedTermEmployment, { } newDay) =>
                await grantOrders.RequestEmploymentExtensionAsync(followUp.EmploymentId!.Value, newDay, origin, actor, ct),
            (FollowUpKind.FixedTermEmployment, null) => await grantOrders.RequestEmploymentEndAsync(followUp.EmploymentId!.Value, origin, actor, ct),
            (FollowUpKind.Placement, { } newDay) =>
                await grantOrders.RequestPlacementExtensionAsync(followUp.AssignmentId!.Value, newDay, origin, actor, ct),
            (FollowUpKind.Placement, null) => await grantOrders.RequestPlacementEndAsync(followUp.AssignmentId!.Value, origin, actor, ct),
            (_, { } newDay) => await grantOrders.RequestExtensionAsync(followUp.GrantId!.Value, newDay, origin, actor, ct),
            _ => await grantOrders.RequestEndAsync(followUp.GrantId!.Value, origin, actor, ct),
        };
        if (ordered is not GrantOrderResult.Ordered receipt)
        {
            return new FollowUpResult.Refused(((GrantOrderResult.Refused)ordered).Message);
        }

        var before = Snapshot(followUp);
        try
        {
            if (extendTo is { } newLastDay)
            {
                followUp.DecideExtend(actor, clock.GetUtcNow(), receipt.OrderId, receipt.CaseNumber, newLastDay);
            }
            else
            {
                followUp.DecideEnd(actor, clock.GetUtcNow(), receipt.OrderId, receipt.CaseNumber);
            }
        }
        catch (DomainException e)
        {
            return new FollowUpResult.Refused(e.Message);
        }

        var name = await db.ShownNameAsync(followUp.EmployeeId, followUp.EmployeeName, ct);
        var what = followUp.Kind == FollowUpKind.Grant ? followUp.SystemName : $"{followUp.Subject} ({receipt.SystemName})";
        var message = extendTo is { } until
            ? $"Förlängning av {name}s {what} till {Dates.Iso(until)} är beställd: ärende {receipt.CaseNumber}."
            : $"Avslut av {name}s {what} är beställt: ärende {receipt.CaseNumber}.";
        audit.Record(db, actor, extendTo is null ? "FollowUp.Ended" : "FollowUp.Extended", "FollowUp",
            followUp.Id.ToString(CultureInfo.InvariantCulture), message, before, Snapshot(followUp));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new FollowUpResult.Conflict(ConflictMessage);
        }

        return new FollowUpResult.Done(message, receipt.CaseNumber);
    }

    /// <summary>
    /// "Avsluta" for one grant of a fixed-term employment's or a placement's follow-up, where the manager wants to
    /// decide system by system: the grant's own end order. The follow-up stays open for the rest.
    /// </summary>
    public Task<FollowUpResult> EndGrantAsync(int id, int grantId, CancellationToken ct = default) =>
        DecideGrantAsync(id, grantId, null, ct);

    /// <summary>"Förläng till" for one grant of a fixed-term employment's or a placement's follow-up; the follow-up stays open.</summary>
    public Task<FollowUpResult> ExtendGrantAsync(int id, int grantId, DateOnly newLastDay, CancellationToken ct = default) =>
        DecideGrantAsync(id, grantId, newLastDay, ct);

    private async Task<FollowUpResult> DecideGrantAsync(int id, int grantId, DateOnly? extendTo, CancellationToken ct)
    {
        var actor = await currentUser.RequireAsync(Policies.FollowUps);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await Visible(db, user).Where(f => f.Id == id).Select(Row(db)).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return new FollowUpResult.Refused(NotFoundMessage);
        }

        if (!row.IsUndecided)
        {
            return new FollowUpResult.Refused(
                $"Uppföljningen är redan hanterad: {FollowUpTexts.StatusName(row.Status).ToLower(AdminLocalization.Swedish)}.");
        }

        var line = (await WithGrantsAsync(db, [row], ct))[0].Grants.FirstOrDefault(g => g.GrantId == grantId);
        if (line is null)
        {
            return new FollowUpResult.Refused("Behörigheten hör inte till den här uppföljningen.");
        }

        var managerEmail = await db.FollowUps.Where(f => f.Id == id).Select(f => f.ManagerEmail).SingleAsync(ct);
        var origin = GrantOrderOrigin.FollowUp(user.EmailAddress()?.Value ?? managerEmail.Value, row.ManagerName, managerEmail.Value);
        var ordered = extendTo is { } newDay
            ? await grantOrders.RequestExtensionAsync(grantId, newDay, origin, actor, ct)
            : await grantOrders.RequestEndAsync(grantId, origin, actor, ct);
        if (ordered is not GrantOrderResult.Ordered receipt)
        {
            return new FollowUpResult.Refused(((GrantOrderResult.Refused)ordered).Message);
        }

        var message = extendTo is { } until
            ? $"Förlängning av {row.EmployeeName}s {line.SystemName} till {Dates.Iso(until)} är beställd: ärende {receipt.CaseNumber}."
            : $"Avslut av {row.EmployeeName}s {line.SystemName} är beställt: ärende {receipt.CaseNumber}.";
        audit.Record(db, actor, extendTo is null ? "FollowUp.GrantEnded" : "FollowUp.GrantExtended", "FollowUp",
            id.ToString(CultureInfo.InvariantCulture), message, before: null,
            after: new { GrantId = grantId, receipt.CaseNumber, ExtendedTo = extendTo });
        await db.SaveChangesAsync(ct);
        return new FollowUpResult.Done(message, receipt.CaseNumber);
    }

    /// <summary>The rows of the end of a fixed-term employment or a placement with the grants that end with it.</summary>
    private static async Task<IReadOnlyList<FollowUpRow>> WithGrantsAsync(SocItDbContext db, IReadOnlyList<FollowUpRow> rows, CancellationToken ct)
    {
        var assignmentIds = rows.Where(r => r.AssignmentId is not null).Select(r => r.AssignmentId!.Value).ToList();
        if (assignmentIds.Count == 0 && rows.All(r => r.EmploymentId is null))
        {
            return rows;
        }

        var homes = await db.TemporaryAssignments.AsNoTracking().Where(a => assignmentIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.EmploymentId, ct);
        AccessEnd? EndOf(FollowUpRow r) => r.AssignmentId is { } a && homes.TryGetValue(a, out var home) ? new AccessEnd(home, a, r.EndDate)
            : r.EmploymentId is { } e ? new AccessEnd(e, null, r.EndDate) : null;
        var ends = await GrantOrders.EndingWithAsync(db, [.. rows.Select(EndOf).OfType<AccessEnd>()], ct);
        var openEnds = await GrantOrders.OpenEndsAsync(db, [.. ends.Values.SelectMany(g => g).Select(g => g.Id).Distinct()], ct);
        return [.. rows.Select(r => EndOf(r) is { } end
            ? r with
            {
                Grants = [.. ends[end].Select(g => new FollowUpGrantLine(
                    g.Id, g.SystemName, g.LevelName, g.To, openEnds.TryGetValue(g.Id, out var open) ? open.CaseNumber : null))],
            }
            : r)];
    }

    /// <summary>Operators see every follow-up; anyone else only their own staff's.</summary>
    private static IQueryable<FollowUp> Visible(SocItDbContext db, ClaimsPrincipal user)
    {
        var all = db.FollowUps.AsNoTracking();
        if (user.IsInRole(AppRoles.Operator))
        {
            return all;
        }

        if (user.EmailAddress() is not { } email)
        {
            return all.Where(_ => false);
        }

        var myUnits = db.UnitsManagedBy(user).Select(u => u.Id);
        return all.Where(f => f.ManagerEmail == email || myUnits.Contains(f.HomeUnitId));
    }

    private static System.Linq.Expressions.Expression<Func<FollowUp, FollowUpRow>> Row(SocItDbContext db) => f => new FollowUpRow(
        f.Id, f.Version, PersonName.Shown(f.EmployeeName, db.Employees.Any(e => e.Id == f.EmployeeId && e.IsProtected)), f.SystemName, f.LevelName, f.UnitName, f.EndDate, f.Status, f.ManagerName,
        f.OverdueReminders, f.LastRemindedOn, f.DecisionCaseNumber, f.DecisionOrderId, f.ExtendedTo, f.DecidedByName,
        f.EmploymentId, f.AssignmentId, f.TitleName);

    private static object Snapshot(FollowUp f) => new
    {
        Status = f.Status.ToString(),
        f.EndDate,
        f.DecisionCaseNumber,
        f.ExtendedTo,
        f.DecidedByName,
    };


}
