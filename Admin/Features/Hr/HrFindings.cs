using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Hr;

/// <summary>
/// The operators' side of the reconciliation with HR ("Avstämning mot HR"): a run's findings, and confirming or
/// dismissing them. Confirming a leaver or a mover places an ordinary order through <see cref="OrderIntake"/> (channel
/// HR) with an idempotency key per person, kind, day and employment, so a second click or a later run's finding with
/// the same facts points at the order already placed (decision 0047). Each finding is confirmed on its own: one refused
/// order leaves that finding open with the reason and does not stop the rest.
/// </summary>
public sealed class HrFindings(
    IDbContextFactory<SocItDbContext> factory,
    OrderIntake intake,
    CurrentUser currentUser,
    AuditTrail audit,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>Every run, newest first, for the run picker.</summary>
    public async Task<IReadOnlyList<HrRunOption>> RunsAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.HrImports.AsNoTracking().OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id)
            .Select(i => new HrRunOption(i.Id, i.FileName, i.AsOf, i.StartedAt)).ToListAsync(ct);
    }

    /// <summary>A run's header and counts: <paramref name="importId"/>, or the latest run; null when there is none.</summary>
    public async Task<HrRunView?> RunAsync(int? importId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var imports = db.HrImports.AsNoTracking();
        var run = importId is { } id
            ? await imports.SingleOrDefaultAsync(i => i.Id == id, ct)
            : await imports.OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id).FirstOrDefaultAsync(ct);
        if (run is null)
        {
            return null;
        }

        var counts = await db.HrFindings.AsNoTracking().Where(f => f.ImportId == run.Id)
            .GroupBy(f => new { f.Kind, f.Status })
            .Select(g => new HrFindingCount(g.Key.Kind, g.Key.Status, g.Count()))
            .ToListAsync(ct);
        return new HrRunView(
            run.Id, run.FileName, run.AsOf, run.Source, run.ByName, run.StartedAt,
            new HrRunFigures(run.LinesRead, run.LinesSkipped, run.LinesUnmapped, run.PersonsMatched, run.Leavers, run.Movers, run.Joiners,
                run.UnknownToHr, run.CarriedDismissals),
            run.OrdersPlaced, counts);
    }

    /// <summary>The open findings of the latest run, for the operator's start page; 0 when there is no run.</summary>
    public async Task<int> OpenCountAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var latest = await db.HrImports.AsNoTracking().OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id)
            .Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        return latest is { } id ? await db.HrFindings.CountAsync(f => f.ImportId == id && f.Status == HrFindingStatus.Open, ct) : 0;
    }

    /// <summary>The units a run's findings concern, for the unit filter (Swedish order).</summary>
    public async Task<IReadOnlyList<UnitOption>> UnitsAsync(int importId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = db.HrFindings.Where(f => f.ImportId == importId).Select(f => f.UnitId).Distinct();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(UnitOption.FromUnit).ToListAsync(ct);
        return [.. units.OrderBy(u => u.Name, AdminLocalization.SwedishOrder)];
    }

    /// <summary>One page of a run's findings under <paramref name="query"/>: by kind, then unit and name.</summary>
    public async Task<PagedResult<HrFindingRow>> SearchAsync(HrFindingQuery query, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var findings = db.HrFindings.AsNoTracking().Where(f => f.ImportId == query.ImportId);
        if (query.Kind is { } kind)
        {
            findings = findings.Where(f => f.Kind == kind);
        }

        if (query.Status is { } status)
        {
            findings = findings.Where(f => f.Status == status);
        }

        if (query.UnitId is { } unitId)
        {
            findings = findings.Where(f => f.UnitId == unitId || f.HrUnitId == unitId);
        }

        var search = query.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (Personnummer.TryParse(search, AdminTimeZone.Today(clock), out var personnummer, out _))
            {
                // A personnummer is only ever matched exactly, never by part.
                findings = findings.Where(f => f.Personnummer == personnummer);
            }
            else
            {
                var pattern = $"%{search.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
                // A protected person is found by personnummer, never by name.
                findings = findings.Where(f =>
                    EF.Functions.Like(PersonName.Shown(f.Name, db.Employees.Any(e => e.Personnummer == f.Personnummer && e.IsProtected)), pattern)
                    || EF.Functions.Like(f.UnitName, pattern)
                    || (f.HrUnitName != null && EF.Functions.Like(f.HrUnitName, pattern)));
            }
        }

        var total = await findings.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await findings
            // Kinds in the page's order (they are stored as text): leavers first, they matter most.
            .OrderBy(f => f.Kind == HrFindingKind.Leaver ? 0 : f.Kind == HrFindingKind.Mover ? 1 : f.Kind == HrFindingKind.Joiner ? 2 : 3)
            .ThenBy(f => f.UnitName).ThenBy(f => f.Name).ThenBy(f => f.Id)
            .Skip(Math.Max(page, 0) * size).Take(size)
            .Select(f => new
            {
                f.Id, f.Kind, f.Status, f.Personnummer, f.UnitName, f.TitleName, f.HrUnitName, f.HrTitleName, f.HrFrom, f.HrTo, f.LineNumber,
                f.EffectiveDate, f.OrderId, f.DismissReason, f.DecidedByName,
                Name = PersonName.Shown(f.Name, db.Employees.Any(e => e.Personnummer == f.Personnummer && e.IsProtected)),
                From = db.Employments.Where(e => e.Id == f.EmploymentId).Select(e => (DateOnly?)e.From).FirstOrDefault(),
                To = db.Employments.Where(e => e.Id == f.EmploymentId).Select(e => e.To).FirstOrDefault(),
                CaseNumber = db.Orders.Where(o => o.Id == f.OrderId).Select(o => o.CaseNumber).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new PagedResult<HrFindingRow>(
            rows.ConvertAll(r => new HrFindingRow(
                r.Id, r.Kind, r.Status, r.Name, r.Personnummer.Masked, r.UnitName, r.TitleName, r.From, r.To, r.HrUnitName, r.HrTitleName,
                r.HrFrom, r.HrTo, r.LineNumber, r.EffectiveDate, r.OrderId, r.CaseNumber, r.DismissReason, r.DecidedByName)),
            total);
    }

    /// <summary>
    /// Confirms each of <paramref name="findingIds"/> on its own (a leaver's end of employment, a mover's change), in the
    /// given order, reporting each one done to <paramref name="progress"/>. A finding already confirmed is reported with
    /// its order and places nothing.
    /// </summary>
    public async Task<IReadOnlyList<HrFindingResult>> ConfirmAsync(
        IReadOnlyList<int> findingIds, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(findingIds);
        var actor = await currentUser.RequireAsync(Policies.Operator);
        var results = new List<HrFindingResult>(findingIds.Count);
        foreach (var id in findingIds.Distinct())
        {
            ct.ThrowIfCancellationRequested();
            results.Add(await ConfirmOneAsync(id, actor, ct));
            progress?.Report(results.Count);
        }

        return results;
    }

    /// <summary>"Bekräfta alla": every open leaver or mover of <paramref name="kind"/> in the run, each on its own.</summary>
    public async Task<IReadOnlyList<HrFindingResult>> ConfirmAllAsync(
        int importId, HrFindingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        if (!HrFindingTexts.IsOrdered(kind))
        {
            return [];
        }

        List<int> ids;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            ids = await db.HrFindings.AsNoTracking()
                .Where(f => f.ImportId == importId && f.Kind == kind && f.Status == HrFindingStatus.Open)
                .OrderBy(f => f.UnitName).ThenBy(f => f.Name).ThenBy(f => f.Id).Select(f => f.Id).ToListAsync(ct);
        }

        return await ConfirmAsync(ids, progress, ct);
    }

    /// <summary>Dismisses a finding with a reason (required, at most 500 characters); a later run with the same facts carries it over.</summary>
    public async Task<HrFindingResult> DismissAsync(int findingId, string? reason, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var finding = await db.HrFindings.SingleOrDefaultAsync(f => f.Id == findingId, ct);
        if (finding is null)
        {
            return new HrFindingResult.Refused(findingId, string.Empty, NotFound);
        }

        var name = await ShownNameAsync(db, finding, ct);
        try
        {
            finding.Dismiss(reason ?? string.Empty, actor, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return new HrFindingResult.Refused(findingId, name, e.Message);
        }

        audit.Record(
            db, actor, "Hr.FindingDismissed", "HrFinding", Id(finding.Id),
            $"Avvikelsen {HrFindingTexts.KindName(finding.Kind).ToLowerInvariant()} för {finding.Personnummer.Masked} i {finding.UnitName} avfärdades: {finding.DismissReason}",
            before: new { Status = HrFindingStatus.Open.ToString() },
            after: new
            {
                Status = finding.Status.ToString(), Kind = finding.Kind.ToString(), finding.ImportId, Personnummer = finding.Personnummer.Masked,
                Unit = finding.UnitName, Reason = finding.DismissReason,
            });
        await db.SaveChangesAsync(ct);
        return new HrFindingResult.Dismissed(findingId, name, finding.DismissReason!);
    }

    private const string NotFound = "Avvikelsen finns inte.";

    private async Task<HrFindingResult> ConfirmOneAsync(int findingId, Actor actor, CancellationToken ct)
    {
        HrFinding finding;
        string name;
        Employment? employment;
        string fileName;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var found = await db.HrFindings.AsNoTracking().SingleOrDefaultAsync(f => f.Id == findingId, ct);
            if (found is null)
            {
                return new HrFindingResult.Refused(findingId, string.Empty, NotFound);
            }

            finding = found;
            name = await ShownNameAsync(db, finding, ct);
            switch (finding.Status)
            {
                case HrFindingStatus.Confirmed when finding.OrderId is { } orderId:
                    var caseNumber = await db.Orders.Where(o => o.Id == orderId).Select(o => o.CaseNumber).SingleAsync(ct);
                    return new HrFindingResult.Confirmed(findingId, name, orderId, caseNumber, Placed: false);
                case HrFindingStatus.Dismissed:
                    return new HrFindingResult.Refused(findingId, name, "Avvikelsen är redan avfärdad.");
                case HrFindingStatus.Superseded:
                    return new HrFindingResult.Refused(
                        findingId, name, "Avvikelsen har ersatts av en senare avstämning: bekräfta den i den senaste körningen.");
            }

            if (!HrFindingTexts.IsOrdered(finding.Kind))
            {
                return new HrFindingResult.Refused(findingId, name,
                    $"{HrFindingTexts.KindName(finding.Kind)} ger ingen beställning: avfärda avvikelsen med ett skäl, till exempel \"Beställning finns\" eller \"Kontrollerad\".");
            }

            employment = finding.EmploymentId is { } employmentId
                ? await db.Employments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employmentId, ct)
                : null;
            if (employment is null)
            {
                return new HrFindingResult.Refused(findingId, name, "Anställningen finns inte längre i konsolen.");
            }

            if (finding.EffectiveDate is null)
            {
                return new HrFindingResult.Refused(findingId, name, "Avvikelsen saknar datum för beställningen.");
            }

            fileName = await db.HrImports.Where(i => i.Id == finding.ImportId).Select(i => i.FileName).SingleAsync(ct);

            // An order Soc-IT already has for the same thing (the manager's own, or one placed from another run) is the
            // finding's order: a second is not placed.
            var type = finding.Kind == HrFindingKind.Leaver ? OrderType.Terminate : OrderType.Change;
            var open = GrantOrders.OpenStatuses;
            var existing = await db.Orders.AsNoTracking()
                .Where(o => o.EmployeeId == employment.EmployeeId && o.Type == type && open.Contains(o.Status)
                    && (o.EmploymentId == employment.Id || (type == OrderType.Terminate && o.EmploymentId == null)))
                .OrderBy(o => o.Id).Select(o => new { o.Id, o.CaseNumber }).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                return await RecordConfirmedAsync(finding, name, existing.Id, existing.CaseNumber, placed: false, actor, ct);
            }
        }

        var input = await InputAsync(finding, employment, fileName, ct);
        if (input is null)
        {
            var unitId = finding.Kind == HrFindingKind.Mover ? finding.HrUnitId ?? employment.UnitId : employment.UnitId;
            await using var db = await factory.CreateDbContextAsync(ct);
            var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(ct) ?? finding.UnitName;
            return new HrFindingResult.Refused(findingId, name,
                $"{unitName} har ingen registrerad chef. Soc-IT behöver lägga in verksamhetens chef innan beställningen kan läggas.");
        }

        var (key, hash) = await KeyAsync(finding, employment, input, ct);
        var placed = await intake.PlaceAsync(input, OrderChannel.Hr, actor, key, hash, ct);
        return placed switch
        {
            PlaceOrderResult.Created created => await RecordConfirmedAsync(
                finding, name, created.Receipt.Id, created.Receipt.CaseNumber, placed: true, actor, ct),
            PlaceOrderResult.Replayed replayed => await RecordConfirmedAsync(
                finding, name, replayed.Receipt.Id, replayed.Receipt.CaseNumber, placed: false, actor, ct),
            PlaceOrderResult.Invalid invalid => new HrFindingResult.Refused(findingId, name,
                "Beställningen kunde inte läggas: " + string.Join(" ", invalid.Errors.SelectMany(e => e.Value))),
            PlaceOrderResult.IdempotencyConflict conflict => new HrFindingResult.Refused(findingId, name,
                $"Det finns redan en annan beställning för samma person och dag: ärende {conflict.CaseNumber}."),
            _ => new HrFindingResult.Refused(findingId, name, "Beställningen kunde inte läggas. Försök igen."),
        };
    }

    /// <summary>
    /// The order a finding proposes, with the unit's registered manager (first by name) as orderer and responsible
    /// manager: the leaver's unit, the mover's new unit. Null when that unit has no registered manager.
    /// </summary>
    private async Task<OrderInput?> InputAsync(HrFinding finding, Employment employment, string fileName, CancellationToken ct)
    {
        var day = finding.EffectiveDate!.Value;
        var unitId = finding.Kind == HrFindingKind.Mover ? finding.HrUnitId ?? employment.UnitId : employment.UnitId;
        await using var db = await factory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Name, u.UsesDigitalKeys, Managers = u.Managers.Select(m => new { m.Name, m.Email }).ToList() })
            .SingleOrDefaultAsync(ct);
        if (unit is null || unit.Managers.Count == 0)
        {
            return null;
        }

        var manager = unit.Managers.OrderBy(m => m.Name, AdminLocalization.SwedishOrder).First();
        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == employment.EmployeeId).Select(e => e.FullName).SingleAsync(ct);
        var source = $"Från avstämning mot HR ({fileName}{(finding.LineNumber is { } line ? $", rad {line}" : string.Empty)}): ";
        var input = new OrderInput
        {
            EmployeeName = employee,
            Personnummer = finding.Personnummer.Value,
            EmploymentId = employment.Id,
            OrdererName = manager.Name,
            OrdererEmail = manager.Email.Value,
            ManagerName = manager.Name,
            ManagerEmail = manager.Email.Value,
        };
        if (finding.Kind == HrFindingKind.Leaver)
        {
            return input with
            {
                Type = OrderType.Terminate,
                UnitId = employment.UnitId,
                TitleId = employment.TitleId,
                EndDate = day,
                Note = source + $"anställningen som {employment.TitleName ?? "okänd titel"} i {employment.UnitName} har upphört i HR, sista dag {Dates.Iso(day)}.",
            };
        }

        // A move into a unit with digital keys needs a key choice: the unit's key pool, which costs nothing and which
        // the manager can change to a personal key afterwards (decision 0047).
        var movesIntoKeys = unitId != employment.UnitId && unit.UsesDigitalKeys;
        return input with
        {
            Type = OrderType.Change,
            UnitId = unitId,
            TitleId = finding.HrTitleId ?? employment.TitleId,
            StartDate = day,
            KeyKind = movesIntoKeys ? KeyChoiceKind.Pool : null,
            Note = source + $"HR har {finding.HrTitleName ?? employment.TitleName ?? "okänd titel"} i {finding.HrUnitName ?? unit.Name} från {Dates.Iso(day)}"
                + $" (i konsolen {employment.TitleName ?? "okänd titel"} i {employment.UnitName})."
                + (movesIntoKeys ? $" Nyckel: {unit.Name}s nyckelpool." : string.Empty),
        };
    }

    /// <summary>
    /// The idempotency key: person, kind, day and employment, the same for a later run's finding with the same facts.
    /// Only when Soc-IT rejected the earlier order does a new confirmation get a new key.
    /// </summary>
    private async Task<(string Key, string Hash)> KeyAsync(HrFinding finding, Employment employment, OrderInput input, CancellationToken ct)
    {
        var kind = finding.Kind == HrFindingKind.Leaver ? "leaver" : "mover";
        var key = string.Create(CultureInfo.InvariantCulture,
            $"hr:{kind}:{finding.Personnummer.Value}:{finding.EffectiveDate!.Value:yyyyMMdd}:{employment.Id}");
        var hash = string.Create(CultureInfo.InvariantCulture, $"{input.Type}:{employment.Id}:{input.TitleId}:{input.UnitId}:{finding.EffectiveDate:yyyyMMdd}");
        await using var db = await factory.CreateDbContextAsync(ct);
        var retry = key + "-";
        var rejected = await db.Orders.CountAsync(
            o => (o.IdempotencyKey == key || o.IdempotencyKey!.StartsWith(retry)) && o.Status == OrderStatus.Rejected, ct);
        return (rejected == 0 ? key : retry + rejected.ToString(CultureInfo.InvariantCulture), hash);
    }

    private async Task<HrFindingResult> RecordConfirmedAsync(
        HrFinding seen, string name, int orderId, string caseNumber, bool placed, Actor actor, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // On SQLite the transaction takes the write lock at once: the run's count of orders grows by one writer at a time.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var finding = await db.HrFindings.SingleAsync(f => f.Id == seen.Id, ct);
        if (finding.Status == HrFindingStatus.Confirmed && finding.OrderId == orderId)
        {
            return new HrFindingResult.Confirmed(finding.Id, name, orderId, caseNumber, Placed: false);
        }

        try
        {
            finding.Confirm(orderId, actor, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return new HrFindingResult.Refused(finding.Id, name, e.Message);
        }

        if (placed)
        {
            var run = await db.HrImports.SingleAsync(i => i.Id == finding.ImportId, ct);
            run.CountOrdersPlaced(1);
        }

        audit.Record(
            db, actor, "Hr.FindingConfirmed", "HrFinding", Id(finding.Id),
            $"Avvikelsen {HrFindingTexts.KindName(finding.Kind).ToLowerInvariant()} för {finding.Personnummer.Masked} i {finding.UnitName} bekräftades: ärende {caseNumber}"
                + (placed ? "." : " (fanns redan)."),
            before: new { Status = HrFindingStatus.Open.ToString() },
            after: new
            {
                Status = finding.Status.ToString(), Kind = finding.Kind.ToString(), finding.ImportId, Personnummer = finding.Personnummer.Masked,
                Unit = finding.UnitName, CaseNumber = caseNumber, OrderPlaced = placed,
            });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new HrFindingResult.Confirmed(finding.Id, name, orderId, caseNumber, placed);
    }

    private static async Task<string> ShownNameAsync(SocItDbContext db, HrFinding finding, CancellationToken ct) =>
        PersonName.Shown(finding.Name, await db.Employees.AnyAsync(e => e.Personnummer == finding.Personnummer && e.IsProtected, ct));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
