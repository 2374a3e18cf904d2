using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>Deterministic builders for domain objects: defaults that pass every rule, overridden where a test cares.</summary>
public static class Build
{
    public static Unit Unit(
        string name = "Hemtjänst Centrum",
        string area = "Hemtjänst",
        string costCentre = "4110",
        bool usesDigitalKeys = true) => new(name, area, costCentre, usesDigitalKeys);

    public static Contact Contact(string name = "Anna Lindqvist", string email = "anna.lindqvist@kommun.example") =>
        new(name, EmailAddress.Parse(email));

    public static ItSystem System(string name = "Lifecare") => new(name);
}
