using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Features.Keys;

/// <summary>What a change to the register writes to the audit trail. Never a personal code, never a hash.</summary>
internal sealed record KeyAudit(string Action, string EntityType, string EntityId, string Message, object? Before, object? After);

/// <summary>The moment and the person a change is made by, and the context it is made in.</summary>
internal sealed record KeyChangeContext(SocItDbContext Db, Actor Actor, DateTimeOffset Now, DateOnly Today);

/// <summary>
/// The one way the key register changes: check the operator's role, open one context, let the change decide with the
/// Shared rules, write one audit entry, save. A rule's refusal comes back as its Swedish message, a change made
/// meanwhile by someone else (a concurrency token or a unique number) as a conflict, and in both cases nothing is saved.
/// </summary>
public sealed class KeyChanges(
    IDbContextFactory<SocItDbContext> factory,
    CurrentUser currentUser,
    AuditTrail audit,
    TimeProvider clock)
{
    internal const string ConflictMessage =
        "Någon annan ändrade samma nyckel, pool eller kod samtidigt. Inget sparades; ladda om och försök igen.";

    internal TimeProvider Clock => clock;

    internal async Task<KeyResult> RunAsync(
        Func<KeyChangeContext, Task<KeyAudit>> change,
        CancellationToken ct,
        Func<KeyAudit, KeyResult>? onSaved = null,
        string staleMessage = ConflictMessage)
    {
        var actor = await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        // One transaction per change: on SQLite it takes the write lock at once, so a change that saves in two steps
        // (a key registered, then received against its purchase) is all or nothing, and changes to one key queue up.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        KeyAudit entry;
        try
        {
            entry = await change(new KeyChangeContext(db, actor, now, AdminTimeZone.Today(clock)));
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return new KeyResult.Conflict(ConflictMessage);
        }
        catch (DomainException e)
        {
            return new KeyResult.Refused(e.Message);
        }
        catch (StaleKeyException)
        {
            return new KeyResult.Conflict(staleMessage);
        }

        audit.Record(db, actor, entry.Action, entry.EntityType, entry.EntityId, entry.Message, entry.Before, entry.After);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new KeyResult.Conflict(staleMessage);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return new KeyResult.Conflict(ConflictMessage);
        }

        return onSaved?.Invoke(entry) ?? new KeyResult.Done(entry.Message);
    }

    internal static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };
}
