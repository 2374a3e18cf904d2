namespace SocItConsole.Admin.Data.Demo;

/// <summary>
/// A plausible Swedish social-services organisation for Development: titles, units with their managers, systems and
/// mobile representatives. The development sign-in's managers are people from this list, matched by e-mail.
/// </summary>
public static class DemoOrganisation
{
    public const string EmailDomain = "kommun.example";

    public static readonly DemoPerson AnnaLindqvist = new("Anna Lindqvist", $"anna.lindqvist@{EmailDomain}");
    public static readonly DemoPerson ErikJohansson = new("Erik Johansson", $"erik.johansson@{EmailDomain}");

    /// <summary>The development sign-in's appointed orderer (bestallare1): no app role, appointed by Anna Lindqvist.</summary>
    public static readonly DemoPerson FridaNyman = new("Frida Nyman", $"frida.nyman@{EmailDomain}");

    /// <summary>The unit Frida Nyman is appointed to order for, one of Anna Lindqvist's.</summary>
    public const string AppointedOrdererUnit = "Hemtjänst Centrum";

    private static readonly DemoPerson KarinSvensson = new("Karin Svensson", $"karin.svensson@{EmailDomain}");
    private static readonly DemoPerson LenaHolm = new("Lena Holm", $"lena.holm@{EmailDomain}");
    private static readonly DemoPerson MikaelStrom = new("Mikael Ström", $"mikael.strom@{EmailDomain}");
    private static readonly DemoPerson SofiaBerglund = new("Sofia Berglund", $"sofia.berglund@{EmailDomain}");

    public static readonly IReadOnlyList<string> JobTitles =
    [
        "Undersköterska", "Vårdbiträde", "Sjuksköterska", "Enhetschef", "Biståndshandläggare",
        "Socialsekreterare", "Arbetsterapeut", "Fysioterapeut", "Stödassistent",
    ];

    /// <summary>Levels beyond "Standard" that the demo systems have.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SystemLevels = new Dictionary<string, string[]>
    {
        ["Lifecare"] = ["Utförare", "Handläggare", "Läsbehörighet"],
        ["Appva"] = ["Sjuksköterska", "Administratör"],
        ["Combine"] = ["Planerare"],
        ["Qlikview"] = ["Chef"],
    };

    /// <summary>The demo matrix: per title, the systems and the level a new employee gets.</summary>
    public static readonly IReadOnlyDictionary<string, (string System, string Level)[]> Matrix =
        new Dictionary<string, (string System, string Level)[]>
        {
            ["Undersköterska"] =
            [
                ("Combine", "Standard"), ("IntraPhone", "Standard"), ("Appva", "Standard"), ("Swedlock", "Standard"),
                ("Lifecare", "Utförare"), ("Citrix", "Standard"), ("Smartkort (SITHS)", "Standard"),
            ],
            ["Vårdbiträde"] =
            [
                ("Combine", "Standard"), ("IntraPhone", "Standard"), ("Swedlock", "Standard"), ("Lifecare", "Utförare"),
                ("Citrix", "Standard"), ("Smartkort (SITHS)", "Standard"),
            ],
            ["Sjuksköterska"] =
            [
                ("IntraPhone", "Standard"), ("Appva", "Sjuksköterska"), ("Swedlock", "Standard"), ("Lifecare", "Utförare"),
                ("Citrix", "Standard"), ("Smartkort (SITHS)", "Standard"),
            ],
            ["Enhetschef"] =
            [
                ("Combine", "Planerare"), ("IntraPhone", "Standard"), ("Appva", "Administratör"), ("Swedlock", "Standard"),
                ("Lifecare", "Handläggare"), ("Citrix", "Standard"), ("Smartkort (SITHS)", "Standard"), ("Qlikview", "Chef"),
            ],
            ["Biståndshandläggare"] =
            [
                ("Lifecare", "Handläggare"), ("Citrix", "Standard"), ("Smartkort (SITHS)", "Standard"), ("Qlikview", "Standard"),
            ],
            ["Socialsekreterare"] =
            [
                ("Lifecare", "Handläggare"), ("DF", "Standard"), ("KOBE", "Standard"), ("Citrix", "Standard"),
                ("Smartkort (SITHS)", "Standard"),
            ],
            ["Arbetsterapeut"] =
            [
                ("IntraPhone", "Standard"), ("Appva", "Standard"), ("Swedlock", "Standard"), ("Lifecare", "Utförare"),
                ("Citrix", "Standard"), ("Smartkort (SITHS)", "Standard"),
            ],
            ["Fysioterapeut"] =
            [
                ("IntraPhone", "Standard"), ("Appva", "Standard"), ("Swedlock", "Standard"), ("Lifecare", "Utförare"),
                ("Citrix", "Standard"), ("Smartkort (SITHS)", "Standard"),
            ],
            ["Stödassistent"] =
            [
                ("IntraPhone", "Standard"), ("Swedlock", "Standard"), ("Lifecare", "Läsbehörighet"), ("Citrix", "Standard"),
            ],
        };

    private static readonly string[] HomeCareSystems =
        ["Combine", "IntraPhone", "Appva", "Swedlock", "Lifecare", "Citrix", "Smartkort (SITHS)"];

    private static readonly string[] ResidentialSystems =
        ["IntraPhone", "Appva", "Swedlock", "Lifecare", "Citrix", "Smartkort (SITHS)"];

    private static readonly string[] AssessmentSystems =
        ["Lifecare", "Citrix", "Smartkort (SITHS)", "Qlikview"];

    private static readonly string[] FamilyCareSystems =
        ["Lifecare", "DF", "KOBE", "Citrix", "Smartkort (SITHS)", "Qlikview"];

    public static readonly IReadOnlyList<DemoUnit> Units =
    [
        new("Hemtjänst Centrum", "Hemtjänst", "4110", true, [AnnaLindqvist],
            new("Petra Olsson", $"petra.olsson@{EmailDomain}"), HomeCareSystems),
        new("Hemtjänst Skrea", "Hemtjänst", "4120", true, [AnnaLindqvist],
            new("Jonas Ek", $"jonas.ek@{EmailDomain}"), HomeCareSystems),
        new("Hemtjänst Ätradalen", "Hemtjänst", "4130", true, [KarinSvensson],
            new("Linda Nyström", $"linda.nystrom@{EmailDomain}"), HomeCareSystems),
        new("Hemtjänst Vessigebro", "Hemtjänst", "4140", true, [KarinSvensson],
            new("Ali Hassan", $"ali.hassan@{EmailDomain}"), HomeCareSystems),
        new("Tallgårdens vård- och omsorgsboende", "Särskilt boende", "4210", true, [ErikJohansson],
            new("Emma Sjöberg", $"emma.sjoberg@{EmailDomain}"), ResidentialSystems),
        new("Hertings vård- och omsorgsboende", "Särskilt boende", "4220", true, [ErikJohansson, KarinSvensson],
            new("Nils Åberg", $"nils.aberg@{EmailDomain}"), ResidentialSystems),
        new("Solgläntans korttidsboende", "Särskilt boende", "4230", true, [ErikJohansson],
            null, ResidentialSystems),
        new("Biståndsenheten äldreomsorg", "Myndighetsutövning", "4310", false, [LenaHolm],
            null, AssessmentSystems),
        new("IFO Barn och unga", "Individ- och familjeomsorg", "4410", false, [MikaelStrom],
            null, FamilyCareSystems),
        new("IFO Vuxen", "Individ- och familjeomsorg", "4420", false, [MikaelStrom],
            null, FamilyCareSystems),
        new("Ekonomiskt bistånd", "Individ- och familjeomsorg", "4430", false, [SofiaBerglund],
            null, ["Lifecare", "Citrix", "Qlikview"]),
    ];
}

public sealed record DemoPerson(string Name, string Email);

public sealed record DemoUnit(
    string Name,
    string Area,
    string CostCentre,
    bool UsesDigitalKeys,
    IReadOnlyList<DemoPerson> Managers,
    DemoPerson? MobileRepresentative,
    IReadOnlyList<string> Systems);
