using System.Globalization;
using System.Text;

namespace SocItConsole.Bench.Generate;

/// <summary>What kind of work a job title does: it decides the title's matrix row and which units employ it.</summary>
internal enum TitleProfile
{
    Care,
    Nurse,
    CaseOfficer,
    Support,
    Manager,
    Administration,
}

/// <summary>
/// The parts of social services a unit belongs to, with how often they occur, how their units are named, whether
/// they use digital keys and which of the routine's systems they work in.
/// </summary>
internal sealed record Area(
    string Name,
    string CostCentrePrefix,
    int Weight,
    bool UsesDigitalKeys,
    string[] Systems,
    (TitleProfile Profile, int Weight)[] Staff);

/// <summary>The Swedish words the generator builds its organisation from.</summary>
internal static class SwedishData
{
    public const string EmailDomain = "kommun.example";

    public static readonly string[] FemaleNames =
    [
        "Anna", "Eva", "Maria", "Karin", "Sara", "Kristina", "Lena", "Emma", "Kerstin", "Ingrid", "Marie", "Malin",
        "Jenny", "Hanna", "Linda", "Annika", "Susanne", "Elin", "Monica", "Johanna", "Birgitta", "Camilla", "Sofia",
        "Ida", "Julia", "Therese", "Frida", "Amanda", "Helena", "Åsa", "Lisa", "Ulrika", "Carina", "Josefin",
        "Elisabeth", "Matilda", "Moa", "Ebba", "Alva", "Wilma", "Fatima", "Amina", "Leila", "Zahra", "Aisha", "Mirela",
        "Nadia", "Sanna", "Petra", "Jessica",
    ];

    public static readonly string[] MaleNames =
    [
        "Lars", "Mikael", "Anders", "Johan", "Per", "Erik", "Karl", "Peter", "Jan", "Thomas", "Daniel", "Fredrik",
        "Hans", "Andreas", "Stefan", "Mats", "Marcus", "Magnus", "Jonas", "Mattias", "Niklas", "Björn", "Oskar",
        "Alexander", "Viktor", "Emil", "Simon", "Henrik", "Patrik", "Sebastian", "Göran", "Ulf", "Joakim", "Robin",
        "Martin", "Christoffer", "Tobias", "Linus", "Hampus", "Elias", "Ahmed", "Mohammed", "Ali", "Omar", "Hassan",
        "Yusuf", "Dragan", "Nikola", "Jesper", "Kristoffer",
    ];

    public static readonly string[] LastNames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson",
        "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg",
        "Lind", "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg",
        "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman",
        "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson", "Bergqvist", "Nyström", "Holmberg",
        "Arvidsson", "Löfgren", "Söderberg", "Nyberg", "Blomqvist", "Claesson", "Nordström", "Mårtensson",
        "Lundström", "Viklund", "Björklund", "Eliasson", "Pålsson", "Berggren", "Sandström", "Lund", "Nordin",
        "Ström", "Åberg", "Hermansson", "Ekström", "Holmgren", "Sundberg", "Hedlund", "Dahlberg", "Hassan",
        "Mohammed", "Ahmed", "Ali", "Nguyen", "Hodžić", "Kovačević", "Yilmaz", "Rashid", "Abdi", "Novak",
    ];

    /// <summary>Districts and villages for home care, IFO and assessment units.</summary>
    public static readonly string[] Districts =
    [
        "Norr", "Söder", "Öster", "Väster", "Centrum", "Getinge", "Ullared", "Glommen", "Morup", "Långås", "Slöinge",
        "Årstad", "Okome", "Torup", "Kvibille", "Harplinge", "Steninge", "Tvååker", "Veddige", "Rolfstorp",
        "Frillesås", "Kungsäter", "Fegen", "Köinge", "Vinberg", "Tröinge", "Skogstorp", "Ljungby", "Eftra", "Sennan",
    ];

    private static readonly string[] HomeNamePrefixes =
    [
        "Ängs", "Björk", "Ek", "Lind", "Rosen", "Sol", "Gran", "Lönn", "Hassel", "Äppel", "Syren", "Lärk", "Vide",
        "Ljung", "Fjäll", "Sjö", "Berg", "Dal", "Strand", "Klöver", "Lupin", "Blåklints", "Vallmo", "Kastanj", "Al",
        "Asp", "Rönn", "Hägg", "Sälg", "Ekbacks",
    ];

    private static readonly string[] HomeNameSuffixes = ["gården", "hemmet", "lunden", "backen", "hagen", "gläntan"];

    private static readonly string[] Streets =
    [
        "Storgatan", "Kvarngatan", "Skolgatan", "Parkvägen", "Ringvägen", "Åvägen", "Björkvägen", "Lärkgatan",
        "Tegelbruksvägen", "Hamngatan", "Nygatan", "Södra vägen", "Bruksgatan", "Stationsgatan", "Kyrkvägen",
    ];

    private const string HomeCare = "Hemtjänst";
    private const string Residential = "Särskilt boende";
    private const string Disability = "LSS";
    private const string Psychiatry = "Socialpsykiatri";
    private const string FamilyCare = "Individ- och familjeomsorg";
    private const string Assessment = "Myndighetsutövning";

    public static readonly Area[] Areas =
    [
        new(HomeCare, "51", 30, true,
            ["Combine", "IntraPhone", "Appva", "Swedlock", "Lifecare", "Citrix", "Smartkort (SITHS)"],
            [(TitleProfile.Care, 78), (TitleProfile.Nurse, 10), (TitleProfile.Manager, 6), (TitleProfile.Administration, 6)]),
        new(Residential, "52", 25, true,
            ["IntraPhone", "Appva", "Swedlock", "Lifecare", "Citrix", "Smartkort (SITHS)"],
            [(TitleProfile.Care, 72), (TitleProfile.Nurse, 16), (TitleProfile.Manager, 6), (TitleProfile.Administration, 6)]),
        new(Disability, "53", 15, true,
            ["IntraPhone", "Appva", "Swedlock", "Lifecare", "Citrix", "Smartkort (SITHS)"],
            [(TitleProfile.Support, 60), (TitleProfile.Care, 25), (TitleProfile.Nurse, 5), (TitleProfile.Manager, 10)]),
        new(FamilyCare, "55", 15, false,
            ["Lifecare", "DF", "KOBE", "Citrix", "Smartkort (SITHS)", "Qlikview"],
            [(TitleProfile.CaseOfficer, 80), (TitleProfile.Manager, 10), (TitleProfile.Administration, 10)]),
        new(Psychiatry, "54", 8, true,
            ["IntraPhone", "Swedlock", "Lifecare", "Citrix", "Smartkort (SITHS)"],
            [(TitleProfile.Support, 65), (TitleProfile.Care, 20), (TitleProfile.Nurse, 5), (TitleProfile.Manager, 10)]),
        new(Assessment, "56", 7, false,
            ["Lifecare", "DF", "Citrix", "Smartkort (SITHS)", "Qlikview"],
            [(TitleProfile.CaseOfficer, 85), (TitleProfile.Manager, 7), (TitleProfile.Administration, 8)]),
    ];

    /// <summary>
    /// Job titles that are not the demo organisation's, in an order that covers every profile early, so that a small
    /// scale still has a title for every kind of unit. Larger scales number further variants ("… 2").
    /// </summary>
    public static readonly (string Name, TitleProfile Profile)[] Titles =
    [
        ("Undersköterska hemtjänst", TitleProfile.Care),
        ("Distriktssköterska", TitleProfile.Nurse),
        ("Biståndshandläggare äldreomsorg", TitleProfile.CaseOfficer),
        ("Boendestödjare", TitleProfile.Support),
        ("Biträdande enhetschef", TitleProfile.Manager),
        ("Verksamhetsutvecklare", TitleProfile.Administration),
        ("Undersköterska särskilt boende", TitleProfile.Care),
        ("Sjuksköterska hemsjukvård", TitleProfile.Nurse),
        ("Socialsekreterare barn och unga", TitleProfile.CaseOfficer),
        ("Personlig assistent", TitleProfile.Support),
        ("Områdeschef", TitleProfile.Manager),
        ("Administratör", TitleProfile.Administration),
        ("Undersköterska natt", TitleProfile.Care),
        ("Demenssjuksköterska", TitleProfile.Nurse),
        ("Socialsekreterare vuxen", TitleProfile.CaseOfficer),
        ("Stödpedagog", TitleProfile.Support),
        ("Samordnare", TitleProfile.Manager),
        ("Systemförvaltare", TitleProfile.Administration),
        ("Specialistundersköterska", TitleProfile.Care),
        ("Medicinskt ansvarig sjuksköterska", TitleProfile.Nurse),
        ("LSS-handläggare", TitleProfile.CaseOfficer),
        ("Boendehandledare", TitleProfile.Support),
        ("Planerare hemtjänst", TitleProfile.Manager),
        ("Kvalitetsutvecklare", TitleProfile.Administration),
        ("Vårdbiträde natt", TitleProfile.Care),
        ("Sjuksköterska natt", TitleProfile.Nurse),
        ("Familjebehandlare", TitleProfile.CaseOfficer),
        ("Habiliteringspersonal", TitleProfile.Support),
        ("Verksamhetschef", TitleProfile.Manager),
        ("Registrator", TitleProfile.Administration),
        ("Omsorgsassistent", TitleProfile.Care),
        ("Dietist", TitleProfile.Nurse),
        ("Handläggare ekonomiskt bistånd", TitleProfile.CaseOfficer),
        ("Aktivitetsledare", TitleProfile.Support),
        ("Gruppledare", TitleProfile.Manager),
        ("Nämndsekreterare", TitleProfile.Administration),
        ("Undersköterska korttidsboende", TitleProfile.Care),
        ("Rehabassistent", TitleProfile.Nurse),
        ("Kurator", TitleProfile.CaseOfficer),
        ("Behandlingsassistent", TitleProfile.Support),
        ("Avgiftshandläggare", TitleProfile.CaseOfficer),
        ("Socialpedagog", TitleProfile.Support),
        ("Utredare", TitleProfile.CaseOfficer),
        ("Timvikarie omsorg", TitleProfile.Care),
        ("Medicinsk sekreterare", TitleProfile.Administration),
    ];

    /// <summary>Systems beyond the seeded ten, as a larger social services organisation has them.</summary>
    public static readonly string[] ExtraSystems =
    [
        "Treserva", "Procapita", "Medvind", "Heroma", "TES", "Phoniro", "Carefox", "Alfa e-Stöd", "MCSS", "Platina",
        "W3D3", "NPÖ", "Journalia", "Stratsys", "Time Care Pool", "Time Care Planering", "Visma Window", "Pascal",
        "SiteVision", "Raindance", "Agresso", "Office 365", "Teams Telefoni", "Signe", "Lex", "Evolution", "Adato",
        "Hypergene", "Ciceron", "Public 360",
    ];

    public static readonly string[] ExtraLevelNames = ["Läsbehörighet", "Handläggare", "Administratör", "Utförare", "Chef", "Superanvändare"];

    /// <summary>Levels the seeded systems get: the demo organisation's, so that its seeder finds them and adds none.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SeededSystemLevels = new Dictionary<string, string[]>
    {
        ["Combine"] = ["Planerare"],
        ["Appva"] = ["Sjuksköterska", "Administratör"],
        ["DF"] = ["Handläggare"],
        ["Lifecare"] = ["Utförare", "Handläggare", "Läsbehörighet"],
        ["KOBE"] = ["Läsbehörighet"],
        ["Qlikview"] = ["Chef"],
    };

    /// <summary>A title's row in the matrix: the routine's systems its work needs, at the level it needs.</summary>
    public static readonly IReadOnlyDictionary<TitleProfile, (string System, string Level)[]> Rows =
        new Dictionary<TitleProfile, (string System, string Level)[]>
        {
            [TitleProfile.Care] =
            [
                ("Combine", "Standard"), ("IntraPhone", "Standard"), ("Appva", "Standard"), ("Swedlock", "Standard"),
                ("Lifecare", "Utförare"), ("Citrix", "Standard"), ("Smartkort (SITHS)", "Standard"),
            ],
            [TitleProfile.Nurse] =
            [
                ("IntraPhone", "Standard"), ("Appva", "Sjuksköterska"), ("Swedlock", "Standard"), ("Lifecare", "Utförare"),
                ("Citrix", "Standard"), ("Smartkort (SITHS)", "Standard"),
            ],
            [TitleProfile.CaseOfficer] =
            [
                ("Lifecare", "Handläggare"), ("DF", "Standard"), ("KOBE", "Standard"), ("Citrix", "Standard"),
                ("Smartkort (SITHS)", "Standard"), ("Qlikview", "Standard"),
            ],
            [TitleProfile.Support] =
            [
                ("IntraPhone", "Standard"), ("Appva", "Standard"), ("Swedlock", "Standard"), ("Lifecare", "Läsbehörighet"),
                ("Citrix", "Standard"), ("Smartkort (SITHS)", "Standard"),
            ],
            [TitleProfile.Manager] =
            [
                ("Combine", "Planerare"), ("IntraPhone", "Standard"), ("Appva", "Administratör"), ("Swedlock", "Standard"),
                ("DF", "Handläggare"), ("Lifecare", "Handläggare"), ("Citrix", "Standard"), ("Smartkort (SITHS)", "Standard"),
                ("Qlikview", "Chef"),
            ],
            [TitleProfile.Administration] =
            [
                ("DF", "Standard"), ("Lifecare", "Läsbehörighet"), ("Citrix", "Standard"), ("Smartkort (SITHS)", "Standard"),
                ("Qlikview", "Standard"),
            ],
        };

    /// <summary>The unit name for the <paramref name="index"/>-th unit (0-based) of <paramref name="area"/>.</summary>
    public static string UnitName(Area area, int index) => area.Name switch
    {
        HomeCare => Numbered($"Hemtjänst {Districts[index / 4 % Districts.Length]}", (index % 4) + 1 + (4 * (index / (4 * Districts.Length)))),
        Residential => Cycled(index, HomeNamePrefixes.Length * HomeNameSuffixes.Length,
            i => $"Säbo {HomeNamePrefixes[i % HomeNamePrefixes.Length]}{HomeNameSuffixes[i / HomeNamePrefixes.Length]}"),
        Disability => Cycled(index, LssKinds.Length * Streets.Length,
            i => $"LSS {LssKinds[i % LssKinds.Length]} {Streets[i / LssKinds.Length]}"),
        Psychiatry => Cycled(index, PsychiatryKinds.Length * Districts.Length,
            i => $"Socialpsykiatri {PsychiatryKinds[i % PsychiatryKinds.Length]} {Districts[i / PsychiatryKinds.Length]}"),
        FamilyCare => Cycled(index, FamilyKinds.Length * Districts.Length,
            i => $"IFO {FamilyKinds[i % FamilyKinds.Length]} {Districts[i / FamilyKinds.Length]}"),
        _ => Cycled(index, 2 * Districts.Length,
            i => $"{(i % 2 == 0 ? "Biståndsenheten" : "LSS-handläggningen")} {Districts[i / 2]}"),
    };

    private static readonly string[] LssKinds = ["Gruppbostad", "Servicebostad", "Daglig verksamhet", "Korttidsvistelse"];

    private static readonly string[] PsychiatryKinds = ["Boendestöd", "Träffpunkt", "Boende"];

    private static readonly string[] FamilyKinds = ["Barn och unga", "Vuxen", "Missbruk", "Försörjningsstöd", "Familjebehandling", "Mottagning"];

    /// <summary>An e-mail local part from a name: lower case, without diacritics, dots for spaces.</summary>
    public static string EmailLocalPart(string fullName)
    {
        var decomposed = fullName.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (c is ' ' or '-')
            {
                builder.Append('.');
            }
        }

        return builder.ToString();
    }

    private static string Numbered(string name, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} {number}");

    // Past the combinations, a second round numbers them: "Säbo Ängsgården 2".
    private static string Cycled(int index, int combinations, Func<int, string> name) =>
        index < combinations ? name(index) : Numbered(name(index % combinations), (index / combinations) + 1);
}
