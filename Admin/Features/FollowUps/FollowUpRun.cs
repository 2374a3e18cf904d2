using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>
/// The expiry check for one day: flags temporary grants that have run out or soon will, closes follow-ups whose
/// grant was ended meanwhile, escalates what managers left undecided, and sends each manager one reminder. The
/// nightly job, the console's button and the command line all run this. Due grants are flagged chunk by chunk along
/// the index on (EndedByOrderId, To), each chunk one INSERT … SELECT, never read all at once; reminders are handled
/// one manager at a time, in a few statements each rather than one per follow-up (see decision 0010).
/// </summary>
public sealed partial class FollowUpRun(
    IDbContextFactory<SocItDbContext> factory,
    IMailSender sender,
    AuditTrail audit,
    IOptions<FollowUpOptions> options,
    IOptions<EmailSettings> email,
    TimeProvider clock,
    ILogger<FollowUpRun> logger)
{
    public const string JobId = "expiry-reminders";
    public const string FollowUpPath = "/follow-ups";

    private static readonly Actor Job = new("job:" + JobId, "Påminnelsejobbet");

    /// <summary>
    /// How many managers' attempts one transaction records: few commits for the run, and SQLite's write lock (which
    /// order intake waits for) held for a short while only.
    /// </summary>
    private const int AttemptsPerCommit = 100;

    /// <summary>
    /// Runs the check for <paramref name="today"/>. A real run is not to go on beside another: every caller goes through
    /// the job's lease (<see cref="Infrastructure.Jobs.JobRunner"/>), which also records the run in <c>JobRuns</c>.
    /// </summary>
    public async Task<FollowUpRunReport> RunAsync(DateOnly today, bool dryRun, CancellationToken ct)
    {
        var settings = options.Value.ToSettings();
        var lines = new List<string>();
        var (flagged, candidates) = await FlagAsync(today, settings, dryRun, lines, ct);
        flagged += await FlagEndsAsync(today, settings, dryRun, candidates, lines, ct);
        var closed = await CloseEndedAsync(dryRun, ct) + await CloseEndedEndsAsync(dryRun, ct)
            + await CloseContinuedAsync(dryRun, ct) + await CloseContinuedEndsAsync(dryRun, ct);
        var reminders = new ReminderTally();
        var attempts = new List<ReminderAttempt>();
        foreach (var managers in (await ManagersToConsiderAsync(today, candidates.Keys, ct)).Chunk(AttemptsPerCommit))
        {
            // Step 1 of decision 0007 (the attempt, before any send) for many managers in one commit (decision 0050).
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var transaction = dryRun ? null : await db.Database.BeginTransactionAsync(ct);
            foreach (var manager in managers)
            {
                if (await PrepareAsync(db, manager, today, settings, dryRun, candidates.GetValueOrDefault(manager), reminders, lines, ct)
                    is { } attempt)
                {
                    attempts.Add(attempt);
                }
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }

        foreach (var attempt in attempts)
        {
            await SendAsync(attempt, today, reminders, lines, ct);
        }

        var report = new FollowUpRunReport(
            today, dryRun, flagged, closed, reminders.Sent, reminders.Items, reminders.Escalated, reminders.Failures, lines);
        LogRun(logger, report.Summary);
        return report;
    }

    private const string GrantTo = "g.\"To\"";

    /// <summary>
    /// Grant <c>n</c> continues grant <c>g</c>: another grant of the same employee, system, level and unit that is active
    /// (<see cref="GrantSql.ActiveOn"/>) on the day after <c>g</c>'s last day — started by then, lasting longer (or
    /// until further notice) and not ended by an order. A gap of a day or more is not a continuation. One rule for the
    /// grants to flag and the follow-ups to close.
    /// </summary>
    private static string ContinuesG(SqlDialect dialect) => $$"""
        n."EmployeeId" = g."EmployeeId" AND n."Id" <> g."Id"
            AND n."SystemId" = g."SystemId" AND n."LevelId" = g."LevelId" AND n."UnitId" = g."UnitId"
            AND {{GrantSql.ActiveOn("n", dialect.DayAfter(GrantTo))}}
        """;

    /// <summary>
    /// The temporary grants due by <c>@cutoff</c> (not ended by an order) that have no follow-up yet, that no other
    /// grant of the same system, level and unit continues (an extend order completed leaves the old grant with its old
    /// last day beside the new one: the access goes on, so there is nothing to follow up), and whose placement, or
    /// employment when it has a last day, does not end on or before the grant's last day (then the end of the
    /// employment or placement is followed up as one, <see cref="FlagEndsAsync"/>, decision 0039), after the key
    /// (<c>@afterTo</c>, <c>@afterId</c>) in the order of the index on (EndedByOrderId, To), at most <c>@limit</c>,
    /// with what a follow-up copies from the grant, its order and its employee. Both the run and the dry run read
    /// through this text; the benchmark and a test check its query plan. <see cref="DueGrantsSql"/> is SQLite's.
    /// </summary>
    internal static string DueGrantsSqlFor(SqlDialect dialect) => $$"""
        SELECT g."Id" AS "GrantId", g."EmployeeId", e."FullName" AS "EmployeeName", g."SystemName", g."LevelName",
               g."UnitId", g."UnitName", o."UnitId" AS "HomeUnitId", g."To" AS "EndDate", o."ManagerName", o."ManagerEmail"
        FROM "Grants" AS g
        JOIN "Orders" AS o ON o."Id" = g."SourceOrderId"
        JOIN "Employees" AS e ON e."Id" = g."EmployeeId"
        WHERE g."EndedByOrderId" IS NULL AND g."To" IS NOT NULL AND g."To" <= @cutoff
          AND g."To" >= @afterTo AND (g."To" > @afterTo OR g."Id" > @afterId)
          AND NOT EXISTS (SELECT 1 FROM "FollowUps" AS f WHERE f."GrantId" = g."Id")
          AND NOT EXISTS (SELECT 1 FROM "Grants" AS n WHERE {{ContinuesG(dialect)}})
          AND NOT EXISTS (SELECT 1 FROM "TemporaryAssignments" AS a WHERE a."Id" = g."AssignmentId" AND a."To" <= g."To")
          AND NOT EXISTS (SELECT 1 FROM "Employments" AS m
                          WHERE m."Id" = g."EmploymentId" AND g."AssignmentId" IS NULL AND m."To" <= g."To")
        ORDER BY g."To", g."Id"
        LIMIT @limit
        """;

    /// <summary><see cref="DueGrantsSqlFor"/> on SQLite, for the benchmark's and the tests' query plans.</summary>
    internal static readonly string DueGrantsSql = DueGrantsSqlFor(SqlDialect.Sqlite);

    /// <summary>
    /// One chunk of follow-ups in one statement, with the values <see cref="FollowUp"/>'s constructor gives a new one
    /// (open, version 0, no reminders) in the columns' stored forms: the enum as its name, the instant as UTC ticks.
    /// </summary>
    internal static string FlagSqlFor(SqlDialect dialect) => """
        INSERT INTO "FollowUps" ("GrantId", "EmployeeId", "EmployeeName", "SystemName", "LevelName", "UnitId", "UnitName",
            "HomeUnitId", "EndDate", "ManagerName", "ManagerEmail", "Status", "FlaggedAt", "OverdueReminders", "Version")
        SELECT d."GrantId", d."EmployeeId", d."EmployeeName", d."SystemName", d."LevelName", d."UnitId", d."UnitName",
            d."HomeUnitId", d."EndDate", d."ManagerName", d."ManagerEmail", @status, @flaggedAt, 0, 0
        FROM (
        """ + DueGrantsSqlFor(dialect) + """

        ) AS d
        RETURNING "Id", "GrantId", "EndDate"
        """;

    /// <summary>
    /// Creates a follow-up for every temporary grant due by the heads-up cutoff that has none: chunk by chunk along
    /// the index, each chunk one INSERT … SELECT in a transaction with its audit entry; only the new rows' ids and end
    /// dates come back, for the next chunk's key and the audit. In a dry run nothing is written; the would-be
    /// follow-ups are counted per manager for the reminder preview.
    /// </summary>
    private async Task<(int Count, Dictionary<EmailAddress, int> DryRunCandidates)> FlagAsync(
        DateOnly today, FollowUpSettings settings, bool dryRun, List<string> lines, CancellationToken ct)
    {
        var cutoff = FollowUpPolicy.FlagCutoff(today, settings);
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var perManager = new Dictionary<EmailAddress, int>();
        var count = 0;
        var (lastTo, lastId) = (DateOnly.MinValue, 0);
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var dialect = SqlDialect.Of(db.Database);
            if (dryRun)
            {
                var batch = await db.Database.SqlQueryRaw<DueGrant>(
                        DueGrantsSqlFor(dialect), DueGrantParameters(dialect, cutoff, lastTo, lastId, batchSize))
                    .ToListAsync(ct);
                if (batch.Count == 0)
                {
                    break;
                }

                count += batch.Count;
                (lastTo, lastId) = (batch[^1].EndDate, batch[^1].GrantId);
                foreach (var manager in batch.Select(c => EmailAddress.Parse(c.ManagerEmail)))
                {
                    perManager[manager] = perManager.GetValueOrDefault(manager) + 1;
                }

                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var flagged = await db.Database.SqlQueryRaw<FlaggedGrant>(
                    FlagSqlFor(dialect),
                    [
                        .. DueGrantParameters(dialect, cutoff, lastTo, lastId, batchSize),
                        dialect.Parameter("status", FollowUpStatus.Open.ToString()),
                        dialect.Parameter("flaggedAt", clock.GetUtcNow().UtcTicks),
                    ])
                .ToListAsync(ct);
            if (flagged.Count == 0)
            {
                break;
            }

            count += flagged.Count;
            var last = flagged.MaxBy(f => (f.EndDate, f.GrantId))!;
            (lastTo, lastId) = (last.EndDate, last.GrantId);

            // One statement in one write transaction gives the chunk consecutive ids, so a range names it exactly.
            audit.Record(db, Job, "FollowUp.Flagged", "FollowUp", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"{TemporaryGrants(flagged.Count)} med sista dag senast {Dates.Iso(cutoff)} fick en uppföljning.",
                before: null,
                after: new
                {
                    flagged.Count,
                    Cutoff = cutoff,
                    FollowUpIds = new { From = flagged.Min(f => f.Id), To = flagged.Max(f => f.Id) },
                    EndDates = new { From = flagged.Min(f => f.EndDate), To = last.EndDate },
                });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        if (count > 0)
        {
            lines.Add($"{(dryRun ? "Skulle flagga" : "Flaggade")} {TemporaryGrants(count)} med sista dag senast {Dates.Iso(cutoff)}.");
        }

        return (count, perManager);
    }

    private static System.Data.Common.DbParameter[] DueGrantParameters(
        SqlDialect dialect, DateOnly cutoff, DateOnly afterTo, int afterId, int limit) =>
    [
        dialect.Parameter("cutoff", cutoff),
        dialect.Parameter("afterTo", afterTo),
        dialect.Parameter("afterId", afterId),
        dialect.Parameter("limit", limit),
    ];

    /// <summary>
    /// One follow-up for each end of a fixed-term employment or a placement that <see cref="FollowUpPolicy.FollowsUpEnd"/>
    /// says is due, with the manager of the order that began it. Few a night, so read and written through EF in one
    /// transaction with its audit entry; the unique (EmploymentId, EndDate) and (AssignmentId, EndDate) indexes hold
    /// exactly-once should two runs ever meet past the job's lease.
    /// </summary>
    private async Task<int> FlagEndsAsync(
        DateOnly today, FollowUpSettings settings, bool dryRun, Dictionary<EmailAddress, int> perManager, List<string> lines,
        CancellationToken ct)
    {
        var cutoff = FollowUpPolicy.FlagCutoff(today, settings);
        await using var db = await factory.CreateDbContextAsync(ct);
        var employments = await db.Employments.AsNoTracking()
            .Where(m => m.EndedByOrderId == null && m.To != null && m.To <= cutoff
                && !db.FollowUps.Any(f => f.EmploymentId == m.Id && f.EndDate == m.To))
            .Select(m => new EndCandidate(
                m.Id, null, m.EmployeeId, m.TitleName, m.UnitId, m.UnitName, m.UnitId, m.To!.Value, m.EndedByOrderId != null,
                m.StartedByOrderId ?? db.Grants.Where(g => g.EmploymentId == m.Id).Min(g => (int?)g.SourceOrderId)))
            .ToListAsync(ct);
        var placements = await db.TemporaryAssignments.AsNoTracking()
            .Where(a => a.EndedByOrderId == null && a.To <= cutoff && !db.FollowUps.Any(f => f.AssignmentId == a.Id && f.EndDate == a.To))
            .Select(a => new EndCandidate(
                a.EmploymentId, a.Id, a.EmployeeId, null, a.UnitId, a.UnitName,
                db.Orders.Where(o => o.Id == a.OrderId).Select(o => o.UnitId).FirstOrDefault(), a.To, a.EndedByOrderId != null, a.OrderId))
            .ToListAsync(ct);
        var candidates = employments.Concat(placements).ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }

        var grants = await GrantOrders.EndingWithAsync(db, [.. candidates.Select(c => c.End)], ct);
        var due = candidates
            .Where(c => FollowUpPolicy.FollowsUpEnd(
                new EndOfAccess(c.LastDay, c.EndedByOrder, grants[c.End].Count, FollowedUp: false), today, settings))
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var orderIds = due.Select(c => c.OrderId).OfType<int>().Distinct().ToList();
        var orders = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Manager }).ToDictionaryAsync(o => o.Id, o => o.Manager, ct);
        var employeeIds = due.Select(c => c.EmployeeId).Distinct().ToList();
        var names = await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.FullName, ct);
        var made = due.Where(c => c.OrderId is { } id && orders.ContainsKey(id)).Select(c =>
        {
            return FollowUp.ForEnd(
                c.EmploymentId, c.AssignmentId, c.EmployeeId, names[c.EmployeeId], c.TitleName, c.UnitId, c.UnitName, c.HomeUnitId,
                c.LastDay, orders[c.OrderId!.Value], clock.GetUtcNow());
        }).ToList();
        if (dryRun)
        {
            foreach (var followUp in made)
            {
                perManager[followUp.ManagerEmail] = perManager.GetValueOrDefault(followUp.ManagerEmail) + 1;
            }

            lines.Add($"Skulle flagga {Ends(made.Count)}.");
            return made.Count;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.FollowUps.AddRange(made);
        await db.SaveChangesAsync(ct);
        audit.Record(db, Job, "FollowUp.Flagged", "FollowUp", string.Join(',', made.Select(f => f.Id)),
            $"{Ends(made.Count)} med sista dag senast {Dates.Iso(cutoff)} fick en uppföljning var.",
            before: null,
            after: new
            {
                made.Count,
                Cutoff = cutoff,
                FollowUps = made.Select(f => new { f.Id, f.EmploymentId, f.AssignmentId, f.EndDate }),
            });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        lines.Add($"Flaggade {Ends(made.Count)} med sista dag senast {Dates.Iso(cutoff)}.");
        return made.Count;
    }

    /// <summary>
    /// Undecided follow-ups of an end whose employment or placement an order has ended meanwhile, or that has no access
    /// left (each grant ended by an order, one by one), need no decision any more.
    /// </summary>
    private async Task<int> CloseEndedEndsAsync(bool dryRun, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var open = await db.FollowUps
            .Where(f => (f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.Escalated) && (f.EmploymentId != null || f.AssignmentId != null))
            .Select(f => new
            {
                FollowUp = f,
                HomeEmploymentId = f.EmploymentId ?? db.TemporaryAssignments.Where(a => a.Id == f.AssignmentId).Select(a => a.EmploymentId).First(),
                Ended = db.Employments.Any(m => m.Id == f.EmploymentId && m.EndedByOrderId != null)
                    || db.TemporaryAssignments.Any(a => a.Id == f.AssignmentId && a.EndedByOrderId != null),
            })
            .ToListAsync(ct);
        if (open.Count == 0)
        {
            return 0;
        }

        var grants = await GrantOrders.EndingWithAsync(
            db, [.. open.Select(o => new AccessEnd(o.HomeEmploymentId, o.FollowUp.AssignmentId, o.FollowUp.EndDate))], ct);
        var stale = open
            .Where(o => o.Ended || grants[new AccessEnd(o.HomeEmploymentId, o.FollowUp.AssignmentId, o.FollowUp.EndDate)].Count == 0)
            .Select(o => o.FollowUp)
            .ToList();
        if (dryRun || stale.Count == 0)
        {
            return stale.Count;
        }

        var now = clock.GetUtcNow();
        foreach (var followUp in stale)
        {
            followUp.CloseAsEnded(now);
        }

        audit.Record(db, Job, "FollowUp.Closed", "FollowUp", string.Join(',', stale.Select(f => f.Id)),
            $"{FollowUps(stale.Count)} stängdes: anställningen eller placeringen har avslutats, eller har inga behörigheter kvar.",
            before: null, after: new { FollowUps = stale.Select(f => f.Id) });
        await db.SaveChangesAsync(ct);
        return stale.Count;
    }

    /// <summary>
    /// Undecided follow-ups of an end that has moved: the employment or placement was extended by an order completed
    /// meanwhile (its last day is now later), so that end is not reached and the new one gets its own follow-up.
    /// </summary>
    private async Task<int> CloseContinuedEndsAsync(bool dryRun, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var moved = await db.FollowUps
            .Where(f => f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.Escalated)
            .Select(f => new
            {
                FollowUp = f,
                EmploymentTo = db.Employments.Where(m => m.Id == f.EmploymentId).Select(m => new { m.To }).FirstOrDefault(),
                PlacementTo = db.TemporaryAssignments.Where(a => a.Id == f.AssignmentId).Select(a => (DateOnly?)a.To).FirstOrDefault(),
            })
            .Where(x => (x.FollowUp.EmploymentId != null && (x.EmploymentTo!.To == null || x.EmploymentTo.To > x.FollowUp.EndDate))
                || (x.FollowUp.AssignmentId != null && x.PlacementTo > x.FollowUp.EndDate))
            .ToListAsync(ct);
        if (dryRun || moved.Count == 0)
        {
            return moved.Count;
        }

        var now = clock.GetUtcNow();
        foreach (var item in moved)
        {
            item.FollowUp.CloseAsContinued(now, item.FollowUp.EmploymentId is null ? item.PlacementTo : item.EmploymentTo!.To);
        }

        audit.Record(db, Job, "FollowUp.Closed", "FollowUp", string.Join(',', moved.Select(m => m.FollowUp.Id)),
            $"{FollowUps(moved.Count)} stängdes: anställningen eller placeringen har förlängts av ett ärende.",
            before: null, after: new { FollowUps = moved.Select(m => m.FollowUp.Id) });
        await db.SaveChangesAsync(ct);
        return moved.Count;
    }

    /// <summary>Follow-ups whose grant an end order has ended meanwhile need no decision any more.</summary>
    private async Task<int> CloseEndedAsync(bool dryRun, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var stale = db.FollowUps.Where(f =>
                (f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.Escalated)
                && db.Grants.Any(g => g.Id == f.GrantId && g.EndedByOrderId != null));
            if (dryRun)
            {
                return await stale.CountAsync(ct);
            }

            var batch = await stale.OrderBy(f => f.Id).Take(Math.Max(1, options.Value.BatchSize)).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return total;
            }

            var now = clock.GetUtcNow();
            foreach (var followUp in batch)
            {
                followUp.CloseAsEnded(now);
            }

            audit.Record(db, Job, "FollowUp.Closed", "FollowUp", string.Join(',', batch.Select(f => f.Id)),
                $"{FollowUps(batch.Count)} stängdes: behörigheten har avslutats av ett ärende.", before: null,
                after: new { FollowUps = batch.Select(f => f.Id) });
            await db.SaveChangesAsync(ct);
            total += batch.Count;
        }
    }

    /// <summary>
    /// Undecided follow-ups whose grant another grant continues (<see cref="ContinuesG"/>), with the
    /// latest last day among those that continue it ('9999-12-31' for one until further notice).
    /// </summary>
    internal static string ContinuedFollowUpsSqlFor(SqlDialect dialect) => $$"""
        SELECT f."Id" AS "FollowUpId", {{dialect.DayAsText($"""MAX(COALESCE(n."To", {dialect.DayLiteral(DateOnly.MaxValue)}))""")}} AS "ContinuedTo"
        FROM "FollowUps" AS f
        JOIN "Grants" AS g ON g."Id" = f."GrantId"
        JOIN "Grants" AS n ON {{ContinuesG(dialect)}}
        WHERE f."Status" IN ('Open', 'Escalated') AND g."EndedByOrderId" IS NULL AND g."To" IS NOT NULL
        GROUP BY f."Id"
        ORDER BY f."Id"
        """;

    /// <summary>
    /// Follow-ups whose grant was extended meanwhile by an order placed elsewhere (the access view's "Begär
    /// förlängning") need no decision any more: without this the manager was reminded, and Soc-IT escalated to, about
    /// access that had already been extended.
    /// </summary>
    private async Task<int> CloseContinuedAsync(bool dryRun, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var continued = await db.Database.SqlQueryRaw<ContinuedFollowUp>(ContinuedFollowUpsSqlFor(SqlDialect.Of(db.Database))).ToListAsync(ct);
        if (dryRun || continued.Count == 0)
        {
            return continued.Count;
        }

        var now = clock.GetUtcNow();
        foreach (var chunk in continued.Chunk(Math.Max(1, options.Value.BatchSize)))
        {
            var ids = chunk.Select(c => c.FollowUpId).ToList();
            var followUps = await db.FollowUps.Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
            foreach (var item in chunk)
            {
                var to = DateOnly.ParseExact(item.ContinuedTo, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                followUps[item.FollowUpId].CloseAsContinued(now, to == DateOnly.MaxValue ? null : to);
            }

            audit.Record(db, Job, "FollowUp.Closed", "FollowUp", string.Join(',', ids),
                $"{FollowUps(ids.Count)} stängdes: behörigheten har förlängts av ett ärende.", before: null,
                after: new { FollowUps = ids });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return continued.Count;
    }

    private async Task<IReadOnlyList<EmailAddress>> ManagersToConsiderAsync(
        DateOnly today, IEnumerable<EmailAddress> dryRunManagers, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var withOpen = await db.FollowUps.AsNoTracking().Where(f => f.Status == FollowUpStatus.Open)
            .Select(f => f.ManagerEmail).Distinct().ToListAsync(ct);
        var withAttempt = await db.ReminderMessages.AsNoTracking()
            .Where(m => m.Day == today && m.Status == ReminderStatus.Attempted).Select(m => m.ToEmail).ToListAsync(ct);
        return [.. withOpen.Concat(withAttempt).Concat(dryRunManagers).Distinct().OrderBy(e => e.Value, StringComparer.Ordinal)];
    }

    /// <summary>
    /// One manager's reminder for the day, up to its attempt: the message is recorded as an attempt (with its
    /// Message-Id and text) in the caller's transaction, committed before any of them is sent (<see cref="SendAsync"/>).
    /// A retry finds the attempt and sends the same message again; a sent one is never sent twice.
    /// </summary>
    private async Task<ReminderAttempt?> PrepareAsync(
        SocItDbContext db, EmailAddress manager, DateOnly today, FollowUpSettings settings, bool dryRun, int dryRunNew,
        ReminderTally tally, List<string> lines, CancellationToken ct)
    {
        var message = await db.ReminderMessages.SingleOrDefaultAsync(m => m.ToEmail == manager && m.Day == today, ct);
        if (message?.Status == ReminderStatus.Sent)
        {
            return null;
        }

        List<int>? listed = null;
        if (message is null)
        {
            // Only what the rule and the e-mail need; the few to escalate are loaded as entities below. Sorted here, not
            // in SQL: with an ORDER BY EndDate, SQLite walks the (Status, EndDate) index through every manager's open
            // follow-ups instead of finding this manager's through (ManagerEmail, Status).
            var open = (await db.FollowUps.Where(f => f.ManagerEmail == manager && f.Status == FollowUpStatus.Open)
                    .Select(f => new OpenFollowUp(
                        f.Id, PersonName.Shown(f.EmployeeName, db.Employees.Any(e => e.Id == f.EmployeeId && e.IsProtected)), f.SystemName, f.LevelName, f.UnitName, f.ManagerName,
                        new FollowUpState(f.Status, f.EndDate, f.HeadsUpSentOn, f.OverdueReminders, f.LastRemindedOn),
                        f.EmploymentId ?? (f.AssignmentId == null ? null
                            : db.TemporaryAssignments.Where(a => a.Id == f.AssignmentId).Select(a => (int?)a.EmploymentId).FirstOrDefault()),
                        f.AssignmentId, f.TitleName))
                    .ToListAsync(ct))
                .OrderBy(f => f.State.EndDate).ThenBy(f => f.Id).ToList();
            var escalate = open.Where(f => FollowUpPolicy.Decide(f.State, today, settings) == ReminderDecision.Escalate).ToList();
            var due = open.Where(f => FollowUpPolicy.Decide(f.State, today, settings) is ReminderDecision.HeadsUp or ReminderDecision.Overdue)
                .ToList();
            tally.Escalated += escalate.Count;
            if (dryRun)
            {
                if (escalate.Count > 0)
                {
                    lines.Add($"{manager}: {escalate.Count} skulle eskaleras till Soc-IT.");
                }

                var items = due.Count + dryRunNew;
                if (items > 0)
                {
                    tally.Sent++;
                    tally.Items += items;
                    lines.Add($"{manager}: en påminnelse med {Rows(items)} skulle skickas.");
                }

                return null;
            }

            var escalateIds = escalate.Select(f => f.Id).ToHashSet();
            var toEscalate = escalate.Count == 0 ? [] : await db.FollowUps
                .Where(f => f.ManagerEmail == manager && f.Status == FollowUpStatus.Open).ToListAsync(ct);
            foreach (var followUp in toEscalate.Where(f => escalateIds.Contains(f.Id)).OrderBy(f => f.EndDate).ThenBy(f => f.Id))
            {
                followUp.Escalate(today);
                audit.Record(db, Job, "FollowUp.Escalated", "FollowUp", Id(followUp.Id),
                    $"Uppföljningen av {followUp.EmployeeName}s {(followUp.Kind == FollowUpKind.Grant ? followUp.SystemName : followUp.Subject)} eskalerades till Soc-IT efter {SwedishCount.Of(followUp.OverdueReminders, "påminnelse", "påminnelser")}.",
                    before: new { Status = FollowUpStatus.Open.ToString() }, after: new { Status = followUp.Status.ToString() });
            }

            if (due.Count == 0)
            {
                await db.SaveChangesAsync(ct);
                return null;
            }

            var ends = await GrantOrders.EndingWithAsync(db, [.. due.Where(f => f.End is not null).Select(f => f.End!)], ct);
            var lineItems = due.Select(f => new ReminderLine(
                f.EmployeeName, f.SystemName, f.LevelName, f.UnitName, f.State.EndDate, f.Kind, f.TitleName,
                f.End is { } end ? ends[end].Count : 1)).ToList();
            var content = ReminderText.Compose(
                due[0].ManagerName, lineItems, today, email.Value.Link(FollowUpPath), email.Value.FromName, settings.RemindEveryDays);
            // Its items are written below in one statement rather than one INSERT each through EF, so this instance is
            // made without them.
            listed = [.. due.Select(f => f.Id)];
            message = new ReminderMessage(
                today, due[0].ManagerName, manager, MessageIdFor(manager, today), content.Subject, content.Body, [], clock.GetUtcNow());
            db.ReminderMessages.Add(message);
        }
        else if (dryRun)
        {
            tally.Sent++;
            tally.Items += message.Items.Count;
            lines.Add($"{manager}: en tidigare påbörjad påminnelse skulle skickas igen.");
            return null;
        }

        message.RecordAttempt();
        await db.SaveChangesAsync(ct);
        if (listed is not null)
        {
            await AddItemsAsync(db, message.Id, listed, ct);
        }

        return new ReminderAttempt(message, listed);
    }

    /// <summary>
    /// Steps 2 and 3 of decision 0007 for one committed attempt: the send, then — only when the server accepted it —
    /// "sent" with its follow-ups' reminder history and the audit entry, in one commit of its own.
    /// </summary>
    private async Task SendAsync(ReminderAttempt attempt, DateOnly today, ReminderTally tally, List<string> lines, CancellationToken ct)
    {
        var (message, listed) = attempt;
        var manager = message.ToEmail;
        try
        {
            await sender.SendAsync(new OutgoingMail(message.ToName, message.ToEmail.Value, message.Subject, message.Body, message.MessageId), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(logger, e, message.MessageId);
            tally.Failures.Add($"{manager}: {e.Message}");
            lines.Add($"{manager}: påminnelsen kunde inte skickas ({e.Message}). Den skickas vid nästa försök.");
            return;
        }

        var ids = listed ?? [.. message.Items.Select(i => i.FollowUpId)];
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ReminderMessages.Attach(message);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await RecordRemindersAsync(db, message.Id, today, ct);
            message.MarkSent(clock.GetUtcNow());
            audit.Record(db, Job, "FollowUp.ReminderSent", "ReminderMessage", message.MessageId,
                $"Påminnelse till {message.ToName} ({manager}) om {FollowUps(ids.Count)}.",
                before: null, after: new { To = manager.Value, message.Day, FollowUps = ids, message.MessageId });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        tally.Sent++;
        tally.Items += ids.Count;
        lines.Add($"{manager}: påminnelse skickad med {Rows(ids.Count)}.");
    }

    /// <summary>The reminder's items, one per listed follow-up, as <see cref="ReminderMessage"/>'s constructor adds them.</summary>
    internal static Task<int> AddItemsAsync(SocItDbContext db, int messageId, IReadOnlyList<int> followUpIds, CancellationToken ct)
    {
        var ids = JsonSerializer.Serialize(followUpIds);
        var dialect = SqlDialect.Of(db.Database);
        var sql = $"""INSERT INTO "ReminderItems" ("ReminderMessageId", "FollowUpId") SELECT @message, "value" FROM ({dialect.IntegersOfJson("@ids")}) AS i""";
        return db.Database.ExecuteSqlRawAsync(sql, [dialect.Parameter("message", messageId), dialect.Parameter("ids", ids)], ct);
    }

    /// <summary>
    /// <see cref="FollowUp.RecordReminder"/> for every follow-up the message listed that was not reminded on
    /// <paramref name="day"/> yet, as one UPDATE: a heads-up is remembered once while the grant runs, a reminder
    /// after its last day is counted, and the version advances. A test holds it to the entity's method.
    /// </summary>
    internal static Task<int> RecordRemindersAsync(SocItDbContext db, int messageId, DateOnly day, CancellationToken ct) =>
        db.FollowUps
            .Where(f => db.ReminderMessages.Where(m => m.Id == messageId).SelectMany(m => m.Items).Select(i => i.FollowUpId).Contains(f.Id)
                && f.LastRemindedOn != day)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(f => f.HeadsUpSentOn, f => f.EndDate >= day ? f.HeadsUpSentOn ?? day : f.HeadsUpSentOn)
                    .SetProperty(f => f.OverdueReminders, f => f.EndDate >= day ? f.OverdueReminders : f.OverdueReminders + 1)
                    .SetProperty(f => f.LastRemindedOn, day)
                    .SetProperty(f => f.Version, f => f.Version + 1),
                ct);

    /// <summary>
    /// The same id for the same manager and day on every attempt, so a re-send after a crash can be recognised;
    /// the address is hashed so that it does not show in headers and logs.
    /// </summary>
    internal string MessageIdFor(EmailAddress manager, DateOnly day) =>
        email.Value.MessageId(string.Create(CultureInfo.InvariantCulture, $"expiry-{day:yyyyMMdd}"), manager.Value);


    private static string Rows(int count) => SwedishCount.Of(count, "rad", "rader");

    private static string FollowUps(int count) => SwedishCount.Of(count, "uppföljning", "uppföljningar");

    private static string Ends(int count) =>
        SwedishCount.Of(count, "visstidsanställning eller placering som slutar", "visstidsanställningar eller placeringar som slutar");

    private static string TemporaryGrants(int count) => SwedishCount.Of(count, "tillfällig behörighet", "tillfälliga behörigheter");

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry check: {Summary}")]
    private static partial void LogRun(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {MessageId} could not be sent; it is retried with the same id")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string messageId);

    /// <summary>An attempt committed and not yet sent; <c>Listed</c> holds a new message's follow-ups (its items were written in SQL).</summary>
    private sealed record ReminderAttempt(ReminderMessage Message, List<int>? Listed);

    private sealed record OpenFollowUp(
        int Id, string EmployeeName, string SystemName, string LevelName, string UnitName, string ManagerName, FollowUpState State,
        int? EmploymentId, int? AssignmentId, string? TitleName)
    {
        public FollowUpKind Kind => AssignmentId is not null ? FollowUpKind.Placement
            : EmploymentId is not null ? FollowUpKind.FixedTermEmployment : FollowUpKind.Grant;

        /// <summary>The end it follows up, for the count of grants that end with it; null for one grant.</summary>
        public AccessEnd? End => EmploymentId is { } employmentId ? new AccessEnd(employmentId, AssignmentId, State.EndDate) : null;
    }

    /// <summary>A fixed-term employment or a placement whose end may be due, with the order whose manager is told.</summary>
    private sealed record EndCandidate(
        int EmploymentId, int? AssignmentId, int EmployeeId, string? TitleName, int UnitId, string UnitName, int HomeUnitId,
        DateOnly LastDay, bool EndedByOrder, int? OrderId)
    {
        public AccessEnd End => new(EmploymentId, AssignmentId, LastDay);
    }

    /// <summary>A row of <see cref="DueGrantsSql"/>, for the dry run.</summary>
    private sealed class DueGrant
    {
        public int GrantId { get; init; }

        public DateOnly EndDate { get; init; }

        public required string ManagerEmail { get; init; }
    }

    /// <summary>A row of <see cref="ContinuedFollowUpsSqlFor"/>.</summary>
    private sealed class ContinuedFollowUp
    {
        public int FollowUpId { get; init; }

        public required string ContinuedTo { get; init; }
    }

    /// <summary>A follow-up <see cref="FlagSqlFor"/> created.</summary>
    private sealed class FlaggedGrant
    {
        public int Id { get; init; }

        public int GrantId { get; init; }

        public DateOnly EndDate { get; init; }
    }

    private sealed class ReminderTally
    {
        public int Sent { get; set; }

        public int Items { get; set; }

        public int Escalated { get; set; }

        public List<string> Failures { get; } = [];
    }
}
