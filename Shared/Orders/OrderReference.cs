using SocItConsole.Shared.MasterData;

namespace SocItConsole.Shared.Orders;

/// <summary>The master data an order is checked against: every title, unit and system, active or not.</summary>
public sealed record OrderReference(
    IReadOnlyList<ReferenceTitle> Titles,
    IReadOnlyList<ReferenceUnit> Units,
    IReadOnlyList<ReferenceSystem> Systems);

public sealed record ReferenceTitle(int Id, string Name, bool IsActive);

public sealed record ReferenceUnit(int Id, string Name, bool IsActive, bool UsesDigitalKeys)
{
    /// <summary>The unit's registered managers: an order's responsible manager must be one of them.</summary>
    public IReadOnlyList<Contact> Managers { get; init; } = [];
}

public sealed record ReferenceLevel(int Id, string Name);

public sealed record ReferenceSystem(int Id, string Name, bool IsActive, IReadOnlyList<ReferenceLevel> Levels);
