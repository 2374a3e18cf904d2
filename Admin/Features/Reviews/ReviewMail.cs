using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Features.Reviews;

/// <summary>
/// The review round's e-mail, the same way as the expiry reminders: a message is recorded as an attempt, with its
/// Message-Id and text, in the same save as what it is about (the round, or the units it reminds of), and sent
/// afterwards; it is marked sent only when the server accepted it. Whatever is still an attempt is sent again by the
/// next run of the review job, with the same Message-Id.
/// </summary>
public sealed partial class ReviewMail(
    IDbContextFactory<SocItDbContext> factory,
    IMailSender sender,
    AuditTrail audit,
    IOptions<EmailSettings> email,
    TimeProvider clock,
    ILogger<ReviewMail> logger)
{
    public const string TaskPath = "/my-reviews";

    /// <summary>How long a sender holds a message it is sending; a crashed sender's claim runs out after it.</summary>
    internal static readonly TimeSpan SendClaim = TimeSpan.FromMinutes(2);

    internal static readonly Actor Job = new("job:" + ReviewRun.JobId, "Granskningsjobbet");

    /// <summary>One manager of one or more of the round's units.</summary>
    internal sealed record Recipient(string Name, EmailAddress Email, IReadOnlyList<ReviewMailUnit> Units, IReadOnlyList<int> UnitIds);

    /// <summary>The managers of <paramref name="unitIds"/> as they are now, each with their units in the round.</summary>
    internal static async Task<IReadOnlyList<Recipient>> RecipientsAsync(
        SocItDbContext db, int roundId, IReadOnlyCollection<int> unitIds, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(ct);
        var counts = await db.ReviewLines.AsNoTracking()
            .Where(l => l.RoundId == roundId && unitIds.Contains(l.UnitId))
            .GroupBy(l => l.UnitId)
            .Select(g => new { UnitId = g.Key, Lines = g.Count(), Unanswered = g.Count(l => l.Answer == ReviewAnswer.None) })
            .ToDictionaryAsync(x => x.UnitId, ct);
        return [.. units
            .SelectMany(u => u.Managers.Select(m => (Manager: m, Unit: u)))
            .GroupBy(x => x.Manager.Email)
            .OrderBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g =>
            {
                var mine = g.OrderBy(x => x.Unit.Name, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), true)).ToList();
                return new Recipient(
                    g.First().Manager.Name,
                    g.Key,
                    [.. mine.Select(x => counts.TryGetValue(x.Unit.Id, out var c)
                        ? new ReviewMailUnit(x.Unit.Name, c.Lines, c.Unanswered)
                        : new ReviewMailUnit(x.Unit.Name, 0, 0))],
                    [.. mine.Select(x => x.Unit.Id)]);
            })];
    }

    /// <summary>Records one invitation per manager of the round's units (not yet sent); returns how many.</summary>
    internal async Task<int> RecordInvitationsAsync(SocItDbContext db, ReviewRound round, DateOnly today, CancellationToken ct)
    {
        var recipients = await RecipientsAsync(db, round.Id, round.UnitIds, ct);
        foreach (var recipient in recipients)
        {
            var content = ReviewMailText.Invitation(
                recipient.Name, round.Name, round.DueDate, round.Message, recipient.Units, email.Value.Link(TaskPath), email.Value.FromName);
            db.ReviewMessages.Add(new ReviewMessage(
                round.Id, ReviewMessageKind.Invitation, today, recipient.Name, recipient.Email,
                MessageIdFor(round.Id, ReviewMessageKind.Invitation, recipient.Email), content.Subject, content.Body,
                recipient.UnitIds, clock.GetUtcNow()));
        }

        return recipients.Count;
    }

    /// <summary>Records one reminder of <paramref name="round"/> to <paramref name="recipient"/>, unless one exists.</summary>
    internal async Task<bool> RecordReminderAsync(
        SocItDbContext db, ReviewRound round, Recipient recipient, DateOnly today, CancellationToken ct)
    {
        var exists = await db.ReviewMessages.AnyAsync(
            m => m.RoundId == round.Id && m.Kind == ReviewMessageKind.Reminder && m.ToEmail == recipient.Email, ct);
        if (exists)
        {
            return false;
        }

        var content = ReviewMailText.Reminder(
            recipient.Name, round.Name, round.DueDate, today, recipient.Units, email.Value.Link(TaskPath), email.Value.FromName);
        db.ReviewMessages.Add(new ReviewMessage(
            round.Id, ReviewMessageKind.Reminder, today, recipient.Name, recipient.Email,
            MessageIdFor(round.Id, ReviewMessageKind.Reminder, recipient.Email), content.Subject, content.Body,
            recipient.UnitIds, clock.GetUtcNow()));
        return true;
    }

    /// <summary>
    /// Sends every recorded message of an open round that is not yet sent (of one round, or of all); returns how many
    /// went out and what failed. A failure leaves the message as an attempt for the next run. What is left of a round
    /// that was closed meanwhile is not sent: an invitation or a reminder to answer a frozen round would mislead.
    /// </summary>
    /// <remarks>
    /// A round's start (in the console) and the review job (in the console, a second instance or on the command line)
    /// may find the same attempt at once. Each message is therefore claimed in the database before it is sent — one
    /// conditional update that only one sender can win (<see cref="ReviewMessage.SendingUntil"/>) — and the loser
    /// leaves it to the winner.
    /// </remarks>
    public async Task<(int Sent, IReadOnlyList<string> Failures)> SendPendingAsync(int? roundId, CancellationToken ct)
    {
        List<int> pending;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            pending = await Pending(db, roundId).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        }

        var sent = 0;
        var failures = new List<string>();
        foreach (var id in pending)
        {
            if (!await TryClaimAsync(id, ct))
            {
                continue;
            }

            switch (await SendClaimedAsync(id, ct))
            {
                case null:
                    sent++;
                    break;
                case { } failure:
                    failures.Add(failure);
                    break;
            }
        }

        return (sent, failures);
    }

    /// <summary>
    /// Claims an unsent message for this sender and counts the attempt, in one statement; false when it is sent
    /// already or another sender holds it.
    /// </summary>
    private async Task<bool> TryClaimAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + SendClaim;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ReviewMessages
            .Where(m => m.Id == id && m.Status == ReminderStatus.Attempted && (m.SendingUntil == null || m.SendingUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SendingUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct) == 1;
    }

    /// <summary>How many recorded messages of open rounds are still unsent: what the next send would try again.</summary>
    internal static Task<int> PendingCountAsync(SocItDbContext db, CancellationToken ct) => Pending(db, roundId: null).CountAsync(ct);

    private static IQueryable<ReviewMessage> Pending(SocItDbContext db, int? roundId) =>
        db.ReviewMessages.AsNoTracking()
            .Where(m => m.Status == ReminderStatus.Attempted && (roundId == null || m.RoundId == roundId))
            .Where(m => db.ReviewRounds.Any(r => r.Id == m.RoundId && r.Status == ReviewRoundStatus.Open));

    /// <summary>Sends a message this sender has claimed; null when the server took it, else what failed.</summary>
    private async Task<string?> SendClaimedAsync(int id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var message = await db.ReviewMessages.SingleAsync(m => m.Id == id, ct);
        try
        {
            await sender.SendAsync(
                new OutgoingMail(message.ToName, message.ToEmail.Value, message.Subject, message.Body, message.MessageId), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(logger, e, message.MessageId);
            // Let go at once, so that the next run tries again without waiting for the claim to run out.
            await db.ReviewMessages.Where(m => m.Id == id && m.Status == ReminderStatus.Attempted)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SendingUntil, (DateTimeOffset?)null), CancellationToken.None);
            return $"{message.ToEmail}: {e.Message}";
        }

        message.MarkSent(clock.GetUtcNow());
        var what = message.Kind == ReviewMessageKind.Invitation ? "Inbjudan" : "Påminnelse";
        audit.Record(db, Job, message.Kind == ReviewMessageKind.Invitation ? "Review.InvitationSent" : "Review.ReminderSent",
            "ReviewMessage", message.MessageId,
            $"{what} till granskning skickad till {message.ToName} ({message.ToEmail}).",
            before: null, after: new { message.RoundId, To = message.ToEmail.Value, Kind = message.Kind.ToString(), message.MessageId });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The same id on every attempt; the address is hashed so that it does not show in headers and logs.</summary>
    internal string MessageIdFor(int roundId, ReviewMessageKind kind, EmailAddress manager) =>
        email.Value.MessageId(
            string.Create(CultureInfo.InvariantCulture, $"review-{roundId}-{(kind == ReviewMessageKind.Invitation ? "invite" : "remind")}"),
            manager.Value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review message {MessageId} could not be sent; it is retried with the same id")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string messageId);
}
