using SocItConsole.Admin.Features.Cases;

namespace SocItConsole.Admin.Features.People;

public sealed record GrantRow(
    int Id, string SystemName, string LevelName, string UnitName, DateOnly From, DateOnly? To, string SourceCaseNumber, int SourceOrderId,
    string? EndedByCaseNumber = null)
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
    IReadOnlyList<CaseRow> Cases);

/// <summary>What a change to an employee's record came to.</summary>
public abstract record EmployeeResult
{
    public sealed record Done(string Message) : EmployeeResult;

    public sealed record Refused(string Message) : EmployeeResult;
}
