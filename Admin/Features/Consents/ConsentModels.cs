using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Consents;

/// <summary>One request to approve temporary access to a unit, as the manager of that unit sees it on <em>Att godkänna</em>.</summary>
public sealed record ApprovalRow(
    int ConsentId,
    int OrderId,
    string CaseNumber,
    string PersonName,
    string HomeUnitName,
    string UnitName,
    DateOnly? From,
    DateOnly? To,
    string OrdererName,
    IReadOnlyList<string> Systems,
    DateTimeOffset RequestedAt,
    ConsentStatus Status,
    DateTimeOffset? DecidedAt,
    string? DecidedByName,
    bool ByPhone,
    string? Text);

/// <summary>A manager's requests: those waiting for them, and those answered in the last <see cref="ConsentService.AnsweredDays"/> days.</summary>
public sealed record ApprovalsView(IReadOnlyList<ApprovalRow> Pending, IReadOnlyList<ApprovalRow> Answered);

/// <summary>The consent of a case's receiving unit, as the case page shows it to Soc-IT.</summary>
public sealed record CaseConsentView(
    string UnitName,
    IReadOnlyList<string> ManagerNames,
    ConsentStatus Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? DecidedAt,
    string? DecidedByName,
    bool ByPhone,
    string? Text,
    bool CaseIsOpen)
{
    /// <summary>Soc-IT may record the manager's answer given by phone while the request waits and the case is open.</summary>
    public bool CanRecordByPhone => Status == ConsentStatus.Pending && CaseIsOpen;
}

/// <summary>What a decision on a consent came to.</summary>
public abstract record ConsentResult
{
    public sealed record Done(string Message) : ConsentResult;

    public sealed record Refused(string Message) : ConsentResult;

    public sealed record Conflict(string Message) : ConsentResult;
}

/// <summary>What Soc-IT heard from the receiving unit's manager by phone.</summary>
public sealed record PhoneConsent(bool Approved, string Note);
