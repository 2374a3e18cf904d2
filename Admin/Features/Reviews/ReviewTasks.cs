using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.People;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Features.Reviews;

/// <summary>
/// The manager's side of the access review: the rounds that concern their units, the lines to answer, the answers.
/// A manager sees and answers only lines of units they manage (matched by e-mail, see <see cref="ReviewAccess"/>);
/// that is checked here on every call, by id, so a line of another unit is "not found" whatever the page sends.
/// A "Tas bort" is saved first, then its end order is placed through <see cref="GrantOrders"/> (a retry finds the same
/// order), and then linked to the line, which locks the answer.
/// </summary>
public sealed class ReviewTasks(
    IDbContextFactory<SocItDbContext> factory,
    GrantOrders grantOrders,
    CurrentUser currentUser,
    AuditTrail audit,
    TimeProvider clock)
{
    public const int MaxPageSize = 200;
    public const string NotFoundMessage = "Raden finns inte, eller gäller inte dina verksamheter.";
    public const string RoundNotFoundMessage = "Granskningen finns inte, eller gäller inte dina verksamheter.";

    /// <summary>The rounds that include one of the manager's units, open ones first, with the manager's own counts.</summary>
    public async Task<IReadOnlyList<MyReviewRound>> MyRoundsAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Manager);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await factory.CreateDbContextAsync(ct);
        var mine = await MyUnitIds(db, user).ToListAsync(ct);
        var rounds = await db.ReviewRounds.AsNoTracking()
            .Where(r => r.Units.Any(u => mine.Contains(u.UnitId)))
            .OrderBy(r => r.Status == ReviewRoundStatus.Open ? 0 : 1).ThenByDescending(r => r.DueDate).ThenByDescending(r => r.Id)
            .Take(50)
            .ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var counts = await db.ReviewLines.AsNoTracking()
            .Where(l => ids.Contains(l.RoundId) && mine.Contains(l.UnitId))
            .GroupBy(l => new { l.RoundId, l.UnitId })
            .Select(g => new
            {
                g.Key.RoundId, g.Key.UnitId, Name = g.Min(l => l.UnitName), Lines = g.Count(),
                Unanswered = g.Count(l => l.Answer == ReviewAnswer.None),
            })
            .ToListAsync(ct);
        var unitNames = await db.Units.AsNoTracking().Where(u => mine.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return [.. rounds.Select(r =>
        {
            var units = r.Units.Where(u => mine.Contains(u.UnitId))
                .Select(u => counts.FirstOrDefault(c => c.RoundId == r.Id && c.UnitId == u.UnitId) is { } c
                    ? new MyReviewUnit(u.UnitId, c.Name ?? string.Empty, c.Lines, c.Unanswered)
                    : new MyReviewUnit(u.UnitId, unitNames.GetValueOrDefault(u.UnitId, "(okänd verksamhet)"), 0, 0))
                .OrderBy(u => u.UnitName, AdminLocalization.SwedishOrder)
                .ToList();
            return new MyReviewRound(r.Id, r.Name, r.Message, r.Status, r.DueDate, units.Sum(u => u.Lines), units.Sum(u => u.Unanswered), units);
        })];
    }

    /// <summary>One of the manager's rounds, or null when it does not exist or has none of their units.</summary>
    public async Task<MyReviewRound?> MyRoundAsync(int roundId, CancellationToken ct = default) =>
        (await MyRoundsAsync(ct)).FirstOrDefault(r => r.Id == roundId);

    /// <summary>A page of the manager's lines in a round, in unit, person and system order.</summary>
    public async Task<ReviewTaskPage> LinesAsync(
        int roundId, int? unitId, ReviewTaskFilter filter, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Manager);
        var user = await currentUser.GetPrincipalAsync();
        page = Math.Max(page, 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await factory.CreateDbContextAsync(ct);
        var mine = MyUnitIds(db, user);
        var query = db.ReviewLines.AsNoTracking().Where(l => l.RoundId == roundId && mine.Contains(l.UnitId));
        if (unitId is { } unit)
        {
            query = query.Where(l => l.UnitId == unit);
        }

        var unanswered = await query.CountAsync(l => l.Answer == ReviewAnswer.None, ct);
        query = filter switch
        {
            ReviewTaskFilter.Unanswered => query.Where(l => l.Answer == ReviewAnswer.None),
            ReviewTaskFilter.Answered => query.Where(l => l.Answer != ReviewAnswer.None),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = SqlLike.Containing(search.Trim());
            query = query.Where(l =>
                EF.Functions.Like(PersonName.Shown(l.EmployeeName, db.Employees.Any(e => e.Id == l.EmployeeId && e.IsProtected)), pattern, SqlLike.Escape)
                || EF.Functions.Like(l.SystemName, pattern, SqlLike.Escape));
        }

        var total = await query.CountAsync(ct);
        var rows = await Project(db, query).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new ReviewTaskPage(rows, total, unanswered);
    }

    /// <summary>
    /// The manager's lines among <paramref name="lineIds"/>, as they are now: the page refreshes the lines it has just
    /// answered in place, so that an answered line stays where it was until the list is loaded again.
    /// </summary>
    public async Task<IReadOnlyList<ReviewTaskLine>> LinesByIdAsync(int roundId, IReadOnlyCollection<int> lineIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lineIds);
        await currentUser.RequireAsync(Policies.Manager);
        var user = await currentUser.GetPrincipalAsync();
        if (lineIds.Count == 0)
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var mine = MyUnitIds(db, user);
        var ids = lineIds.Distinct().Take(MaxPageSize).ToList();
        var query = db.ReviewLines.AsNoTracking().Where(l => l.RoundId == roundId && ids.Contains(l.Id) && mine.Contains(l.UnitId));
        return await Project(db, query).ToListAsync(ct);
    }

    /// <summary>Answers one line. "Tas bort" places the end order for Soc-IT too.</summary>
    public async Task<ReviewResult> AnswerAsync(
        int roundId, int lineId, ReviewAnswer answer, string? comment, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.Manager);
        var user = await currentUser.GetPrincipalAsync();
        if (answer is not (ReviewAnswer.Keep or ReviewAnswer.Remove))
        {
            return new ReviewResult.Refused("Välj \"Behålls\" eller \"Tas bort\".");
        }

        ReviewLine line;
        string name;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await MayAnswerAsync(db, user, roundId, lineId, ct))
            {
                return new ReviewResult.Refused(NotFoundMessage);
            }

            var round = await db.ReviewRounds.AsSplitQuery().Include(r => r.Lines.Where(l => l.Id == lineId)).SingleAsync(r => r.Id == roundId, ct);
            line = round.Lines.Single();
            name = await db.ShownNameAsync(line.EmployeeId, line.EmployeeName, ct);
            var before = Snapshot(line);
            try
            {
                var unchanged = line.Answer == answer && line.Comment == Text.Optional(comment, ReviewLine.CommentMaxLength, "Kommentaren");
                // The same answer again changes nothing and adds no history, but a closed round still says it is closed.
                if (!unchanged || !round.IsOpen)
                {
                    round.Answer(line.GrantId, answer, comment, actor, clock.GetUtcNow());
                    audit.Record(db, actor, "Review.Answered", "ReviewLine", ReviewRounds.Id(line.Id),
                        $"{name}: {line.SystemName} ({line.LevelName}) i {line.UnitName} besvarades \"{ReviewTexts.AnswerName(answer)}\" i granskningen \"{round.Name}\".",
                        before, Snapshot(line));
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
            }
            catch (DomainException e)
            {
                return new ReviewResult.Refused(e.Message);
            }
        }

        return answer == ReviewAnswer.Keep
            ? new ReviewResult.Done($"{name}: {line.SystemName} behålls.", line.Id)
            : await OrderRemovalAsync(roundId, line.Id, actor, user, ct);
    }

    /// <summary>
    /// Places (or finds) the end order for a "Tas bort" that has none yet, and links it to the line. Used right after
    /// the answer, and again from the page when the first try failed.
    /// </summary>
    public async Task<ReviewResult> RetryRemovalOrderAsync(int roundId, int lineId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.Manager);
        var user = await currentUser.GetPrincipalAsync();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (!await MayAnswerAsync(db, user, roundId, lineId, ct))
            {
                return new ReviewResult.Refused(NotFoundMessage);
            }
        }

        return await OrderRemovalAsync(roundId, lineId, actor, user, ct);
    }

    /// <summary>"Behåll alla för den här personen": the person's unanswered lines in one unit are answered "Behålls".</summary>
    public async Task<ReviewResult> KeepAllForAsync(int roundId, int unitId, int employeeId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.Manager);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var mine = MyUnitIds(db, user);
        var visible = await db.ReviewLines.AnyAsync(
            l => l.RoundId == roundId && l.UnitId == unitId && l.EmployeeId == employeeId && mine.Contains(l.UnitId), ct);
        if (!visible)
        {
            return new ReviewResult.Refused(NotFoundMessage);
        }

        var round = await db.ReviewRounds.AsSplitQuery()
            .Include(r => r.Lines.Where(l => l.UnitId == unitId && l.EmployeeId == employeeId))
            .SingleAsync(r => r.Id == roundId, ct);
        int count;
        try
        {
            count = round.AnswerAllFor(employeeId, unitId, ReviewAnswer.Keep, comment: null, actor, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return new ReviewResult.Refused(e.Message);
        }

        var name = await db.ShownNameAsync(employeeId, round.Lines[0].EmployeeName, ct);
        var unitName = round.Lines[0].UnitName;
        if (count == 0)
        {
            return new ReviewResult.Done($"{name} hade inga obesvarade rader i {unitName}.");
        }

        audit.Record(db, actor, "Review.KeptAll", "ReviewRound", ReviewRounds.Id(roundId),
            $"Alla obesvarade rader för {name} i {unitName} besvarades \"Behålls\" ({ReviewDisplay.Rows(count)}) i granskningen \"{round.Name}\".",
            before: null, after: new { EmployeeId = employeeId, UnitId = unitId, Lines = count });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ReviewResult.Done($"{ReviewDisplay.Rows(count)} för {name} behålls.");
    }

    private async Task<ReviewResult> OrderRemovalAsync(int roundId, int lineId, Shared.Audit.Actor actor, ClaimsPrincipal user, CancellationToken ct)
    {
        ReviewLine line;
        string name;
        string roundName;
        string? caseNumber;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            line = await db.ReviewLines.AsNoTracking().SingleAsync(l => l.Id == lineId && l.RoundId == roundId, ct);
            name = await db.ShownNameAsync(line.EmployeeId, line.EmployeeName, ct);
            roundName = await db.ReviewRounds.Where(r => r.Id == roundId).Select(r => r.Name).SingleAsync(ct);
            caseNumber = await db.Orders.Where(o => o.Id == line.RemovalOrderId).Select(o => o.CaseNumber).SingleOrDefaultAsync(ct);
        }

        if (line.Answer != ReviewAnswer.Remove)
        {
            return new ReviewResult.Refused($"{name}: {line.SystemName} är inte besvarad med \"Tas bort\", så inget avslut ska beställas.");
        }

        if (!line.NeedsRemovalOrder)
        {
            return new ReviewResult.Done(
                $"{name}: {line.SystemName} tas bort. Avslut beställt hos Soc-IT: ärende {caseNumber}.", line.Id);
        }

        // An end Soc-IT already has for this grant (a follow-up's or the access view's "Avsluta", or the end of the
        // employment) is linked instead of ordering the same end twice.
        var origin = GrantOrderOrigin.Review(user.EmailAddress()?.Value ?? string.Empty, roundName, line.Comment);
        var ordered = await grantOrders.RequestEndAsync(line.GrantId, origin, actor, ct);
        if (ordered is not GrantOrderResult.Ordered receipt)
        {
            var refused = (GrantOrderResult.Refused)ordered;
            return new ReviewResult.Refused(
                "Svaret \"Tas bort\" är sparat, men avslutsbeställningen kunde inte läggas: "
                + (refused.OrderErrors ?? refused.Message) + " Försök igen eller kontakta Soc-IT.");
        }

        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var round = await db.ReviewRounds.AsSplitQuery().Include(r => r.Lines.Where(l => l.Id == lineId)).SingleAsync(r => r.Id == roundId, ct);
            var tracked = round.Lines.Single();
            if (tracked.RemovalOrderId is null)
            {
                try
                {
                    round.LinkRemovalOrder(tracked.GrantId, receipt.OrderId);
                }
                catch (DomainException e)
                {
                    // The answer was changed meanwhile: the end order stays for Soc-IT to reject, and the page says so.
                    return new ReviewResult.Refused(
                        $"{e.Message} Avslutsbeställningen (ärende {receipt.CaseNumber}) lades ändå; be Soc-IT avvisa den om den inte ska genomföras.");
                }

                audit.Record(db, actor, "Review.RemovalOrdered", "ReviewLine", ReviewRounds.Id(lineId),
                    $"Avslut av {name}s {tracked.SystemName} ({tracked.LevelName}) i {tracked.UnitName} beställdes från granskningen \"{round.Name}\": ärende {receipt.CaseNumber}.",
                    before: null, after: new { RemovalOrderId = receipt.OrderId, receipt.CaseNumber });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
        }

        return new ReviewResult.Done(
            $"{name}: {line.SystemName} tas bort. Avslut beställt hos Soc-IT: ärende {receipt.CaseNumber}.", line.Id);
    }

    /// <summary>
    /// Lines as the manager's page shows them, with the end order's case number. In line order, which is the order the
    /// round gave them (unit, person, system and level, Swedish sorting): SQLite sorts names byte by byte (Ä before Å, capitals before small letters).
    /// </summary>
    private static IQueryable<ReviewTaskLine> Project(SocItDbContext db, IQueryable<ReviewLine> lines) =>
        from l in lines
        join o in db.Orders on l.RemovalOrderId equals o.Id into removal
        from o in removal.DefaultIfEmpty()
        orderby l.Id
        select new ReviewTaskLine(
            l.Id, l.EmployeeId, PersonName.Shown(l.EmployeeName, db.Employees.Any(e => e.Id == l.EmployeeId && e.IsProtected)),
            l.SystemName, l.LevelName, l.UnitId, l.UnitName, l.From, l.To, l.IsTemporary,
            l.IsFromOtherUnit, l.Answer, l.Comment, l.AnsweredByName, l.AnsweredAt, l.RemovalOrderId,
            o == null ? null : o.CaseNumber);

    /// <summary>The line exists in the round and the user manages its unit.</summary>
    private static async Task<bool> MayAnswerAsync(SocItDbContext db, ClaimsPrincipal user, int roundId, int lineId, CancellationToken ct)
    {
        if (user.EmailAddress() is not { } email)
        {
            return false;
        }

        var unitId = await db.ReviewLines.AsNoTracking().Where(l => l.Id == lineId && l.RoundId == roundId)
            .Select(l => (int?)l.UnitId).SingleOrDefaultAsync(ct);
        if (unitId is null)
        {
            return false;
        }

        var managers = await db.Units.AsNoTracking().Where(u => u.Id == unitId).SelectMany(u => u.Managers.Select(m => m.Email)).ToListAsync(ct);
        return ReviewAccess.MayAnswer(email, managers);
    }

    private static IQueryable<int> MyUnitIds(SocItDbContext db, ClaimsPrincipal user) =>
        db.UnitsManagedBy(user).Select(u => u.Id);

    private static object Snapshot(ReviewLine line) => new
    {
        Answer = line.Answer.ToString(),
        line.Comment,
        line.AnsweredByName,
        line.RemovalOrderId,
    };

}
