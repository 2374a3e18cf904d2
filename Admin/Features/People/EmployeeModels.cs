using SocItConsole.Admin.Features.Cases;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.People;

public sealed record GrantRow(
    int Id, string SystemName, string LevelName, string UnitName, DateOnly From, DateOnly? To, string SourceCaseNumber, int SourceOrderId,
    string? EndedByCaseNumber = null, int EmploymentId = 0, int? AssignmentId = null)
{
    /// <summary>Temporary by its order (an end date from the start), not ended by an end of employment.</summary>
    public bool IsTemporary => To is not null && EndedByCaseNumber is null;
}

/// <summary>An employee's page; <paramref name="ShownName"/> is "Skyddad person" for a protected person until the name is asked for.</summary>
public sealed record EmployeeDetails(
    int Id,
    string ShownName,
    string MaskedPersonnummer,
    bool IsProtected,
    string? ProtectionReason,
    IReadOnlyList<GrantRow> CurrentGrants,
    IReadOnlyList<GrantRow> PastGrants,
    IReadOnlyList<CaseRow> Cases)
{
    /// <summary>The person's employments, current ones first, each with its grants: the page's timeline.</summary>
    public IReadOnlyList<EmploymentEntry> Employments { get; init; } = [];
}

/// <summary>Where an employment stands on the day the page is shown.</summary>
public enum EmploymentState
{
    Current,
    FixedTerm,
    Upcoming,

    /// <summary>An order ended it on a last day not yet passed.</summary>
    Ending,
    Ended,
}

/// <summary>A case behind an employment: the one that started, changed, extended or ended it.</summary>
public sealed record EmploymentCase(int OrderId, string CaseNumber, OrderType Type, OrderStatus Status);

/// <summary>A temporary placement in another unit, hanging off an employment.</summary>
public sealed record AssignmentEntry(int Id, string UnitName, DateOnly From, DateOnly To, bool Ended, bool Active);

/// <summary>One employment on the employee page's timeline, with the grants that belong to it.</summary>
public sealed record EmploymentEntry(
    int Id,
    string UnitName,
    string? TitleName,
    DateOnly From,
    DateOnly? To,
    EmploymentState State,
    string? ReplacedBy,
    IReadOnlyList<EmploymentCase> Cases,
    IReadOnlyList<AssignmentEntry> Assignments,
    IReadOnlyList<GrantRow> CurrentGrants,
    IReadOnlyList<GrantRow> PastGrants);

/// <summary>What a change to an employee's record came to.</summary>
public abstract record EmployeeResult
{
    public sealed record Done(string Message) : EmployeeResult;

    public sealed record Refused(string Message) : EmployeeResult;
}
