namespace SocItConsole.Shared.Orders;

/// <summary>
/// An order as the e-service sends it, before any check: titles, units, systems and levels by name.
/// <see cref="OrderNames.Resolve"/> turns it into an <see cref="OrderInput"/> for the rules.
/// </summary>
public sealed record OrderRequest : IOrderContacts
{
    public OrderType? Type { get; init; }

    public string? EmployeeName { get; init; }

    public string? Personnummer { get; init; }

    /// <summary>For <see cref="OrderType.Change"/>: the unit of the employment being changed.</summary>
    public string? EmploymentUnit { get; init; }

    /// <summary>For <see cref="OrderType.Change"/>: the title of the employment being changed, when the person has several in that unit.</summary>
    public string? EmploymentTitle { get; init; }

    /// <summary>The title; for <see cref="OrderType.Change"/>, the new title (none: unchanged).</summary>
    public string? Title { get; init; }

    /// <summary>The unit; for <see cref="OrderType.Change"/>, the new unit (none: unchanged).</summary>

    public string? Unit { get; init; }

    public string? TargetUnit { get; init; }

    public DateOnly? StartDate { get; init; }

    /// <summary>The end of a temporary grant, or for <see cref="OrderType.Terminate"/> the last working day.</summary>
    public DateOnly? EndDate { get; init; }

    public IReadOnlyList<RequestedSystemInput> Systems { get; init; } = [];

    public KeyChoiceKind? KeyKind { get; init; }

    public string? KeyNumber { get; init; }

    public string? OrdererName { get; init; }

    public string? OrdererEmail { get; init; }

    public string? ManagerName { get; init; }

    public string? ManagerEmail { get; init; }

    public string? Note { get; init; }
}

/// <summary>A system asked for in an extension; no level means the system's first (lowest) level.</summary>
public sealed record RequestedSystemInput(string? Name, string? Level);
