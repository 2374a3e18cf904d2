using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Grants;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;
using static SocItConsole.Admin.Tests.TestData.GrantWorld;

namespace SocItConsole.Admin.Tests.Features.Orders;

/// <summary>
/// The one way to order the end or extension of a grant the console knows: by its ids, through the order rules, with
/// the key made from where it was asked for, the grant and the day.
/// </summary>
public class GrantOrdersTests
{
    private static readonly Actor Anna = new("chef1-oid", "Anna Lindqvist");

    private static readonly GrantOrderOrigin FromAccessView = GrantOrderOrigin.UnitGrants(Chef1Email);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task End_PlacesAnEndOrderForTheGrantsSystemLevelAndUnit_EndingToday()
    {
        using var world = await CreateAsync();
        var grant = await world.AddStaffGrantAsync(Centrum, "Lisa Andersson", OrderRequests.Pnr1990, "Appva", "Standard");

        var result = Assert.IsType<GrantOrderResult.Ordered>(await Orders(world).RequestEndAsync(grant, FromAccessView, Anna, Ct));

        Assert.Equal(GrantOrderOutcome.Placed, result.Outcome);
        var order = await OrderAsync(world, result.OrderId);
        Assert.Equal((OrderType.EndTemporary, (DateOnly?)null, (DateOnly?)Today, Centrum), (order.Type, order.StartDate, order.EndDate, order.UnitName));
        Assert.Equal(("Appva", "Standard"), (order.Systems.Single().SystemName, order.Systems.Single().LevelName));
        Assert.Equal(("Lisa Andersson", "Anna Lindqvist", Chef1Email), (order.EmployeeName, order.Orderer.Name, order.Manager.Email.Value));
        Assert.Equal(result.CaseNumber, order.CaseNumber);
    }

    [Fact]
    public async Task End_OfAGrantWhoseLastDayHasPassed_EndsOnThatDay()
    {
        using var world = await CreateAsync();
        var grant = await world.AddStaffGrantAsync(Centrum, "Lisa Andersson", OrderRequests.Pnr1990, to: Today.AddDays(-3));

        var result = Assert.IsType<GrantOrderResult.Ordered>(await Orders(world).RequestEndAsync(grant, FromAccessView, Anna, Ct));

        Assert.Equal(Today.AddDays(-3), (await OrderAsync(world, result.OrderId)).EndDate);
    }

    [Fact]
    public async Task Extend_ContinuesATemporaryGrantFromTheDayAfterItsLastDay()
    {
        using var world = await CreateAsync();
        var grant = await world.AddStaffGrantAsync(Centrum, "Ahmed Yusuf", Pnr1988, "Qlikview", "Standard", to: Today.AddDays(10));
        var newLastDay = new DateOnly(2027, 3, 31);

        var result = Assert.IsType<GrantOrderResult.Ordered>(
            await Orders(world).RequestExtensionAsync(grant, newLastDay, FromAccessView, Anna, Ct));

        Assert.Equal(GrantOrderOutcome.Placed, result.Outcome);
        var order = await OrderAsync(world, result.OrderId);
        Assert.Equal((OrderType.Extend, (DateOnly?)Today.AddDays(11), (DateOnly?)newLastDay), (order.Type, order.StartDate, order.EndDate));
        Assert.Equal(("Qlikview", "Standard", Centrum), (order.Systems.Single().SystemName, order.Systems.Single().LevelName, order.UnitName));
    }

    [Fact]
    public async Task Extend_OfAGrantWhoseLastDayHasPassed_StartsToday()
    {
        using var world = await CreateAsync();
        var grant = await world.AddStaffGrantAsync(Centrum, "Ahmed Yusuf", Pnr1988, "Qlikview", "Standard", to: Today.AddDays(-7));

        var result = Assert.IsType<GrantOrderResult.Ordered>(
            await Orders(world).RequestExtensionAsync(grant, Today.AddDays(60), FromAccessView, Anna, Ct));

        Assert.Equal(Today, (await OrderAsync(world, result.OrderId)).StartDate);
    }

    [Fact]
    public async Task ARepeatedRequest_FindsTheOrderItPlaced_AndPlacesNoSecond()
    {
        using var world = await CreateAsync();
        var ended = await world.AddStaffGrantAsync(Centrum, "Lisa Andersson", OrderRequests.Pnr1990);
        var extended = await world.AddStaffGrantAsync(Centrum, "Ahmed Yusuf", Pnr1988, "Qlikview", "Standard", to: Today.AddDays(10));
        var orders = Orders(world);
        var until = new DateOnly(2027, 3, 31);

        var end = Assert.IsType<GrantOrderResult.Ordered>(await orders.RequestEndAsync(ended, FromAccessView, Anna, Ct));
        var endAgain = Assert.IsType<GrantOrderResult.Ordered>(await orders.RequestEndAsync(ended, FromAccessView, Anna, Ct));
        var extension = Assert.IsType<GrantOrderResult.Ordered>(await orders.RequestExtensionAsync(extended, until, FromAccessView, Anna, Ct));
        var extensionAgain = Assert.IsType<GrantOrderResult.Ordered>(await orders.RequestExtensionAsync(extended, until, FromAccessView, Anna, Ct));

        Assert.Equal((end.OrderId, GrantOrderOutcome.Repeated), (endAgain.OrderId, endAgain.Outcome));
        Assert.Equal((extension.OrderId, GrantOrderOutcome.Repeated), (extensionAgain.OrderId, extensionAgain.Outcome));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.Type == OrderType.EndTemporary, Ct));
        Assert.Equal(1, await db.Orders.CountAsync(o => o.Type == OrderType.Extend && o.IdempotencyKey != null, Ct));
    }

    [Fact]
    public async Task End_WhenAnEndWasOrderedFromElsewhere_FindsThatOrder_AndPlacesNoSecond()
    {
        using var world = await CreateAsync();
        var grant = await world.AddStaffGrantAsync(Centrum, "Lisa Andersson", OrderRequests.Pnr1990);
        var fromFollowUp = await Orders(world).RequestEndAsync(
            grant, GrantOrderOrigin.FollowUp(Chef1Email, "Anna Lindqvist", Chef1Email), Anna, Ct);

        var fromAccessView = await Orders(world).RequestEndAsync(grant, FromAccessView, Anna, Ct);

        var first = Assert.IsType<GrantOrderResult.Ordered>(fromFollowUp);
        var second = Assert.IsType<GrantOrderResult.Ordered>(fromAccessView);
        Assert.Equal((first.OrderId, GrantOrderOutcome.AlreadyOrdered), (second.OrderId, second.Outcome));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.Type == OrderType.EndTemporary, Ct));
    }

    [Fact]
    public async Task AnotherManagersGrant_IsRefusedByTheAccessView_AndNothingIsOrdered()
    {
        using var world = await CreateAsync();
        var karin = await world.AddStaffGrantAsync(Tallgarden, "Karin Sjöberg", Pnr1992, to: Today.AddDays(20));
        var anna = world.Service("chef1");

        var end = await anna.RequestEndAsync(karin, Ct);
        var extend = await anna.RequestExtensionAsync(karin, new DateOnly(2027, 3, 31), Ct);

        Assert.Equal(UnitGrants.GrantNotFoundMessage, Assert.IsType<UnitGrantResult.Refused>(end).Message);
        Assert.Equal(UnitGrants.GrantNotFoundMessage, Assert.IsType<UnitGrantResult.Refused>(extend).Message);
        await using var db = world.Database.CreateDbContext();
        Assert.False(await db.Orders.AnyAsync(o => o.IdempotencyKey != null, Ct));
    }

    [Fact]
    public async Task AnEndedGrant_CannotBeExtended_AndItsEndIsTheOrderThatEndedIt()
    {
        using var world = await CreateAsync();
        var grant = await world.AddStaffGrantAsync(Centrum, "Ahmed Yusuf", Pnr1988, "Qlikview", "Standard", to: Today.AddDays(10));
        var orders = Orders(world);
        var end = Assert.IsType<GrantOrderResult.Ordered>(await orders.RequestEndAsync(grant, FromAccessView, Anna, Ct));
        await CompleteWithGrantsAsync(world, end.OrderId);

        var extend = await orders.RequestExtensionAsync(grant, new DateOnly(2027, 3, 31), FromAccessView, Anna, Ct);
        var endAgain = await orders.RequestEndAsync(
            grant, GrantOrderOrigin.Review(Chef1Email, "Granskning hösten 2026", null), Anna, Ct);

        Assert.Equal(
            $"Behörigheten är redan avslutad (ärende {end.CaseNumber}) och kan inte förlängas.",
            Assert.IsType<GrantOrderResult.Refused>(extend).Message);
        var found = Assert.IsType<GrantOrderResult.Ordered>(endAgain);
        Assert.Equal((end.OrderId, GrantOrderOutcome.AlreadyOrdered), (found.OrderId, found.Outcome));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.IdempotencyKey != null, Ct));
    }

    [Theory]
    [InlineData("unit", "Verksamheten Hemtjänst Centrum är inaktiverad och kan inte beställas.")]
    [InlineData("system", "Systemet Qlikview är inaktiverad och kan inte beställas.")]
    public async Task AGrantInADeactivatedUnitOrSystem_IsRefusedByTheOrderRules_AndNothingIsOrdered(string deactivated, string message)
    {
        using var world = await CreateAsync();
        var grant = await world.AddStaffGrantAsync(Centrum, "Ahmed Yusuf", Pnr1988, "Qlikview", "Standard", to: Today.AddDays(10));
        await using (var db = world.Database.CreateDbContext())
        {
            if (deactivated == "unit")
            {
                (await db.Units.SingleAsync(u => u.Name == Centrum, Ct)).Deactivate();
            }
            else
            {
                (await db.ItSystems.SingleAsync(s => s.Name == "Qlikview", Ct)).Deactivate();
            }

            await db.SaveChangesAsync(Ct);
        }

        var end = await Orders(world).RequestEndAsync(grant, FromAccessView, Anna, Ct);
        var extend = await Orders(world).RequestExtensionAsync(grant, new DateOnly(2027, 3, 31), FromAccessView, Anna, Ct);

        Assert.Equal($"Beställningen kunde inte läggas: {message}", Assert.IsType<GrantOrderResult.Refused>(end).Message);
        Assert.Equal(message, Assert.IsType<GrantOrderResult.Refused>(extend).OrderErrors);
        await using var context = world.Database.CreateDbContext();
        Assert.False(await context.Orders.AnyAsync(o => o.IdempotencyKey != null, Ct));
    }

    [Fact]
    public async Task ASystemAndLevelRenamedSinceTheGrant_AreOrderedUnderTheirNamesToday()
    {
        using var world = await CreateAsync();
        var grant = await world.AddStaffGrantAsync(Centrum, "Lisa Andersson", OrderRequests.Pnr1990, "Appva", "Standard");
        await using (var db = world.Database.CreateDbContext())
        {
            var appva = await db.ItSystems.Include(s => s.Levels).SingleAsync(s => s.Name == "Appva", Ct);
            appva.Update("Appva MCSS", appva.Description, appva.Contact, appva.RequiresDigitalKeys);
            appva.RenameLevel(appva.Levels.Single(l => l.Name == "Standard"), "Grund");
            await db.SaveChangesAsync(Ct);
        }

        var result = Assert.IsType<GrantOrderResult.Ordered>(await Orders(world).RequestEndAsync(grant, FromAccessView, Anna, Ct));

        var system = (await OrderAsync(world, result.OrderId)).Systems.Single();
        Assert.Equal(("Appva MCSS", "Grund"), (system.SystemName, system.LevelName));
        Assert.Equal(("Appva MCSS", "Grund"), (result.SystemName, result.LevelName));
    }

    [Fact]
    public async Task AnUnknownGrant_IsRefused()
    {
        using var world = await CreateAsync();

        var result = await Orders(world).RequestEndAsync(99_999, FromAccessView, Anna, Ct);

        Assert.Equal(GrantOrders.NotFoundMessage, Assert.IsType<GrantOrderResult.Refused>(result).Message);
    }

    private static GrantOrders Orders(GrantWorld world) => AppServices.GrantOrders(world.Database, world.Clock);

    private static async Task<Order> OrderAsync(GrantWorld world, int id)
    {
        await using var db = world.Database.CreateDbContext();
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id, Ct);
    }

    /// <summary>Takes, ticks and completes the case as an operator does, which ends the grant.</summary>
    private static async Task CompleteWithGrantsAsync(GrantWorld world, int orderId)
    {
        var work = AppServices.CaseWork(world.Database, "operator", world.Clock);
        var version = Assert.IsType<CaseResult.Done>(await work.TakeAsync(orderId, 0, Ct)).Version;
        foreach (var item in (await work.GetAsync(orderId, Ct))!.Checklist)
        {
            version = Assert.IsType<CaseResult.Done>(await work.MarkItemAsync(orderId, version, item.Id, ChecklistState.Done, null, Ct)).Version;
        }

        Assert.IsType<CaseResult.Done>(await work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct));
    }
}
