using SocItConsole.Admin.Data;
using SocItConsole.Shared.Audit;

namespace SocItConsole.Admin.Infrastructure.Changes;

/// <summary>What a change is made in and by: one context, the signed-in person, the moment and the Swedish date.</summary>
public sealed class ChangeContext(SocItDbContext db, Actor actor, DateTimeOffset now, DateOnly today)
{
    private readonly List<AuditNote> _related = [];

    public SocItDbContext Db => db;

    public Actor Actor => actor;

    public DateTimeOffset Now => now;

    public DateOnly Today => today;

    internal AuditNote? Note { get; private set; }

    /// <summary>The change's one audit entry, saved together with the change. Without one, nothing is saved.</summary>
    public void Audit(string action, string entityType, string entityId, string message, object? before, object? after)
    {
        if (Note is not null)
        {
            throw new InvalidOperationException("A change writes one audit entry.");
        }

        Note = new AuditNote(action, entityType, entityId, message, before, after);
    }

    internal IReadOnlyList<AuditNote> Related => _related;

    /// <summary>
    /// An entry for another record the same change moved (a key returned by ticking a case's checklist), saved with
    /// the change's own entry: that record's trail shows the change as if it had been made on its own page. It is
    /// saved only together with the change's one <see cref="Audit"/> entry.
    /// </summary>
    public void AuditRelated(string action, string entityType, string entityId, string message, object? before, object? after) =>
        _related.Add(new AuditNote(action, entityType, entityId, message, before, after));
}

/// <summary>What a change writes to the audit trail.</summary>
public sealed record AuditNote(string Action, string EntityType, string EntityId, string Message, object? Before, object? After);
