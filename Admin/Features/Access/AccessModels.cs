using SocItConsole.Shared.Grants;

namespace SocItConsole.Admin.Features.Access;

/// <summary>Which grants the list shows.</summary>
public enum AccessKind
{
    All,

    /// <summary>Grants with a last day.</summary>
    Temporary,

    /// <summary>Grants held by people whose own unit is another one.</summary>
    FromOtherUnits,
}

public enum AccessSort
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
public sealed record AccessQuery(
    int? UnitId = null,
    int? SystemId = null,
    AccessKind Kind = AccessKind.All,
    string? Search = null,
    AccessSort Sort = AccessSort.Employee,
    bool Descending = false);

public sealed record AccessUnit(int Id, string Name, bool IsActive);

public sealed record AccessSystem(int Id, string Name);

/// <summary>
/// What the user may open: their units (a manager's own, or every unit for Soc-IT) and the systems to filter by.
/// <see cref="AllUnits"/> is true for operators and administrators.
/// </summary>
public sealed record AccessScope(
    IReadOnlyList<AccessUnit> Units, IReadOnlyList<AccessSystem> Systems, bool AllUnits, bool MayRequest, bool MayOpenCases);

/// <summary>An order for the grant that Soc-IT has not finished yet, or an extension already on record.</summary>
public sealed record AccessRequest(AccessRequestKind Kind, string CaseNumber, DateOnly? Until);

public enum AccessRequestKind
{
    /// <summary>An open order ends the grant (or the whole employment).</summary>
    End,

    /// <summary>An open extend order continues the grant to a later day.</summary>
    Extension,

    /// <summary>A completed extension: a later grant continues this one.</summary>
    Extended,
}

/// <summary>One active grant in a unit, with the person, where they come from and the case it came from.</summary>
public sealed record AccessRow(
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
    AccessRequest? PendingEnd,
    AccessRequest? Extension)
{
    public bool IsTemporary => To is not null;

    public bool IsFromOtherUnit => HomeUnitId != UnitId;

    public bool EndsSoon(DateOnly today) => AccessReport.EndsSoon(To, today);
}

public sealed record AccessList(IReadOnlyList<AccessRow> Items, int TotalCount, int PersonCount, DateOnly Today, string? Refusal = null)
{
    public static AccessList Refused(string message, DateOnly today) => new([], 0, 0, today, message);
}

/// <summary>A CSV file of the list, named for its unit and day.</summary>
public sealed record AccessFile(string FileName, byte[] Content, int Rows);

public abstract record AccessResult
{
    /// <summary>The order is placed, or one placed earlier for the same thing was found (<paramref name="Existing"/>).</summary>
    public sealed record Done(string Message, string CaseNumber, bool Existing) : AccessResult;

    /// <summary>Nothing was changed: not found, not the user's, or the input was wrong.</summary>
    public sealed record Refused(string Message) : AccessResult;
}
