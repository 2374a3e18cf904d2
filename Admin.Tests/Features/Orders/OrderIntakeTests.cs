using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Orders;

public class OrderIntakeTests
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");

    private static async Task<(TestDatabase Database, OrderIntake Intake)> SeededAsync()
    {
        var clock = AppServices.Clock();
        var database = await TestDatabase.CreateMigratedAsync();
        await database.SeedDemoDataAsync(clock);
        return (database, Intake(database, clock));
    }

    private static OrderIntake Intake(TestDatabase database, TimeProvider clock) =>
        AppServices.OrderIntake(database, clock);

    [Fact]
    public async Task NewOrder_IsNumbered_GetsItsDerivedSystems_AndIsOnRecord()
    {
        var (database, intake) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;

        var result = await intake.PlaceAsync(OrderRequests.NewUndersköterska(), OrderChannel.Console, Chef, ct: ct);

        Assert.True(result is PlaceOrderResult.Created, result is PlaceOrderResult.Invalid invalid
            ? string.Join("; ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")) : result.ToString());
        var receipt = ((PlaceOrderResult.Created)result).Receipt;
        Assert.Equal("SOC-2026-00001", receipt.CaseNumber);
        Assert.Equal(OrderStatus.Received, receipt.Status);
        Assert.Equal("19900101-****", receipt.MaskedPersonnummer);
        Assert.Equal(
            ["Appva: Standard", "Citrix: Standard", "Combine: Standard", "IntraPhone: Standard", "Lifecare: Utförare", "Smartkort (SITHS): Standard", "Swedlock: Standard"],
            receipt.Systems.Select(s => $"{s.Name}: {s.Level}"));
        await using var db = database.CreateDbContext();
        var order = await db.Orders.Include(o => o.Employee).SingleAsync(ct);
        Assert.Equal("199001011239", order.Employee!.Personnummer.Value);
        Assert.Equal(KeyChoiceKind.Pool, order.KeyKind);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Order.Created", ct);
        Assert.Equal("SOC-2026-00001", entry.EntityId);
        Assert.DoesNotContain("1239", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("1239", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseNumbers_CountUpWithinTheYear()
    {
        var (database, intake) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;

        await intake.PlaceAsync(OrderRequests.NewUndersköterska(), OrderChannel.Console, Chef, ct: ct);
        var second = await intake.PlaceAsync(OrderRequests.Extend(OrderRequests.Pnr1985), OrderChannel.EService, Chef, ct: ct);

        Assert.Equal("SOC-2026-00002", Assert.IsType<PlaceOrderResult.Created>(second).Receipt.CaseNumber);
    }

    [Fact]
    public async Task AnOrderForAKnownPersonnummer_IsMatchedToTheSameEmployee()
    {
        var (database, intake) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;

        await intake.PlaceAsync(OrderRequests.NewUndersköterska("199001011239"), OrderChannel.Console, Chef, ct: ct);
        await TestEmployments.EmployAsync(database, OrderRequests.Pnr1990, "Lisa Andersson");
        await intake.PlaceAsync(OrderRequests.Terminate("900101-1239") with { EmployeeName = "Lisa Berg" }, OrderChannel.Console, Chef, ct: ct);

        await using var db = database.CreateDbContext();
        var employee = await db.Employees.SingleAsync(ct);
        // The intake never renames: the other name stays on the order until its case is completed (and an end order
        // never renames at all).
        Assert.Equal("Lisa Andersson", employee.FullName);
        Assert.Equal(2, await db.Orders.CountAsync(o => o.EmployeeId == employee.Id, ct));
        Assert.Equal("Lisa Berg", (await db.Orders.OrderBy(o => o.Id).LastAsync(ct)).EmployeeName);
    }

    [Fact]
    public async Task InvalidOrder_ReportsEveryFieldInSwedish_AndStoresNothing()
    {
        var (database, intake) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;

        var result = await intake.PlaceAsync(
            OrderRequests.NewUndersköterska("19900101-1234") with { Title = "Läkare", KeyKind = KeyChoiceKind.None, OrdererEmail = "anna" },
            OrderChannel.Console, Chef, ct: ct);

        var errors = Assert.IsType<PlaceOrderResult.Invalid>(result).Errors;
        Assert.Equal(
            [OrderField.Personnummer, OrderField.Title, OrderField.KeyKind, OrderField.OrdererEmail],
            errors.Keys.Select(k => k.Field).Order());
        Assert.Contains("Det finns ingen titel som heter \"Läkare\".", errors[OrderField.Title]);
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync(ct));
        Assert.Equal(0, await db.Employees.CountAsync(ct));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "Order.Created", ct));
    }

    [Fact]
    public async Task Extension_StoresTheRequestedSystems_AtTheirLevels()
    {
        var (database, intake) = await SeededAsync();
        using var _ = database;

        var result = await intake.PlaceAsync(OrderRequests.Extend(), OrderChannel.SecureMessage, Chef, ct: TestContext.Current.CancellationToken);

        Assert.Equal(["Lifecare: Handläggare", "Qlikview: Standard"],
            Assert.IsType<PlaceOrderResult.Created>(result).Receipt.Systems.Select(s => $"{s.Name}: {s.Level}"));
    }

    [Fact]
    public async Task TemporaryAccess_GetsTheSystemsOfTheOtherUnit()
    {
        var (database, intake) = await SeededAsync();
        using var _ = database;

        var result = await intake.PlaceAsync(OrderRequests.TemporaryUnit(), OrderChannel.Console, Chef, ct: TestContext.Current.CancellationToken);

        var receipt = Assert.IsType<PlaceOrderResult.Created>(result).Receipt;
        Assert.Equal("Tallgårdens vård- och omsorgsboende", receipt.UnitName);
        Assert.DoesNotContain(receipt.Systems, s => s.Name == "Combine");
    }

    [Fact]
    public async Task SameIdempotencyKey_SameRequest_ReturnsTheFirstOrder_DifferentRequest_IsAConflict()
    {
        var (database, intake) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;

        var first = await intake.PlaceAsync(OrderRequests.NewUndersköterska(), OrderChannel.EService, Chef, "key-1", "hash-a", ct);
        var again = await intake.PlaceAsync(OrderRequests.NewUndersköterska(), OrderChannel.EService, Chef, "key-1", "hash-a", ct);
        var other = await intake.PlaceAsync(OrderRequests.NewUndersköterska(), OrderChannel.EService, Chef, "key-1", "hash-b", ct);

        var created = Assert.IsType<PlaceOrderResult.Created>(first).Receipt;
        Assert.Equal(created.Id, Assert.IsType<PlaceOrderResult.Replayed>(again).Receipt.Id);
        Assert.Equal(created.CaseNumber, Assert.IsType<PlaceOrderResult.IdempotencyConflict>(other).CaseNumber);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync(ct));
    }

    [Fact]
    public async Task ConcurrentRetriesWithOneIdempotencyKey_CreateExactlyOneOrder()
    {
        var (database, _) = await SeededAsync();
        using var __ = database;
        var ct = TestContext.Current.CancellationToken;
        var clock = AppServices.Clock();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            () => Intake(database, clock).PlaceAsync(OrderRequests.NewUndersköterska(), OrderChannel.EService, Chef, "retry-key", "same", ct), ct)));

        Assert.Single(results, r => r is PlaceOrderResult.Created);
        Assert.All(results, r => Assert.True(r is PlaceOrderResult.Created or PlaceOrderResult.Replayed));
        Assert.Single(results.Select(r => r switch
        {
            PlaceOrderResult.Created c => c.Receipt.Id,
            PlaceOrderResult.Replayed p => p.Receipt.Id,
            _ => -1,
        }).Distinct());
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync(ct));
    }

    [Fact]
    public async Task ConcurrentOrders_GetDistinctCaseNumbers()
    {
        var (database, _) = await SeededAsync();
        using var __ = database;
        var ct = TestContext.Current.CancellationToken;
        var clock = AppServices.Clock();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(
            () => Intake(database, clock).PlaceAsync(OrderRequests.Extend(), OrderChannel.EService, Chef, ct: ct), ct)));

        var numbers = results.Select(r => Assert.IsType<PlaceOrderResult.Created>(r).Receipt.CaseNumber).ToList();
        Assert.Equal(10, numbers.Distinct().Count());
        Assert.Equal("SOC-2026-00010", numbers.Max());
    }

    [Fact]
    public async Task AUnitOrTitleWithOrders_CannotBeDeleted_OnlyDeactivated()
    {
        var (database, intake) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        await intake.PlaceAsync(OrderRequests.NewUndersköterska(), OrderChannel.Console, Chef, ct: ct);
        await using var db = database.CreateDbContext();
        var unitId = (await db.Units.SingleAsync(u => u.Name == "Hemtjänst Centrum", ct)).Id;
        var titleId = (await db.JobTitles.SingleAsync(t => t.Name == "Undersköterska", ct)).Id;
        await db.MatrixEntries.Where(e => e.JobTitleId == titleId).ExecuteDeleteAsync(ct);
        var service = AppServices.MasterDataService(database, "admin");

        var unit = await service.DeleteUnitAsync(unitId, ct);
        var title = await service.DeleteTitleAsync(titleId, ct);

        Assert.Equal("Hemtjänst Centrum kan inte tas bort eftersom beställningar hänvisar till den. Inaktivera verksamheten i stället.", unit.Error);
        Assert.Equal("Undersköterska kan inte tas bort eftersom beställningar hänvisar till den. Inaktivera titeln i stället.", title.Error);
    }
}
