using System.Globalization;
using SocItConsole.Admin.Data.Demo;

namespace SocItConsole.Bench.Generate;

/// <summary>A named person with a mailbox, and the stable user id a signed-in person would have.</summary>
internal sealed record Person(string Name, string Email, string UserId);

/// <summary>
/// Swedish names, e-mail addresses and personnummer for made-up people: every personnummer is unique and has a valid
/// check digit, and neither addresses nor numbers meet the demo organisation's people.
/// </summary>
internal sealed class SyntheticPeople(Random random)
{
    // The development seeders' staff (DemoGrantsSeeder, DemoFollowUpsSeeder): their orders must never match one of ours.
    private static readonly string[] DemoPersonnummer =
    [
        "199001011239", "198506152340", "197903121239", "198204072428", "199109233578", "199502141881", "197608304155",
        "198805195263", "196901116332", "199307027640", "198403188710", "198709263829", "197206054681", "199801212953",
        "196604135209",
    ];

    private static readonly DateOnly FirstBirthDate = new(1958, 1, 1);
    private static readonly DateOnly LastBirthDate = new(2005, 12, 31);

    private readonly HashSet<string> _personnummer = new(DemoPersonnummer, StringComparer.Ordinal);
    private readonly HashSet<string> _emails = new(
        DemoOrganisation.Units
            .SelectMany(u => u.Managers.Append(u.MobileRepresentative))
            .OfType<DemoPerson>()
            .Select(p => p.Email),
        StringComparer.OrdinalIgnoreCase);

    private int _users;

    /// <summary>A full name; <paramref name="female"/> says which list the first name comes from.</summary>
    public string Name(bool female) =>
        $"{Pick(female ? SwedishData.FemaleNames : SwedishData.MaleNames)} {Pick(SwedishData.LastNames)}";

    /// <summary>A new person with an address of their own at the municipality (a number added when the name is taken).</summary>
    public Person Contact()
    {
        var name = Name(random.Next(2) == 0);
        var local = SwedishData.EmailLocalPart(name);
        var email = $"{local}@{SwedishData.EmailDomain}";
        for (var n = 2; !_emails.Add(email); n++)
        {
            email = string.Create(CultureInfo.InvariantCulture, $"{local}{n}@{SwedishData.EmailDomain}");
        }

        _users++;
        return new Person(name, email, string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{_users:D12}"));
    }

    /// <summary>
    /// A unique 12-digit personnummer <c>YYYYMMDDNNNC</c> for someone born 1958–2005: the ninth digit is odd for a man
    /// and even for a woman, the last is the Luhn check digit of the ten digits after the century.
    /// </summary>
    public string Personnummer(bool female)
    {
        var span = LastBirthDate.DayNumber - FirstBirthDate.DayNumber + 1;
        while (true)
        {
            var birth = DateOnly.FromDayNumber(FirstBirthDate.DayNumber + random.Next(span));
            var serial = (random.Next(100) * 10) + (random.Next(5) * 2) + (female ? 0 : 1);
            var nine = string.Create(CultureInfo.InvariantCulture, $"{birth:yyMMdd}{serial:D3}");
            var value = string.Create(CultureInfo.InvariantCulture, $"{birth.Year / 100:D2}{nine}{SocItConsole.Shared.People.Personnummer.CheckDigit(nine)}");
            if (_personnummer.Add(value))
            {
                return value;
            }
        }
    }

    private string Pick(string[] names) => names[random.Next(names.Length)];
}
