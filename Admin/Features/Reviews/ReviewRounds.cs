using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.People;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Features.Reviews;

/// <summary>
/// The administrator's side of the access review: start a round, follow its progress per unit, close it, and read
/// its evidence. Starting and closing need the Administrator role; reading needs <see cref="Policies.ReviewReaders"/>.
/// Every check is made here, on each call; what a page shows is only presentation.
/// </summary>
public sealed class ReviewRounds(
    IDbContextFactory<SocItDbContext> factory,
    ReviewMail mail,
    CurrentUser currentUser,
    AuditTrail audit,
    AuditedChange changes,
    TimeProvider clock)
{
    public const string NotFoundMessage = "Granskningen finns inte.";
    private const string ConflictMessage = "Granskningen har ändrats av någon annan sedan du öppnade den. Ladda om sidan och försök igen.";

    private static readonly ChangeRules<ReviewResult> CloseRules = new(
        Policies.Administrator, ConflictMessage, m => new ReviewResult.Refused(m), m => new ReviewResult.Conflict(m))
    {
        InTransaction = true,
    };

    /// <summary>The active units an administrator can pick, with how many active grants (lines) each would give today.</summary>
    public async Task<IReadOnlyList<ReviewUnitChoice>> UnitChoicesAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var counts = await InScope(db, today).GroupBy(g => g.UnitId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).ToListAsync(ct);
        return [.. units
            .OrderBy(u => u.Area, AdminLocalization.SwedishOrder).ThenBy(u => u.Name, AdminLocalization.SwedishOrder)
            .Select(u => new ReviewUnitChoice(u.Id, u.Name, u.Area, counts.GetValueOrDefault(u.Id), u.Managers.Count))];
    }

    /// <summary>
    /// Starts a round: its lines are the grants active today in the chosen units. The round, its lines, its audit
    /// entry and one invitation per manager are saved together; the invitations are sent after that, and whatever
    /// cannot be sent now is sent by the review job's next run.
    /// </summary>
    public async Task<ReviewResult> StartAsync(ReviewRoundForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actor = await currentUser.RequireAsync(Policies.Administrator);
        var today = AdminTimeZone.Today(clock);
        if (form.DueDate is not { } dueDate)
        {
            return new ReviewResult.Refused("Välj sista svarsdag.");
        }

        if (dueDate > today.AddYears(1))
        {
            return new ReviewResult.Refused("Sista svarsdag får ligga högst ett år fram i tiden.");
        }

        int roundId;
        int lines;
        int invitations;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var unitIds = form.UnitIds.Distinct().ToList();
            var known = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.IsActive }).ToListAsync(ct);
            if (unitIds.Count > 0 && (known.Count != unitIds.Count || known.Any(u => !u.IsActive)))
            {
                return new ReviewResult.Refused("En av de valda verksamheterna finns inte eller är inaktiv. Ladda om sidan och välj igen.");
            }

            ReviewRound round;
            try
            {
                // The lines are written below in one INSERT … SELECT, not loaded and added one by one.
                round = ReviewRound.Start(form.Name, unitIds, today, dueDate, form.Message, grants: [], actor, clock.GetUtcNow());
            }
            catch (DomainException e)
            {
                return new ReviewResult.Refused(e.Message);
            }

            db.ReviewRounds.Add(round);
            await db.SaveChangesAsync(ct);
            lines = await AddLinesAsync(db, round.Id, unitIds, today, ct);
            invitations = await mail.RecordInvitationsAsync(db, round, today, ct);
            audit.Record(db, actor, "Review.Started", "ReviewRound", Id(round.Id),
                $"Granskningen \"{round.Name}\" startades: {ReviewDisplay.Rows(lines)} i {ReviewDisplay.Units(unitIds.Count)}, sista svarsdag {Dates.Iso(dueDate)}.",
                before: null,
                after: new { round.Name, Units = round.UnitIds, round.StartDay, round.DueDate, Lines = lines, Invitations = invitations });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            roundId = round.Id;
        }

        var (sent, failures) = await mail.SendPendingAsync(roundId, ct);
        var message = $"Granskningen startades med {ReviewDisplay.Rows(lines)}. {Invited(sent)}";
        if (failures.Count > 0)
        {
            message += $" {failures.Count} e-postmeddelanden kunde inte skickas nu; de skickas vid granskningsjobbets nästa körning.";
        }

        if (invitations == 0)
        {
            message += " Ingen av verksamheterna har någon chef registrerad, så ingen inbjudan skickades.";
        }

        return new ReviewResult.Done(message, roundId);
    }

    /// <summary>Every round, newest first, with its counts.</summary>
    public async Task<IReadOnlyList<ReviewRoundSummary>> ListAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.ReviewReaders);
        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rounds = await db.ReviewRounds.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(ct);
        var perUnit = await db.ReviewLines.AsNoTracking()
            .GroupBy(l => new { l.RoundId, l.UnitId })
            .Select(g => new
            {
                g.Key.RoundId,
                Total = g.Count(),
                Answered = g.Count(l => l.Answer != ReviewAnswer.None),
                Removed = g.Count(l => l.Answer == ReviewAnswer.Remove),
            })
            .ToListAsync(ct);
        return [.. rounds.Select(r =>
        {
            var units = perUnit.Where(u => u.RoundId == r.Id).ToList();
            var overdue = r.IsOpen && today > r.DueDate ? units.Count(u => u.Answered < u.Total) : 0;
            return new ReviewRoundSummary(
                r.Id, r.Name, r.Status, r.StartDay, r.DueDate, r.StartedByName, r.Units.Count,
                units.Sum(u => u.Total), units.Sum(u => u.Answered), units.Sum(u => u.Removed), overdue);
        })];
    }

    /// <summary>One round with its progress per unit, or null.</summary>
    public async Task<ReviewRoundDetails?> GetAsync(int id, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.ReviewReaders);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await DetailsAsync(db, id, AdminTimeZone.Today(clock), ct);
    }

    /// <summary>The evidence report: the round and every line, with what became of each removal.</summary>
    public async Task<ReviewEvidenceReportData?> EvidenceAsync(int id, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.ReviewReaders);
        await using var db = await factory.CreateDbContextAsync(ct);
        var round = await DetailsAsync(db, id, AdminTimeZone.Today(clock), ct);
        if (round is null)
        {
            return null;
        }

        var lines = await (
                from l in db.ReviewLines.AsNoTracking()
                where l.RoundId == id
                join o in db.Orders on l.RemovalOrderId equals o.Id into removal
                from o in removal.DefaultIfEmpty()
                select new
                {
                    l.Id, l.UnitId, l.UnitName,
                    EmployeeName = PersonName.Shown(l.EmployeeName, db.Employees.Any(e => e.Id == l.EmployeeId && e.IsProtected)),
                    l.SystemName, l.LevelName, l.From, l.To, l.IsTemporary, l.IsFromOtherUnit, l.Answer, l.Comment, l.AnsweredByName, l.AnsweredAt, Answers = l.History.Count,
                    CaseNumber = o == null ? null : o.CaseNumber,
                    Status = o == null ? (Shared.Orders.OrderStatus?)null : o.Status,
                })
            .ToListAsync(ct);
        var ordered = lines
            .OrderBy(l => l.UnitName, AdminLocalization.SwedishOrder).ThenBy(l => l.UnitId)
            .ThenBy(l => l.EmployeeName, AdminLocalization.SwedishOrder).ThenBy(l => l.SystemName, AdminLocalization.SwedishOrder)
            .ThenBy(l => l.Id)
            .Select(l => new ReviewEvidenceLine(
                l.Id, l.UnitId, l.UnitName, l.EmployeeName, l.SystemName, l.LevelName, l.From, l.To, l.IsTemporary, l.IsFromOtherUnit,
                l.Answer, l.Comment, l.AnsweredByName, l.AnsweredAt, l.Answers, l.CaseNumber, l.Status))
            .ToList();
        return new ReviewEvidenceReportData(round, ordered);
    }

    /// <summary>The evidence as CSV; the export itself goes to the audit trail (it is personal data leaving the console).</summary>
    public async Task<(byte[] Content, string FileName)?> EvidenceCsvAsync(int id, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.ReviewReaders);
        var evidence = await EvidenceAsync(id, ct);
        if (evidence is null)
        {
            return null;
        }

        var content = ReviewEvidenceReport.Export(evidence.Lines, AdminTimeZone.Minute);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            audit.Record(db, actor, "Review.EvidenceExported", "ReviewRound", Id(id),
                $"Underlaget för granskningen \"{evidence.Round.Name}\" exporterades som CSV ({ReviewDisplay.Rows(evidence.Lines.Count)}).",
                before: null, after: new { Lines = evidence.Lines.Count });
            await db.SaveChangesAsync(ct);
        }

        return (content, string.Create(CultureInfo.InvariantCulture, $"granskning-{id}-underlag-{Dates.Iso(AdminTimeZone.Today(clock))}.csv"));
    }

    /// <summary>
    /// Closes the round and freezes every answer. Before the due date a reason is required (see
    /// <see cref="ReviewRound.Close"/>). A round changed since the page was loaded is refused.
    /// </summary>
    public Task<ReviewResult> CloseAsync(int id, int expectedVersion, string? earlyReason, CancellationToken ct = default) =>
        changes.RunAsync(CloseRules, async c =>
        {
            var round = await c.Db.ReviewRounds.SingleOrDefaultAsync(r => r.Id == id, ct);
            if (round is null)
            {
                return new ReviewResult.Refused(NotFoundMessage);
            }

            if (round.IsOpen && round.Version != expectedVersion)
            {
                return new ReviewResult.Conflict(
                    "Någon har svarat eller ändrat granskningen sedan du öppnade sidan. Ladda om och kontrollera innan du stänger.");
            }

            round.Close(c.Actor, c.Now, c.Today, earlyReason);
            var unanswered = await c.Db.ReviewLines.CountAsync(l => l.RoundId == id && l.Answer == ReviewAnswer.None, ct);
            c.Audit("Review.Closed", "ReviewRound", Id(id),
                $"Granskningen \"{round.Name}\" stängdes{(round.CloseReason is null ? string.Empty : " i förtid")}; {ReviewDisplay.Rows(unanswered)} obesvarade.",
                before: new { Status = ReviewRoundStatus.Open.ToString() },
                after: new { Status = round.Status.ToString(), round.CloseReason, Unanswered = unanswered });
            return new ReviewResult.Done($"Granskningen \"{round.Name}\" är stängd. Svaren är låsta och underlaget sparat.", id);
        }, ct);

    /// <summary>Units escalated in open rounds that still have unanswered lines: what Soc-IT's dashboard shows.</summary>
    public async Task<int> EscalatedUnitsAsync(CancellationToken ct = default) => (await DashboardCountsAsync(ct)).EscalatedUnits;

    /// <summary>
    /// The open rounds' figures for Soc-IT's dashboard: rounds, unanswered lines, units past the due date with
    /// unanswered lines, and those of them the review job has escalated. A unit counts once per round.
    /// </summary>
    public async Task<ReviewDashboardCounts> DashboardCountsAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.ReviewReaders);
        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rounds = await db.ReviewRounds.AsNoTracking().Where(r => r.Status == ReviewRoundStatus.Open).ToListAsync(ct);
        var openIds = rounds.Select(r => r.Id).ToList();
        var unanswered = await db.ReviewLines.AsNoTracking()
            .Where(l => openIds.Contains(l.RoundId) && l.Answer == ReviewAnswer.None)
            .GroupBy(l => new { l.RoundId, l.UnitId })
            .Select(g => new { g.Key.RoundId, g.Key.UnitId, Count = g.Count() })
            .ToListAsync(ct);
        var waiting = unanswered.Select(u => (u.RoundId, u.UnitId)).ToHashSet();
        var units = rounds.SelectMany(r => r.Units.Select(u => (Round: r, Unit: u)))
            .Where(x => waiting.Contains((x.Round.Id, x.Unit.UnitId)))
            .ToList();
        return new ReviewDashboardCounts(
            rounds.Count,
            unanswered.Sum(u => u.Count),
            units.Count(x => today > x.Round.DueDate),
            units.Count(x => x.Unit.IsEscalated),
            rounds.Where(r => r.DueDate >= today).Select(r => (DateOnly?)r.DueDate).Min());
    }

    internal static async Task<ReviewRoundDetails?> DetailsAsync(SocItDbContext db, int id, DateOnly today, CancellationToken ct)
    {
        var round = await db.ReviewRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return null;
        }

        var unitIds = round.UnitIds.ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(ct);
        var counts = await db.ReviewLines.AsNoTracking().Where(l => l.RoundId == id)
            .GroupBy(l => l.UnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Total = g.Count(),
                Kept = g.Count(l => l.Answer == ReviewAnswer.Keep),
                Removed = g.Count(l => l.Answer == ReviewAnswer.Remove),
                WithoutOrder = g.Count(l => l.Answer == ReviewAnswer.Remove && l.RemovalOrderId == null),
                Name = g.Min(l => l.UnitName),
            })
            .ToDictionaryAsync(x => x.UnitId, ct);
        var rows = round.Units.Select(u =>
            {
                var unit = units.FirstOrDefault(x => x.Id == u.UnitId);
                counts.TryGetValue(u.UnitId, out var c);
                var total = c?.Total ?? 0;
                var answered = (c?.Kept ?? 0) + (c?.Removed ?? 0);
                return new ReviewUnitRow(
                    u.UnitId, c?.Name ?? unit?.Name ?? "(okänd verksamhet)",
                    unit is null ? string.Empty : string.Join(", ", unit.Managers.Select(m => m.Name)),
                    total, answered, c?.Kept ?? 0, c?.Removed ?? 0, c?.WithoutOrder ?? 0,
                    round.IsOpen && today > round.DueDate && answered < total, u.LastRemindedOn, u.EscalatedOn);
            })
            .OrderBy(r => r.UnitName, AdminLocalization.SwedishOrder)
            .ToList();
        return new ReviewRoundDetails(
            round.Id, round.Name, round.Message, round.Status, round.StartDay, round.DueDate, round.StartedByName, round.StartedAt,
            round.ClosedByName, round.ClosedAt, round.CloseReason, round.Version, rows, today);
    }

    /// <summary>Grants a round started today takes in: those active today (<see cref="Shared.Grants.GrantRules.ActiveOn"/>).</summary>
    internal static IQueryable<Shared.Grants.Grant> InScope(SocItDbContext db, DateOnly today) =>
        db.Grants.AsNoTracking().Where(Shared.Grants.GrantRules.ActiveOn(today));

    /// <summary>The INSERT … SELECT of a round's lines: {0} the round, {1} the unanswered state, {2} the units (JSON), {3} the day.</summary>
    private static string LinesSql(SqlDialect dialect) =>
        $$"""
        INSERT INTO "ReviewLines" ("RoundId", "GrantId", "EmployeeId", "EmployeeName", "SystemName", "LevelName", "UnitId", "UnitName",
          "From", "To", "IsTemporary", "IsFromOtherUnit", "Answer")
        SELECT {0}, g."Id", g."EmployeeId", e."FullName", g."SystemName", g."LevelName", g."UnitId", g."UnitName", g."From", g."To",
          g."To" IS NOT NULL, o."UnitId" <> g."UnitId", {1}
        FROM "Grants" AS g
        JOIN "Employees" AS e ON e."Id" = g."EmployeeId"
        JOIN "Orders" AS o ON o."Id" = g."SourceOrderId"
        WHERE g."UnitId" IN ({{dialect.IntegersOfJson("{2}")}}) AND {{GrantSql.ActiveOn("g", "{3}")}}
        ORDER BY g."UnitName" COLLATE {{dialect.Swedish}}, g."UnitId", e."FullName" COLLATE {{dialect.Swedish}}, g."EmployeeId",
          g."SystemName" COLLATE {{dialect.Swedish}}, g."LevelName" COLLATE {{dialect.Swedish}}
        """;

    /// <summary>Swedish alphabetical order as <see cref="ReviewScope.LinesFor"/> sorts (Å before Ä before Ö, case ignored).</summary>
    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    /// <summary>
    /// The round's lines in one statement: what <see cref="ReviewScope.LinesFor"/> makes of the grants active on
    /// <paramref name="today"/> in <paramref name="unitIds"/> (<see cref="GrantSql.ActiveOn"/>), in its order. A test
    /// holds the two to the same lines. Returns how many.
    /// </summary>
    internal static async Task<int> AddLinesAsync(SocItDbContext db, int roundId, IReadOnlyList<int> unitIds, DateOnly today, CancellationToken ct)
    {
        var units = JsonSerializer.Serialize(unitIds);
        var none = nameof(ReviewAnswer.None);
        // SQLite sorts by code point (Ä before Å); the lines keep the Swedish order of the rule, through a collation
        // defined on this connection for this statement. PostgreSQL has it from ICU (PostgreSqlSocItDbContext).
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection connection)
        {
            await db.Database.OpenConnectionAsync(ct);
            connection.CreateCollation("SWEDISH", (x, y) => Swedish.Compare(x, y));
        }

        return await db.Database.ExecuteSqlRawAsync(
            LinesSql(SqlDialect.Of(db.Database)),
            [roundId, none, units, today],
            ct);
    }

    /// <summary>The snapshots <see cref="ReviewScope.LinesFor"/> takes: what the round's lines are made of.</summary>
    internal static IQueryable<ReviewGrantSnapshot> Snapshots(SocItDbContext db, DateOnly today, List<int> unitIds) =>
        from g in InScope(db, today)
        where unitIds.Contains(g.UnitId)
        join e in db.Employees on g.EmployeeId equals e.Id
        join o in db.Orders on g.SourceOrderId equals o.Id
        select new ReviewGrantSnapshot(
            g.Id, g.EmployeeId, e.FullName, g.SystemName, g.LevelName, g.UnitId, g.UnitName, o.UnitId, g.From, g.To, g.EndedByOrderId);

    private static string Invited(int sent) => sent switch
    {
        0 => string.Empty,
        1 => "1 chef har fått en inbjudan via e-post.",
        _ => $"{sent} chefer har fått en inbjudan via e-post.",
    };


    internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
