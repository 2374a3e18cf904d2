using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.People;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>
/// The e-mail the console has sent or tried to send (Utkorg), newest first, from its own records: the expiry job's
/// reminders, the review rounds' invitations and reminders, the cases' e-mail (besked) and the reconciliation with
/// HR's digests and joiner notices, in one list.
/// </summary>
public sealed class Outbox(
    IDbContextFactory<SocItDbContext> factory, CurrentUser currentUser, FollowUpRun run, JobRunner runner, AuditTrail audit, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// One page of the four together. Each table gives at most the rows up to the end of the page, newest first,
    /// and they are merged: a page never needs more than (page + 1) × size rows of any.
    /// </summary>
    public async Task<PagedOutbox> ListAsync(int page, int pageSize, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(FollowUpsFeature.OutboxPolicy);
        page = Math.Max(page, 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var upTo = (page + 1) * pageSize;
        await using var db = await factory.CreateDbContextAsync(ct);
        var total = await db.ReminderMessages.CountAsync(ct) + await db.ReviewMessages.CountAsync(ct) + await db.CaseMessages.CountAsync(ct)
            + await db.HrNotices.CountAsync(ct);
        var expiry = await db.ReminderMessages.AsNoTracking()
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(upTo)
            .Select(m => new OutboxRow(
                OutboxKind.FollowUpReminder, m.Id, m.Day, m.ToName, m.ToEmail.Value, m.Subject, m.Status, m.CreatedAt, m.SentAt,
                m.Attempts, m.Items.Count, m.MessageId, null))
            .ToListAsync(ct);
        var reviews = await (
                from m in db.ReviewMessages.AsNoTracking()
                join r in db.ReviewRounds on m.RoundId equals r.Id
                orderby m.CreatedAt descending, m.Id descending
                select new
                {
                    m.Id, m.Kind, m.Day, m.ToName, To = m.ToEmail.Value, m.Subject, m.Status, m.CreatedAt, m.SentAt, m.Attempts,
                    m.UnitIds, m.MessageId, RoundName = r.Name,
                })
            .Take(upTo)
            .ToListAsync(ct);
        var cases = await (
                from m in db.CaseMessages.AsNoTracking()
                join o in db.Orders on m.OrderId equals o.Id
                orderby m.CreatedAt descending, m.Id descending
                select new
                {
                    m.Id, m.Kind, m.ToName, To = m.ToEmail.Value, m.Subject, m.Status, m.CreatedAt, m.SentAt, m.Attempts, m.MessageId,
                    o.CaseNumber,
                })
            .Take(upTo)
            .ToListAsync(ct);
        var hr = await (
                from m in db.HrNotices.AsNoTracking()
                join i in db.HrImports on m.ImportId equals i.Id
                orderby m.CreatedAt descending, m.Id descending
                select new { m.Id, m.ToName, To = m.ToEmail.Value, m.Subject, m.Status, m.CreatedAt, m.SentAt, m.Attempts, m.MessageId, i.AsOf })
            .Take(upTo)
            .ToListAsync(ct);
        var rows = expiry
            .Concat(cases.Select(m => new OutboxRow(
                OutboxKind.CaseMessage, m.Id, AdminTimeZone.DateOf(m.CreatedAt), m.ToName, m.To, m.Subject, m.Status, m.CreatedAt, m.SentAt,
                m.Attempts, 1, m.MessageId)
            {
                CaseKind = m.Kind,
                CaseNumber = m.CaseNumber,
            }))
            .Concat(hr.Select(m => new OutboxRow(
                OutboxKind.HrNotice, m.Id, AdminTimeZone.DateOf(m.CreatedAt), m.ToName, m.To, m.Subject, m.Status, m.CreatedAt, m.SentAt,
                m.Attempts, 1, m.MessageId)
            {
                HrAsOf = m.AsOf,
            }))
            .Concat(reviews.Select(m => new OutboxRow(
                m.Kind == ReviewMessageKind.Invitation ? OutboxKind.ReviewInvitation : OutboxKind.ReviewReminder,
                m.Id, m.Day, m.ToName, m.To, m.Subject, m.Status, m.CreatedAt, m.SentAt, m.Attempts,
                m.UnitIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Length, m.MessageId, m.RoundName)))
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Kind).ThenByDescending(r => r.Id)
            .Skip(page * pageSize).Take(pageSize)
            .ToList();
        return new PagedOutbox(rows, total);
    }

    /// <summary>The plain text of one e-mail as it was sent (or will be), or null when there is none.</summary>
    public async Task<string?> BodyAsync(OutboxKind kind, int id, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(FollowUpsFeature.OutboxPolicy);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (kind == OutboxKind.FollowUpReminder)
        {
            var body = await db.ReminderMessages.AsNoTracking().Where(m => m.Id == id).Select(m => m.Body).SingleOrDefaultAsync(ct);
            if (body is null)
            {
                return null;
            }

            // A reminder composed before its person was protected names them: shown masked, as it would be composed now
            // (by the name it was written with and the name on record today).
            var names = await (
                    from f in db.ReminderMessages.Where(m => m.Id == id).SelectMany(m => m.Items).Join(db.FollowUps, i => i.FollowUpId, f => f.Id, (_, f) => f)
                    join e in db.Employees on f.EmployeeId equals e.Id
                    where e.IsProtected
                    select new { f.EmployeeName, e.FullName })
                .ToListAsync(ct);
            return PersonName.MaskIn(body, names.SelectMany(n => new[] { n.EmployeeName, n.FullName }));
        }

        if (kind == OutboxKind.CaseMessage)
        {
            var message = await (
                    from m in db.CaseMessages.AsNoTracking()
                    join o in db.Orders on m.OrderId equals o.Id
                    join e in db.Employees on o.EmployeeId equals e.Id
                    where m.Id == id
                    select new { m.Body, e.IsProtected, o.EmployeeName, e.FullName })
                .SingleOrDefaultAsync(ct);
            // Composed before the person was protected, a message names them: shown masked, as it would be composed now.
            return message is null ? null
                : message.IsProtected ? PersonName.MaskIn(message.Body, [message.EmployeeName, message.FullName]) : message.Body;
        }

        if (kind == OutboxKind.HrNotice)
        {
            // Composed with protected persons already shown as "Skyddad person".
            return await db.HrNotices.AsNoTracking().Where(m => m.Id == id).Select(m => m.Body).SingleOrDefaultAsync(ct);
        }

        var reviewKind = kind == OutboxKind.ReviewInvitation ? ReviewMessageKind.Invitation : ReviewMessageKind.Reminder;
        return await db.ReviewMessages.AsNoTracking().Where(m => m.Id == id && m.Kind == reviewKind)
            .Select(m => m.Body).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Runs the expiry check now, for an operator; the same run as the nightly job's. The job records what it did as
    /// itself; a real run also records who started it, so that e-mail sent outside the schedule has a name on record.
    /// A real run goes under the job's lease and does not wait for it: when another run is going on (the nightly one,
    /// the command line) it throws <see cref="JobBusyException"/>, saying which and since when, and does nothing.
    /// </summary>
    public async Task<FollowUpRunReport> RunNowAsync(bool dryRun, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.Operator);
        var today = Infrastructure.Localization.AdminTimeZone.Today(clock);
        var report = dryRun
            ? await run.RunAsync(today, dryRun: true, ct)
            : await runner.RunAsync(FollowUpRun.JobId, TimeSpan.Zero, leased => run.RunAsync(today, dryRun: false, leased), ct);
        if (!dryRun)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            audit.Record(db, actor, "FollowUp.RunStarted", "Job", FollowUpRun.JobId, $"{actor.Name} körde påminnelsejobbet: {report.Summary}",
                before: null,
                after: new { report.Today, report.Flagged, report.Closed, report.RemindersSent, report.Escalated, Failures = report.Failures.Count });
            await db.SaveChangesAsync(ct);
        }

        return report;
    }
}

public sealed record PagedOutbox(IReadOnlyList<OutboxRow> Items, int TotalCount);
