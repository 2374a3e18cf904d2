namespace SocItConsole.Shared.Orders;

/// <summary>The master data an order is checked against: every title, unit and system, active or not.</summary>
public sealed record OrderReference(
    IReadOnlyList<ReferenceTitle> Titles,
    IReadOnlyList<ReferenceUnit> Units,
    IReadOnlyList<ReferenceSystem> Systems);

public sealed record ReferenceTitle(int Id, string Name, bool IsActive);

public sealed record ReferenceUnit(int Id, string Name, bool IsActive, bool UsesDigitalKeys);

public sealed record ReferenceLevel(int Id, string Name);

public sealed record ReferenceSystem(int Id, string Name, bool IsActive, IReadOnlyList<ReferenceLevel> Levels);
