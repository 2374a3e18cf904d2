using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders;

public sealed record OrderSystemLine(string Name, string Level);

/// <summary>
/// What the orderer gets back: the case number, the dates and the systems, never the full personnummer. The end date
/// is a temporary grant's end, or for an end order the last working day or the ended grant's last day.
/// </summary>
public sealed record OrderReceipt(
    int Id,
    string CaseNumber,
    OrderType Type,
    OrderStatus Status,
    string EmployeeName,
    string MaskedPersonnummer,
    string UnitName,
    DateTimeOffset ReceivedAt,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<OrderSystemLine> Systems);

public abstract record PlaceOrderResult
{
    public sealed record Created(OrderReceipt Receipt) : PlaceOrderResult;

    /// <summary>A retry with an Idempotency-Key already used for the same request: the original order.</summary>
    public sealed record Replayed(OrderReceipt Receipt) : PlaceOrderResult;

    /// <summary>Errors per field, in Swedish; nothing was stored. The API and the form each name the fields their own way.</summary>
    public sealed record Invalid(IReadOnlyDictionary<OrderFieldKey, string[]> Errors) : PlaceOrderResult;

    /// <summary>The Idempotency-Key was used before for a different request; nothing was stored.</summary>
    public sealed record IdempotencyConflict(string CaseNumber) : PlaceOrderResult;
}

/// <summary>The orderer's details from their previous order, to fill in the next one.</summary>
public sealed record OrdererDefaults(string? OrdererName, string? OrdererEmail, string? ManagerName, string? ManagerEmail);

public sealed record MyOrderRow(
    int Id,
    string CaseNumber,
    OrderType Type,
    OrderStatus Status,
    string EmployeeName,
    string UnitName,
    DateOnly? StartDate,
    DateOnly? EndDate,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The case's version, which an answer names (a case changed meanwhile is a conflict).</summary>
    public int Version { get; init; }

    /// <summary>Soc-IT's question while the case waits for the orderer; otherwise null.</summary>
    public string? Question { get; init; }

    public DateTimeOffset? QuestionAskedAt { get; init; }

    /// <summary>The orderer's latest answer, shown once the case is under way again.</summary>
    public string? Answer { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public string? AnsweredByName { get; init; }

    /// <summary>Why Soc-IT rejected the case; null unless it is rejected.</summary>
    public string? RejectionReason { get; init; }
}

/// <summary>The status filter of Mina ärenden.</summary>
public enum MyOrdersFilter
{
    All,
    WaitingForYou,
    Open,
    Completed,
    Rejected,
}
