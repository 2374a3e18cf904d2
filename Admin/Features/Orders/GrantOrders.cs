using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>
/// Orders about a grant the console already knows — its end, or the extension of a temporary one — from a follow-up,
/// the access view or an access review. The order is built from the grant's ids and the employee's personnummer and
/// goes through <see cref="OrderIntake"/> and <see cref="OrderRules"/> like any other; the idempotency key is made
/// here, from where it was asked for, the grant and the day, so a repeated request finds the order it placed. An end
/// Soc-IT already has (an open end of the grant or of the employment, or the order that ended it) is returned instead
/// of a second. Callers check who may ask (a manager only for their own staff and units) first.
/// </summary>
public sealed class GrantOrders(IDbContextFactory<SocItDbContext> factory, OrderIntake intake, TimeProvider clock)
{
    public const string NotFoundMessage = "Behörigheten finns inte.";
    public const string EndNotFoundMessage = "Anställningen eller placeringen finns inte, eller har inget slutdatum.";

    /// <summary>The statuses of an order Soc-IT has not finished.</summary>
    public static readonly OrderStatus[] OpenStatuses = [OrderStatus.Received, OrderStatus.InProgress, OrderStatus.WaitingForOrderer];

    /// <summary>
    /// "Avsluta": an "Avsluta enskild behörighet" for the grant's system and level in its unit, ending today, or on
    /// the grant's own last day if that has passed.
    /// </summary>
    public async Task<GrantOrderResult> RequestEndAsync(int grantId, GrantOrderOrigin origin, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(actor);
        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await FindAsync(db, grantId, ct) is not { } grant)
        {
            return new GrantOrderResult.Refused(NotFoundMessage);
        }

        var lastDay = grant.To is { } to && to < today ? to : today;
        var key = await KeyAsync(db, origin, Id(grantId), "end", lastDay, ct);
        var endedBy = grant.EndedByOrderId is { } ended ? (int?)ended
            : (await OpenEndsAsync(db, [grantId], ct)).TryGetValue(grantId, out var open) ? open.OrderId : null;
        if (endedBy is { } existingId)
        {
            var existing = await db.Orders.AsNoTracking().Where(o => o.Id == existingId)
                .Select(o => new { o.Id, o.CaseNumber, o.IdempotencyKey }).SingleAsync(ct);
            return grant.Ordered(existing.Id, existing.CaseNumber,
                existing.IdempotencyKey == key ? GrantOrderOutcome.Repeated : GrantOrderOutcome.AlreadyOrdered,
                OrderType.EndTemporary, null, lastDay);
        }

        var note = $"Avslut från {origin.Label}: {grant.Names}, behörighet från ärende {grant.SourceCaseNumber}, sista dag {Dates.Iso(lastDay)}.";
        return await PlaceAsync(grant, origin, actor, OrderType.EndTemporary, null, lastDay, note, key, ct);
    }

    /// <summary>
    /// "Förläng": an extend order for the same system, level and unit that continues a temporary grant from the day
    /// after its last day (or from today, if that day has passed) to <paramref name="newLastDay"/>.
    /// </summary>
    public async Task<GrantOrderResult> RequestExtensionAsync(
        int grantId, DateOnly? newLastDay, GrantOrderOrigin origin, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(actor);
        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await FindAsync(db, grantId, ct) is not { } grant)
        {
            return new GrantOrderResult.Refused(NotFoundMessage);
        }

        if (grant.EndedByOrderId is { } endedBy)
        {
            var caseNumber = await db.Orders.Where(o => o.Id == endedBy).Select(o => o.CaseNumber).SingleAsync(ct);
            return new GrantOrderResult.Refused($"Behörigheten är redan avslutad (ärende {caseNumber}) och kan inte förlängas.");
        }

        if (grant.To is not { } lastDay)
        {
            return new GrantOrderResult.Refused("Behörigheten gäller tills vidare och behöver inte förlängas.");
        }

        if ((await OpenEndsAsync(db, [grantId], ct)).TryGetValue(grantId, out var end))
        {
            return new GrantOrderResult.Refused($"Avslut av behörigheten är beställt (ärende {end.CaseNumber}); den kan inte förlängas samtidigt.");
        }

        if (CheckNewLastDay(newLastDay, lastDay, today) is { } invalid)
        {
            return new GrantOrderResult.Refused(invalid);
        }

        var until = newLastDay!.Value;
        var start = lastDay < today ? today : lastDay.AddDays(1);
        var key = await KeyAsync(db, origin, Id(grantId), "extend", until, ct);
        var note = $"Förlängning från {origin.Label}: {grant.Names}, behörighet från ärende {grant.SourceCaseNumber}, "
            + $"nuvarande sista dag {Dates.Iso(lastDay)}, förlängs till {Dates.Iso(until)}.";
        return await PlaceAsync(grant, origin, actor, OrderType.Extend, start, until, note, key, ct);
    }

    /// <summary>
    /// "Avsluta anställningen" for a fixed-term employment: one end of employment naming it, with its last day as the
    /// last working day (today, if that day has passed), so that the case asks for the returns. An end of employment
    /// Soc-IT already has for the person (naming this employment or none) is returned instead of a second.
    /// </summary>
    public async Task<GrantOrderResult> RequestEmploymentEndAsync(
        int employmentId, GrantOrderOrigin origin, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(actor);
        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await FindEndAsync(db, employmentId, null, ct) is not { } end)
        {
            return new GrantOrderResult.Refused(EndNotFoundMessage);
        }

        if (end.Ended)
        {
            return new GrantOrderResult.Refused("Anställningen är redan avslutad.");
        }

        var lastDay = end.LastDay < today ? today : end.LastDay;
        var key = await KeyAsync(db, origin, $"employment-{Id(employmentId)}", "end", lastDay, ct);
        var open = OpenStatuses;
        var existing = await db.Orders.AsNoTracking()
            .Where(o => o.EmployeeId == end.EmployeeId && o.Type == OrderType.Terminate && open.Contains(o.Status)
                && (o.EmploymentId == null || o.EmploymentId == employmentId))
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.CaseNumber, o.IdempotencyKey }).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return end.Ordered(existing.Id, existing.CaseNumber,
                existing.IdempotencyKey == key ? GrantOrderOutcome.Repeated : GrantOrderOutcome.AlreadyOrdered, OrderType.Terminate, null, lastDay);
        }

        var input = end.Input(origin, actor, OrderType.Terminate, null, lastDay,
            $"Avslut från {origin.Label}: {end.Names} med sista dag {Dates.Iso(end.LastDay)}, {FollowUpTexts.Grants(end.Grants.Count)}.") with
        {
            EmploymentId = employmentId,
            Systems = [],
        };
        return await PlaceInputAsync(end, input, actor, key, ct);
    }

    /// <summary>
    /// "Förläng anställningen till …" for a fixed-term employment: one extend order naming it, for all its grants that
    /// end with it, from the day after its last day (or today, if that has passed) to <paramref name="newLastDay"/>.
    /// Completing it extends the employment too (<see cref="EmploymentRules.ExtendedBy"/>).
    /// </summary>
    public Task<GrantOrderResult> RequestEmploymentExtensionAsync(
        int employmentId, DateOnly? newLastDay, GrantOrderOrigin origin, Actor actor, CancellationToken ct = default) =>
        RequestEndExtensionAsync(employmentId, null, newLastDay, origin, actor, ct);

    /// <summary>
    /// "Avsluta" for a placement in another unit: one "Avsluta enskild behörighet" in that unit for all the systems the
    /// placement still has, on its last day, so that every grant of it is closed by one case. The home employment is
    /// not touched.
    /// </summary>
    public async Task<GrantOrderResult> RequestPlacementEndAsync(
        int assignmentId, GrantOrderOrigin origin, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await FindEndAsync(db, null, assignmentId, ct) is not { } end)
        {
            return new GrantOrderResult.Refused(EndNotFoundMessage);
        }

        if (end.Ended || end.Grants.Count == 0)
        {
            return new GrantOrderResult.Refused("Placeringen är redan avslutad.");
        }

        var key = await KeyAsync(db, origin, $"placement-{Id(assignmentId)}", "end", end.LastDay, ct);
        var input = end.Input(origin, actor, OrderType.EndTemporary, null, end.LastDay,
            $"Avslut från {origin.Label}: {end.Names} med sista dag {Dates.Iso(end.LastDay)}, {FollowUpTexts.Grants(end.Grants.Count)}.");
        return await PlaceInputAsync(end, input, actor, key, ct);
    }

    /// <summary>
    /// "Förläng" for a placement in another unit: one extend order in that unit naming the home employment, for all the
    /// placement's grants that end with it, to <paramref name="newLastDay"/>. Completing it extends the placement.
    /// </summary>
    public Task<GrantOrderResult> RequestPlacementExtensionAsync(
        int assignmentId, DateOnly? newLastDay, GrantOrderOrigin origin, Actor actor, CancellationToken ct = default) =>
        RequestEndExtensionAsync(null, assignmentId, newLastDay, origin, actor, ct);

    /// <summary>
    /// The grants that end with each of <paramref name="ends"/> (<see cref="FollowUpPolicy.EndsWith"/>): of the
    /// employment (not its placements) or of the placement, not ended by an order, and not followed up on their own
    /// before the follow-up of the end took over (decision 0039).
    /// </summary>
    public static async Task<Dictionary<AccessEnd, List<EndingGrant>>> EndingWithAsync(
        SocItDbContext db, IReadOnlyCollection<AccessEnd> ends, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ends);
        if (ends.Count == 0)
        {
            return [];
        }

        var employmentIds = ends.Where(e => e.AssignmentId is null).Select(e => e.EmploymentId).Distinct().ToList();
        var assignmentIds = ends.Where(e => e.AssignmentId is not null).Select(e => e.AssignmentId).Distinct().ToList();
        // Two arms, each on its own index (Grants by employment, by assignment). "Not ended" is checked on the rows read,
        // not in SQL: given that term, SQLite chose the EndedByOrderId index and read nearly every grant, once per call
        // (the expiry job over regional data spent 77 % of its time there, measured with `bench profile`/`analyse`).
        var byEmployment = db.Grants.AsNoTracking().Where(g => g.AssignmentId == null && employmentIds.Contains(g.EmploymentId));
        var byAssignment = db.Grants.AsNoTracking().Where(g => assignmentIds.Contains(g.AssignmentId));
        var read = await byEmployment.Concat(byAssignment)
            .Where(g => !db.FollowUps.Any(f => f.GrantId == g.Id && f.Status != FollowUpStatus.Replaced))
            .OrderBy(g => g.SystemName).ThenBy(g => g.Id)
            .Select(g => new
            {
                Ended = g.EndedByOrderId != null,
                Grant = new EndingGrant(g.Id, g.EmploymentId, g.AssignmentId, g.SystemId, g.SystemName, g.LevelId, g.LevelName, g.From, g.To),
            })
            .ToListAsync(ct);
        var rows = read.Where(r => !r.Ended).Select(r => r.Grant).ToList();

        // Looked up per end, not searched: the job asks for thousands of ends at once.
        var ofEmployment = rows.Where(r => r.AssignmentId is null).ToLookup(r => r.EmploymentId);
        var ofAssignment = rows.Where(r => r.AssignmentId is not null).ToLookup(r => r.AssignmentId);
        return ends.Distinct().ToDictionary(e => e, e => (e.AssignmentId is { } a ? ofAssignment[a] : ofEmployment[e.EmploymentId])
            .Where(r => FollowUpPolicy.EndsWith(r.From, r.To, e.LastDay))
            .ToList());
    }

    private async Task<GrantOrderResult> RequestEndExtensionAsync(
        int? employmentId, int? assignmentId, DateOnly? newLastDay, GrantOrderOrigin origin, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(actor);
        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await FindEndAsync(db, employmentId, assignmentId, ct) is not { } end)
        {
            return new GrantOrderResult.Refused(EndNotFoundMessage);
        }

        if (end.Ended)
        {
            return new GrantOrderResult.Refused($"{(assignmentId is null ? "Anställningen" : "Placeringen")} är redan avslutad och kan inte förlängas.");
        }

        if (end.Grants.Count == 0)
        {
            return new GrantOrderResult.Refused("Det finns inga behörigheter kvar att förlänga.");
        }

        var openEnds = await OpenEndsAsync(db, [.. end.Grants.Select(g => g.Id)], ct);
        if (openEnds.Count > 0)
        {
            return new GrantOrderResult.Refused($"Avslut är beställt (ärende {openEnds.Values.First().CaseNumber}); det kan inte förlängas samtidigt.");
        }

        if (CheckNewLastDay(newLastDay, end.LastDay, today) is { } invalid)
        {
            return new GrantOrderResult.Refused(invalid);
        }

        var until = newLastDay!.Value;
        var start = end.LastDay < today ? today : end.LastDay.AddDays(1);
        var subject = assignmentId is { } a ? $"placement-{Id(a)}" : $"employment-{Id(employmentId!.Value)}";
        var key = await KeyAsync(db, origin, subject, "extend", until, ct);
        var input = end.Input(origin, actor, OrderType.Extend, start, until,
            $"Förlängning från {origin.Label}: {end.Names}, {FollowUpTexts.Grants(end.Grants.Count)}, "
            + $"nuvarande sista dag {Dates.Iso(end.LastDay)}, förlängs till {Dates.Iso(until)}.") with
        {
            EmploymentId = end.EmploymentId,
        };
        return await PlaceInputAsync(end, input, actor, key, ct);
    }

    /// <summary>A fixed-term employment or a placement, with its person, unit and the grants that end with it.</summary>
    private static async Task<EndFacts?> FindEndAsync(SocItDbContext db, int? employmentId, int? assignmentId, CancellationToken ct)
    {
        var owner = assignmentId is { } a
            ? await db.TemporaryAssignments.AsNoTracking().Where(x => x.Id == a)
                .Select(x => new { x.EmploymentId, x.EmployeeId, x.UnitId, x.UnitName, TitleName = (string?)null, LastDay = (DateOnly?)x.To, Ended = x.EndedByOrderId != null })
                .SingleOrDefaultAsync(ct)
            : await db.Employments.AsNoTracking().Where(x => x.Id == employmentId)
                .Select(x => new { EmploymentId = x.Id, x.EmployeeId, x.UnitId, x.UnitName, x.TitleName, LastDay = x.To, Ended = x.EndedByOrderId != null })
                .SingleOrDefaultAsync(ct);
        if (owner?.LastDay is not { } lastDay)
        {
            return null;
        }

        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == owner.EmployeeId)
            .Select(e => new { e.FullName, e.Personnummer }).SingleAsync(ct);
        var unitName = await db.Units.Where(u => u.Id == owner.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? owner.UnitName;
        var accessEnd = new AccessEnd(owner.EmploymentId, assignmentId, lastDay);
        var grants = (await EndingWithAsync(db, [accessEnd], ct))[accessEnd];
        var names = FollowUpTexts.Subject(
            assignmentId is null ? FollowUpKind.FixedTermEmployment : FollowUpKind.Placement, "", "", unitName, owner.TitleName);
        return new EndFacts(owner.EmploymentId, owner.EmployeeId, employee.FullName, employee.Personnummer, owner.UnitId, unitName,
            names, lastDay, owner.Ended, grants);
    }

    /// <summary>
    /// The order with a registered manager of its unit as responsible manager, as the order rules require: the one it
    /// names when that is one, else the unit's first. An end or extension asked for by someone else (an operator, or
    /// the home unit's manager of a visitor) is still the unit's manager's to answer for.
    /// </summary>
    private async Task<OrderInput> WithUnitManagerAsync(OrderInput input, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var managers = await db.Units.AsNoTracking().Where(u => u.Id == input.UnitId)
            .SelectMany(u => u.Managers.Select(m => new { m.Name, m.Email }))
            .ToListAsync(ct);
        if (managers.Count == 0 || (EmailAddress.TryParse(input.ManagerEmail, out var named, out _) && managers.Any(m => m.Email == named)))
        {
            return input;
        }

        var first = managers.OrderBy(m => m.Name, AdminLocalization.SwedishOrder).First();
        return input with { ManagerName = first.Name, ManagerEmail = first.Email.Value };
    }

    private async Task<GrantOrderResult> PlaceInputAsync(EndFacts end, OrderInput input, Actor actor, string key, CancellationToken ct)
    {
        var type = input.Type!.Value;
        var day = input.EndDate!.Value;
        input = await WithUnitManagerAsync(input, ct);
        var placed = await intake.PlaceAsync(input, OrderChannel.Console, actor, key, $"{type}:{Dates.Iso(day)}", ct);
        return placed switch
        {
            PlaceOrderResult.Created created => end.Ordered(created.Receipt.Id, created.Receipt.CaseNumber, GrantOrderOutcome.Placed, type, input.StartDate, day),
            PlaceOrderResult.Replayed replayed => end.Ordered(replayed.Receipt.Id, replayed.Receipt.CaseNumber, GrantOrderOutcome.Repeated, type, input.StartDate, day),
            PlaceOrderResult.Invalid invalid => new GrantOrderResult.Refused(
                "Beställningen kunde inte läggas: " + string.Join(" ", invalid.Errors.SelectMany(e => e.Value)),
                string.Join(" ", invalid.Errors.SelectMany(e => e.Value))),
            PlaceOrderResult.IdempotencyConflict conflict => new GrantOrderResult.Refused(
                $"Det finns redan en beställning för det här: ärende {conflict.CaseNumber}."),
            _ => new GrantOrderResult.Refused("Beställningen kunde inte läggas. Försök igen."),
        };
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Why <paramref name="newLastDay"/> cannot be the new last day, or null when it can.</summary>
    public static string? CheckNewLastDay(DateOnly? newLastDay, DateOnly currentLastDay, DateOnly today) => newLastDay switch
    {
        null => "Välj till vilket datum behörigheten ska förlängas.",
        { } day when day <= today => "Det nya slutdatumet måste vara efter i dag.",
        { } day when day <= currentLastDay => $"Det nya slutdatumet måste vara efter nuvarande sista dag ({Dates.Iso(currentLastDay)}).",
        { } day when day > today.AddDays(OrderRules.MaxDaysAhead) => "Det nya slutdatumet får ligga högst två år fram i tiden.",
        _ => null,
    };

    /// <summary>
    /// For each of <paramref name="grantIds"/> that has one, the oldest open order that ends it: an "Avsluta enskild
    /// behörighet" for its system and level in its unit, or the end of the employment.
    /// </summary>
    public static async Task<Dictionary<int, (int OrderId, string CaseNumber)>> OpenEndsAsync(
        SocItDbContext db, IReadOnlyCollection<int> grantIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(grantIds);
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

    private async Task<GrantOrderResult> PlaceAsync(
        GrantFacts grant, GrantOrderOrigin origin, Actor actor, OrderType type, DateOnly? start, DateOnly end, string note,
        string key, CancellationToken ct)
    {
        var input = new OrderInput
        {
            Type = type,
            EmployeeName = grant.EmployeeName,
            Personnummer = grant.Personnummer.Value,
            UnitId = grant.UnitId,
            StartDate = start,
            EndDate = end,
            Systems = [new RequestedSystemId(grant.SystemId, grant.LevelId)],
            OrdererName = actor.Name,
            OrdererEmail = origin.OrdererEmail,
            ManagerName = origin.ManagerName ?? actor.Name,
            ManagerEmail = origin.ManagerName is null ? origin.OrdererEmail : origin.ManagerEmail,
            Note = origin.Comment is { } comment ? $"{note} Kommentar: {comment}" : note,
        };
        input = await WithUnitManagerAsync(input, ct);
        var placed = await intake.PlaceAsync(input, OrderChannel.Console, actor, key, $"{type}:{Dates.Iso(end)}", ct);
        return placed switch
        {
            PlaceOrderResult.Created created => grant.Ordered(created.Receipt.Id, created.Receipt.CaseNumber, GrantOrderOutcome.Placed, type, start, end),
            PlaceOrderResult.Replayed replayed => grant.Ordered(replayed.Receipt.Id, replayed.Receipt.CaseNumber, GrantOrderOutcome.Repeated, type, start, end),
            PlaceOrderResult.Invalid invalid => new GrantOrderResult.Refused(
                "Beställningen kunde inte läggas: " + string.Join(" ", invalid.Errors.SelectMany(e => e.Value)),
                string.Join(" ", invalid.Errors.SelectMany(e => e.Value))),
            PlaceOrderResult.IdempotencyConflict conflict => new GrantOrderResult.Refused(
                $"Det finns redan en beställning för behörigheten: ärende {conflict.CaseNumber}."),
            _ => new GrantOrderResult.Refused("Beställningen kunde inte läggas. Försök igen."),
        };
    }

    /// <summary>
    /// The idempotency key: where it was asked for, the grant, what and the day. A repeated request finds the same
    /// order; only when Soc-IT rejected the earlier order does a new request get a new key.
    /// </summary>
    private static async Task<string> KeyAsync(
        SocItDbContext db, GrantOrderOrigin origin, string subject, string what, DateOnly day, CancellationToken ct)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{origin.KeyPrefix}-{subject}-{what}-{Dates.Iso(day)}");
        var retry = key + "-";
        var rejected = await db.Orders.CountAsync(
            o => (o.IdempotencyKey == key || o.IdempotencyKey!.StartsWith(retry)) && o.Status == OrderStatus.Rejected, ct);
        return rejected == 0 ? key : retry + rejected.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The grant with today's names of its unit, system and level, and its employee; null if there is none.</summary>
    private static Task<GrantFacts?> FindAsync(SocItDbContext db, int grantId, CancellationToken ct) =>
        db.Grants.AsNoTracking()
            .Where(g => g.Id == grantId)
            .Join(db.Employees, g => g.EmployeeId, e => e.Id, (g, e) => new GrantFacts(
                g.Id, e.FullName, e.IsProtected, e.Personnummer, g.UnitId,
                db.Units.Where(u => u.Id == g.UnitId).Select(u => u.Name).FirstOrDefault() ?? g.UnitName,
                g.SystemId,
                db.ItSystems.Where(s => s.Id == g.SystemId).Select(s => s.Name).FirstOrDefault() ?? g.SystemName,
                g.LevelId,
                db.SystemLevels.Where(l => l.Id == g.LevelId).Select(l => l.Name).FirstOrDefault() ?? g.LevelName,
                g.To, g.EndedByOrderId, g.SourceCaseNumber))
            .SingleOrDefaultAsync(ct);

    private sealed record EndFacts(
        int EmploymentId, int EmployeeId, string EmployeeName, Personnummer Personnummer, int UnitId, string UnitName, string Names,
        DateOnly LastDay, bool Ended, IReadOnlyList<EndingGrant> Grants)
    {
        /// <summary>The order about all of it: each system once (at the level of its latest grant).</summary>
        public OrderInput Input(GrantOrderOrigin origin, Actor actor, OrderType type, DateOnly? start, DateOnly end, string note) => new()
        {
            Type = type,
            EmployeeName = EmployeeName,
            Personnummer = Personnummer.Value,
            UnitId = UnitId,
            StartDate = start,
            EndDate = end,
            Systems = [.. Grants.OrderByDescending(g => g.To ?? DateOnly.MaxValue).DistinctBy(g => g.SystemId)
                .OrderBy(g => g.SystemName, StringComparer.Ordinal).Select(g => new RequestedSystemId(g.SystemId, g.LevelId))],
            OrdererName = actor.Name,
            OrdererEmail = origin.OrdererEmail,
            ManagerName = origin.ManagerName ?? actor.Name,
            ManagerEmail = origin.ManagerName is null ? origin.OrdererEmail : origin.ManagerEmail,
            Note = origin.Comment is { } comment ? $"{note} Kommentar: {comment}" : note,
        };

        public GrantOrderResult.Ordered Ordered(
            int orderId, string caseNumber, GrantOrderOutcome outcome, OrderType type, DateOnly? start, DateOnly end) =>
            new(orderId, caseNumber, outcome, type, start, end, EmployeeName, UnitName, FollowUpTexts.Grants(Grants.Count), string.Empty);
    }

    private sealed record GrantFacts(
        int Id, string EmployeeName, bool IsProtected, Personnummer Personnummer, int UnitId, string UnitName, int SystemId, string SystemName,
        int LevelId, string LevelName, DateOnly? To, int? EndedByOrderId, string SourceCaseNumber)
    {
        public string Names => $"{SystemName} ({LevelName}) i {UnitName}";

        public GrantOrderResult.Ordered Ordered(
            int orderId, string caseNumber, GrantOrderOutcome outcome, OrderType type, DateOnly? start, DateOnly end) =>
            new(orderId, caseNumber, outcome, type, start, end, PersonName.Shown(EmployeeName, IsProtected), UnitName, SystemName, LevelName);
    }
}
