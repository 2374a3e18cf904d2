namespace SocItConsole.Shared.Orders;

/// <summary>
/// An order as it arrives, from the console's form or the e-service's JSON, before any check. Titles, units, systems
/// and levels are given by name; <see cref="OrderRules.Validate"/> resolves them and says what is wrong.
/// </summary>
public sealed record OrderRequest
{
    public OrderType? Type { get; init; }

    public string? EmployeeName { get; init; }

    public string? Personnummer { get; init; }

    public string? Title { get; init; }

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

/// <summary>The error keys, named as the e-service's JSON names the fields, so the API can return them as they are.</summary>
public static class OrderFields
{
    public const string Type = "type";
    public const string EmployeeName = "employee.fullName";
    public const string Personnummer = "employee.personnummer";
    public const string Title = "title";
    public const string Unit = "unit";
    public const string TargetUnit = "targetUnit";
    public const string StartDate = "startDate";
    public const string EndDate = "endDate";
    public const string Systems = "systems";
    public const string KeyKind = "key.kind";
    public const string KeyNumber = "key.keyNumber";
    public const string OrdererName = "orderer.name";
    public const string OrdererEmail = "orderer.email";
    public const string ManagerName = "manager.name";
    public const string ManagerEmail = "manager.email";
    public const string Note = "note";

    public static string SystemName(int index) => $"systems[{index}].name";

    public static string SystemLevel(int index) => $"systems[{index}].level";
}
