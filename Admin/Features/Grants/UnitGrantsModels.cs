using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Shared.Grants;

namespace SocItConsole.Admin.Features.Grants;

/// <summary>Which grants the list shows.</summary>
public enum UnitGrantKind
{
    All,

    /// <summary>Grants with a last day.</summary>
    Temporary,

    /// <summary>Grants held by people whose own unit is another one.</summary>
    FromOtherUnits,
}

public enum UnitGrantSort
{
    Employee,
    System,
    Unit,
    From,
    To,
}

/// <summary>
/// The list's filters. <see cref="UnitId"/> null means every unit the user may open: a manager's own, or for Soc-IT
/// all of them.
/// </summary>
public sealed record UnitGrantQuery(
    int? UnitId = null,
    int? SystemId = null,
    UnitGrantKind Kind = UnitGrantKind.All,
    string? Search = null,
    UnitGrantSort Sort = UnitGrantSort.Employee,
    bool Descending = false);


public sealed record UnitGrantScopeSystem(int Id, string Name);

/// <summary>
/// What the user may open: their units (a manager's own, or every unit for Soc-IT) and the systems to filter by.
/// <see cref="AllUnits"/> is true for operators and administrators.
/// </summary>
public sealed record UnitGrantScope(
    IReadOnlyList<UnitOption> Units, IReadOnlyList<UnitGrantScopeSystem> Systems, bool AllUnits, bool MayRequest, bool MayOpenCases);

/// <summary>An order for the grant that Soc-IT has not finished yet, or an extension already on record.</summary>
public sealed record UnitGrantRequest(UnitGrantRequestKind Kind, string CaseNumber, DateOnly? Until);

public enum UnitGrantRequestKind
{
    /// <summary>An open order ends the grant (or the whole employment).</summary>
    End,

    /// <summary>An open extend order continues the grant to a later day.</summary>
    Extension,

    /// <summary>A completed extension: a later grant continues this one.</summary>
    Extended,
}

/// <summary>One active grant in a unit, with the person, where they come from and the case it came from.</summary>
public sealed record UnitGrantRow(
    int GrantId,
    int EmployeeId,
    string EmployeeName,
    int HomeUnitId,
    string HomeUnitName,
    int UnitId,
    string UnitName,
    string SystemName,
    string LevelName,
    DateOnly From,
    DateOnly? To,
    int SourceOrderId,
    string SourceCaseNumber,
    UnitGrantRequest? PendingEnd,
    UnitGrantRequest? Extension)
{
    public bool IsTemporary => To is not null;

    public bool IsFromOtherUnit => HomeUnitId != UnitId;

    public bool EndsSoon(DateOnly today) => UnitGrantReport.EndsSoon(To, today);
}

public sealed record UnitGrantList(IReadOnlyList<UnitGrantRow> Items, int TotalCount, int PersonCount, DateOnly Today, string? Refusal = null)
{
    public static UnitGrantList Refused(string message, DateOnly today) => new([], 0, 0, today, message);
}

/// <summary>A CSV file of the list, named for its unit and day.</summary>
public sealed record UnitGrantFile(string FileName, byte[] Content, int Rows);

public abstract record UnitGrantResult
{
    /// <summary>The order is placed, or one placed earlier for the same thing was found (<paramref name="Existing"/>).</summary>
    public sealed record Done(string Message, string CaseNumber, bool Existing) : UnitGrantResult;

    /// <summary>Nothing was changed: not found, not the user's, or the input was wrong.</summary>
    public sealed record Refused(string Message) : UnitGrantResult;
}
