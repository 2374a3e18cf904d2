using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Orders;

/// <summary>
/// Orders for many at once: each row checked with the single order's rules and the user's ordering rights, the batch's
/// own rules, and placing all or nothing in one transaction under one key (decision 0048).
/// </summary>
public sealed class BatchOrdersTests : IAsyncLifetime
{
    private const string Centrum = "Hemtjänst Centrum";
    private const string Tallgarden = "Tallgårdens vård- och omsorgsboende";
    private const string Pnr1978 = "19780312-4564";
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

    private BatchOrders ServiceFor(string userName) =>
        new(Database, AppServices.OrderIntake(Database, _clock), AppServices.CurrentUser(userName), _clock, NullLoggerFactory.Instance);

    private static BatchOrderRow Row(string name, string personnummer, string unit = Centrum, string? end = null, string key = "Nyckelpool") => new()
    {
        Name = name,
        Personnummer = personnummer,
        Title = "undersköterska",
        Unit = unit,
        StartDate = "2026-12-07",
        EndDate = end,
        Key = key,
    };

    private static List<BatchOrderRow> ThreeForCentrum() =>
    [
        Row("Lisa Andersson", OrderRequests.Pnr1990),
        Row("Omar Said", OrderRequests.Pnr1985, end: "2027-08-15"),
        Row("Maja Berg", Pnr1978),
    ];

    [Fact]
    public async Task Check_ThreeGoodRows_IsValid_AndStoresNothing()
    {
        var check = await ServiceFor("chef1").CheckAsync(ThreeForCentrum(), Ct);

        Assert.True(check.IsValid, string.Join(" | ", check.Rows.SelectMany(r => r.Messages)));
        Assert.Equal([1, 2, 3], check.Rows.Select(r => r.Row));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
        Assert.Equal(0, await db.OrderBatches.CountAsync(Ct));
    }

    [Fact]
    public async Task Place_WithOneBadRow_PlacesNothing_AndTheErrorNamesTheRowAndCell()
    {
        var rows = ThreeForCentrum();
        rows[1].Title = "Trollkarl";

        var result = await ServiceFor("chef1").PlaceAsync("key-1", rows, null, Ct);

        var check = Assert.IsType<BatchPlaceResult.Invalid>(result).Check;
        var bad = Assert.Single(check.Rows, r => !r.IsValid);
        Assert.Equal(2, bad.Row);
        Assert.Equal(["Det finns ingen titel som heter \"Trollkarl\"."], bad.Cells[BatchColumn.Title]);
        Assert.Contains("Titel: Det finns ingen titel som heter \"Trollkarl\".", bad.Messages);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
        Assert.Equal(0, await db.OrderBatches.CountAsync(Ct));
        Assert.Equal(0, await db.Employees.CountAsync(Ct));
    }

    [Fact]
    public async Task Check_AManager_IsRefusedForAnotherManagersUnit_NamedByName()
    {
        var rows = ThreeForCentrum();
        rows[2].Unit = "tallgårdens VÅRD- och omsorgsboende";

        var check = await ServiceFor("chef1").CheckAsync(rows, Ct);

        var bad = Assert.Single(check.Rows, r => !r.IsValid);
        Assert.Equal(3, bad.Row);
        Assert.Equal(
            [$"Du kan bara beställa för verksamheter som du är chef eller utsedd beställare för den 2026-12-07. {Tallgarden} är inte din."],
            bad.Cells[BatchColumn.Unit]);
    }

    [Fact]
    public async Task Check_AnOperator_MayOrderForAnyUnit_AndTheUnitsOnlyManagerIsResponsible()
    {
        var rows = ThreeForCentrum();
        rows[2].Unit = Tallgarden;

        var result = await ServiceFor("operator").PlaceAsync("key-op", rows, null, Ct);

        Assert.IsType<BatchPlaceResult.Placed>(result);
        await using var db = Database.CreateDbContext();
        var tallgarden = await db.Orders.SingleAsync(o => o.UnitName == Tallgarden, Ct);
        Assert.Equal("erik.johansson@kommun.example", tallgarden.Manager.Email.Value);
        Assert.Equal("sara.nilsson@kommun.example", tallgarden.Orderer.Email.Value);
    }

    [Fact]
    public async Task Check_AUnitWithSeveralManagers_AsksWhichOne_UnlessTheRowNamesOne()
    {
        var rows = new List<BatchOrderRow> { Row("Lisa Andersson", OrderRequests.Pnr1990, unit: "Hertings vård- och omsorgsboende") };
        var service = ServiceFor("operator");

        var unnamed = await service.CheckAsync(rows, Ct);
        rows[0].Manager = "karin svensson";
        var named = await service.CheckAsync(rows, Ct);

        Assert.Equal(
            ["Hertings vård- och omsorgsboende har flera chefer: ange ansvarig chef, Erik Johansson (erik.johansson@kommun.example) eller Karin Svensson (karin.svensson@kommun.example)."],
            unnamed.Rows[0].Cells[BatchColumn.Manager]);
        Assert.True(named.IsValid, string.Join(" | ", named.Rows.SelectMany(r => r.Messages)));
    }

    [Fact]
    public async Task Check_TheSamePersonnummerTwice_IsAnErrorOnBothRows()
    {
        var rows = ThreeForCentrum();
        rows[2].Personnummer = "199001011239";

        var check = await ServiceFor("chef1").CheckAsync(rows, Ct);

        Assert.Equal(["Samma personnummer står också på rad 3: en person beställs en gång."], check.Rows[0].Cells[BatchColumn.Personnummer]);
        Assert.Equal(["Samma personnummer står också på rad 1: en person beställs en gång."], check.Rows[2].Cells[BatchColumn.Personnummer]);
        Assert.True(check.Rows[1].IsValid);
        Assert.False(check.IsValid);
    }

    [Fact]
    public async Task Check_UsesTheSingleOrdersRules_PerCell()
    {
        var rows = ThreeForCentrum();
        rows[0].Personnummer = "19900101-1230";
        rows[0].Key = "";
        rows[1].StartDate = "7/12";
        rows[2].EndDate = "2026-12-01";

        var check = await ServiceFor("chef1").CheckAsync(rows, Ct);

        Assert.Contains(BatchColumn.Personnummer, check.Rows[0].Cells.Keys);
        Assert.Equal(
            ["Hemtjänst Centrum använder digitala nycklar: välj personlig nyckel, köp av ny nyckel eller nyckelpoolen."],
            check.Rows[0].Cells[BatchColumn.Key]);
        Assert.Equal(["\"7/12\" är inget datum. Skriv det som 2026-12-07."], check.Rows[1].Cells[BatchColumn.StartDate]);
        Assert.Equal(["Slutdatumet måste vara efter startdatumet."], check.Rows[2].Cells[BatchColumn.EndDate]);
    }

    [Fact]
    public async Task Check_MoreThanTheLimit_IsRefusedAsAWhole()
    {
        var rows = Enumerable.Range(0, BatchOrderRows.MaxRows + 1).Select(i => Row($"Person {i}", OrderRequests.Pnr1990)).ToList();

        var check = await ServiceFor("chef1").CheckAsync(rows, Ct);

        Assert.False(check.IsValid);
        Assert.Equal(["Högst 500 personer kan beställas på en gång. Listan har 501: dela upp den."], check.Errors);
    }

    [Fact]
    public async Task Place_PlacesOneCasePerPerson_InOneBatch_WithEachOrdersAuditEntryAndNotices_AndOneBatchEntry()
    {
        var result = await ServiceFor("chef1").PlaceAsync("key-2", ThreeForCentrum(), "nyanstallda.csv", Ct);

        var placed = Assert.IsType<BatchPlaceResult.Placed>(result);
        Assert.False(placed.Replayed);
        await using var db = Database.CreateDbContext();
        var batch = await db.OrderBatches.SingleAsync(Ct);
        Assert.Equal((placed.BatchId, 3, "nyanstallda.csv", "Anna Lindqvist"), (batch.Id, batch.Count, batch.FileName, batch.PlacedByName));
        var orders = await db.Orders.OrderBy(o => o.Id).ToListAsync(Ct);
        Assert.Equal(3, orders.Count);
        Assert.All(orders, o => Assert.Equal((batch.Id, OrderType.New, OrderChannel.Console), (o.BatchId, o.Type, o.Channel)));
        Assert.Equal(3, orders.Select(o => o.CaseNumber).Distinct().Count());
        Assert.Equal("anna.lindqvist@kommun.example", orders[0].Manager.Email.Value);
        Assert.NotEmpty(orders[0].Systems);

        var created = await db.AuditEntries.Where(a => a.Action == "Order.Created").Select(a => a.EntityId).ToListAsync(Ct);
        Assert.Equal(orders.Select(o => o.CaseNumber).Order(), created.Order());
        var batchEntry = await db.AuditEntries.SingleAsync(a => a.Action == "Order.BatchPlaced", Ct);
        Assert.Equal(("OrderBatch", batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (batchEntry.EntityType, batchEntry.EntityId));
        Assert.StartsWith("3 beställningar av ny behörighet togs emot på en gång", batchEntry.Summary, StringComparison.Ordinal);

        // Each order gets exactly the notices a single order gets.
        var single = Assert.IsType<PlaceOrderResult.Created>(await AppServices.OrderIntake(Database, _clock).PlaceAsync(
            OrderRequests.NewUndersköterska("19850615-2340") with { Personnummer = "19700101-0003" }, OrderChannel.Console,
            new SocItConsole.Shared.Audit.Actor("x", "Anna Lindqvist"), ct: Ct)).Receipt.Id;
        var messages = await db.CaseMessages.ToListAsync(Ct);
        var expected = messages.Where(m => m.OrderId == single).Select(m => m.Kind).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.All(orders, o => Assert.Equal(expected, messages.Where(m => m.OrderId == o.Id).Select(m => m.Kind).Order()));
    }

    [Fact]
    public async Task Place_TheSameKeyTwice_PlacesOneBatch()
    {
        var service = ServiceFor("chef1");

        var first = Assert.IsType<BatchPlaceResult.Placed>(await service.PlaceAsync("same-key", ThreeForCentrum(), null, Ct));
        var second = Assert.IsType<BatchPlaceResult.Placed>(await service.PlaceAsync("same-key", ThreeForCentrum(), null, Ct));

        Assert.Equal(first.BatchId, second.BatchId);
        Assert.True(second.Replayed);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.OrderBatches.CountAsync(Ct));
        Assert.Equal(3, await db.Orders.CountAsync(Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Order.BatchPlaced", Ct));
    }

    [Fact]
    public async Task Place_AFixedTermRow_BecomesAFixedTermEmployment_WhenTheCaseIsCompleted()
    {
        var placed = Assert.IsType<BatchPlaceResult.Placed>(await ServiceFor("chef1").PlaceAsync("key-3", ThreeForCentrum(), null, Ct));
        int orderId;
        await using (var db = Database.CreateDbContext())
        {
            orderId = await db.Orders.Where(o => o.BatchId == placed.BatchId && o.EmployeeName == "Omar Said").Select(o => o.Id).SingleAsync(Ct);
        }

        var work = AppServices.CaseWork(Database, "operator");
        var version = Assert.IsType<CaseResult.Done>(await work.TakeAsync(orderId, 0, Ct)).Version;
        foreach (var item in (await work.GetAsync(orderId, Ct))!.Checklist)
        {
            version = Assert.IsType<CaseResult.Done>(await work.MarkItemAsync(orderId, version, item.Id, ChecklistState.Done, null, Ct)).Version;
        }

        Assert.IsType<CaseResult.Done>(await work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct));

        await using var after = Database.CreateDbContext();
        var employment = await after.Employments.SingleAsync(Ct);
        Assert.True(employment.IsFixedTerm);
        Assert.Equal((new DateOnly(2026, 12, 7), (DateOnly?)new DateOnly(2027, 8, 15)), (employment.From, employment.To));
    }

    [Fact]
    public async Task Receipt_ListsEveryCase_ForThePlacer_AndAnOperator_NotForAnotherManager()
    {
        var placed = Assert.IsType<BatchPlaceResult.Placed>(await ServiceFor("chef1").PlaceAsync("key-4", ThreeForCentrum(), null, Ct));

        var mine = await ServiceFor("chef1").ReceiptAsync(placed.BatchId, Ct);
        var operators = await ServiceFor("operator").ReceiptAsync(placed.BatchId, Ct);
        var others = await ServiceFor("chef2").ReceiptAsync(placed.BatchId, Ct);

        Assert.NotNull(mine);
        Assert.Equal(["Lisa Andersson", "Omar Said", "Maja Berg"], mine.Lines.Select(l => l.Name));
        Assert.Equal([null, new DateOnly(2027, 8, 15), null], mine.Lines.Select(l => l.EndDate));
        Assert.False(mine.ForOperator);
        Assert.True(operators!.ForOperator);
        Assert.Null(others);
    }

    [Fact]
    public async Task Operations_WithoutTheOrderIntakePolicy_AreRefused()
    {
        var service = ServiceFor("admin");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.CheckAsync(ThreeForCentrum(), Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.PlaceAsync("k", ThreeForCentrum(), null, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ReceiptAsync(1, Ct));
    }
}
