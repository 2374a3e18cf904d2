using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Infrastructure.Changes;

/// <summary>
/// The one way a feature changes what the console stores: check the policy, open one context, let the change decide
/// with the Shared rules, write its audit entry, save both together. A rule's refusal (<see cref="DomainException"/>)
/// comes back as its Swedish message, a change made meanwhile by someone else (a stale version, a concurrency token or
/// a unique number) as the feature's conflict message; in every such case nothing is saved. A change that records no
/// audit entry saves nothing either: every save is audited.
/// </summary>
public sealed partial class AuditedChange(
    IDbContextFactory<SocItDbContext> factory,
    CurrentUser currentUser,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<AuditedChange> logger)
{
    public async Task<TResult> RunAsync<TResult>(
        ChangeRules<TResult> rules, Func<ChangeContext, Task<TResult>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(change);
        var actor = await currentUser.RequireAsync(rules.Policy);
        await using var db = await factory.CreateDbContextAsync(ct);
        // On SQLite a transaction takes the write lock at once: a change that saves in steps (a new record's id for its
        // audit entry, a key registered and then received) is all or nothing, and changes to one record queue up.
        await using var transaction = rules.InTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        var context = new ChangeContext(db, actor, clock.GetUtcNow(), AdminTimeZone.Today(clock));
        try
        {
            var result = await change(context);
            if (context.Note is not { } note)
            {
                return result;
            }

            audit.Record(db, actor, note.Action, note.EntityType, note.EntityId, note.Message, note.Before, note.After);
            foreach (var related in context.Related)
            {
                audit.Record(db, actor, related.Action, related.EntityType, related.EntityId, related.Message, related.Before, related.After);
            }

            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return result;
        }
        catch (DomainException e)
        {
            return rules.Refused(e.Message);
        }
        catch (StaleChangeException)
        {
            return rules.Conflict(rules.ConflictMessage);
        }
        catch (DbUpdateException e) when (rules.SaveFailedMessage is { } saveFailed)
        {
            LogSaveFailed(logger, e);
            return rules.Refused(saveFailed);
        }
        catch (DbUpdateConcurrencyException)
        {
            return rules.Conflict(rules.ConflictMessage);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return rules.Conflict(rules.UniqueConflictMessage ?? rules.ConflictMessage);
        }
    }

    /// <summary>A unique index refused the save: someone else took the same number or name at the same moment.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) =>
        e?.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }
            or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change could not be saved")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);
}
