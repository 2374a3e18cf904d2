using SocItConsole.Admin.Features.Cases;

namespace SocItConsole.Admin.Features.People;

public sealed record GrantRow(
    int Id, string SystemName, string LevelName, string UnitName, DateOnly From, DateOnly? To, string SourceCaseNumber, int SourceOrderId,
    string? EndedByCaseNumber = null)
{
    /// <summary>Temporary by its order (an end date from the start), not ended by an end of employment.</summary>
    public bool IsTemporary => To is not null && EndedByCaseNumber is null;
}

public sealed record EmployeeDetails(
    int Id,
    string FullName,
    string MaskedPersonnummer,
    IReadOnlyList<GrantRow> CurrentGrants,
    IReadOnlyList<GrantRow> PastGrants,
    IReadOnlyList<CaseRow> Cases);
