using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.CaseMail;

/// <summary>
/// The e-mail a case gives rise to (besked), the same way as the expiry reminders and the review round's mail: a
/// message is recorded as an attempt, with its Message-Id and text, in the same save as the event it tells of, and
/// sent afterwards; it is marked sent only when the server accepted it. Whatever is still an attempt is sent again
/// later with the same Message-Id. Two senders (the console and a job, or two instances) never both send one: each
/// claims the message in the database first (<see cref="CaseMessage.SendingUntil"/>).
/// </summary>
public sealed partial class CaseMail(
    IDbContextFactory<SocItDbContext> factory,
    IMailSender sender,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<CaseMail> logger)
{
    /// <summary>How long a sender holds a message it is sending; a crashed sender's claim runs out after it.</summary>
    internal static readonly TimeSpan SendClaim = TimeSpan.FromMinutes(2);

    internal static readonly Actor Sender = new("mail:case", "E-post om ärenden");

    /// <summary>
    /// Sends every recorded message not yet sent (of one case, or of all); returns how many went out and what failed.
    /// A failure leaves the message as an attempt for the next try.
    /// </summary>
    public async Task<(int Sent, IReadOnlyList<string> Failures)> SendPendingAsync(int? orderId, CancellationToken ct)
    {
        List<int> pending;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            pending = await Pending(db, orderId).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
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

    /// <summary>How many recorded messages are still unsent.</summary>
    internal static Task<int> PendingCountAsync(SocItDbContext db, CancellationToken ct) => Pending(db, orderId: null).CountAsync(ct);

    private static IQueryable<CaseMessage> Pending(SocItDbContext db, int? orderId) =>
        db.CaseMessages.AsNoTracking().Where(m => m.Status == ReminderStatus.Attempted && (orderId == null || m.OrderId == orderId));

    private async Task<bool> TryClaimAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + SendClaim;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.CaseMessages
            .Where(m => m.Id == id && m.Status == ReminderStatus.Attempted && (m.SendingUntil == null || m.SendingUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SendingUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct) == 1;
    }

    private async Task<string?> SendClaimedAsync(int id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var message = await db.CaseMessages.SingleAsync(m => m.Id == id, ct);
        try
        {
            await sender.SendAsync(new OutgoingMail(message.ToName, message.ToEmail.Value, message.Subject, message.Body, message.MessageId), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(logger, e, message.MessageId);
            // Let go at once, so that the next try does not wait for the claim to run out.
            await db.CaseMessages.Where(m => m.Id == id && m.Status == ReminderStatus.Attempted)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SendingUntil, (DateTimeOffset?)null), CancellationToken.None);
            return $"{message.ToEmail}: {e.Message}";
        }

        message.MarkSent(clock.GetUtcNow());
        var caseNumber = await db.Orders.AsNoTracking().Where(o => o.Id == message.OrderId).Select(o => o.CaseNumber).SingleAsync(ct);
        audit.Record(db, Sender, "CaseMail.Sent", "Order", caseNumber,
            $"{caseNumber}: e-post ({CaseMailNames.Of(message.Kind)}) skickad till {message.ToName}.",
            before: null, after: new { Kind = message.Kind.ToString(), To = message.ToEmail.Value, message.MessageId });
        await db.SaveChangesAsync(ct);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case message {MessageId} could not be sent; it is retried with the same id")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string messageId);
}
