using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Cases;

/// <summary>
/// Completing a case writes the grants its checklist says: a system marked "Ej aktuell" is neither given nor ended,
/// for every order type whose items become or end grants, and the message counts what really changed.
/// </summary>
public sealed class CaseCompletionTests : IAsyncLifetime
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
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task NewEmployee_ASystemMarkedNotApplicable_IsNotGranted_AndTheMessageCountsWhatWasAdded()
    {
        var orderId = await PlaceAsync(OrderRequests.NewUndersköterska());

        var message = await CompleteAsync(orderId, label => label.StartsWith("Appva", StringComparison.Ordinal), "Verksamheten använder inte Appva");

        Assert.StartsWith("SOC-2026-00001 är klart: 6 behörigheter tillagda, 1 system ej aktuellt. ", message, StringComparison.Ordinal);
        var grants = await GrantsAsync();
        Assert.Equal(6, grants.Count);
        Assert.DoesNotContain(grants, g => g.SystemName == "Appva");
        var row = Assert.Single((await Work.GetAsync(orderId, Ct))!.NotApplicableSystems);
        Assert.Equal(("Appva: Standard", "Verksamheten använder inte Appva", "Sara Nilsson"), (row.Subject, row.Reason, row.MarkedBy));
        await using var db = Database.CreateDbContext();
        Assert.Equal(message, (await db.AuditEntries.SingleAsync(a => a.Action == "Case.Completed", Ct)).Summary);
    }

    [Fact]
    public async Task Extension_ASystemMarkedNotApplicable_IsNotGranted()
    {
        var orderId = await PlaceAsync(OrderRequests.Extend());

        var message = await CompleteAsync(orderId, label => label.StartsWith("Qlikview", StringComparison.Ordinal), "Har redan rapportbehörighet");

        Assert.Equal("SOC-2026-00001 är klart: 1 behörighet tillagd, 1 system ej aktuellt.", message);
        var grant = Assert.Single(await GrantsAsync());
        Assert.Equal(("Lifecare", "Handläggare", (DateOnly?)new DateOnly(2027, 3, 31)), (grant.SystemName, grant.LevelName, grant.To));
    }

    [Fact]
    public async Task TemporaryAccessToAnotherUnit_ASystemMarkedNotApplicable_IsNotGranted()
    {
        var orderId = await PlaceAsync(OrderRequests.TemporaryUnit());
        var systems = (await Work.GetAsync(orderId, Ct))!.Systems.Count;

        var message = await CompleteAsync(orderId, label => label.StartsWith("Lifecare", StringComparison.Ordinal), "Dokumenterar i hemenhetens Lifecare");

        Assert.StartsWith($"SOC-2026-00001 är klart: {systems - 1} behörigheter tillagda, 1 system ej aktuellt.", message, StringComparison.Ordinal);
        var grants = await GrantsAsync();
        Assert.Equal(systems - 1, grants.Count);
        Assert.DoesNotContain(grants, g => g.SystemName == "Lifecare");
        Assert.All(grants, g => Assert.Equal("Tallgårdens vård- och omsorgsboende", g.UnitName));
    }

    [Fact]
    public async Task EndOfASingleGrant_MarkedNotApplicable_LeavesThatGrantRunning()
    {
        await CompleteAsync(await PlaceAsync(OrderRequests.Extend()), _ => false);
        var endId = await PlaceAsync(OrderRequests.EndSingle());

        var message = await CompleteAsync(endId, label => label.Contains("Qlikview", StringComparison.Ordinal), "Chefen vill behålla den till mars");

        Assert.Equal("SOC-2026-00002 är klart: 1 behörighet avslutad, 1 behörighet avslutas inte (ej aktuell).", message);
        var grants = await GrantsAsync();
        Assert.Equal((new DateOnly(2026, 12, 31), (int?)endId), grants.Where(g => g.SystemName == "Lifecare").Select(g => (g.To!.Value, g.EndedByOrderId)).Single());
        Assert.Equal((new DateOnly(2027, 3, 31), (int?)null), grants.Where(g => g.SystemName == "Qlikview").Select(g => (g.To!.Value, g.EndedByOrderId)).Single());
        Assert.Equal("Qlikview (Standard) i Hemtjänst Centrum", Assert.Single((await Work.GetAsync(endId, Ct))!.NotApplicableSystems).Subject);
    }

    [Fact]
    public async Task EndOfEmployment_AGrantMarkedNotApplicable_IsNotEnded()
    {
        await CompleteAsync(await PlaceAsync(OrderRequests.NewUndersköterska()), _ => false);
        var endId = await PlaceAsync(OrderRequests.Terminate());

        var message = await CompleteAsync(endId, label => label.StartsWith("Avsluta Appva", StringComparison.Ordinal), "Appva-kontot hör till en annan anställning");

        Assert.StartsWith("SOC-2026-00002 är klart: 6 behörigheter avslutade, 1 behörighet avslutas inte (ej aktuell).", message, StringComparison.Ordinal);
        var grants = await GrantsAsync();
        Assert.All(grants.Where(g => g.SystemName != "Appva"), g => Assert.Equal((new DateOnly(2026, 12, 31), (int?)endId), (g.To!.Value, g.EndedByOrderId)));
        var appva = grants.Single(g => g.SystemName == "Appva");
        Assert.Equal(((DateOnly?)null, (int?)null), (appva.To, appva.EndedByOrderId));
    }

    [Fact]
    public async Task TheKeyStep_DoesNotAskForAPersonalCode_FromSomeoneWhoHasOne()
    {
        await CompleteAsync(await PlaceAsync(OrderRequests.NewUndersköterska()), _ => false);
        await using (var db = Database.CreateDbContext())
        {
            var employeeId = await db.Employees.Select(e => e.Id).SingleAsync(Ct);
            db.PersonalCodes.Add(PersonalCode.Issue(employeeId, new Actor("op", "Sara Nilsson"), AppServices.Clock().GetUtcNow(), out _));
            await db.SaveChangesAsync(Ct);
        }

        var moveId = await PlaceAsync(OrderRequests.TemporaryUnit());
        await Work.TakeAsync(moveId, 0, Ct);

        var key = (await Work.GetAsync(moveId, Ct))!.Checklist.Single(i => i.Kind == ChecklistItemKind.Key);
        Assert.Equal("Swedlock: lägg till i verksamhetens nyckelpool (har redan personlig kod)", key.Label);
    }

    [Fact]
    public async Task EveryStatusMove_IsSaidInAGrammaticalSentence_InTheMessageAndTheAuditTrail()
    {
        var orderId = await PlaceAsync(OrderRequests.NewUndersköterska());
        var version = ((CaseResult.Done)await Work.TakeAsync(orderId, 0, Ct)).Version;

        var waiting = (CaseResult.Done)await Work.MoveAsync(orderId, version, OrderStatus.WaitingForOrderer, "Vilken titel ska hon ha?", Ct);
        var resumed = (CaseResult.Done)await Work.MoveAsync(orderId, waiting.Version, OrderStatus.InProgress, null, Ct);
        var rejected = (CaseResult.Done)await Work.MoveAsync(orderId, resumed.Version, OrderStatus.Rejected, "Dubblett", Ct);

        Assert.Equal(
            ["SOC-2026-00001 väntar nu på beställaren.", "SOC-2026-00001 är nu under arbete.", "SOC-2026-00001 har avvisats."],
            [waiting.Message, resumed.Message, rejected.Message]);
        await using var db = Database.CreateDbContext();
        Assert.Equal(
            [waiting.Message, resumed.Message, rejected.Message],
            await db.AuditEntries.Where(a => a.Action == "Case.StatusChanged").OrderBy(a => a.Id).Select(a => a.Summary).ToListAsync(Ct));
    }

    private async Task<int> PlaceAsync(OrderRequest request)
    {
        var result = await AppServices.OrderIntake(Database).PlaceAsync(request, OrderChannel.Console, Chef, ct: Ct);
        return Assert.IsType<PlaceOrderResult.Created>(result).Receipt.Id;
    }

    /// <summary>Takes the case, marks each item "Ej aktuell" (with the note) where the test says so and "Klar" otherwise, completes it.</summary>
    private async Task<string> CompleteAsync(int orderId, Func<string, bool> notApplicable, string note = "Inte aktuellt")
    {
        await TestConsents.ApproveAsync(Database, orderId, AppServices.Clock().GetUtcNow());
        var version = Assert.IsType<CaseResult.Done>(await Work.TakeAsync(orderId, 0, Ct)).Version;
        foreach (var item in (await Work.GetAsync(orderId, Ct))!.Checklist)
        {
            var state = notApplicable(item.Label) ? ChecklistState.NotApplicable : ChecklistState.Done;
            version = Assert.IsType<CaseResult.Done>(
                await Work.MarkItemAsync(orderId, version, item.Id, state, state == ChecklistState.NotApplicable ? note : null, Ct)).Version;
        }

        return Assert.IsType<CaseResult.Done>(await Work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct)).Message;
    }

    private async Task<List<SocItConsole.Shared.Grants.Grant>> GrantsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Grants.AsNoTracking().ToListAsync(Ct);
    }
}
