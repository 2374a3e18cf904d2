using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Features.Reviews;

/// <summary>
/// The review job for one day: sends what is still unsent, reminds the managers of units with unanswered lines once,
/// <see cref="ReviewOptions.ReminderDaysBefore"/> days before the due date, and after the due date puts such units on
/// Soc-IT's dashboard. It judges by what is stored per unit (reminded on, escalated on) through
/// <see cref="ReviewReminderPolicy"/>, so a rerun the same day does nothing and a run after missed nights catches up.
/// </summary>
public sealed partial class ReviewRun(
    IDbContextFactory<SocItDbContext> factory,
    ReviewMail mail,
    AuditTrail audit,
    IOptions<ReviewOptions> options,
    ILogger<ReviewRun> logger)
{
    public const string JobId = "access-review-reminders";

    /// <summary>
    /// Runs the job for <paramref name="today"/>. A real run is not to go on beside another: every caller goes through
    /// the job's lease (<see cref="Infrastructure.Jobs.JobRunner"/>), which also records the run in <c>JobRuns</c>.
    /// </summary>
    public async Task<ReviewRunReport> RunAsync(DateOnly today, bool dryRun, CancellationToken ct)
    {
        var lines = new List<string>();
        var failures = new List<string>();
        var (reminded, escalated) = (0, 0);
        List<int> open;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            open = await db.ReviewRounds.AsNoTracking().Where(r => r.Status == ReviewRoundStatus.Open)
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
            if (dryRun && await ReviewMail.PendingCountAsync(db, ct) is > 0 and var pending)
            {
                lines.Add(pending == 1
                    ? "1 ej skickat e-postmeddelande skulle skickas igen."
                    : $"{pending.ToString(CultureInfo.InvariantCulture)} ej skickade e-postmeddelanden skulle skickas igen.");
            }
        }

        foreach (var roundId in open)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The round's row is claimed first, by a write that changes nothing: a second run at the same moment (another
            // instance, the command line) waits here until this one has committed and then finds its reminders recorded.
            // On SQLite the transaction's write lock already did that; on PostgreSQL a plain read would not wait.
            await db.ReviewRounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version), ct);
            var round = await db.ReviewRounds.SingleAsync(r => r.Id == roundId, ct);
            if (!round.IsOpen)
            {
                continue;
            }

            var unanswered = await db.ReviewLines.Where(l => l.RoundId == roundId && l.Answer == ReviewAnswer.None)
                .GroupBy(l => l.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var toRemind = new List<int>();
            var toEscalate = new List<int>();
            foreach (var unit in round.Units)
            {
                var decision = ReviewReminderPolicy.Decide(
                    round.StateOf(unit.UnitId, unanswered.GetValueOrDefault(unit.UnitId)), today, options.Value.ReminderDaysBefore);
                if (decision == ReviewReminderDecision.RemindManagers)
                {
                    toRemind.Add(unit.UnitId);
                }
                else if (decision == ReviewReminderDecision.Escalate)
                {
                    toEscalate.Add(unit.UnitId);
                }
            }

            if (toRemind.Count == 0 && toEscalate.Count == 0)
            {
                continue;
            }

            var recipients = toRemind.Count == 0 ? [] : await ReviewMail.RecipientsAsync(db, roundId, toRemind, ct);
            if (dryRun)
            {
                lines.AddRange(recipients.Select(r =>
                    $"\"{round.Name}\": {r.Email} skulle påminnas om {string.Join(", ", r.Units.Select(u => u.UnitName))}."));
                if (toEscalate.Count > 0)
                {
                    lines.Add($"\"{round.Name}\": {ReviewDisplay.Units(toEscalate.Count)} skulle eskaleras till Soc-IT.");
                }

                reminded += recipients.Count;
                escalated += toEscalate.Count;
                continue;
            }

            foreach (var recipient in recipients)
            {
                if (await mail.RecordReminderAsync(db, round, recipient, today, ct))
                {
                    reminded++;
                    lines.Add($"\"{round.Name}\": påminnelse till {recipient.Email} om {string.Join(", ", recipient.Units.Select(u => u.UnitName))}.");
                }
            }

            foreach (var unitId in toRemind)
            {
                round.RecordReminder(unitId, today);
            }

            if (toRemind.Count > 0)
            {
                audit.Record(db, ReviewMail.Job, "Review.Reminded", "ReviewRound", ReviewRounds.Id(roundId),
                    $"Granskningen \"{round.Name}\": påminnelse till cheferna för {ReviewDisplay.Units(toRemind.Count)} med obesvarade rader.",
                    before: null, after: new { Units = toRemind, Day = today });
            }

            foreach (var unitId in toEscalate)
            {
                round.RecordEscalation(unitId, today);
            }

            if (toEscalate.Count > 0)
            {
                escalated += toEscalate.Count;
                audit.Record(db, ReviewMail.Job, "Review.Escalated", "ReviewRound", ReviewRounds.Id(roundId),
                    $"Granskningen \"{round.Name}\": {ReviewDisplay.Units(toEscalate.Count)} hade obesvarade rader efter sista svarsdagen och eskalerades till Soc-IT.",
                    before: null, after: new { Units = toEscalate, Day = today });
                lines.Add($"\"{round.Name}\": {ReviewDisplay.Units(toEscalate.Count)} eskalerades till Soc-IT.");
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        if (!dryRun)
        {
            // Once, at the end: today's reminders and whatever an earlier run or a round's start recorded and could
            // not send, each with its recorded id. A second pass would try a refused message twice in one run.
            var (sent, failed) = await mail.SendPendingAsync(roundId: null, ct);
            failures.AddRange(failed);
            if (sent > 0)
            {
                lines.Add(sent == 1 ? "1 e-postmeddelande skickades." : $"{sent.ToString(CultureInfo.InvariantCulture)} e-postmeddelanden skickades.");
            }

            lines.AddRange(failed.Select(f => $"Kunde inte skickas: {f}. Det skickas igen vid nästa körning."));
        }

        var report = new ReviewRunReport(today, dryRun, reminded, escalated, failures, lines);
        LogRun(logger, report.Summary);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Access review check: {Summary}")]
    private static partial void LogRun(ILogger logger, string summary);
}

/// <summary>What one run of the review job did (or, in a dry run, would do).</summary>
public sealed record ReviewRunReport(
    DateOnly Day, bool DryRun, int Reminders, int Escalated, IReadOnlyList<string> Failures, IReadOnlyList<string> Lines)
    : IJobReport
{
    public bool Succeeded => Failures.Count == 0;

    /// <summary>"2026-12-04: 1 påminnelse, 2 verksamheter eskalerade."; a dry run "Provkörning 2026-12-04: 2 påminnelser skulle skickas, …".</summary>
    public string Summary =>
        $"{(DryRun ? "Provkörning " : string.Empty)}{Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: " +
        (DryRun
            ? SwedishCount.Of(Reminders, "påminnelse skulle skickas", "påminnelser skulle skickas")
            : SwedishCount.Of(Reminders, "påminnelse", "påminnelser")) +
        $", {SwedishCount.Of(Escalated, "verksamhet eskalerad", "verksamheter eskalerade")}" +
        (Failures.Count > 0 ? $", {Failures.Count} kunde inte skickas" : string.Empty) + ".";
}

public sealed class ReviewOptions
{
    public const string Section = "Reviews";

    /// <summary>How many days before the due date the managers of units with unanswered lines are reminded.</summary>
    public int ReminderDaysBefore { get; set; } = ReviewReminderPolicy.DefaultReminderDaysBefore;
}
