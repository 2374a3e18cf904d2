using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>The reminders the console has sent or tried to send (Utkorg), newest first, from its own records.</summary>
public sealed class Outbox(IDbContextFactory<SocItDbContext> factory, CurrentUser currentUser, ExpiryRun run, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<PagedOutbox> ListAsync(int page, int pageSize, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(FollowUpsFeature.OutboxPolicy);
        page = Math.Max(page, 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await factory.CreateDbContextAsync(ct);
        var total = await db.ReminderMessages.CountAsync(ct);
        var rows = await db.ReminderMessages.AsNoTracking()
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(m => new OutboxRow(
                m.Id, m.Day, m.ToName, m.ToEmail.Value, m.Subject, m.Status, m.CreatedAt, m.SentAt, m.Attempts, m.Items.Count, m.MessageId))
            .ToListAsync(ct);
        return new PagedOutbox(rows, total);
    }

    public async Task<string?> BodyAsync(int id, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(FollowUpsFeature.OutboxPolicy);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ReminderMessages.AsNoTracking().Where(m => m.Id == id).Select(m => m.Body).SingleOrDefaultAsync(ct);
    }

    /// <summary>Runs the expiry check now, for an operator; the same run as the nightly job's.</summary>
    public async Task<ExpiryRunReport> RunNowAsync(bool dryRun, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        return await run.RunAsync(Infrastructure.Localization.AdminTimeZone.Today(clock), dryRun, ct);
    }
}

public sealed record PagedOutbox(IReadOnlyList<OutboxRow> Items, int TotalCount);
