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
/// <em>Kontrollera beställare</em> on the operator's side: the queue shows and filters the mark, the case cannot be
/// completed while it stands, and confirming the orderer (audited) lifts it.
/// </summary>
public sealed class OrdererCheckTests : IAsyncLifetime
{
    private static readonly Actor EService = new("api:e-tjanst", "E-tjänsten");
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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

    /// <summary>An e-service order from someone who is neither manager of nor appointed for Hemtjänst Centrum.</summary>
    private async Task<int> PlaceFromAStrangerAsync(string personnummer = OrderRequests.Pnr1990)
    {
        var placed = await AppServices.OrderIntake(Database).PlaceAsync(
            OrderRequests.NewUndersköterska(personnummer) with { OrdererName = "Ola Okänd", OrdererEmail = "ola.okand@kommun.example" },
            OrderChannel.EService, EService, ct: Ct);
        return Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id;
    }

    private async Task<int> PlaceFromTheManagerAsync() =>
        Assert.IsType<PlaceOrderResult.Created>(await AppServices.OrderIntake(Database).PlaceAsync(
            OrderRequests.NewUndersköterska(OrderRequests.Pnr1985), OrderChannel.EService, EService, ct: Ct)).Receipt.Id;

    /// <summary>Takes the case and ticks every checklist item; returns the version after.</summary>
    private static async Task<int> TakeAndTickAsync(CaseWork work, int orderId)
    {
        var version = Assert.IsType<CaseResult.Done>(await work.TakeAsync(orderId, 0, Ct)).Version;
        foreach (var item in (await work.GetAsync(orderId, Ct))!.Checklist)
        {
            version = Assert.IsType<CaseResult.Done>(await work.MarkItemAsync(orderId, version, item.Id, ChecklistState.Done, null, Ct)).Version;
        }

        return version;
    }

    [Fact]
    public async Task AMarkedCase_CannotBeCompleted_UntilTheOrdererIsConfirmed_AndTheConfirmationIsAudited()
    {
        var orderId = await PlaceFromAStrangerAsync();
        var work = AppServices.CaseWork(Database, "operator");
        var version = await TakeAndTickAsync(work, orderId);

        var details = (await work.GetAsync(orderId, Ct))!;
        Assert.True(details.OrdererToCheck);
        Assert.Equal(
            "Ärendet kan inte slutföras: kontrollera först att Ola Okänd får beställa för Hemtjänst Centrum, eller avvisa ärendet.",
            details.CompletionBlock);
        var refused = await work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct);
        Assert.Equal(details.CompletionBlock, Assert.IsType<CaseResult.Refused>(refused).Message);

        var confirmed = Assert.IsType<CaseResult.Done>(await work.ConfirmOrdererAsync(orderId, version, Ct));

        Assert.Equal("Sara Nilsson bekräftade att Ola Okänd får beställa för Hemtjänst Centrum (SOC-2026-00001).", confirmed.Message);
        var after = (await work.GetAsync(orderId, Ct))!;
        Assert.False(after.OrdererToCheck);
        Assert.Null(after.CompletionBlock);
        Assert.Equal("Sara Nilsson", after.OrdererConfirmedByName);
        Assert.IsType<CaseResult.Done>(await work.MoveAsync(orderId, confirmed.Version, OrderStatus.Completed, null, Ct));
        await using var db = Database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Case.OrdererConfirmed", Ct);
        Assert.Equal(("Order", "SOC-2026-00001"), (entry.EntityType, entry.EntityId));
        Assert.Contains("Pending", entry.Before, StringComparison.Ordinal);
        Assert.Contains("Confirmed", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmingAnOrdererWhoNeedsNoCheck_IsRefused_AndAManagerMayNotConfirm()
    {
        var orderId = await PlaceFromTheManagerAsync();

        var refused = await AppServices.CaseWork(Database, "operator").ConfirmOrdererAsync(orderId, 0, Ct);

        Assert.Equal("Beställaren behöver inte kontrolleras i det här ärendet.", Assert.IsType<CaseResult.Refused>(refused).Message);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AppServices.CaseWork(Database, "chef1").ConfirmOrdererAsync(orderId, 0, Ct));
    }

    [Fact]
    public async Task TheQueue_MarksTheRow_AndFiltersByTheMark()
    {
        var marked = await PlaceFromAStrangerAsync();
        var plain = await PlaceFromTheManagerAsync();
        var list = AppServices.CaseList(Database, "operator");

        var all = await list.SearchAsync(new CaseQuery(OnlyOpen: true), CaseSort.ReceivedNewest, 0, 25, Ct);
        var onlyMarked = await list.SearchAsync(new CaseQuery(OnlyOpen: true, Mark: CaseMark.OrdererToCheck), CaseSort.ReceivedNewest, 0, 25, Ct);

        Assert.True(all.Items.Single(r => r.Id == marked).OrdererToCheck);
        Assert.False(all.Items.Single(r => r.Id == plain).OrdererToCheck);
        Assert.Equal([marked], onlyMarked.Items.Select(r => r.Id));
        Assert.Equal(1, onlyMarked.TotalCount);
    }

    [Fact]
    public async Task TheQueue_MarksAMissingConsent_AndFiltersTheEscalatedOnes()
    {
        var placed = await AppServices.OrderIntake(Database).PlaceAsync(OrderRequests.TemporaryUnit(), OrderChannel.Console, EService, ct: Ct);
        var orderId = Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id;
        var list = AppServices.CaseList(Database, "operator");

        var pending = (await list.SearchAsync(new CaseQuery(), CaseSort.ReceivedNewest, 0, 25, Ct)).Items.Single(r => r.Id == orderId);
        Assert.Empty((await list.SearchAsync(new CaseQuery(Mark: CaseMark.ConsentEscalated), CaseSort.ReceivedNewest, 0, 25, Ct)).Items);
        await using (var db = Database.CreateDbContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == orderId, Ct);
            order.Consent!.MarkEscalated(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        var escalated = await list.SearchAsync(new CaseQuery(Mark: CaseMark.ConsentEscalated), CaseSort.ReceivedNewest, 0, 25, Ct);

        Assert.True(pending is { ConsentPending: true, ConsentEscalated: false });
        Assert.Equal([orderId], escalated.Items.Select(r => r.Id));
        Assert.True(escalated.Items[0].ConsentEscalated);
    }
}
