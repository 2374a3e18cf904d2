using SocItConsole.Admin.Data;
using SocItConsole.Shared.Audit;

namespace SocItConsole.Admin.Infrastructure.Changes;

/// <summary>What a change is made in and by: one context, the signed-in person, the moment and the Swedish date.</summary>
public sealed class ChangeContext(SocItDbContext db, Actor actor, DateTimeOffset now, DateOnly today)
{
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
}

/// <summary>What a change writes to the audit trail.</summary>
public sealed record AuditNote(string Action, string EntityType, string EntityId, string Message, object? Before, object? After);
