namespace SocItConsole.Shared.Audit;

/// <summary>
/// One change on record: who, when (UTC), what was done to which entity, and the entity before and after as JSON.
/// Entries are only ever added; nothing in the console changes or deletes them.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 80;
    public const int EntityTypeMaxLength = 60;
    public const int EntityIdMaxLength = 60;
    public const int SummaryMaxLength = 500;
    public const int ActorMaxLength = 120;

    private AuditEntry()
    {
        ActorId = ActorName = Action = EntityType = EntityId = Summary = string.Empty;
    }

    public AuditEntry(
        DateTimeOffset occurredAt,
        Actor actor,
        string action,
        string entityType,
        string entityId,
        string summary,
        string? before,
        string? after)
    {
        ArgumentNullException.ThrowIfNull(actor);
        OccurredAt = occurredAt.ToUniversalTime();
        ActorId = Truncate(actor.Id, ActorMaxLength);
        ActorName = Truncate(actor.Name, ActorMaxLength);
        Action = Truncate(action, ActionMaxLength);
        EntityType = Truncate(entityType, EntityTypeMaxLength);
        EntityId = Truncate(entityId, EntityIdMaxLength);
        Summary = Truncate(summary, SummaryMaxLength);
        Before = before;
        After = after;
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string ActorId { get; private set; }

    public string ActorName { get; private set; }

    /// <summary>What was done, e.g. <c>ItSystem.Updated</c> or <c>Matrix.Saved</c>.</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>One Swedish sentence for the history list.</summary>
    public string Summary { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
