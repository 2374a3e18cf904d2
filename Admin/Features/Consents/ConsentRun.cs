using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.CaseMail;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Consents;

/// <summary>
/// The consent job for one day: every unanswered consent of an open case is judged by <see cref="ConsentPolicy"/> on
/// what it has stored (asked on, reminded on, escalated at), so a rerun the same day does nothing and a run after
/// missed days catches up. A reminder is one e-mail to each manager of the receiving unit, recorded in the same save
/// as the mark (once per consent and manager, <see cref="CaseMessageRecorder"/>) and sent afterwards; an escalation
/// puts the case on Soc-IT's dashboard. Each consent is decided in its own transaction, on a fresh read.
/// </summary>
public sealed partial class ConsentRun(
    IDbContextFactory<SocItDbContext> factory,
    CaseMessageRecorder recorder,
    SocItConsole.Admin.Features.CaseMail.CaseMail mail,
    AuditTrail audit,
    IOptions<EmailSettings> email,
    TimeProvider clock,
    ILogger<ConsentRun> logger)
{
    public const string JobId = "consent-reminders";

    internal static readonly Actor Job = new("job:" + JobId, "Godkännandejobbet");

    /// <summary>
    /// Runs the job for <paramref name="today"/>; a dry run says what it would do and changes nothing. A real run goes
    /// through the job's lease (<see cref="JobRunner"/>), whoever starts it.
    /// </summary>
    public async Task<ConsentRunReport> RunAsync(DateOnly today, bool dryRun, CancellationToken ct)
    {
        var lines = new List<string>();
        var failures = new List<string>();
        var (reminded, escalated) = (0, 0);
        var toSend = new List<int>();
        List<int> pending;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            pending = await db.Orders.AsNoTracking()
                .Where(o => o.Consent != null && o.Consent.Status == ConsentStatus.Pending && o.Consent.EscalatedAt == null
                    && o.Status != OrderStatus.Completed && o.Status != OrderStatus.Rejected)
                .OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        }

        foreach (var orderId in pending)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var transaction = dryRun ? null : await db.Database.BeginTransactionAsync(ct);
            if (transaction is not null)
            {
                // The order's row is claimed first, by a write that changes nothing: a second run at the same moment waits
                // here until this one has committed and then finds the reminder recorded (SQLite's write lock did this).
                await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Version, o => o.Version), ct);
            }

            var order = await db.Orders.Include(o => o.Employee).SingleAsync(o => o.Id == orderId, ct);
            if (order.Consent is not { } consent)
            {
                continue;
            }

            var step = ConsentPolicy.Next(consent, today);
            if (step == ConsentStep.None)
            {
                continue;
            }

            var now = clock.GetUtcNow();
            var before = new { consent.RemindedAt, consent.EscalatedAt };
            if (step == ConsentStep.Remind)
            {
                var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == consent.UnitId, ct);
                var person = PersonName.Shown(order.EmployeeName, order.Employee?.IsProtected ?? false);
                var names = string.Join(", ", unit.Managers.Select(m => m.Name));
                reminded++;
                if (dryRun)
                {
                    lines.Add($"{order.CaseNumber}: chefen för {consent.UnitName} ({names}) skulle påminnas.");
                    continue;
                }

                foreach (var manager in unit.Managers)
                {
                    var content = ConsentMailText.Reminder(
                        manager.Name, order.CaseNumber, person, order.UnitName, consent.UnitName, order.StartDate, order.EndDate,
                        order.Orderer.Name, consent.RequestedOn, email.Value.Link(ConsentNotices.ApprovalsPath), email.Value.FromName);
                    await recorder.RecordAsync(
                        db, order, CaseMessageKind.ConsentReminder, 0, manager.Name, manager.Email, content.Subject, content.Body, ct);
                }

                consent.MarkReminded(now, today);
                audit.Record(db, Job, "Consent.Reminded", "Order", order.CaseNumber,
                    $"{order.CaseNumber}: chefen för {consent.UnitName} har inte svarat på begäran om godkännande och påmindes.",
                    before, new { consent.RemindedAt, consent.EscalatedAt, Managers = names });
                lines.Add($"{order.CaseNumber}: påminnelse till chefen för {consent.UnitName} ({names}).");
                toSend.Add(order.Id);
            }
            else
            {
                escalated++;
                if (dryRun)
                {
                    lines.Add($"{order.CaseNumber}: skulle eskaleras till Soc-IT (chefen för {consent.UnitName} har inte svarat).");
                    continue;
                }

                consent.MarkEscalated(now);
                audit.Record(db, Job, "Consent.Escalated", "Order", order.CaseNumber,
                    $"{order.CaseNumber}: chefen för {consent.UnitName} har inte svarat trots påminnelse; ärendet eskalerades till Soc-IT.",
                    before, new { consent.RemindedAt, consent.EscalatedAt });
                lines.Add($"{order.CaseNumber}: eskalerat till Soc-IT (chefen för {consent.UnitName} har inte svarat).");
            }

            await db.SaveChangesAsync(ct);
            await transaction!.CommitAsync(ct);
        }

        if (!dryRun)
        {
            // After the saves: a reminder exists before it is sent, and one that fails stays recorded for the next try —
            // this run's and any an earlier run could not send, each with its recorded id.
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                toSend.AddRange(await db.CaseMessages.AsNoTracking()
                    .Where(m => m.Kind == CaseMessageKind.ConsentReminder && m.Status == ReminderStatus.Attempted)
                    .Select(m => m.OrderId).Distinct().ToListAsync(ct));
            }

            var sent = 0;
            foreach (var orderId in toSend.Distinct().Order())
            {
                var (count, failed) = await mail.SendPendingAsync(orderId, ct);
                sent += count;
                failures.AddRange(failed);
            }

            if (sent > 0)
            {
                lines.Add(sent == 1 ? "1 e-postmeddelande skickades." : $"{sent.ToString(CultureInfo.InvariantCulture)} e-postmeddelanden skickades.");
            }

            lines.AddRange(failures.Select(f => $"Kunde inte skickas: {f}. Det skickas igen senare."));
        }

        var report = new ConsentRunReport(today, dryRun, reminded, escalated, failures, lines);
        LogRun(logger, report.Summary);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent check: {Summary}")]
    private static partial void LogRun(ILogger logger, string summary);
}

/// <summary>What one run of the consent job did (or, in a dry run, would do).</summary>
public sealed record ConsentRunReport(
    DateOnly Day, bool DryRun, int Reminded, int Escalated, IReadOnlyList<string> Failures, IReadOnlyList<string> Lines) : IJobReport
{
    public bool Succeeded => Failures.Count == 0;

    /// <summary>"2026-12-02: 1 påminnelse, 0 eskalerade."; a dry run "Provkörning 2026-12-02: 1 påminnelse skulle skickas, …".</summary>
    public string Summary =>
        $"{(DryRun ? "Provkörning " : string.Empty)}{Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: " +
        (DryRun
            ? SwedishCount.Of(Reminded, "påminnelse skulle skickas", "påminnelser skulle skickas")
            : SwedishCount.Of(Reminded, "påminnelse", "påminnelser")) +
        $", {SwedishCount.Of(Escalated, "ärende eskalerat", "ärenden eskalerade")}" +
        (Failures.Count > 0 ? $", {Failures.Count.ToString(CultureInfo.InvariantCulture)} kunde inte skickas" : string.Empty) + ".";
}
