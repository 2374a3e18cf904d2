using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.Orders;
using static SocItConsole.Admin.Tests.TestData.KeyRegisterData;

namespace SocItConsole.Admin.Tests.Features.Cases;

/// <summary>
/// A person with two employments (Hemtjänst Centrum with personal key 4110003, Hemtjänst Skrea with key 4120001) and
/// a personal code, on SQLite with the demo organisation: leaving one keeps the other's grants, key and the code;
/// leaving the last revokes the code.
/// </summary>
public sealed class LeavingOneEmploymentTests : IAsyncLifetime
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");
    private static readonly DateOnly LastDay = new(2026, 12, 31);

    private TestDatabase? _database;
    private Microsoft.Extensions.Time.Testing.FakeTimeProvider? _clock;
    private int _employee;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        (_database, _clock) = await SeededAsync();
        var centrum = await PlaceAsync(OrderRequests.NewUndersköterska() with { KeyKind = KeyChoiceKind.PersonalKey, KeyNumber = "4110003" });
        Assert.IsType<CaseResult.Done>(await CompleteAsync(centrum));
        var skrea = await PlaceAsync(OrderRequests.NewUndersköterska() with { Unit = Skrea, KeyKind = KeyChoiceKind.PersonalKey, KeyNumber = "4120001" });
        Assert.IsType<CaseResult.Done>(await CompleteAsync(skrea));
        await using var db = Database.CreateDbContext();
        _employee = await db.Orders.Where(o => o.Id == centrum).Select(o => o.EmployeeId).SingleAsync(Ct);
        Assert.IsType<KeyResult.CodeIssued>(await KeyServices.Codes(Database, "operator", _clock).IssueAsync(_employee, Ct));
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task LeavingOne_EndsItsGrantsAndKey_AndKeepsTheOthersGrantsKeyAndThePersonalCode()
    {
        var endId = await PlaceAsync(OrderRequests.Terminate() with { Unit = Skrea });

        var returns = await TakeAsync(endId);
        var result = await CompleteAsync(endId);

        Assert.Equal(2, returns.Count);
        Assert.StartsWith("Telefonen återlämnad och fabriksåterställd av ", returns[0], StringComparison.Ordinal);
        // The key of the unit left is named by the register; ticking it returned it there (decision 0032).
        Assert.StartsWith("Digital nyckel (Swedlock) 4120001 från ", returns[1], StringComparison.Ordinal);
        Assert.IsType<CaseResult.Done>(result);
        await using var db = Database.CreateDbContext();
        var grants = await db.Grants.AsNoTracking().Where(g => g.EmployeeId == _employee).ToListAsync(Ct);
        Assert.Contains(grants, g => g.UnitName == Skrea);
        Assert.All(grants.Where(g => g.UnitName == Skrea), g => Assert.Equal((LastDay, (int?)endId), (g.To!.Value, g.EndedByOrderId)));
        Assert.Contains(grants, g => g.UnitName == Centrum);
        Assert.All(grants.Where(g => g.UnitName == Centrum), g => Assert.Equal(((DateOnly?)null, (int?)null), (g.To, g.EndedByOrderId)));
        var employments = await db.Employments.AsNoTracking().Where(e => e.EmployeeId == _employee).ToDictionaryAsync(e => e.UnitName, Ct);
        Assert.Equal(((DateOnly?)LastDay, (int?)endId), (employments[Skrea].To, employments[Skrea].EndedByOrderId));
        Assert.Equal(((DateOnly?)null, (int?)null), (employments[Centrum].To, employments[Centrum].EndedByOrderId));
        Assert.Equal(employments[Skrea].Id, (await db.Orders.SingleAsync(o => o.Id == endId, Ct)).EmploymentId);
        Assert.Equal(KeyStatus.Returned, (await KeyAsync(Database, "4120001", Ct)).Status);
        Assert.Equal((KeyStatus.Issued, (int?)_employee), ((await KeyAsync(Database, "4110003", Ct)).Status, (await KeyAsync(Database, "4110003", Ct)).HolderEmployeeId));
        Assert.False((await CodeAsync(Database, _employee, Ct))!.IsRevoked);
    }

    [Fact]
    public async Task LeavingTheLast_AsksForTheSithsCardAndTheCode_AndRevokesTheCode()
    {
        Assert.IsType<CaseResult.Done>(await CompleteAsync(await PlaceAsync(OrderRequests.Terminate() with { Unit = Skrea })));
        var endId = await PlaceAsync(OrderRequests.Terminate());

        var returns = await TakeAsync(endId);
        var result = await CompleteAsync(endId);

        Assert.StartsWith("Telefonen återlämnad och fabriksåterställd av ", returns[0], StringComparison.Ordinal);
        Assert.StartsWith("Digital nyckel (Swedlock) 4110003 från ", returns[1], StringComparison.Ordinal);
        Assert.Equal(["Falkenbergskort/SITHS-kort återlämnat", "Personlig kod (Swedlock) spärrad"], returns.Skip(2));
        Assert.EndsWith("Den personliga koden är spärrad.", Assert.IsType<CaseResult.Done>(result).Message, StringComparison.Ordinal);
        var code = (await CodeAsync(Database, _employee, Ct))!;
        Assert.Equal((true, "Sara Nilsson"), (code.IsRevoked, code.RevokedByName));
        Assert.Equal(KeyStatus.Returned, (await KeyAsync(Database, "4110003", Ct)).Status);
        await using var db = Database.CreateDbContext();
        Assert.All(await db.Grants.AsNoTracking().Where(g => g.EmployeeId == _employee).ToListAsync(Ct), g => Assert.NotNull(g.EndedByOrderId));
    }

    [Fact]
    public async Task AnEndOrderForAUnitThePersonDoesNotWorkIn_IsRefused_AndNothingIsStored()
    {
        var placed = await AppServices.OrderIntake(Database, _clock).PlaceAsync(
            OrderRequests.Terminate().ForUnit("IFO Vuxen"), OrderChannel.Console, Chef, ct: Ct);

        var invalid = Assert.IsType<PlaceOrderResult.Invalid>(placed);
        Assert.Equal(["Lisa Andersson har ingen pågående anställning i IFO Vuxen."], invalid.Errors[OrderField.Unit]);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync(o => o.Type == OrderType.Terminate, Ct));
    }

    private async Task<int> PlaceAsync(OrderRequest request)
    {
        var placed = await AppServices.OrderIntake(Database, _clock).PlaceAsync(request, OrderChannel.Console, Chef, ct: Ct);
        return Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id;
    }

    /// <summary>Takes the case; the labels of its return items.</summary>
    private async Task<IReadOnlyList<string>> TakeAsync(int orderId)
    {
        var work = AppServices.CaseWork(Database, "operator", _clock);
        Assert.IsType<CaseResult.Done>(await work.TakeAsync(orderId, 0, Ct));
        return [.. (await work.GetAsync(orderId, Ct))!.Checklist.Where(i => i.Kind is ChecklistItemKind.Return or ChecklistItemKind.KeyReturn).Select(i => i.Label)];
    }

    private async Task<CaseResult> CompleteAsync(int orderId)
    {
        var work = AppServices.CaseWork(Database, "operator", _clock);
        var details = (await work.GetAsync(orderId, Ct))!;
        var version = details.Status == OrderStatus.Received
            ? Assert.IsType<CaseResult.Done>(await work.TakeAsync(orderId, details.Version, Ct)).Version
            : details.Version;
        foreach (var item in (await work.GetAsync(orderId, Ct))!.Checklist.Where(i => i.State == ChecklistState.Todo))
        {
            version = Assert.IsType<CaseResult.Done>(await work.MarkItemAsync(orderId, version, item.Id, ChecklistState.Done, null, Ct)).Version;
        }

        return await work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct);
    }
}
