using SocItConsole.Admin.Features.Orders;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Cases;

public abstract record CaseResult
{
    public sealed record Done(int Version, string Message) : CaseResult;

    /// <summary>Someone else changed the case since it was loaded; nothing was saved.</summary>
    public sealed record Conflict(string Message) : CaseResult;

    /// <summary>A rule refused the change (Swedish message); nothing was saved.</summary>
    public sealed record Refused(string Message) : CaseResult;
}

public sealed record ChecklistRow(
    int Id, ChecklistItemKind Kind, string Label, ChecklistState State, string? MarkedBy, DateTimeOffset? MarkedAt, string? Note);

public sealed record CommentRow(string By, DateTimeOffset At, string Text);

/// <summary>
/// A system item marked "Ej aktuell": <paramref name="Subject"/> names the system (and, for an end order, its level and
/// unit), <paramref name="Reason"/> is the operator's note.
/// </summary>
public sealed record NotApplicableRow(string Subject, string Reason, string? MarkedBy, DateTimeOffset? MarkedAt);

public sealed record CaseDetails(
    int Id,
    string CaseNumber,
    OrderType Type,
    OrderStatus Status,
    OrderChannel Channel,
    string PlacedByName,
    int Version,
    DateTimeOffset ReceivedAt,
    int EmployeeId,
    string EmployeeName,
    bool EmployeeIsProtected,
    string MaskedPersonnummer,
    string? TitleName,
    string UnitName,
    string? TargetUnitName,
    DateOnly? StartDate,
    DateOnly? EndDate,
    KeyChoiceKind KeyKind,
    string? KeyNumber,
    string OrdererName,
    string OrdererEmail,
    string ManagerName,
    string ManagerEmail,
    string? Note,
    string? AssignedToName,
    string? RejectionReason,
    IReadOnlyList<OrderSystemLine> Systems,
    IReadOnlyList<ChecklistRow> Checklist,
    IReadOnlyList<NotApplicableRow> NotApplicableSystems,
    IReadOnlyList<CommentRow> Comments,
    CaseChange? Change = null)
{
    /// <summary>The name registered for the person now; the order's own is <see cref="EmployeeName"/>.</summary>
    public string? RegisteredName { get; init; }

    /// <summary>A protected person's order spells the name differently; the names are not shown.</summary>
    public bool HiddenNameDiffers { get; init; }

    /// <summary>
    /// <em>Kontrollera beställare</em>: the orderer (from the e-service) is neither manager of nor appointed for the
    /// unit; the case cannot be completed until an operator confirms them.
    /// </summary>
    public bool OrdererToCheck { get; init; }

    /// <summary>Who confirmed the orderer, and when; null when no one had to.</summary>
    public string? OrdererConfirmedByName { get; init; }

    public DateTimeOffset? OrdererConfirmedAt { get; init; }

    /// <summary>Why the case cannot be completed yet whatever its checklist says (<see cref="Order.CompletionBlock"/>), or null.</summary>
    public string? CompletionBlock { get; init; }

    /// <summary>Soc-IT's latest question to the orderer, who asked it and when; null when none was asked.</summary>
    public CaseQuestion? Question { get; init; }

    /// <summary>The e-mail the case has given (besked), oldest first.</summary>
    public IReadOnlyList<CaseMessageRow> Messages { get; init; } = [];

    /// <summary>The order's name where it differs from the registered one, or null.</summary>
    public NameChange? NameDifference => RegisteredName is null ? null : NameChange.Between(RegisteredName, EmployeeName);
}

/// <summary>
/// A change of title or unit on its case: the employment it changes ("Undersköterska i Hemtjänst Centrum, från …"),
/// that employment's unit, and the difference as computed when the order came in.
/// </summary>
/// <summary>The question to the orderer and, once given, the answer.</summary>
public sealed record CaseQuestion(
    string Text, string AskedBy, DateTimeOffset AskedAt, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt);

/// <summary>One e-mail of the case: what it is (Swedish), to whom, and whether it has gone out.</summary>
public sealed record CaseMessageRow(string KindName, string ToName, string ToEmail, bool Sent, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

public sealed record CaseChange(string Employment, string OldUnitName, ChangeDifference Difference);

public sealed record CaseQuery(
    OrderStatus? Status = null,
    OrderType? Type = null,
    int? UnitId = null,
    string? AssignedToId = null,
    bool OnlyOpen = false,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Search = null,
    bool Today = false,
    CaseMark? Mark = null);

/// <summary>A mark the queue can be filtered by.</summary>
public enum CaseMark
{
    /// <summary><em>Kontrollera beställare</em>.</summary>
    OrdererToCheck,

    /// <summary>A receiving unit's consent escalated to Soc-IT.</summary>
    ConsentEscalated,
}

public sealed record CaseRow(
    int Id,
    string CaseNumber,
    OrderType Type,
    OrderStatus Status,
    string EmployeeName,
    string UnitName,
    DateOnly? StartDate,
    DateOnly? EndDate,
    DateTimeOffset ReceivedAt,
    string? AssignedToName)
{
    /// <summary>An end order is about its last day, not a start.</summary>
    public bool IsEndOrder => OrderDays.IsEnd(Type);

    /// <summary>The mark <em>Kontrollera beställare</em>: the orderer awaits an operator's confirmation.</summary>
    public bool OrdererToCheck { get; init; }

    /// <summary>The orderer has answered Soc-IT's question since the case last changed.</summary>
    public bool HasNewAnswer { get; init; }

    /// <summary>Temporary access whose receiving unit has not yet consented.</summary>
    public bool ConsentPending { get; init; }

    /// <summary>The consent went unanswered after its reminder and was escalated to Soc-IT.</summary>
    public bool ConsentEscalated { get; init; }

    /// <summary>The day the case is about: its start date, or an end order's last day.</summary>
    public DateOnly? Day => OrderDays.DayOf(Type, StartDate, EndDate);

    /// <summary>An open end order whose last day has passed (see <see cref="OrderDays.IsOverdue"/>).</summary>
    public bool IsOverdue { get; init; }
}

/// <summary>The queue's view "Idag": its date, how many cases it holds and how many of them are overdue.</summary>
public sealed record CaseDay(DateOnly Today, int Total, int Overdue);

public enum CaseSort
{
    ReceivedNewest,
    ReceivedOldest,
    StartDate,
    CaseNumber,
}

public sealed record CountRow(string Label, int Count);

/// <summary>A unit as the queue's filter offers it.</summary>

/// <summary>The dashboard's figures; <c>OpenByStatus</c> holds the open statuses only (Mottagen, Under arbete, Väntar på beställare).</summary>
public sealed record DashboardSummary(
    IReadOnlyList<(OrderStatus Status, int Count)> OpenByStatus,
    IReadOnlyList<(OrderType Type, int Count)> OpenByType,
    CaseRow? OldestWaiting,
    IReadOnlyList<CountRow> OpenByUnit);
