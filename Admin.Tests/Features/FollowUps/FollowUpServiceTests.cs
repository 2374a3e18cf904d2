using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.FollowUps;

public class FollowUpServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(FollowUpWorld World, int Chef1Item, int Chef2Item)> WithFollowUpsAsync()
    {
        var world = await FollowUpWorld.CreateAsync();
        var chef1Grant = await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        var chef2Grant = await world.AddTemporaryGrantAsync("chef2", new DateOnly(2026, 11, 22), "Omar Ali", OrderRequests.Pnr1985);
        await world.RunAsync();
        await using var db = world.Database.CreateDbContext();
        return (world,
            (await db.FollowUps.SingleAsync(f => f.GrantId == chef1Grant, Ct)).Id,
            (await db.FollowUps.SingleAsync(f => f.GrantId == chef2Grant, Ct)).Id);
    }

    [Fact]
    public async Task Manager_SeesOnlyTheirOwnStaffsFollowUps_OperatorSeesAll()
    {
        var (world, _, _) = await WithFollowUpsAsync();
        using var _ = world;

        var anna = await AppServices.FollowUpService(world.Database, "chef1", world.Clock).ListAsync(FollowUpFilter.Undecided, null, 0, 25, Ct);
        var erik = await AppServices.FollowUpService(world.Database, "chef2", world.Clock).ListAsync(FollowUpFilter.Undecided, null, 0, 25, Ct);
        var sara = await AppServices.FollowUpService(world.Database, "operator", world.Clock).ListAsync(FollowUpFilter.All, null, 0, 25, Ct);

        Assert.Equal("Lisa Andersson", Assert.Single(anna.Items).EmployeeName);
        Assert.Equal("Omar Ali", Assert.Single(erik.Items).EmployeeName);
        Assert.Equal(2, sara.TotalCount);
    }

    [Fact]
    public async Task Manager_CannotDecideOnAnotherManagersItem_ByItsId()
    {
        var (world, chef1Item, _) = await WithFollowUpsAsync();
        using var _ = world;
        var erik = AppServices.FollowUpService(world.Database, "chef2", world.Clock);

        var extend = await erik.ExtendAsync(chef1Item, 1, new DateOnly(2027, 1, 31), Ct);
        var end = await erik.EndAsync(chef1Item, 1, Ct);

        Assert.Equal(FollowUpService.NotFoundMessage, Assert.IsType<FollowUpResult.Refused>(extend).Message);
        Assert.IsType<FollowUpResult.Refused>(end);
        Assert.Null(await erik.GetAsync(chef1Item, Ct));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(FollowUpStatus.Open, (await db.FollowUps.SingleAsync(f => f.Id == chef1Item, Ct)).Status);
        Assert.False(await db.Orders.AnyAsync(o => o.Note != null && o.Note.Contains("uppföljning"), Ct));
    }

    [Fact]
    public async Task Extend_PlacesAnExtendOrderForSocIt_AndRecordsTheDecision()
    {
        var (world, chef1Item, _) = await WithFollowUpsAsync();
        using var _ = world;
        var anna = AppServices.FollowUpService(world.Database, "chef1", world.Clock);
        var version = (await anna.GetAsync(chef1Item, Ct))!.Version;

        var result = Assert.IsType<FollowUpResult.Done>(await anna.ExtendAsync(chef1Item, version, new DateOnly(2027, 2, 28), Ct));

        await using var db = world.Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.CaseNumber == result.CaseNumber, Ct);
        Assert.Equal((OrderType.Extend, OrderStatus.Received, FollowUpWorld.Today, new DateOnly(2027, 2, 28)), (order.Type, order.Status, order.StartDate, order.EndDate));
        Assert.Equal(("Lifecare", "Utförare"), (order.Systems.Single().SystemName, order.Systems.Single().LevelName));
        Assert.Equal("Hemtjänst Centrum", order.UnitName);
        var followUp = await db.FollowUps.SingleAsync(f => f.Id == chef1Item, Ct);
        Assert.Equal((FollowUpStatus.Extended, result.CaseNumber, new DateOnly(2027, 2, 28)), (followUp.Status, followUp.DecisionCaseNumber, followUp.ExtendedTo));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "FollowUp.Extended" && a.EntityId == chef1Item.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));

        Assert.IsType<FollowUpResult.Refused>(await anna.ExtendAsync(chef1Item, followUp.Version, new DateOnly(2027, 3, 31), Ct));
        world.Advance(7);
        await world.RunAsync();
        Assert.Single(world.Mail.To(FollowUpWorld.Chef1Email));
        Assert.Equal(2, world.Mail.To(FollowUpWorld.Chef2Email).Count);
    }

    [Theory]
    [InlineData("2026-11-27", "Det nya slutdatumet måste vara efter i dag.")]
    [InlineData("2026-11-01", "Det nya slutdatumet måste vara efter i dag.")]
    [InlineData("2029-01-01", "Det nya slutdatumet får ligga högst två år fram i tiden.")]
    public async Task Extend_ToAnImpossibleDate_IsRefusedWithAClearMessage(string date, string message)
    {
        var (world, chef1Item, _) = await WithFollowUpsAsync();
        using var _ = world;
        var anna = AppServices.FollowUpService(world.Database, "chef1", world.Clock);

        var result = await anna.ExtendAsync(chef1Item, 1, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Ct);

        Assert.Equal(message, Assert.IsType<FollowUpResult.Refused>(result).Message);
    }

    [Fact]
    public void NewLastDay_MustBeAfterTheCurrentLastDay_WhenThatIsStillAhead() =>
        Assert.Equal("Det nya slutdatumet måste vara efter nuvarande sista dag (2026-12-01).",
            GrantOrders.CheckNewLastDay(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1), FollowUpWorld.Today));

    [Fact]
    public async Task End_PlacesAnEndCase_AndCompletingItEndsTheGrant()
    {
        var (world, chef1Item, _) = await WithFollowUpsAsync();
        using var _ = world;
        var anna = AppServices.FollowUpService(world.Database, "chef1", world.Clock);

        var result = Assert.IsType<FollowUpResult.Done>(await anna.EndAsync(chef1Item, 1, Ct));

        int orderId;
        await using (var db = world.Database.CreateDbContext())
        {
            var order = await db.Orders.SingleAsync(o => o.CaseNumber == result.CaseNumber, Ct);
            Assert.Equal((OrderType.EndTemporary, new DateOnly(2026, 11, 20)), (order.Type, order.EndDate));
            Assert.Equal(FollowUpStatus.Ended, (await db.FollowUps.SingleAsync(f => f.Id == chef1Item, Ct)).Status);
            orderId = order.Id;
        }

        var work = AppServices.CaseWork(world.Database, "operator", world.Clock);
        var version = Assert.IsType<CaseResult.Done>(await work.TakeAsync(orderId, 0, Ct)).Version;
        var item = Assert.Single((await work.GetAsync(orderId, Ct))!.Checklist);
        Assert.Equal("Avsluta Lifecare (Utförare) i Hemtjänst Centrum", item.Label);
        version = Assert.IsType<CaseResult.Done>(await work.MarkItemAsync(orderId, version, item.Id, ChecklistState.Done, null, Ct)).Version;
        Assert.IsType<CaseResult.Done>(await work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct));

        await using var after = world.Database.CreateDbContext();
        var grant = await after.Grants.SingleAsync(g => after.FollowUps.Any(f => f.Id == chef1Item && f.GrantId == g.Id), Ct);
        Assert.Equal((new DateOnly(2026, 11, 20), orderId), (grant.To, grant.EndedByOrderId));
    }

    [Fact]
    public async Task Decide_OnAStaleVersion_IsAConflict()
    {
        var (world, chef1Item, _) = await WithFollowUpsAsync();
        using var _ = world;

        var result = await AppServices.FollowUpService(world.Database, "chef1", world.Clock).EndAsync(chef1Item, 0, Ct);

        Assert.IsType<FollowUpResult.Conflict>(result);
    }

    [Fact]
    public async Task Counts_ForTheDashboard_AndOnlyForOperators()
    {
        var (world, _, _) = await WithFollowUpsAsync();
        using var _ = world;

        var counts = await AppServices.FollowUpService(world.Database, "operator", world.Clock).CountsAsync(Ct);

        Assert.Equal(new FollowUpCounts(2, 2, 0), counts);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            AppServices.FollowUpService(world.Database, "chef1", world.Clock).CountsAsync(Ct));
    }

    [Fact]
    public async Task UserWithoutRole_IsRefused() =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(async () =>
        {
            using var world = await FollowUpWorld.CreateAsync();
            await AppServices.FollowUpService(world.Database, "utanroll", world.Clock).ListAsync(FollowUpFilter.All, null, 0, 25, Ct);
        });
}
