using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;

namespace SocItConsole.Admin.Features.Keys;

/// <summary>What a change to the register writes to the audit trail. Never a personal code, never a hash.</summary>
internal sealed record KeyAudit(string Action, string EntityType, string EntityId, string Message, object? Before, object? After);

/// <summary>
/// The one way the key register changes: through <see cref="AuditedChange"/> under the operator's policy, in one
/// transaction (a key registered, then received against its purchase, is all or nothing). A rule's refusal comes back as
/// its Swedish message, a change made meanwhile by someone else (a concurrency token or a unique number) as a conflict,
/// and in both cases nothing is saved.
/// </summary>
public sealed class KeyChanges(AuditedChange changes)
{
    internal const string ConflictMessage =
        "Någon annan ändrade samma nyckel, pool eller kod samtidigt. Inget sparades; ladda om och försök igen.";

    internal Task<KeyResult> RunAsync(
        Func<ChangeContext, Task<KeyAudit>> change,
        CancellationToken ct,
        Func<KeyAudit, KeyResult>? onSaved = null,
        string staleMessage = ConflictMessage) =>
        changes.RunAsync(
            new ChangeRules<KeyResult>(
                Policies.Operator, staleMessage, m => new KeyResult.Refused(m), m => new KeyResult.Conflict(m))
            {
                InTransaction = true,
                UniqueConflictMessage = ConflictMessage,
            },
            async c =>
            {
                var entry = await change(c);
                c.Audit(entry.Action, entry.EntityType, entry.EntityId, entry.Message, entry.Before, entry.After);
                return onSaved?.Invoke(entry) ?? new KeyResult.Done(entry.Message);
            },
            ct);
}
