using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>Two operators acting on one case at once, through the app's own services and database.</summary>
public class CaseConcurrencyTests
{
    [Fact]
    public async Task TwoOperatorsTakingTheSameCaseAtOnce_OneSucceeds_TheOtherIsToldToReload()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        var placed = await app.Services.CreateScope().ServiceProvider.GetRequiredService<OrderIntake>()
            .PlaceAsync(Soon(OrderRequests.NewUndersköterska()), OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"), ct: ct);
        var orderId = ((PlaceOrderResult.Created)placed).Receipt.Id;

        await using var saraScope = SignedIn(app, "operator");
        await using var olleScope = SignedIn(app, "operator");
        var sara = saraScope.ServiceProvider.GetRequiredService<CaseWork>();
        var olle = olleScope.ServiceProvider.GetRequiredService<CaseWork>();

        var results = await Task.WhenAll(
            Task.Run(() => sara.TakeAsync(orderId, 0, ct), ct),
            Task.Run(() => olle.CommentAsync(orderId, 0, "Jag tittar på den", ct), ct));

        Assert.Single(results, r => r is CaseResult.Done);
        Assert.Single(results, r => r is CaseResult.Conflict);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(ct);
        var order = await db.Orders.SingleAsync(o => o.Id == orderId, ct);
        Assert.Equal(1, order.Version);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == order.CaseNumber && a.Action.StartsWith("Case."), ct));
    }

    [Fact]
    public async Task QueueFilters_RunInTheDatabase_AndCombine()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        var intake = app.Services.CreateScope().ServiceProvider.GetRequiredService<OrderIntake>();
        var chef = new Actor("chef1-oid", "Anna Lindqvist");
        await intake.PlaceAsync(Soon(OrderRequests.NewUndersköterska()), OrderChannel.Console, chef, ct: ct);
        await intake.PlaceAsync(Soon(OrderRequests.Extend(OrderRequests.Pnr1985)), OrderChannel.EService, chef, ct: ct);
        await intake.PlaceAsync(Soon(OrderRequests.TemporaryUnit(OrderRequests.Pnr1985)), OrderChannel.EService, chef, ct: ct);
        await using var scope = SignedIn(app, "operator");
        var list = scope.ServiceProvider.GetRequiredService<CaseList>();
        var tallgarden = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContext()
            .Units.Where(u => u.Name == "Tallgårdens vård- och omsorgsboende").Select(u => u.Id).SingleAsync(ct);

        var byUnit = await list.SearchAsync(new CaseQuery(UnitId: tallgarden), CaseSort.ReceivedNewest, 0, 25, ct);
        var byTypeAndPnr = await list.SearchAsync(new CaseQuery(Type: OrderType.Extend, Search: "198506152340"), CaseSort.ReceivedNewest, 0, 25, ct);
        var open = await list.SearchAsync(new CaseQuery(OnlyOpen: true), CaseSort.ReceivedOldest, 0, 2, ct);
        var mine = await list.SearchAsync(new CaseQuery(AssignedToId: "nobody"), CaseSort.ReceivedNewest, 0, 25, ct);

        Assert.Equal(OrderType.TemporaryUnit, Assert.Single(byUnit.Items).Type);
        Assert.Equal(OrderType.Extend, Assert.Single(byTypeAndPnr.Items).Type);
        Assert.Equal((3, 2), (open.TotalCount, open.Items.Count));
        Assert.EndsWith("-00001", open.Items[0].CaseNumber, StringComparison.Ordinal);
        Assert.Equal(0, mine.TotalCount);
    }

    /// <summary>The app runs on the real clock here: dates relative to today keep the test valid in any year.</summary>
    private static OrderRequest Soon(OrderRequest request)
    {
        var today = OrderApiBodies.Today;
        return request with { StartDate = today.AddDays(14), EndDate = request.EndDate is null ? null : today.AddDays(60) };
    }

    private static AsyncServiceScope SignedIn(AdminAppFactory app, string userName)
    {
        var scope = app.Services.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(DevUsers.Find(userName)!.ToPrincipal())));
        return scope;
    }
}
