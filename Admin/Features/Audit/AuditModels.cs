namespace SocItConsole.Admin.Features.Audit;

/// <summary>
/// A search of the audit trail. Every part is optional; <see cref="From"/> and <see cref="To"/> are Swedish calendar
/// days and both are included.
/// </summary>
public sealed record AuditQuery
{
    /// <summary>Exactly this entity type, e.g. <c>Order</c> or <c>Matrix</c>.</summary>
    public string? EntityType { get; init; }

    /// <summary>Exactly this entity id, e.g. a case number.</summary>
    public string? EntityId { get; init; }

    /// <summary>Part of the actor's name, or their exact user id.</summary>
    public string? Actor { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Part of the summary.</summary>
    public string? Text { get; init; }
}

/// <summary>One line of the audit list: no before/after snapshots, they are fetched for one entry at a time.</summary>
public sealed record AuditRow(
    long Id,
    DateTimeOffset OccurredAt,
    string ActorName,
    string Action,
    string EntityType,
    string EntityId,
    string Summary);

/// <summary>One entry with its snapshots as indented JSON; null where nothing existed before or after.</summary>
public sealed record AuditDetails(
    long Id,
    DateTimeOffset OccurredAt,
    string ActorId,
    string ActorName,
    string Action,
    string EntityType,
    string EntityId,
    string Summary,
    string? Before,
    string? After);
