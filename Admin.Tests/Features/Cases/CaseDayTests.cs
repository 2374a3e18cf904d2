using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Cases;

/// <summary>
/// The queue's view "Idag": open cases whose day (a start, a change, a last day) is today in Sweden, and end orders
/// past their last day with the case still open — those first, the longest overdue first.
/// </summary>
public sealed class CaseDayTests : IAsyncLifetime
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");

    /// <summary>The orders are placed on 2026-11-27; the tests look at the queue on 2026-12-07.</summary>
    private static readonly DateOnly Today = new(2026, 12, 7);

    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private readonly Dictionary<string, string> _cases = [];
    private TestDatabase? _database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(_clock);
        await PlaceAsync("starts today", OrderRequests.NewUndersköterska(Person(1)) with { StartDate = Today });
        await PlaceAsync("ended 4 days ago", OrderRequests.Terminate(Person(2)) with { EndDate = Today.AddDays(-4) });
        await PlaceAsync("single ended yesterday", OrderRequests.EndSingle(Person(3)) with { EndDate = Today.AddDays(-1) });
        await PlaceAsync("starts tomorrow", OrderRequests.NewUndersköterska(Person(4)) with { StartDate = Today.AddDays(1) });
        await PlaceAsync("last day today", OrderRequests.Terminate(Person(5)) with { EndDate = Today });
        await PlaceAsync("started 3 days ago", OrderRequests.NewUndersköterska(Person(6)) with { StartDate = Today.AddDays(-3) });
        await PlaceAsync("extension from today", OrderRequests.Extend(Person(7)) with { StartDate = Today });
        await PlaceAsync("ends in a week", OrderRequests.Terminate(Person(8)) with { EndDate = Today.AddDays(7) });
        var rejected = await PlaceAsync("rejected, ended 2 days ago", OrderRequests.Terminate(Person(9)) with { EndDate = Today.AddDays(-2) });
        var work = AppServices.CaseWork(Database, "operator", _clock);
        var taken = Assert.IsType<CaseResult.Done>(await work.TakeAsync(rejected, 0, Ct));
        Assert.IsType<CaseResult.Done>(await work.MoveAsync(rejected, taken.Version, OrderStatus.Rejected, "Dubblett", Ct));
        var waiting = await PlaceAsync("waiting, ended 1 day ago", OrderRequests.Terminate(Person(10)) with { EndDate = Today.AddDays(-1) });
        taken = Assert.IsType<CaseResult.Done>(await work.TakeAsync(waiting, 0, Ct));
        Assert.IsType<CaseResult.Done>(await work.MoveAsync(waiting, taken.Version, OrderStatus.WaitingForOrderer, "Vilken titel ska hon ha?", Ct));
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TheDay_HoldsTodaysStartsChangesAndLastDays_AndTheOverdueEnds_OverdueFirst()
    {
        OnTheDay();

        var rows = await SearchAsync(new CaseQuery(Today: true), CaseSort.ReceivedNewest);

        Assert.Equal(
            [
                ("ended 4 days ago", true),
                ("waiting, ended 1 day ago", true),
                ("single ended yesterday", true),
                ("extension from today", false),
                ("last day today", false),
                ("starts today", false),
            ],
            rows.Select(r => (_cases[r.CaseNumber], r.IsOverdue)));
    }

    [Fact]
    public async Task TheOverdueStayFirst_WhateverTheChosenOrder()
    {
        OnTheDay();

        var byCaseNumber = await SearchAsync(new CaseQuery(Today: true), CaseSort.CaseNumber);
        var oldestFirst = await SearchAsync(new CaseQuery(Today: true), CaseSort.ReceivedOldest);

        Assert.Equal(
            ["ended 4 days ago", "waiting, ended 1 day ago", "single ended yesterday", "extension from today", "last day today", "starts today"],
            byCaseNumber.Select(r => _cases[r.CaseNumber]));
        Assert.Equal(
            ["ended 4 days ago", "single ended yesterday", "waiting, ended 1 day ago", "starts today", "last day today", "extension from today"],
            oldestFirst.Select(r => _cases[r.CaseNumber]));
    }

    [Fact]
    public async Task TheFigures_CountTheDay_AndItsOverdue()
    {
        OnTheDay();

        var list = AppServices.CaseList(Database, "operator", _clock);

        Assert.Equal(new CaseDay(Today, 6, 3), await list.TodayAsync(new CaseQuery(), Ct));
        Assert.Equal(new CaseDay(Today, 3, 2), await list.TodayAsync(new CaseQuery(Type: OrderType.Terminate), Ct));
    }

    [Fact]
    public async Task TheOpenQueue_MarksAnOverdueEnd_TooButNeverAClosedOneOrALateStart()
    {
        OnTheDay();

        var all = await SearchAsync(new CaseQuery(), CaseSort.ReceivedOldest);

        Assert.Equal(
            ["ended 4 days ago", "single ended yesterday", "waiting, ended 1 day ago"],
            all.Where(r => r.IsOverdue).Select(r => _cases[r.CaseNumber]));
        Assert.Contains(all, r => _cases[r.CaseNumber] == "rejected, ended 2 days ago" && !r.IsOverdue);
        Assert.Contains(all, r => _cases[r.CaseNumber] == "started 3 days ago" && !r.IsOverdue);
    }

    [Fact]
    public async Task Today_IsTheDateInSweden_NotInUtc()
    {
        // 2026-12-06 23:30 UTC is already 2026-12-07 00:30 in Stockholm.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero));

        var day = await AppServices.CaseList(Database, "operator", _clock).TodayAsync(new CaseQuery(), Ct);

        Assert.Equal((Today, 6), (day.Today, day.Total));
    }

    [Fact]
    public async Task ADayWithNothing_IsEmpty()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

        Assert.Empty(await SearchAsync(new CaseQuery(Today: true), CaseSort.ReceivedNewest));
        Assert.Equal(new CaseDay(new DateOnly(2026, 11, 28), 0, 0), await AppServices.CaseList(Database, "operator", _clock).TodayAsync(new CaseQuery(), Ct));
    }

    /// <summary>2026-12-07 10:00 in Stockholm.</summary>
    private void OnTheDay() => _clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private static string Person(int serial) => KeyRegisterData.PersonnummerFor(serial);

    private async Task<int> PlaceAsync(string label, OrderRequest request)
    {
        if (request.Type == OrderType.Terminate)
        {
            // An end of employment names the employment it ends: the person has one in the unit.
            await TestEmployments.EmployAsync(Database, request.Personnummer!, request.EmployeeName!, request.Unit!);
        }

        var result = await AppServices.OrderIntake(Database, _clock).PlaceAsync(request, OrderChannel.Console, Chef, ct: Ct);
        var receipt = Assert.IsType<PlaceOrderResult.Created>(result).Receipt;
        _cases[receipt.CaseNumber] = label;
        _clock.Advance(TimeSpan.FromMinutes(5));
        return receipt.Id;
    }

    private async Task<IReadOnlyList<CaseRow>> SearchAsync(CaseQuery query, CaseSort sort) =>
        (await AppServices.CaseList(Database, "operator", _clock).SearchAsync(query, sort, 0, 50, Ct)).Items;
}
