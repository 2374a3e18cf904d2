using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Hr;

namespace SocItConsole.Admin.Features.Hr;

/// <summary>
/// Sends the reconciliation's recorded notices, as <c>CaseMail</c> sends a case's: each is claimed in the database
/// first (<see cref="HrNotice.SendingUntil"/>), so two senders never both send one, and marked sent only when the
/// server took it; a refused one stays for the next run, with the same Message-Id.
/// </summary>
public sealed partial class HrNoticeMail(
    IDbContextFactory<SocItDbContext> factory, IMailSender sender, AuditTrail audit, TimeProvider clock, ILogger<HrNoticeMail> logger)
{
    internal static readonly TimeSpan SendClaim = TimeSpan.FromMinutes(2);

    /// <summary>Sends every notice not yet sent; returns how many went out and what failed.</summary>
    public async Task<(int Sent, IReadOnlyList<string> Failures)> SendPendingAsync(CancellationToken ct)
    {
        List<int> pending;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            pending = await db.HrNotices.AsNoTracking().Where(n => n.Status == ReminderStatus.Attempted)
                .OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(ct);
        }

        var sent = 0;
        var failures = new List<string>();
        foreach (var id in pending)
        {
            if (!await TryClaimAsync(id, ct))
            {
                continue;
            }

            if (await SendClaimedAsync(id, ct) is { } failure)
            {
                failures.Add(failure);
            }
            else
            {
                sent++;
            }
        }

        return (sent, failures);
    }

    private async Task<bool> TryClaimAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + SendClaim;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.HrNotices
            .Where(n => n.Id == id && n.Status == ReminderStatus.Attempted && (n.SendingUntil == null || n.SendingUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.SendingUntil, until).SetProperty(n => n.Attempts, n => n.Attempts + 1), ct) == 1;
    }

    private async Task<string?> SendClaimedAsync(int id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var notice = await db.HrNotices.SingleAsync(n => n.Id == id, ct);
        try
        {
            await sender.SendAsync(new OutgoingMail(notice.ToName, notice.ToEmail.Value, notice.Subject, notice.Body, notice.MessageId), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(logger, e, notice.MessageId);
            await db.HrNotices.Where(n => n.Id == id && n.Status == ReminderStatus.Attempted)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.SendingUntil, (DateTimeOffset?)null), CancellationToken.None);
            return $"{notice.ToEmail}: {e.Message}";
        }

        notice.MarkSent(clock.GetUtcNow());
        audit.Record(db, HrReconciliationRun.Job, "HrNotice.Sent", "HrImport", notice.ImportId.ToString(CultureInfo.InvariantCulture),
            $"E-post om avstämningen mot HR ({(notice.Kind == HrNoticeKind.Digest ? "sammanställning till chef" : "börjar snart, till utsedd beställare")}) skickad till {notice.ToName}.",
            before: null, after: new { Kind = notice.Kind.ToString(), To = notice.ToEmail.Value, notice.MessageId });
        await db.SaveChangesAsync(ct);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "HR notice {MessageId} could not be sent; it is retried with the same id")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string messageId);
}
