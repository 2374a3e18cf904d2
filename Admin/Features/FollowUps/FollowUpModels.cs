using SocItConsole.Shared.Expiry;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>Which follow-ups a list shows.</summary>
public enum FollowUpFilter
{
    /// <summary>Waiting for a decision, with the manager or escalated.</summary>
    Undecided,
    Escalated,
    Decided,
    All,
}

public sealed record FollowUpRow(
    int Id,
    int Version,
    string EmployeeName,
    string SystemName,
    string LevelName,
    string UnitName,
    DateOnly EndDate,
    FollowUpStatus Status,
    string ManagerName,
    int OverdueReminders,
    DateOnly? LastRemindedOn,
    string? DecisionCaseNumber,
    int? DecisionOrderId,
    DateOnly? ExtendedTo,
    string? DecidedByName)
{
    public bool IsUndecided => Status is FollowUpStatus.Open or FollowUpStatus.Escalated;
}

public sealed record FollowUpPage(IReadOnlyList<FollowUpRow> Items, int TotalCount, DateOnly Today);

/// <summary>For the operator dashboard: undecided follow-ups, those whose grant has run out, and escalated ones.</summary>
public sealed record FollowUpCounts(int Undecided, int Expired, int Escalated);

public abstract record FollowUpResult
{
    public sealed record Done(string Message, string CaseNumber) : FollowUpResult;

    /// <summary>Nothing was changed: not found, not the user's, already decided, or the input was wrong.</summary>
    public sealed record Refused(string Message) : FollowUpResult;

    /// <summary>Someone else changed the follow-up meanwhile; nothing was changed.</summary>
    public sealed record Conflict(string Message) : FollowUpResult;
}

public sealed record OutboxRow(
    int Id, DateOnly Day, string ToName, string ToEmail, string Subject, ReminderStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, int Attempts, int ItemCount, string MessageId);

public sealed record OutboxMessage(OutboxRow Row, string Body);
