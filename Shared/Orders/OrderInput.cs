namespace SocItConsole.Shared.Orders;

/// <summary>
/// An order as the console knows its parts, before any check: the title, units, systems and levels by id. The
/// console's form and the orders about a grant build it directly; the e-service's named <see cref="OrderRequest"/>
/// becomes one through <see cref="OrderNames.Resolve"/>. <see cref="OrderRules.Validate(OrderInput, OrderReference, DateOnly, IReadOnlyCollection{People.Employment})"/>
/// checks it.
/// </summary>
public sealed record OrderInput : IOrderContacts
{
    public OrderType? Type { get; init; }

    public string? EmployeeName { get; init; }

    public string? Personnummer { get; init; }

    /// <summary>The person's employment the order changes or ends (a change of title or unit, an end of employment).</summary>
    public int? EmploymentId { get; init; }

    public int? TitleId { get; init; }

    public int? UnitId { get; init; }

    public int? TargetUnitId { get; init; }

    public DateOnly? StartDate { get; init; }

    /// <summary>The end of a temporary grant, or for <see cref="OrderType.Terminate"/> the last working day.</summary>
    public DateOnly? EndDate { get; init; }

    public IReadOnlyList<RequestedSystemId> Systems { get; init; } = [];

    public KeyChoiceKind? KeyKind { get; init; }

    public string? KeyNumber { get; init; }

    public string? OrdererName { get; init; }

    public string? OrdererEmail { get; init; }

    public string? ManagerName { get; init; }

    public string? ManagerEmail { get; init; }

    public string? Note { get; init; }

    /// <summary>
    /// What the sender named that the console does not know, with the message to give in place of an id. The rules
    /// report it where they would have checked that part, so an unknown name is reported exactly where and when a
    /// missing id would be.
    /// </summary>
    public IReadOnlyDictionary<OrderFieldKey, string> Unresolved { get; init; } = new Dictionary<OrderFieldKey, string>();
}

/// <summary>A system asked for by id; no level means the system's first (lowest) level.</summary>
public sealed record RequestedSystemId(int? SystemId, int? LevelId);

/// <summary>The contact e-mail addresses an order gives, whichever way it came.</summary>
public interface IOrderContacts
{
    string? OrdererEmail { get; }

    string? ManagerEmail { get; }
}
