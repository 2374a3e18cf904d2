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

/// <summary>
/// One line of the audit list: no before/after snapshots, they are fetched for one entry at a time.
/// <see cref="Entity"/> is the record as a person names it ("SOC-2026-00042", "Anna Andersson", "Nyckel 1234567").
/// </summary>
public sealed record AuditRow(
    long Id,
    DateTimeOffset OccurredAt,
    string ActorName,
    string Action,
    string EntityType,
    string EntityId,
    string Entity,
    string Summary);

/// <summary>
/// One entry as the dialog shows it: its before and after as Swedish <see cref="Fields"/>, and the technical facts.
/// <see cref="Raw"/> holds the stored JSON for administrators only and is null for everyone else.
/// </summary>
public sealed record AuditDetails(
    long Id,
    DateTimeOffset OccurredAt,
    string ActorId,
    string ActorName,
    string Action,
    string EntityType,
    string EntityId,
    string Entity,
    string Summary,
    bool HasBefore,
    bool HasAfter,
    IReadOnlyList<AuditField> Fields,
    AuditRawJson? Raw);

/// <summary>
/// One field of an entry's snapshots with its Swedish label and values; a value is null where that snapshot does not
/// have the field. A value of several parts (a checklist, a list of systems) has one line per part.
/// </summary>
public sealed record AuditField(string Label, string? Before, string? After, bool Changed);

/// <summary>The snapshots as stored, indented; null where nothing existed before or after.</summary>
public sealed record AuditRawJson(string? Before, string? After);
