using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orderers;

namespace SocItConsole.Admin.Tests.Shared.Orderers;

/// <summary>Who may order for which unit on a day: managers for their units, appointed orderers while appointed.</summary>
public class OrderingRightsTests
{
    private const int Centrum = 1;
    private const int Skrea = 2;
    private const int Tallgarden = 3;
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly EmailAddress Anna = EmailAddress.Parse("anna.lindqvist@kommun.example");
    private static readonly EmailAddress Frida = EmailAddress.Parse("frida.nyman@kommun.example");
    private static readonly Actor By = new("chef1", "Anna Lindqvist");

    // Anna manages two units; Erik a third.
    private static readonly UnitManagerRef[] Managers =
    [
        new(Centrum, Anna),
        new(Skrea, Anna),
        new(Tallgarden, EmailAddress.Parse("erik.johansson@kommun.example")),
    ];

    public static TheoryData<string, int, string, OrderingRight> Cases => new()
    {
        // person, unit, Frida's appointment in Hemtjänst Centrum (or none), the right today
        { "anna", Centrum, "none", OrderingRight.Manager },
        { "anna", Skrea, "none", OrderingRight.Manager },
        { "anna", Tallgarden, "none", OrderingRight.None },
        { "frida", Centrum, "none", OrderingRight.None },
        { "frida", Centrum, "current", OrderingRight.Appointed },
        { "frida", Centrum, "expired", OrderingRight.None },
        { "frida", Centrum, "future", OrderingRight.None },
        { "frida", Centrum, "ends-today", OrderingRight.Appointed },
        { "frida", Centrum, "starts-today", OrderingRight.Appointed },
        { "frida", Centrum, "ended-early", OrderingRight.None },
        { "frida", Skrea, "current", OrderingRight.None },
        { "frida", Tallgarden, "current", OrderingRight.None },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_GivesTheRightOnTheDay(string person, int unit, string appointment, OrderingRight expected)
    {
        var email = person == "anna" ? Anna : Frida;

        var right = OrderingRights.Of(email, unit, Today, Managers, Appointments(appointment));

        Assert.Equal(expected, right);
    }

    [Fact]
    public void UnitsFor_AManagerOfTwoUnits_WhoIsAlsoAppointedForAThird_GetsAllThree()
    {
        var appointed = new AppointedOrderer(
            Tallgarden, "Tallgården", new Contact("Anna Lindqvist", Anna), Today.AddDays(-1), Today.AddDays(1), By, At);

        var units = OrderingRights.UnitsFor(Anna, Today, Managers, [appointed]);

        Assert.Equal([Centrum, Skrea, Tallgarden], units.Order());
    }

    [Fact]
    public void UnitsFor_AnAppointedOrderer_OnlyTheUnitsOfValidAppointments()
    {
        var units = OrderingRights.UnitsFor(Frida, Today, Managers, [.. Appointments("current"), .. Appointments("future-skrea")]);

        Assert.Equal([Centrum], units);
        Assert.Equal([Centrum, Skrea], OrderingRights.UnitsFor(Frida, Today.AddDays(10), Managers,
            [.. Appointments("current"), .. Appointments("future-skrea")]).Order());
    }

    [Fact]
    public void Of_APersonWithoutAnEmailAddress_HasNoRight() =>
        Assert.Equal(OrderingRight.None, OrderingRights.Of(default, Centrum, Today, Managers, Appointments("current")));

    private static readonly DateTimeOffset At = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static IEnumerable<AppointedOrderer> Appointments(string kind)
    {
        var frida = new Contact("Frida Nyman", Frida);
        AppointedOrderer Make(int unit, int from, int? to) =>
            new(unit, "Enhet", frida, Today.AddDays(from), to is { } t ? Today.AddDays(t) : null, By, At);

        switch (kind)
        {
            case "current":
                yield return Make(Centrum, -30, null);
                break;
            case "expired":
                yield return Make(Centrum, -30, -1);
                break;
            case "future":
                yield return Make(Centrum, 1, 30);
                break;
            case "future-skrea":
                yield return Make(Skrea, 5, null);
                break;
            case "ends-today":
                yield return Make(Centrum, -30, 0);
                break;
            case "starts-today":
                yield return Make(Centrum, 0, null);
                break;
            case "ended-early":
                var ended = Make(Centrum, -30, 60);
                ended.End(Today.AddDays(-1), Today, By, At);
                yield return ended;
                break;
        }
    }
}
