using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Cases;

public class CaseWorkTests
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");

    private static async Task<(TestDatabase Database, int OrderId)> WithNewOrderAsync()
    {
        var clock = AppServices.Clock();
        var database = await TestDatabase.CreateMigratedAsync();
        await database.SeedDemoDataAsync(clock);
        var result = await AppServices.OrderIntake(database, clock).PlaceAsync(OrderRequests.NewUndersköterska(), OrderChannel.Console, Chef);
        return (database, ((PlaceOrderResult.Created)result).Receipt.Id);
    }

    [Fact]
    public async Task Operator_TakesTicksAndCompletes_AndTheGrantsAreOnRecord()
    {
        var (database, orderId) = await WithNewOrderAsync();
        using var _ = database;
        var work = AppServices.CaseWork(database, "operator");
        var ct = TestContext.Current.CancellationToken;

        var taken = Assert.IsType<CaseResult.Done>(await work.TakeAsync(orderId, 0, ct));
        var details = (await work.GetAsync(orderId, ct))!;
        Assert.Equal(OrderStatus.InProgress, details.Status);
        Assert.Equal("Sara Nilsson", details.AssignedToName);
        Assert.Equal(8, details.Checklist.Count);
        var version = taken.Version;
        foreach (var item in details.Checklist)
        {
            version = Assert.IsType<CaseResult.Done>(await work.MarkItemAsync(orderId, version, item.Id, ChecklistState.Done, null, ct)).Version;
        }

        var done = Assert.IsType<CaseResult.Done>(await work.MoveAsync(orderId, version, OrderStatus.Completed, null, ct));

        Assert.Contains("7 behörigheter tillagda", done.Message, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        var grants = await db.Grants.ToListAsync(ct);
        Assert.Equal(7, grants.Count);
        Assert.All(grants, g => Assert.Equal(("Hemtjänst Centrum", new DateOnly(2026, 12, 7), "SOC-2026-00001"), (g.UnitName, g.From, g.SourceCaseNumber)));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Case.Completed", ct));
        Assert.Equal(8, await db.AuditEntries.CountAsync(a => a.Action == "Case.ChecklistMarked", ct));
    }

    [Fact]
    public async Task Completing_WithOpenItems_IsRefused()
    {
        var (database, orderId) = await WithNewOrderAsync();
        using var _ = database;
        var work = AppServices.CaseWork(database, "operator");
        var ct = TestContext.Current.CancellationToken;
        var taken = (CaseResult.Done)await work.TakeAsync(orderId, 0, ct);

        var result = await work.MoveAsync(orderId, taken.Version, OrderStatus.Completed, null, ct);

        Assert.StartsWith("Ärendet kan inte slutföras: 8 punkter är inte klara", Assert.IsType<CaseResult.Refused>(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoOperators_OnTheSameCase_CannotOverwriteEachOther()
    {
        var (database, orderId) = await WithNewOrderAsync();
        using var _ = database;
        var sara = AppServices.CaseWork(database, "operator");
        var olle = AppServices.CaseWork(database, "operator");
        var ct = TestContext.Current.CancellationToken;

        Assert.IsType<CaseResult.Done>(await sara.TakeAsync(orderId, 0, ct));
        var second = await olle.CommentAsync(orderId, 0, "Jag tar den", ct);

        Assert.Equal("Ärendet har ändrats av någon annan sedan du öppnade det. Inget sparades; ladda om ärendet och försök igen.",
            Assert.IsType<CaseResult.Conflict>(second).Message);
        Assert.Empty((await sara.GetAsync(orderId, ct))!.Comments);
    }

    [Fact]
    public async Task EndOfEmployment_EndsEveryGrant_AfterTheReturnsAreTickedOrWaived()
    {
        var (database, orderId) = await WithNewOrderAsync();
        using var _ = database;
        var work = AppServices.CaseWork(database, "operator");
        var ct = TestContext.Current.CancellationToken;
        await CompleteAsync(work, orderId, ct);
        var end = await AppServices.OrderIntake(database).PlaceAsync(OrderRequests.Terminate(), OrderChannel.Console, Chef, ct: ct);
        var endId = ((PlaceOrderResult.Created)end).Receipt.Id;

        var taken = (CaseResult.Done)await work.TakeAsync(endId, 0, ct);
        var checklist = (await work.GetAsync(endId, ct))!.Checklist;
        // Seven grants, the phone and the card: she is in the key pool and holds no personal key to hand back.
        Assert.Equal(7 + 2, checklist.Count);
        var version = taken.Version;
        foreach (var item in checklist)
        {
            var state = item.Kind == ChecklistItemKind.Return && item.Label.StartsWith("Falkenbergskort", StringComparison.Ordinal)
                ? ChecklistState.NotApplicable : ChecklistState.Done;
            version = ((CaseResult.Done)await work.MarkItemAsync(endId, version, item.Id, state, state == ChecklistState.NotApplicable ? "Hade inget kort" : null, ct)).Version;
        }

        Assert.IsType<CaseResult.Done>(await work.MoveAsync(endId, version, OrderStatus.Completed, null, ct));

        await using var db = database.CreateDbContext();
        Assert.All(await db.Grants.ToListAsync(ct), g => Assert.Equal((new DateOnly(2026, 12, 31), endId), (g.To, g.EndedByOrderId)));
    }

    [Fact]
    public async Task Queue_FiltersByStatusTypeAndSearch_IncludingExactPersonnummer()
    {
        var (database, orderId) = await WithNewOrderAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        await AppServices.OrderIntake(database).PlaceAsync(OrderRequests.Extend(OrderRequests.Pnr1985) with { EmployeeName = "Per Olsson" }, OrderChannel.EService, Chef, ct: ct);
        var list = AppServices.CaseList(database, "operator");

        var all = await list.SearchAsync(new CaseQuery(), CaseSort.ReceivedNewest, 0, 25, ct);
        var extends = await list.SearchAsync(new CaseQuery(Type: OrderType.Extend), CaseSort.ReceivedNewest, 0, 25, ct);
        var byPnr = await list.SearchAsync(new CaseQuery(Search: "850615-2340"), CaseSort.ReceivedNewest, 0, 25, ct);
        var byPartOfPnr = await list.SearchAsync(new CaseQuery(Search: "850615"), CaseSort.ReceivedNewest, 0, 25, ct);
        var byCase = await list.SearchAsync(new CaseQuery(Search: "soc-2026-00001"), CaseSort.ReceivedNewest, 0, 25, ct);
        var summary = await list.SummaryAsync(ct);

        Assert.Equal(2, all.TotalCount);
        Assert.Equal("Per Olsson", Assert.Single(extends.Items).EmployeeName);
        Assert.Equal("Per Olsson", Assert.Single(byPnr.Items).EmployeeName);
        Assert.Empty(byPartOfPnr.Items);
        Assert.Equal(orderId, Assert.Single(byCase.Items).Id);
        Assert.Equal(2, summary.OpenByStatus.Single(s => s.Status == OrderStatus.Received).Count);
        Assert.Equal("SOC-2026-00001", summary.OldestWaiting!.CaseNumber);
    }

    [Fact]
    public async Task Queue_FiltersByTheAssignedOperator()
    {
        var (database, orderId) = await WithNewOrderAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        await AppServices.OrderIntake(database).PlaceAsync(OrderRequests.Extend(OrderRequests.Pnr1985), OrderChannel.EService, Chef, ct: ct);
        await AppServices.CaseWork(database, "operator").TakeAsync(orderId, 0, ct);
        var list = AppServices.CaseList(database, "operator");

        var (id, name) = Assert.Single(await list.AssigneesAsync(ct));
        var assigned = await list.SearchAsync(new CaseQuery(AssignedToId: id), CaseSort.ReceivedNewest, 0, 25, ct);

        Assert.Equal("Sara Nilsson", name);
        Assert.Equal(orderId, Assert.Single(assigned.Items).Id);
    }

    [Fact]
    public async Task Summary_CountsOnlyOpenCases_ByStatusAndType_AndListsEachOperatorOnce()
    {
        var (database, orderId) = await WithNewOrderAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var intake = AppServices.OrderIntake(database);
        var second = ((PlaceOrderResult.Created)await intake.PlaceAsync(OrderRequests.Extend(OrderRequests.Pnr1985), OrderChannel.EService, Chef, ct: ct)).Receipt.Id;
        var third = ((PlaceOrderResult.Created)await intake.PlaceAsync(
            OrderRequests.Extend(OrderRequests.Pnr1990), OrderChannel.EService, Chef, ct: ct)).Receipt.Id;
        var work = AppServices.CaseWork(database, "operator");
        await work.TakeAsync(orderId, 0, ct);
        await work.TakeAsync(second, 0, ct);
        await work.MoveAsync(second, 1, OrderStatus.Rejected, "Dubblett", ct);
        var list = AppServices.CaseList(database, "operator");

        var summary = await list.SummaryAsync(ct);
        var assignees = await list.AssigneesAsync(ct);

        Assert.Equal([(OrderStatus.Received, 1), (OrderStatus.InProgress, 1), (OrderStatus.WaitingForOrderer, 0)], summary.OpenByStatus);
        Assert.Equal(1, summary.OpenByType.Single(t => t.Type == OrderType.New).Count);
        Assert.Equal(1, summary.OpenByType.Single(t => t.Type == OrderType.Extend).Count);
        Assert.Equal(third, summary.OldestWaiting!.Id);
        Assert.Equal("Sara Nilsson", Assert.Single(assignees).Name);
    }

    [Fact]
    public async Task FindUnits_MatchesPartOfTheName_InSwedishOrder_UpToTheLimit()
    {
        var (database, _) = await WithNewOrderAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var list = AppServices.CaseList(database, "operator");

        var hemtjanst = await list.FindUnitsAsync("hemtjänst", 10, ct);
        var firstTwo = await list.FindUnitsAsync(null, 2, ct);
        var none = await list.FindUnitsAsync("100%", 10, ct);

        Assert.Equal(["Hemtjänst Centrum", "Hemtjänst Skrea", "Hemtjänst Vessigebro", "Hemtjänst Ätradalen"], hemtjanst.Select(u => u.Name));
        Assert.Equal(2, firstTwo.Count);
        Assert.Equal("Biståndsenheten äldreomsorg", firstTwo[0].Name);
        Assert.Empty(none);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AppServices.CaseList(database, "chef1").FindUnitsAsync("a", 10, ct));
    }

    [Fact]
    public async Task FindUnits_IgnoresCase_ForSwedishLettersToo()
    {
        var (database, _) = await WithNewOrderAsync();
        using var _ = database;
        var list = AppServices.CaseList(database, "operator");

        var found = await list.FindUnitsAsync("ätradalen", 10, TestContext.Current.CancellationToken);

        Assert.Equal("Hemtjänst Ätradalen", Assert.Single(found).Name);
    }

    [Fact]
    public async Task RevealingThePersonnummer_IsOnRecord()
    {
        var (database, orderId) = await WithNewOrderAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var employeeId = (await AppServices.CaseWork(database, "operator").GetAsync(orderId, ct))!.EmployeeId;
        var register = AppServices.EmployeeRegister(database, "operator");

        Assert.Equal("19900101-****", (await register.GetAsync(employeeId, ct))!.MaskedPersonnummer);
        Assert.Equal("19900101-1239", await register.RevealPersonnummerAsync(employeeId, ct));

        await using var db = database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Employee.PersonnummerViewed", ct);
        Assert.Equal("Sara Nilsson", entry.ActorName);
        Assert.DoesNotContain("1239", entry.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chef1")]
    [InlineData("admin")]
    public async Task CaseWork_IsForOperatorsOnly(string user)
    {
        var (database, orderId) = await WithNewOrderAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AppServices.CaseWork(database, user).TakeAsync(orderId, 0, ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AppServices.CaseList(database, user).SummaryAsync(ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AppServices.EmployeeRegister(database, user).RevealPersonnummerAsync(1, ct));
    }

    private static async Task CompleteAsync(CaseWork work, int orderId, CancellationToken ct)
    {
        var version = ((CaseResult.Done)await work.TakeAsync(orderId, 0, ct)).Version;
        foreach (var item in (await work.GetAsync(orderId, ct))!.Checklist)
        {
            version = ((CaseResult.Done)await work.MarkItemAsync(orderId, version, item.Id, ChecklistState.Done, null, ct)).Version;
        }

        await work.MoveAsync(orderId, version, OrderStatus.Completed, null, ct);
    }
}
