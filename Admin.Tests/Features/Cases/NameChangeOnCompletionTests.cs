using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Cases;

/// <summary>
/// A different name on an order is never applied when the order comes in: completing its case applies it, audited as
/// its own event with the name before and after, and never from an end order or a rejected case.
/// </summary>
public sealed class NameChangeOnCompletionTests : IAsyncLifetime
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");

    private TestDatabase? _database;
    private CaseWork? _work;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private CaseWork Work => _work ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
        _work = AppServices.CaseWork(_database, "operator");
        // Lisa Andersson is known: her first order is completed.
        await CompleteAsync(await PlaceAsync(OrderRequests.NewUndersköterska()));
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TheIntake_NeverRenames_AKnownPerson()
    {
        var orderId = await PlaceAsync(OrderRequests.Extend() with { EmployeeName = "Lisa Berg" });

        Assert.Equal("Lisa Andersson", await RegisteredNameAsync());
        var details = (await Work.GetAsync(orderId, Ct))!;
        Assert.Equal(("Lisa Berg", "Lisa Andersson"), (details.EmployeeName, details.RegisteredName));
        Assert.Equal(new("Lisa Andersson", "Lisa Berg"), details.NameDifference);
        Assert.Empty(await RenamedEntriesAsync());
    }

    [Fact]
    public async Task Completing_AppliesTheOrdersName_AuditedWithBeforeAndAfter_InTheCompletionsSave()
    {
        var orderId = await PlaceAsync(OrderRequests.Extend() with { EmployeeName = "Lisa Berg" });

        var message = await CompleteAsync(orderId);

        Assert.Equal("Lisa Berg", await RegisteredNameAsync());
        Assert.EndsWith(" Namnet ändrades från Lisa Andersson till Lisa Berg.", message, StringComparison.Ordinal);
        var renamed = Assert.Single(await RenamedEntriesAsync());
        await using var db = Database.CreateDbContext();
        var employeeId = await db.Employees.Select(e => e.Id).SingleAsync(Ct);
        var completed = await db.AuditEntries.Where(a => a.Action == "Case.Completed").OrderByDescending(a => a.Id).FirstAsync(Ct);
        Assert.Equal(
            ("Employee", employeeId.ToString(CultureInfo.InvariantCulture), completed.ActorId, "Sara Nilsson"),
            (renamed.EntityType, renamed.EntityId, renamed.ActorId, renamed.ActorName));
        Assert.Equal("""{"Name":"Lisa Andersson"}""", renamed.Before);
        Assert.Equal("""{"Name":"Lisa Berg"}""", renamed.After);
        Assert.Equal("SOC-2026-00002: Namnet ändrades från Lisa Andersson till Lisa Berg.", renamed.Summary);
        Assert.Equal(completed.OccurredAt, renamed.OccurredAt);
        Assert.Equal("SOC-2026-00002", completed.EntityId);
        Assert.Null((await Work.GetAsync(orderId, Ct))!.NameDifference);
    }

    [Fact]
    public async Task TheSameName_RenamesNothing_AndWritesNoEntry()
    {
        var message = await CompleteAsync(await PlaceAsync(OrderRequests.Extend()));

        Assert.DoesNotContain("Namnet", message, StringComparison.Ordinal);
        Assert.Equal("Lisa Andersson", await RegisteredNameAsync());
        Assert.Empty(await RenamedEntriesAsync());
    }

    [Theory]
    [InlineData(OrderType.Terminate)]
    [InlineData(OrderType.EndTemporary)]
    public async Task AnEndOrder_NeverRenames_EvenWhenCompleted(OrderType type)
    {
        if (type == OrderType.EndTemporary)
        {
            await CompleteAsync(await PlaceAsync(OrderRequests.Extend()));
        }

        var request = type == OrderType.Terminate ? OrderRequests.Terminate() : OrderRequests.EndSingle();
        var message = await CompleteAsync(await PlaceAsync(request with { EmployeeName = "Lisa Berg" }));

        Assert.DoesNotContain("Namnet", message, StringComparison.Ordinal);
        Assert.Equal("Lisa Andersson", await RegisteredNameAsync());
        Assert.Empty(await RenamedEntriesAsync());
    }

    [Fact]
    public async Task ARejectedCase_ChangesNothing()
    {
        var orderId = await PlaceAsync(OrderRequests.Extend() with { EmployeeName = "Lisa Berg" });
        var version = Assert.IsType<CaseResult.Done>(await Work.TakeAsync(orderId, 0, Ct)).Version;

        Assert.IsType<CaseResult.Done>(await Work.MoveAsync(orderId, version, OrderStatus.Rejected, "Fel person", Ct));

        Assert.Equal("Lisa Andersson", await RegisteredNameAsync());
        Assert.Empty(await RenamedEntriesAsync());
    }

    private async Task<int> PlaceAsync(OrderRequest request)
    {
        var result = await AppServices.OrderIntake(Database).PlaceAsync(request, OrderChannel.Console, Chef, ct: Ct);
        return Assert.IsType<PlaceOrderResult.Created>(result).Receipt.Id;
    }

    /// <summary>Takes the case, ticks every item Klar and completes it; returns the completion's message.</summary>
    private async Task<string> CompleteAsync(int orderId)
    {
        var version = Assert.IsType<CaseResult.Done>(await Work.TakeAsync(orderId, 0, Ct)).Version;
        foreach (var item in (await Work.GetAsync(orderId, Ct))!.Checklist)
        {
            version = Assert.IsType<CaseResult.Done>(await Work.MarkItemAsync(orderId, version, item.Id, ChecklistState.Done, null, Ct)).Version;
        }

        return Assert.IsType<CaseResult.Done>(await Work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct)).Message;
    }

    private async Task<string> RegisteredNameAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Employees.Select(e => e.FullName).SingleAsync(Ct);
    }

    private async Task<List<AuditEntry>> RenamedEntriesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == "Employee.Renamed").ToListAsync(Ct);
    }
}
