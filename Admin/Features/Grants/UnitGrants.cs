using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Grants;

/// <summary>
/// "Behörigheter i min verksamhet": who has access in a unit today. A manager opens only the units that name them as
/// manager; operators and administrators open any unit. That is checked here on every call, for the unit asked for
/// and for the grant acted on, not only by what the page offers. A manager's request to end or extend a grant is an
/// order for Soc-IT through <see cref="GrantOrders"/>, found again rather than placed twice, with its audit entry.
/// </summary>
public sealed class UnitGrants(
    IDbContextFactory<SocItDbContext> factory,
    GrantOrders grantOrders,
    CurrentUser currentUser,
    AuditTrail audit,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;
    public const string OnlyManagersMayRequestMessage =
        "Bara verksamhetens chef kan begära att en behörighet avslutas eller förlängs här.";

    public const string UnitNotFoundMessage = "Verksamheten finns inte, eller är inte en av dina verksamheter.";
    public const string GrantNotFoundMessage =
        "Behörigheten finns inte, gäller inte längre eller hör inte till någon av dina verksamheter.";


    /// <summary>The units the user may open and the systems to filter by.</summary>
    public async Task<UnitGrantScope> ScopeAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.UnitGrants);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = await VisibleUnits(db, user).Select(UnitOption.FromUnit).ToListAsync(ct);
        var systems = await db.ItSystems.AsNoTracking().Select(s => new UnitGrantScopeSystem(s.Id, s.Name)).ToListAsync(ct);
        var swedish = AdminLocalization.SwedishOrder;
        return new UnitGrantScope(
            [.. units.OrderByDescending(u => u.IsActive).ThenBy(u => u.Name, swedish)],
            [.. systems.OrderBy(s => s.Name, swedish)],
            SeesAllUnits(user),
            user.IsInRole(AppRoles.Manager),
            user.IsInRole(AppRoles.Operator));
    }

    /// <summary>
    /// One page of the active grants in the unit asked for (or all the user's units), filtered and sorted; a unit
    /// that is not the user's gives a refusal and no rows.
    /// </summary>
    public async Task<UnitGrantList> ListAsync(UnitGrantQuery query, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await currentUser.RequireAsync(Policies.UnitGrants);
        var user = await currentUser.GetPrincipalAsync();
        var today = AdminTimeZone.Today(clock);
        page = Math.Max(page, 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await UnitIdsAsync(db, user, query.UnitId, ct) is not { } unitIds)
        {
            return UnitGrantList.Refused(UnitNotFoundMessage, today);
        }

        var views = Filter(Views(db, unitIds, today), query);
        var total = await views.CountAsync(ct);
        var persons = await views.Select(v => v.EmployeeId).Distinct().CountAsync(ct);
        var pageViews = await Sort(views, query).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        var requests = await RequestsAsync(db, [.. pageViews.Select(v => v.GrantId)], ct);
        var unitNames = await UnitNamesAsync(db, ct);
        var rows = pageViews.Select(v => ToRow(v, unitNames, requests.GetValueOrDefault(v.GrantId))).ToList();
        return new UnitGrantList(rows, total, persons, today);
    }

    /// <summary>
    /// Every row the list would show for <paramref name="query"/>, as a CSV file, recorded in the audit trail: it is
    /// personal data leaving the console. Null when the unit is not the user's.
    /// </summary>
    public async Task<UnitGrantFile?> ExportAsync(UnitGrantQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var actor = await currentUser.RequireAsync(Policies.UnitGrants);
        var user = await currentUser.GetPrincipalAsync();
        var today = AdminTimeZone.Today(clock);

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await UnitIdsAsync(db, user, query.UnitId, ct) is not { } unitIds)
        {
            return null;
        }

        var views = await Sort(Filter(Views(db, unitIds, today), query), query).ToListAsync(ct);
        var unitNames = await UnitNamesAsync(db, ct);
        var lines = views.Select(v => ToRow(v, unitNames, null)).Select(r => new UnitGrantLine(
            r.EmployeeName, r.HomeUnitName, r.UnitName, r.SystemName, r.LevelName, r.From, r.To, r.SourceCaseNumber,
            r.IsTemporary, r.IsFromOtherUnit, r.EndsSoon(today))).ToList();

        var scope = query.UnitId is { } unitId ? unitNames.GetValueOrDefault(unitId, "verksamhet")
            : SeesAllUnits(user) ? "alla verksamheter" : "mina verksamheter";
        var fileName = UnitGrantReport.FileName(scope, today);
        audit.Record(db, actor, "Access.Exported", "Unit",
            query.UnitId?.ToString(CultureInfo.InvariantCulture) ?? "alla",
            $"{lines.Count} behörigheter i {scope} exporterades som CSV ({fileName}).",
            before: null,
            after: new
            {
                File = fileName,
                Rows = lines.Count,
                query.UnitId,
                query.SystemId,
                Kind = query.Kind.ToString(),
                query.Search,
            });
        await db.SaveChangesAsync(ct);
        return new UnitGrantFile(fileName, UnitGrantReport.Export(lines), lines.Count);
    }

    /// <summary>
    /// "Begär avslut": an "Avsluta enskild behörighet" order for Soc-IT that ends this system and level in this unit
    /// today. An end already ordered for it (from here, a follow-up or the order form) is shown instead of a second.
    /// </summary>
    public async Task<UnitGrantResult> RequestEndAsync(int grantId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.Manager);
        var user = await currentUser.GetPrincipalAsync();
        var today = AdminTimeZone.Today(clock);

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await ManagedGrantAsync(db, user, grantId, today, ct) is not { } grant)
        {
            return new UnitGrantResult.Refused(GrantNotFoundMessage);
        }

        var ordered = await grantOrders.RequestEndAsync(grantId, GrantOrderOrigin.UnitGrants(user.EmailAddress()?.Value), actor, ct);
        return ordered is GrantOrderResult.Ordered { Outcome: GrantOrderOutcome.AlreadyOrdered } existing
            ? new UnitGrantResult.Done(
                $"Avslut av {grant.EmployeeName}s {grant.SystemName} är redan beställt: ärende {existing.CaseNumber}.",
                existing.CaseNumber, Existing: true)
            : await RecordAsync(db, actor, grant, ordered, "Access.EndRequested", o =>
                $"Avslut av {o.EmployeeName}s {o.SystemName} ({o.LevelName}) i {o.UnitName} är {(o.Existing ? "redan " : "")}beställt", ct);
    }

    /// <summary>
    /// "Begär förlängning": an extend order for the same system, level and unit that continues a temporary grant from
    /// the day after its last day to <paramref name="newLastDay"/>.
    /// </summary>
    public async Task<UnitGrantResult> RequestExtensionAsync(int grantId, DateOnly? newLastDay, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.Manager);
        var user = await currentUser.GetPrincipalAsync();
        var today = AdminTimeZone.Today(clock);

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await ManagedGrantAsync(db, user, grantId, today, ct) is not { } grant)
        {
            return new UnitGrantResult.Refused(GrantNotFoundMessage);
        }

        // What the list shows beside the grant: an extension Soc-IT has, or already carried out.
        var requests = (await RequestsAsync(db, [grantId], ct)).GetValueOrDefault(grantId);
        if (requests is { End: null, Extension: { } extension })
        {
            return extension.Kind == UnitGrantRequestKind.Extension && extension.Until == newLastDay
                ? new UnitGrantResult.Done(
                    $"Förlängning av {grant.EmployeeName}s {grant.SystemName} till {Dates.Iso(newLastDay!.Value)} är redan beställd: ärende {extension.CaseNumber}.",
                    extension.CaseNumber, Existing: true)
                : new UnitGrantResult.Refused(ExtensionExists(extension));
        }

        var ordered = await grantOrders.RequestExtensionAsync(
            grantId, newLastDay, GrantOrderOrigin.UnitGrants(user.EmailAddress()?.Value), actor, ct);
        return await RecordAsync(db, actor, grant, ordered, "Access.ExtendRequested", o =>
            $"Förlängning av {o.EmployeeName}s {o.SystemName} ({o.LevelName}) i {o.UnitName} till {Dates.Iso(o.EndDate)} är {(o.Existing ? "redan " : "")}beställd", ct);
    }

    /// <summary>
    /// The audit entry for an order placed from here. A repeated click finds the order placed the first time; its
    /// entry is written once, also when the first attempt failed between placing the order and recording it.
    /// </summary>
    private async Task<UnitGrantResult> RecordAsync(
        SocItDbContext db, Actor actor, ManagedGrant grant, GrantOrderResult result, string action,
        Func<GrantOrderResult.Ordered, string> message, CancellationToken ct)
    {
        if (result is not GrantOrderResult.Ordered order)
        {
            return new UnitGrantResult.Refused(((GrantOrderResult.Refused)result).Message);
        }

        var text = $"{message(order)}: ärende {order.CaseNumber}.";
        var entityId = grant.Id.ToString(CultureInfo.InvariantCulture);
        var recorded = order.Existing && await db.AuditEntries.AnyAsync(
            a => a.Action == action && a.EntityType == "Grant" && a.EntityId == entityId && a.Summary.Contains(order.CaseNumber), ct);
        if (!recorded)
        {
            audit.Record(db, actor, action, "Grant", entityId, text,
                before: new { grant.UnitId, grant.SystemName, grant.LevelName, grant.From, grant.To, grant.SourceCaseNumber },
                after: new { order.OrderId, order.CaseNumber, Type = order.Type.ToString(), order.StartDate, order.EndDate });
            await db.SaveChangesAsync(ct);
        }

        return new UnitGrantResult.Done(text, order.CaseNumber, order.Existing);
    }

    private static string ExtensionExists(UnitGrantRequest extension) => extension.Kind == UnitGrantRequestKind.Extended
        ? extension.Until is { } to
            ? $"Behörigheten är redan förlängd till {Dates.Iso(to)} (ärende {extension.CaseNumber})."
            : $"Behörigheten är redan förlängd tills vidare (ärende {extension.CaseNumber})."
        : $"En förlängning{(extension.Until is { } until ? $" till {Dates.Iso(until)}" : "")} är redan beställd: ärende {extension.CaseNumber}. "
            + "Kontakta Soc-IT om datumet behöver ändras.";

    /// <summary>A grant active today in a unit the user manages, with what an order needs; null otherwise.</summary>
    private static async Task<ManagedGrant?> ManagedGrantAsync(
        SocItDbContext db, ClaimsPrincipal user, int grantId, DateOnly today, CancellationToken ct)
    {
        var managed = ManagedUnits(db, user).Select(u => u.Id);
        return await db.Grants.AsNoTracking()
            .Where(GrantRules.ActiveOn(today))
            .Where(g => g.Id == grantId && managed.Contains(g.UnitId))
            .Join(db.Employees, g => g.EmployeeId, e => e.Id, (g, e) => new ManagedGrant(
                g.Id, PersonName.Shown(e.FullName, e.IsProtected), g.UnitId, g.SystemName, g.LevelName, g.From, g.To, g.SourceCaseNumber))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The unit ids a list may read: the one asked for if the user may open it (else null), or all of theirs.</summary>
    private static async Task<List<int>?> UnitIdsAsync(SocItDbContext db, ClaimsPrincipal user, int? unitId, CancellationToken ct)
    {
        var visible = VisibleUnits(db, user).Select(u => u.Id);
        if (unitId is { } id)
        {
            return await visible.AnyAsync(u => u == id, ct) ? [id] : null;
        }

        return await visible.ToListAsync(ct);
    }

    private static bool SeesAllUnits(ClaimsPrincipal user) =>
        user.IsInRole(AppRoles.Operator) || user.IsInRole(AppRoles.Administrator);

    /// <summary>Soc-IT opens every unit; anyone else the units that name them as manager, matched by e-mail.</summary>
    private static IQueryable<Unit> VisibleUnits(SocItDbContext db, ClaimsPrincipal user) =>
        SeesAllUnits(user) ? db.Units.AsNoTracking() : ManagedUnits(db, user);

    private static IQueryable<Unit> ManagedUnits(SocItDbContext db, ClaimsPrincipal user) => db.UnitsManagedBy(user);

    /// <summary>
    /// Active grants in <paramref name="unitIds"/> with the person and their own unit: the unit of their latest
    /// completed new-employee order, or where none is on record, the unit of the order the grant came from (an order
    /// for temporary access to another unit names the person's own unit first).
    /// </summary>
    private static IQueryable<GrantView> Views(SocItDbContext db, List<int> unitIds, DateOnly today) =>
        from g in db.Grants.AsNoTracking().Where(GrantRules.ActiveOn(today))
        where unitIds.Contains(g.UnitId)
        join e in db.Employees on g.EmployeeId equals e.Id
        join source in db.Orders on g.SourceOrderId equals source.Id
        join u in db.Units on g.UnitId equals u.Id
        select new GrantView
        {
            GrantId = g.Id,
            EmployeeId = g.EmployeeId,
            EmployeeName = PersonName.Shown(e.FullName, e.IsProtected),
            HomeUnitId = db.Orders
                .Where(o => o.EmployeeId == g.EmployeeId && o.Type == OrderType.New && o.Status == OrderStatus.Completed)
                .OrderByDescending(o => o.Id)
                .Select(o => (int?)o.UnitId)
                .FirstOrDefault() ?? source.UnitId,
            UnitId = g.UnitId,
            UnitName = u.Name,
            SystemId = g.SystemId,
            SystemName = g.SystemName,
            LevelName = g.LevelName,
            From = g.From,
            To = g.To,
            SourceOrderId = g.SourceOrderId,
            SourceCaseNumber = g.SourceCaseNumber,
        };

    private static IQueryable<GrantView> Filter(IQueryable<GrantView> views, UnitGrantQuery query)
    {
        if (query.SystemId is { } systemId)
        {
            views = views.Where(v => v.SystemId == systemId);
        }

        views = query.Kind switch
        {
            UnitGrantKind.Temporary => views.Where(v => v.To != null),
            UnitGrantKind.FromOtherUnits => views.Where(v => v.HomeUnitId != v.UnitId),
            _ => views,
        };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SqlLike.Containing(query.Search.Trim());
            views = views.Where(v => EF.Functions.Like(v.EmployeeName, pattern, SqlLike.Escape));
        }

        return views;
    }

    private static IOrderedQueryable<GrantView> Sort(IQueryable<GrantView> views, UnitGrantQuery query)
    {
        var sorted = (query.Sort, query.Descending) switch
        {
            (UnitGrantSort.System, false) => views.OrderBy(v => v.SystemName).ThenBy(v => v.LevelName).ThenBy(v => v.EmployeeName),
            (UnitGrantSort.System, true) => views.OrderByDescending(v => v.SystemName).ThenBy(v => v.LevelName).ThenBy(v => v.EmployeeName),
            (UnitGrantSort.Unit, false) => views.OrderBy(v => v.UnitName).ThenBy(v => v.EmployeeName),
            (UnitGrantSort.Unit, true) => views.OrderByDescending(v => v.UnitName).ThenBy(v => v.EmployeeName),
            (UnitGrantSort.From, false) => views.OrderBy(v => v.From).ThenBy(v => v.EmployeeName),
            (UnitGrantSort.From, true) => views.OrderByDescending(v => v.From).ThenBy(v => v.EmployeeName),
            // Running "tills vidare" sorts after every last day.
            (UnitGrantSort.To, false) => views.OrderBy(v => v.To == null).ThenBy(v => v.To).ThenBy(v => v.EmployeeName),
            (UnitGrantSort.To, true) => views.OrderByDescending(v => v.To == null).ThenByDescending(v => v.To).ThenBy(v => v.EmployeeName),
            (_, false) => views.OrderBy(v => v.EmployeeName).ThenBy(v => v.EmployeeId).ThenBy(v => v.SystemName),
            (_, true) => views.OrderByDescending(v => v.EmployeeName).ThenBy(v => v.EmployeeId).ThenBy(v => v.SystemName),
        };
        return sorted.ThenBy(v => v.LevelName).ThenBy(v => v.GrantId);
    }

    /// <summary>
    /// For each grant, an end Soc-IT has not finished (an "Avsluta enskild behörighet" for its system and level in its
    /// unit, or the end of the employment) and an extension: one still open, or one already on record as a later grant.
    /// </summary>
    private static async Task<Dictionary<int, GrantRequests>> RequestsAsync(SocItDbContext db, List<int> grantIds, CancellationToken ct)
    {
        if (grantIds.Count == 0)
        {
            return [];
        }

        var open = GrantOrders.OpenStatuses;
        var ends = await GrantOrders.OpenEndsAsync(db, grantIds, ct);

        // One read: every grant of the people on the page, theirs among them; and their open extension orders.
        var employees = db.Grants.Where(g => grantIds.Contains(g.Id)).Select(g => g.EmployeeId);
        var theirs = await db.Grants.AsNoTracking().Where(n => employees.Contains(n.EmployeeId)).ToListAsync(ct);
        var extensions = await db.Orders.AsNoTracking()
            .Where(o => employees.Contains(o.EmployeeId) && open.Contains(o.Status) && o.Type == OrderType.Extend)
            .OrderByDescending(o => o.Id)
            .Select(o => new
            {
                o.EmployeeId, o.UnitId, o.EndDate, o.CaseNumber,
                Systems = o.Systems.Select(s => new { s.SystemId, s.LevelId }).ToList(),
            })
            .ToListAsync(ct);

        return theirs.Where(g => grantIds.Contains(g.Id)).ToDictionary(g => g.Id, g =>
        {
            // A grant that another continues (the rule the follow-up job uses) shows as extended, by the latest such
            // grant; otherwise the latest open extension order that would take it further.
            var continued = theirs.Where(n => GrantRules.Continues(n, g)).MaxBy(n => n.Id);
            var extension = g.To is { } to
                ? extensions.FirstOrDefault(o => o.EmployeeId == g.EmployeeId && o.UnitId == g.UnitId
                    && (o.EndDate == null || o.EndDate > to)
                    && o.Systems.Any(s => s.SystemId == g.SystemId && s.LevelId == g.LevelId))
                : null;
            return new GrantRequests(
                ends.TryGetValue(g.Id, out var end) ? new UnitGrantRequest(UnitGrantRequestKind.End, end.CaseNumber, null) : null,
                continued is not null ? new UnitGrantRequest(UnitGrantRequestKind.Extended, continued.SourceCaseNumber, continued.To)
                    : extension is not null ? new UnitGrantRequest(UnitGrantRequestKind.Extension, extension.CaseNumber, extension.EndDate)
                    : null);
        });
    }

    private static async Task<Dictionary<int, string>> UnitNamesAsync(SocItDbContext db, CancellationToken ct) =>
        await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    private static UnitGrantRow ToRow(GrantView v, Dictionary<int, string> unitNames, GrantRequests? requests) => new(
        v.GrantId, v.EmployeeId, v.EmployeeName, v.HomeUnitId, unitNames.GetValueOrDefault(v.HomeUnitId, "–"), v.UnitId,
        v.UnitName, v.SystemName, v.LevelName, v.From, v.To, v.SourceOrderId, v.SourceCaseNumber, requests?.End,
        requests?.Extension);



    private sealed record GrantRequests(UnitGrantRequest? End, UnitGrantRequest? Extension);

    private sealed record ManagedGrant(
        int Id, string EmployeeName, int UnitId, string SystemName, string LevelName, DateOnly From, DateOnly? To, string SourceCaseNumber);

    /// <summary>A grant as the list filters and sorts it in the database (member-init, so that EF can compose on it).</summary>
    private sealed class GrantView
    {
        public int GrantId { get; init; }

        public int EmployeeId { get; init; }

        public string EmployeeName { get; init; } = string.Empty;

        public int HomeUnitId { get; init; }

        public int UnitId { get; init; }

        public string UnitName { get; init; } = string.Empty;

        public int SystemId { get; init; }

        public string SystemName { get; init; } = string.Empty;

        public string LevelName { get; init; } = string.Empty;

        public DateOnly From { get; init; }

        public DateOnly? To { get; init; }

        public int SourceOrderId { get; init; }

        public string SourceCaseNumber { get; init; } = string.Empty;
    }
}
