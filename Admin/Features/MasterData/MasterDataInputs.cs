using System.Diagnostics.CodeAnalysis;

namespace SocItConsole.Admin.Features.MasterData;

/// <summary>A level as the system form sends it: an existing level by id (maybe renamed), or a new one without.</summary>
public sealed record SystemLevelInput(int? Id, string? Name);

public sealed record ItSystemInput(
    string? Name,
    string? Description,
    string? Contact,
    bool RequiresDigitalKeys,
    IReadOnlyList<SystemLevelInput> Levels);

public sealed record JobTitleInput(string? Name);

public sealed record ContactInput(string? Name, string? Email)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Email);
}

public sealed record UnitInput(
    string? Name,
    string? Area,
    string? CostCentre,
    bool UsesDigitalKeys,
    IReadOnlyList<ContactInput> Managers,
    ContactInput? MobileRepresentative,
    IReadOnlyList<int> SystemIds);

/// <summary>
/// The outcome of a change to master data: success with the record's id, or a Swedish message for the person who
/// made the change. Authorization failures are not results: they throw <see cref="UnauthorizedAccessException"/>.
/// </summary>
public sealed record MasterDataResult
{
    private MasterDataResult(int id, string? error)
    {
        Id = id;
        Error = error;
    }

    public int Id { get; }

    public string? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static MasterDataResult Ok(int id) => new(id, null);

    public static MasterDataResult Fail(string error) => new(0, error);
}
