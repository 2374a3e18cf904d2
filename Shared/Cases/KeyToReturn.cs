using SocItConsole.Shared.Keys;

namespace SocItConsole.Shared.Cases;

/// <summary>A personal key an end-of-employment case asks back: its number and the unit that owns it.</summary>
public sealed record KeyToReturn(KeyNumber Number, int UnitId, string UnitName);
