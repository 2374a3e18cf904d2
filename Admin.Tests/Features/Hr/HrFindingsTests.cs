using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Hr;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Hr;

/// <summary>
/// Confirming and dismissing the findings of a reconciliation with HR: a leaver's end of employment and a mover's change
/// go through the ordinary intake on the HR channel, once per person, kind and day, however often they are confirmed.
/// </summary>
public sealed class HrFindingsTests : IAsyncLifetime
{
    private const string LisaPnr = "19900101-0017";
    private const string OmarPnr = "19880412-1237";
    private const string Chef1Email = "anna.lindqvist@kommun.example";

    private static readonly DateOnly LastDay = new(2026, 11, 30);
    private static readonly DateOnly MoveDay = new(2026, 12, 1);

    private TestDatabase? _database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    private HrFindings Findings(string user = "operator")
    {
        var clock = AppServices.Clock();
        return new HrFindings(Database, AppServices.OrderIntake(Database, clock), AppServices.CurrentUser(user), new AuditTrail(clock), clock);
    }

    private async Task<(int Run, int Leaver, int Mover)> RunWithLeaverAndMoverAsync()
    {
        var lisa = await TestEmployments.EmployAsync(Database, LisaPnr, "Lisa Andersson");
        var omar = await TestEmployments.EmployAsync(Database, OmarPnr, "Omar Svensson");
        var run = await HrFindingData.RunAsync(Database);
        var leaver = await HrFindingData.LeaverAsync(Database, run, lisa, LastDay);
        var mover = await HrFindingData.MoverAsync(Database, run, omar, "Hemtjänst Centrum", "Sjuksköterska", MoveDay);
        return (run, leaver, mover);
    }

    [Fact]
    public async Task Confirm_Leaver_PlacesAnEndOfEmploymentOrder_OnTheHrChannel_ForThatEmployment()
    {
        var (run, leaver, _) = await RunWithLeaverAndMoverAsync();

        var result = Assert.IsType<HrFindingResult.Confirmed>(Assert.Single(await Findings().ConfirmAsync([leaver], ct: Ct)));

        Assert.True(result.Placed);
        await using var db = Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == result.OrderId, Ct);
        var finding = await db.HrFindings.SingleAsync(f => f.Id == leaver, Ct);
        Assert.Equal((OrderType.Terminate, OrderChannel.Hr, finding.EmploymentId, (DateOnly?)LastDay), (order.Type, order.Channel, order.EmploymentId, order.EndDate));
        Assert.Equal((Chef1Email, Chef1Email), (order.Manager.Email.Value, order.Orderer.Email.Value));
        Assert.Equal((HrFindingStatus.Confirmed, (int?)order.Id, "Sara Nilsson"), (finding.Status, finding.OrderId, finding.DecidedByName));
        Assert.Equal(1, (await db.HrImports.SingleAsync(i => i.Id == run, Ct)).OrdersPlaced);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Hr.FindingConfirmed", Ct);
        Assert.Equal(("HrFinding", leaver.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.EntityType, entry.EntityId));
        Assert.Contains(order.CaseNumber, entry.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisa", entry.Summary + entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_Mover_PlacesAChangeOrder_ToHrsTitleFromTheEffectiveDate()
    {
        var (_, _, mover) = await RunWithLeaverAndMoverAsync();

        var result = Assert.IsType<HrFindingResult.Confirmed>(Assert.Single(await Findings().ConfirmAsync([mover], ct: Ct)));

        await using var db = Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == result.OrderId, Ct);
        Assert.Equal((OrderType.Change, OrderChannel.Hr, "Sjuksköterska", "Hemtjänst Centrum", (DateOnly?)MoveDay),
            (order.Type, order.Channel, order.TitleName, order.UnitName, order.StartDate));
        Assert.Equal((await db.HrFindings.SingleAsync(f => f.Id == mover, Ct)).EmploymentId, order.EmploymentId);
    }

    [Fact]
    public async Task Confirm_MoverIntoAnotherUnitWithDigitalKeys_ChoosesThatUnitsKeyPool()
    {
        var omar = await TestEmployments.EmployAsync(Database, OmarPnr, "Omar Svensson");
        var run = await HrFindingData.RunAsync(Database);
        var mover = await HrFindingData.MoverAsync(Database, run, omar, "Hemtjänst Skrea", "Undersköterska", MoveDay);

        var result = Assert.IsType<HrFindingResult.Confirmed>(Assert.Single(await Findings().ConfirmAsync([mover], ct: Ct)));

        await using var db = Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == result.OrderId, Ct);
        Assert.Equal(("Hemtjänst Skrea", KeyChoiceKind.Pool), (order.UnitName, order.KeyKind));
    }

    [Fact]
    public async Task Confirm_Twice_PlacesNothingNew_AndCountsTheOrderOnce()
    {
        var (run, leaver, _) = await RunWithLeaverAndMoverAsync();
        var first = Assert.IsType<HrFindingResult.Confirmed>(Assert.Single(await Findings().ConfirmAsync([leaver], ct: Ct)));

        var second = Assert.IsType<HrFindingResult.Confirmed>(Assert.Single(await Findings().ConfirmAsync([leaver], ct: Ct)));

        Assert.Equal((first.OrderId, false), (second.OrderId, second.Placed));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.Channel == OrderChannel.Hr, Ct));
        Assert.Equal(1, (await db.HrImports.SingleAsync(i => i.Id == run, Ct)).OrdersPlaced);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Hr.FindingConfirmed", Ct));
    }

    [Fact]
    public async Task Confirm_ALaterRunsFindingWithTheSameFacts_PointsAtTheOrderAlreadyPlaced()
    {
        var (_, leaver, _) = await RunWithLeaverAndMoverAsync();
        var first = Assert.IsType<HrFindingResult.Confirmed>(Assert.Single(await Findings().ConfirmAsync([leaver], ct: Ct)));
        int employment;
        await using (var db = Database.CreateDbContext())
        {
            employment = (await db.HrFindings.SingleAsync(f => f.Id == leaver, Ct)).EmploymentId!.Value;
        }

        var nextRun = await HrFindingData.RunAsync(Database, "hr-anstallningar-2026-11-28.csv", new DateOnly(2026, 11, 28),
            new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero));
        var again = await HrFindingData.LeaverAsync(Database, nextRun, employment, LastDay);

        var second = Assert.IsType<HrFindingResult.Confirmed>(Assert.Single(await Findings().ConfirmAsync([again], ct: Ct)));

        Assert.Equal((first.OrderId, false), (second.OrderId, second.Placed));
        await using var check = Database.CreateDbContext();
        Assert.Equal(1, await check.Orders.CountAsync(o => o.Channel == OrderChannel.Hr, Ct));
        Assert.Equal(0, (await check.HrImports.SingleAsync(i => i.Id == nextRun, Ct)).OrdersPlaced);
    }

    [Fact]
    public async Task Confirm_Many_ARefusedOrderLeavesItsFindingOpenWithTheReason_AndTheRestAreConfirmed()
    {
        var (run, leaver, mover) = await RunWithLeaverAndMoverAsync();
        var ida = await TestEmployments.EmployAsync(Database, "19770903-2341", "Ida Ek");
        var tooLate = await HrFindingData.LeaverAsync(Database, run, ida, new DateOnly(2029, 6, 30));

        var results = await Findings().ConfirmAsync([tooLate, leaver, mover], ct: Ct);

        var refused = Assert.IsType<HrFindingResult.Refused>(results[0]);
        Assert.Equal("Ida Ek", refused.Name);
        Assert.Contains("mer än två år fram i tiden", refused.Message, StringComparison.Ordinal);
        Assert.All(results.Skip(1), r => Assert.True(r is HrFindingResult.Confirmed { Placed: true }, r.ToString()));
        await using var db = Database.CreateDbContext();
        Assert.Equal(HrFindingStatus.Open, (await db.HrFindings.SingleAsync(f => f.Id == tooLate, Ct)).Status);
        Assert.Equal(2, (await db.HrImports.SingleAsync(i => i.Id == run, Ct)).OrdersPlaced);
    }

    [Fact]
    public async Task ConfirmAll_ConfirmsEveryOpenFindingOfTheKind_ReportingProgress()
    {
        var (run, leaver, mover) = await RunWithLeaverAndMoverAsync();
        var ida = await TestEmployments.EmployAsync(Database, "19770903-2341", "Ida Ek");
        var second = await HrFindingData.LeaverAsync(Database, run, ida, LastDay);
        var reported = new List<int>();

        var results = await Findings().ConfirmAllAsync(run, HrFindingKind.Leaver, new SynchronousProgress(reported.Add), Ct);

        Assert.Equal([leaver, second], results.Select(r => r.FindingId).Order());
        Assert.Equal([1, 2], reported);
        await using var db = Database.CreateDbContext();
        Assert.Equal(HrFindingStatus.Open, (await db.HrFindings.SingleAsync(f => f.Id == mover, Ct)).Status);
    }

    [Fact]
    public async Task Confirm_UnknownToHr_PlacesNoOrder_AndSaysToDismissIt()
    {
        var lisa = await TestEmployments.EmployAsync(Database, LisaPnr, "Lisa Andersson");
        var run = await HrFindingData.RunAsync(Database);
        var unknown = await HrFindingData.UnknownAsync(Database, run, lisa);

        var refused = Assert.IsType<HrFindingResult.Refused>(Assert.Single(await Findings().ConfirmAsync([unknown], ct: Ct)));

        Assert.Contains("avfärda", refused.Message, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Orders.AnyAsync(o => o.Channel == OrderChannel.Hr, Ct));
    }

    [Fact]
    public async Task Confirm_ASupersededFinding_PlacesNoOrder_AndPointsToTheLatestRun()
    {
        var (_, leaver, _) = await RunWithLeaverAndMoverAsync();
        await using (var db = Database.CreateDbContext())
        {
            var finding = await db.HrFindings.SingleAsync(f => f.Id == leaver, Ct);
            finding.Supersede(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        var refused = Assert.IsType<HrFindingResult.Refused>(Assert.Single(await Findings().ConfirmAsync([leaver], ct: Ct)));

        Assert.Equal("Avvikelsen har ersatts av en senare avstämning: bekräfta den i den senaste körningen.", refused.Message);
        Assert.Equal("Ersatt av senare körning", HrFindingTexts.StatusName(HrFindingStatus.Superseded));
        await using var check = Database.CreateDbContext();
        Assert.False(await check.Orders.AnyAsync(o => o.Channel == OrderChannel.Hr, Ct));
    }

    [Fact]
    public async Task Dismiss_RequiresAReason_AndIsAuditedWithIt()
    {
        var (_, leaver, _) = await RunWithLeaverAndMoverAsync();

        var empty = Assert.IsType<HrFindingResult.Refused>(await Findings().DismissAsync(leaver, "  ", Ct));
        var tooLong = Assert.IsType<HrFindingResult.Refused>(await Findings().DismissAsync(leaver, new string('x', 501), Ct));
        var dismissed = Assert.IsType<HrFindingResult.Dismissed>(await Findings().DismissAsync(leaver, "Beställning finns", Ct));

        Assert.Equal("Ange varför avvikelsen avfärdas.", empty.Message);
        Assert.Contains("500 tecken", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal("Beställning finns", dismissed.Reason);
        await using var db = Database.CreateDbContext();
        var finding = await db.HrFindings.SingleAsync(f => f.Id == leaver, Ct);
        Assert.Equal((HrFindingStatus.Dismissed, "Beställning finns"), (finding.Status, finding.DismissReason));
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Hr.FindingDismissed", Ct);
        Assert.Contains("Beställning finns", entry.After, StringComparison.Ordinal);
        Assert.IsType<HrFindingResult.Refused>(Assert.Single(await Findings().ConfirmAsync([leaver], ct: Ct)));
    }

    [Fact]
    public async Task Run_CountsPerKindAndStatus_AndSearchFiltersAndFinds()
    {
        var (run, leaver, _) = await RunWithLeaverAndMoverAsync();
        await Findings().DismissAsync(leaver, "Kontrollerad", Ct);

        var view = await Findings().RunAsync(null, Ct);

        Assert.NotNull(view);
        Assert.Equal((run, 1, 0, 1, 1), (view.Id, view.Count(HrFindingKind.Leaver, null), view.Count(HrFindingKind.Leaver, HrFindingStatus.Open),
            view.Count(HrFindingKind.Mover, HrFindingStatus.Open), view.Count(HrFindingStatus.Dismissed)));
        var open = await Findings().SearchAsync(new HrFindingQuery(run), 0, 25, Ct);
        Assert.Equal("Omar Svensson", Assert.Single(open.Items).Name);
        var byPnr = await Findings().SearchAsync(new HrFindingQuery(run) { Status = null, Search = LisaPnr }, 0, 25, Ct);
        Assert.Equal(("Lisa Andersson", "19900101-****"), (Assert.Single(byPnr.Items).Name, byPnr.Items[0].PersonnummerMasked));
        var byPartOfPnr = await Findings().SearchAsync(new HrFindingQuery(run) { Status = null, Search = "199001" }, 0, 25, Ct);
        Assert.Empty(byPartOfPnr.Items);
        var byName = await Findings().SearchAsync(new HrFindingQuery(run) { Status = null, Search = "omar" }, 0, 25, Ct);
        Assert.Equal(HrFindingKind.Mover, Assert.Single(byName.Items).Kind);
        Assert.Equal(1, await Findings().OpenCountAsync(Ct));
    }

    [Fact]
    public async Task AProtectedPerson_IsListedAsSkyddadPerson_AndCannotBeFoundByName()
    {
        var (run, _, _) = await RunWithLeaverAndMoverAsync();
        await HrFindingData.ProtectAsync(Database, LisaPnr);

        var all = await Findings().SearchAsync(new HrFindingQuery(run), 0, 25, Ct);
        var byName = await Findings().SearchAsync(new HrFindingQuery(run) { Search = "Lisa" }, 0, 25, Ct);

        Assert.Contains(all.Items, r => r.Kind == HrFindingKind.Leaver && r.Name == "Skyddad person");
        Assert.DoesNotContain(all.Items, r => r.Name.Contains("Lisa", StringComparison.Ordinal));
        Assert.Empty(byName.Items);
    }

    [Theory]
    [InlineData("chef1")]
    [InlineData("admin")]
    [InlineData("utanroll")]
    public async Task OnlyOperators_MayListConfirmOrDismiss(string user)
    {
        var (run, leaver, _) = await RunWithLeaverAndMoverAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Findings(user).RunAsync(null, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Findings(user).SearchAsync(new HrFindingQuery(run), 0, 25, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Findings(user).ConfirmAsync([leaver], ct: Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Findings(user).ConfirmAllAsync(run, HrFindingKind.Leaver, ct: Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Findings(user).DismissAsync(leaver, "Kontrollerad", Ct));
        await using var db = Database.CreateDbContext();
        Assert.True(await db.HrFindings.AllAsync(f => f.Status == HrFindingStatus.Open, Ct));
        Assert.False(await db.Orders.AnyAsync(o => o.Channel == OrderChannel.Hr, Ct));
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
