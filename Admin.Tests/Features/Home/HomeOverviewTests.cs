using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Home;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Home;

/// <summary>
/// The operator's start page: which cases need them today. The clock stands at 2026-11-27, so cases due by
/// 2026-11-30 count.
/// </summary>
public sealed class HomeOverviewTests : IAsyncLifetime
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");
    private static readonly Actor OtherOperator = new("other-operator-oid", "Per Persson");
    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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

    private HomeOverview OverviewFor(string userName) => new(Database, AppServices.CurrentUser(userName), _clock);

    private async Task<int> PlaceAsync(OrderRequest request)
    {
        var result = await AppServices.OrderIntake(Database, _clock).PlaceAsync(request, OrderChannel.Console, Chef, ct: Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        return Assert.IsType<PlaceOrderResult.Created>(result).Receipt.Id;
    }

    private async Task ChangeAsync(int orderId, Action<Order> change)
    {
        await using var db = Database.CreateDbContext();
        change(await db.Orders.SingleAsync(o => o.Id == orderId, Ct));
        await db.SaveChangesAsync(Ct);
    }

    private static OrderRequest Starting(int day, string name) =>
        OrderRequests.NewUndersköterska() with { EmployeeName = name, StartDate = new DateOnly(2026, 11, day) };

    [Fact]
    public async Task TodaysCases_AreTheOpenOnes_FreeOrMine_DueWithinThreeDaysOrOverdue_MostUrgentFirst()
    {
        var operatorId = (await AppServices.CurrentUser("operator").RequireAsync("Operator")).Id;
        var soon = await PlaceAsync(Starting(30, "Lisa Andersson"));
        await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1985, "Erik Berg");
        var overdueEnd = await PlaceAsync(OrderRequests.Terminate(OrderRequests.Pnr1985) with
        {
            EmployeeName = "Erik Berg",
            EndDate = new DateOnly(2026, 11, 20),
        });
        await PlaceAsync(OrderRequests.NewUndersköterska() with { EmployeeName = "Långt Fram", StartDate = new DateOnly(2026, 12, 1) });
        var mine = await PlaceAsync(OrderRequests.Extend() with { EmployeeName = "Karl Ström", StartDate = new DateOnly(2026, 11, 27) });
        await ChangeAsync(mine, o => o.Take(new Actor(operatorId, "Sara Nilsson"), _clock.GetUtcNow(), []));
        var others = await PlaceAsync(Starting(28, "Hos Någon Annan"));
        await ChangeAsync(others, o => o.Take(OtherOperator, _clock.GetUtcNow(), []));
        var waiting = await PlaceAsync(Starting(28, "Väntar Svar"));
        await ChangeAsync(waiting, o =>
        {
            o.Take(new Actor(operatorId, "Sara Nilsson"), _clock.GetUtcNow(), []);
            o.MoveTo(OrderStatus.WaitingForOrderer, new Actor(operatorId, "Sara Nilsson"), _clock.GetUtcNow(), "Vilken titel?");
        });

        var work = await OverviewFor("operator").TodaysCasesAsync(10, Ct);

        Assert.Equal((new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30)), (work.Today, work.DueBy));
        Assert.Equal([overdueEnd, mine, soon], work.Cases.Select(c => c.Id));
        Assert.Equal(3, work.Total);
        Assert.Equal(
            [(OrderType.Terminate, new DateOnly(2026, 11, 20), (string?)null), (OrderType.Extend, new DateOnly(2026, 11, 27), "Sara Nilsson"),
                (OrderType.New, new DateOnly(2026, 11, 30), null)],
            work.Cases.Select(c => (c.Type, c.Due, c.AssignedToName)));
    }

    [Fact]
    public async Task TodaysCases_ShowsTheFirstFew_AndCountsThemAll()
    {
        for (var day = 24; day <= 28; day++)
        {
            await PlaceAsync(Starting(day, $"Anställd {day}"));
        }

        var work = await OverviewFor("operator").TodaysCasesAsync(2, Ct);

        Assert.Equal(["Anställd 24", "Anställd 25"], work.Cases.Select(c => c.EmployeeName));
        Assert.Equal(5, work.Total);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("chef1")]
    [InlineData("utanroll")]
    public async Task TodaysCases_AreForOperatorsOnly(string userName) =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => OverviewFor(userName).TodaysCasesAsync(10, Ct));

    [Theory]
    [InlineData("operator")]
    [InlineData("chef1")]
    [InlineData("utanroll")]
    public async Task TheRegisterOverview_IsForAdministratorsOnly(string userName) =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => OverviewFor(userName).GetSummaryAsync(Ct));

    [Fact]
    public async Task TheRegisterOverview_CountsTheActiveRegisters_ForAnAdministrator()
    {
        var summary = await OverviewFor("admin").GetSummaryAsync(Ct);

        Assert.Equal(summary.SystemNames.Count, summary.ActiveSystems);
        Assert.True(summary.ActiveSystems > 0 && summary.ActiveUnits > 0 && summary.ActiveTitles > 0);
    }
}
