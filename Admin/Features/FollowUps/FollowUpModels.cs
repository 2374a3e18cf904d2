using System.Globalization;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Orders;

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
    string? DecidedByName,
    int? EmploymentId = null,
    int? AssignmentId = null,
    string? TitleName = null)
{
    public bool IsUndecided => Status is FollowUpStatus.Open or FollowUpStatus.Escalated;

    public FollowUpKind Kind => EmploymentId is not null ? FollowUpKind.FixedTermEmployment
        : AssignmentId is not null ? FollowUpKind.Placement
        : FollowUpKind.Grant;

    /// <summary>"Lifecare (Utförare) i Hemtjänst Centrum", "visstidsanställning som undersköterska i Hemtjänst Centrum", …</summary>
    public string Subject => FollowUpTexts.Subject(Kind, SystemName, LevelName, UnitName, TitleName);

    /// <summary>For the end of a fixed-term employment or a placement: the grants that end with it, each decidable alone.</summary>
    public IReadOnlyList<FollowUpGrantLine> Grants { get; init; } = [];

    /// <summary>One of <see cref="Grants"/> as a follow-up row of its own, for the per-grant dialogs.</summary>
    public FollowUpRow ForGrant(FollowUpGrantLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return this with
        {
            SystemName = line.SystemName,
            LevelName = line.LevelName,
            EndDate = line.To ?? EndDate,
            EmploymentId = null,
            AssignmentId = null,
            TitleName = null,
            Grants = [],
        };
    }
}

/// <summary>
/// A grant that ends with a fixed-term employment or a placement, as its follow-up lists it; <see cref="EndCaseNumber"/>
/// is an open case that ends it already (the manager ended this one alone, or another order does).
/// </summary>
public sealed record FollowUpGrantLine(int GrantId, string SystemName, string LevelName, DateOnly? To, string? EndCaseNumber);

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

/// <summary>What an e-mail in the outbox is: the expiry job's reminder, or a review round's invitation or reminder.</summary>
public enum OutboxKind
{
    FollowUpReminder,
    ReviewInvitation,
    ReviewReminder,

    /// <summary>A case's e-mail (besked): to its orderer, a receiving unit's manager or the operator; see <see cref="OutboxRow.CaseKind"/>.</summary>
    CaseMessage,

    /// <summary>A reconciliation with HR's e-mail: a manager's digest or an appointed orderer's joiner notice.</summary>
    HrNotice,
}

/// <summary>
/// One e-mail in the outbox, from either table: <see cref="Id"/> is unique only together with <see cref="Kind"/>.
/// <see cref="ItemCount"/> is the follow-ups an expiry reminder lists, or the units a review e-mail is about;
/// <see cref="RoundName"/> names the review round.
/// </summary>
public sealed record OutboxRow(
    OutboxKind Kind, int Id, DateOnly Day, string ToName, string ToEmail, string Subject, ReminderStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Attempts, int ItemCount, string MessageId, string? RoundName = null)
{
    /// <summary>For a case's e-mail: which of them it is.</summary>
    public CaseMessageKind? CaseKind { get; init; }

    /// <summary>For a case's e-mail: the case it is about.</summary>
    public string? CaseNumber { get; init; }

    /// <summary>For a reconciliation's e-mail: the HR file's day.</summary>
    public DateOnly? HrAsOf { get; init; }

    public string KindName => CaseKind is { } caseKind ? CaseMailNames.Of(caseKind) : OutboxTexts.KindName(Kind);

    /// <summary>What the e-mail concerns, in Swedish: "3 behörigheter", "2 verksamheter", or the case number.</summary>
    public string Concerns => Kind switch
    {
        OutboxKind.CaseMessage => CaseNumber ?? string.Empty,
        OutboxKind.HrNotice => $"HR-fil per {SocItConsole.Shared.Common.Dates.Iso(HrAsOf)}",
        OutboxKind.FollowUpReminder => ItemCount == 1 ? "1 behörighet" : $"{ItemCount.ToString(CultureInfo.InvariantCulture)} behörigheter",
        _ => ItemCount == 1 ? "1 verksamhet" : $"{ItemCount.ToString(CultureInfo.InvariantCulture)} verksamheter",
    };
}

public static class OutboxTexts
{
    public static string KindName(OutboxKind kind) => kind switch
    {
        OutboxKind.FollowUpReminder => "Påminnelse om uppföljning",
        OutboxKind.ReviewInvitation => "Inbjudan till granskning",
        OutboxKind.ReviewReminder => "Påminnelse om granskning",
        OutboxKind.CaseMessage => "Besked om ärende",
        OutboxKind.HrNotice => "Avstämning mot HR",
        _ => kind.ToString(),
    };
}
