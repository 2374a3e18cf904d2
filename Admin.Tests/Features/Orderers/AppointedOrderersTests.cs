using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Data.Demo;
using SocItConsole.Admin.Features.Orderers;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orderers;

namespace SocItConsole.Admin.Tests.Features.Orderers;

/// <summary>
/// The appointed orderers' service on the demo organisation: chef1 (Anna Lindqvist) manages Hemtjänst Centrum and
/// Skrea, chef2 Tallgården among others, and bestallare1 (Frida Nyman) is appointed for Centrum until further notice.
/// </summary>
public sealed class AppointedOrderersTests : IAsyncLifetime
{
    private const string Centrum = "Hemtjänst Centrum";
    private const string Skrea = "Hemtjänst Skrea";
    private const string Tallgarden = "Tallgårdens vård- och omsorgsboende";
    private static readonly DateOnly Today = new(2026, 11, 27);
    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase? _database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(_clock);
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    private AppointedOrderers As(string user) => AppServices.AppointedOrderers(Database, user, _clock);

    private async Task<int> UnitIdAsync(string name)
    {
        await using var db = Database.CreateDbContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<int> DemoAppointmentAsync()
    {
        await using var db = Database.CreateDbContext();
        var email = EmailAddress.Parse(DemoOrganisation.FridaNyman.Email);
        return await db.AppointedOrderers.Where(a => a.Email == email).Select(a => a.Id).SingleAsync(Ct);
    }

    private async Task<(int Appointments, int AuditEntries)> CountsAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.AppointedOrderers.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));
    }

    private static AppointInput Input(int unitId, string name = "Nils Nord", string email = "nils.nord@kommun.example",
        int from = 0, int? to = 90) =>
        new(unitId, name, email, Today.AddDays(from), to is { } t ? Today.AddDays(t) : null);

    private Task<bool> MayOrderAsync(string user) =>
        AppServices.CurrentUserWithAppointments(user, Database, _clock).SatisfiesAsync(Policies.OrderIntake);

    [Fact]
    public async Task Manager_AppointsForTheirUnit_SavedWithItsAuditEntryOnTheUnit()
    {
        var centrum = await UnitIdAsync(Centrum);

        var done = Assert.IsType<AppointmentResult.Done>(await As("chef1").AppointAsync(Input(centrum), Ct));

        Assert.Equal("Nils Nord (nils.nord@kommun.example) utsågs att beställa för Hemtjänst Centrum från 2026-11-27 till och med 2027-02-25.", done.Message);
        await using var db = Database.CreateDbContext();
        var saved = await db.AppointedOrderers.SingleAsync(a => a.Id == done.Id, Ct);
        Assert.Equal((centrum, "Nils Nord", "nils.nord@kommun.example", Today, (DateOnly?)Today.AddDays(90), "Anna Lindqvist"),
            (saved.UnitId, saved.Name, saved.Email.Value, saved.From, saved.To, saved.AppointedByName));
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Orderer.Appointed", Ct);
        Assert.Equal(("Unit", centrum.ToString(System.Globalization.CultureInfo.InvariantCulture), "Anna Lindqvist"),
            (entry.EntityType, entry.EntityId, entry.ActorName));
        Assert.Contains("\"Name\":\"Nils Nord\"", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_CannotAppointForAnotherManagersUnit_ById()
    {
        var tallgarden = await UnitIdAsync(Tallgarden);
        var before = await CountsAsync();

        var refused = Assert.IsType<AppointmentResult.Refused>(await As("chef1").AppointAsync(Input(tallgarden), Ct));

        Assert.Equal(AppointedOrderers.UnitNotFoundMessage, refused.Message);
        Assert.Equal(before, await CountsAsync());
        var refusedList = await As("chef1").ListAsync(new AppointmentQuery(tallgarden), 0, 25, Ct);
        Assert.Equal((0, AppointedOrderers.UnitNotFoundMessage), (refusedList.TotalCount, refusedList.Refusal));
    }

    [Fact]
    public async Task Manager_CannotEndAnotherManagersAppointment_ById()
    {
        var emma = await DemoAppointmentAsync();
        var before = await CountsAsync();

        var refused = Assert.IsType<AppointmentResult.Refused>(await As("chef2").EndAsync(emma, Ct));

        Assert.Equal(AppointedOrderers.AppointmentNotFoundMessage, refused.Message);
        Assert.Equal(before, await CountsAsync());
        Assert.True(await MayOrderAsync("bestallare1"));
    }

    [Fact]
    public async Task Administrator_AppointsForAnyUnit_AndSeesEveryUnit()
    {
        var tallgarden = await UnitIdAsync(Tallgarden);

        Assert.IsType<AppointmentResult.Done>(await As("admin").AppointAsync(Input(tallgarden), Ct));

        var scope = await As("admin").ScopeAsync(Ct);
        Assert.True(scope.AllUnits);
        Assert.Equal(DemoOrganisation.Units.Count, scope.Units.Count);
        var list = await As("admin").ListAsync(new AppointmentQuery(), 0, 25, Ct);
        Assert.Equal(["Frida Nyman", "Nils Nord"], list.Items.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal([Centrum, Skrea], (await As("chef1").ScopeAsync(Ct)).Units.Select(u => u.Name));
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("utanroll")]
    [InlineData("bestallare1")]
    public async Task WhoNeitherManagesNorAdministers_IsDenied(string user)
    {
        var centrum = await UnitIdAsync(Centrum);
        var before = await CountsAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(user).AppointAsync(Input(centrum), Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(async () => await As(user).EndAsync(await DemoAppointmentAsync(), Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(user).ListAsync(new AppointmentQuery(), 0, 25, Ct));

        Assert.Equal(before, await CountsAsync());
    }

    public static TheoryData<string, string, string, int, int?, AppointField, string> InvalidInputs => new()
    {
        { "", "nils.nord@kommun.example", Centrum, 0, null, AppointField.Name, "Ange personens namn." },
        { "Nils Nord", "", Centrum, 0, null, AppointField.Email, "Ange personens e-postadress." },
        { "Nils Nord", "nils.nord", Centrum, 0, null, AppointField.Email, "\"nils.nord\" är inte en giltig e-postadress." },
        { "Nils Nord", "nils.nord@kommun.example", Centrum, -1, null, AppointField.From, "Första dagen kan inte vara före i dag (2026-11-27)." },
        { "Nils Nord", "nils.nord@kommun.example", Centrum, 10, 9, AppointField.To, "Sista dagen kan inte vara före första dagen." },
        { "Anna Lindqvist", "Anna.Lindqvist@kommun.example", Centrum, 0, null, AppointField.Email,
            "Du kan inte utse dig själv: som chef beställer du redan för dina verksamheter." },
        { "Frida Nyman", "frida.nyman@kommun.example", Centrum, 5, 30, AppointField.From,
            "Frida Nyman är redan utsedd för Hemtjänst Centrum från 2026-10-28 tills vidare: perioderna får inte överlappa." },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Appoint_SaysWhatIsWrong_UnderTheField_AndSavesNothing(
        string name, string email, string unit, int from, int? to, AppointField field, string message)
    {
        var unitId = await UnitIdAsync(unit);
        var before = await CountsAsync();

        var invalid = Assert.IsType<AppointmentResult.Invalid>(
            await As("chef1").AppointAsync(Input(unitId, name, email, from, to), Ct));

        Assert.Equal(message, invalid.Errors[field]);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Appoint_TheSamePersonToAnotherUnit_OrAfterTheirAppointmentEnds_IsAllowed()
    {
        var skrea = await UnitIdAsync(Skrea);

        Assert.IsType<AppointmentResult.Done>(await As("chef1").AppointAsync(
            Input(skrea, "Frida Nyman", "frida.nyman@kommun.example"), Ct));
    }

    [Fact]
    public async Task Appoint_ANameMissingUnit_IsAFieldError()
    {
        var invalid = Assert.IsType<AppointmentResult.Invalid>(
            await As("chef1").AppointAsync(new AppointInput(null, "Nils Nord", "nils.nord@kommun.example", Today, null), Ct));

        Assert.Equal("Välj verksamheten.", invalid.Errors[AppointField.Unit]);
    }

    [Fact]
    public async Task End_TakesTheRightToOrderAwayAtOnce_AndIsAuditedOnTheUnit()
    {
        var emma = await DemoAppointmentAsync();
        Assert.True(await MayOrderAsync("bestallare1"));

        var done = Assert.IsType<AppointmentResult.Done>(await As("chef1").EndAsync(emma, Ct));

        Assert.Equal(
            "Frida Nymans uppdrag att beställa för Hemtjänst Centrum avslutades; från och med 2026-11-27 kan Frida Nyman inte beställa för verksamheten.",
            done.Message);
        Assert.False(await MayOrderAsync("bestallare1"));
        var ended = Assert.Single((await As("chef1").ListAsync(new AppointmentQuery(Filter: AppointmentFilter.Ended), 0, 25, Ct)).Items);
        Assert.Equal((AppointmentStatus.Ended, "Upphörde 2026-11-27", "Anna Lindqvist"), (ended.Status, ended.StatusText, ended.EndedByName));
        Assert.Empty((await As("chef1").ListAsync(new AppointmentQuery(), 0, 25, Ct)).Items);
        await using var db = Database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Orderer.Ended", Ct);
        Assert.Equal("Unit", entry.EntityType);
        Assert.Contains("\"To\":null", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"To\":\"2026-11-26\"", entry.After, StringComparison.Ordinal);

        var again = Assert.IsType<AppointmentResult.Refused>(await As("chef1").EndAsync(emma, Ct));
        Assert.Equal("Uppdraget för Frida Nyman har redan upphört.", again.Message);
    }

    [Fact]
    public async Task MayOrder_HoldsOnlyOnTheDaysOfTheAppointment_OnAFakeClock()
    {
        Assert.IsType<AppointmentResult.Done>(await As("chef1").EndAsync(await DemoAppointmentAsync(), Ct));
        var skrea = await UnitIdAsync(Skrea);
        Assert.IsType<AppointmentResult.Done>(await As("chef1").AppointAsync(
            Input(skrea, "Frida Nyman", "frida.nyman@kommun.example", from: 1, to: 3), Ct));

        var days = new List<bool>();
        for (var day = 0; day <= 4; day++)
        {
            days.Add(await MayOrderAsync("bestallare1"));
            _clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal([false, true, true, true, false], days);
        Assert.True(await MayOrderAsync("chef1"));
        Assert.True(await MayOrderAsync("operator"));
        Assert.False(await MayOrderAsync("utanroll"));
        Assert.False(await MayOrderAsync("admin"));
    }

    [Fact]
    public async Task List_SaysWhereEachAppointmentStands_CurrentFirst()
    {
        var centrum = await UnitIdAsync(Centrum);
        Assert.IsType<AppointmentResult.Done>(await As("chef1").AppointAsync(Input(centrum, from: 7, to: null), Ct));
        Assert.IsType<AppointmentResult.Done>(await As("chef1").AppointAsync(
            Input(centrum, "Olle Berg", "olle.berg@kommun.example", from: 0, to: 0), Ct));

        var rows = (await As("chef1").ListAsync(new AppointmentQuery(), 0, 25, Ct)).Items;

        Assert.Equal(
            [
                ("Frida Nyman", AppointmentStatus.Current, "Gäller tills vidare"),
                ("Olle Berg", AppointmentStatus.Current, "Gäller till och med 2026-11-27"),
                ("Nils Nord", AppointmentStatus.Coming, "Börjar 2026-12-04"),
            ],
            rows.Select(r => (r.Name, r.Status, r.StatusText)));
        _clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = (await As("chef1").ListAsync(new AppointmentQuery(Filter: AppointmentFilter.Ended), 0, 25, Ct)).Items;
        Assert.Equal(("Olle Berg", "Upphörde 2026-11-28"), (Assert.Single(tomorrow).Name, tomorrow[0].StatusText));
        Assert.Equal(new Dictionary<int, int> { [centrum] = 2 }, await As("chef1").CountsByUnitAsync(Ct));
    }

    [Fact]
    public async Task Mine_ListsTheAppointedOrderersOwnUnits()
    {
        var mine = await As("bestallare1").MineAsync(Ct);

        var row = Assert.Single(mine);
        Assert.Equal((Centrum, "Anna Lindqvist", AppointmentStatus.Current), (row.UnitName, row.AppointedByName, row.Status));
    }
}
