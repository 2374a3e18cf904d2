using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Orders;

public sealed class OrderFormTests : IAsyncLifetime
{
    private const string AnnaEmail = "anna.lindqvist@kommun.example";
    private const string Tallgarden = "Tallgårdens vård- och omsorgsboende";
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

    private OrderForm FormFor(string userName) => AppServices.OrderForm(Database, userName, _clock);

    /// <summary>Places an order as <paramref name="userName"/>, a few minutes after the previous one.</summary>
    private async Task<string> PlaceAsync(string userName, OrderRequest request, OrderChannel channel = OrderChannel.Console)
    {
        _clock.Advance(TimeSpan.FromMinutes(5));
        var result = await FormFor(userName).SubmitAsync(await request.ByIdAsync(Database), channel, Ct);
        return Assert.IsType<PlaceOrderResult.Created>(result).Receipt.CaseNumber;
    }

    private static OrderRequest OrderedBy(string ordererName, string ordererEmail, string managerName, string managerEmail) =>
        OrderRequests.NewUndersköterska() with
        {
            OrdererName = ordererName,
            OrdererEmail = ordererEmail,
            ManagerName = managerName,
            ManagerEmail = managerEmail,
        };

    [Fact]
    public async Task Load_ForAManagersFirstOrder_FillsInTheirOwnNameAndEmail_AsOrdererAndManager()
    {
        var context = await FormFor("chef1").LoadAsync(Ct);

        Assert.Equal(new OrdererDefaults("Anna Lindqvist", AnnaEmail, "Anna Lindqvist", AnnaEmail), context.Defaults);
        Assert.False(context.IsOperator);
        Assert.Equal([OrderChannel.Console], context.Channels);
        Assert.Contains(context.Titles, t => t.Name == "Undersköterska");
        Assert.Contains(context.Units, u => u is { Name: "Hemtjänst Centrum", UsesDigitalKeys: true });
        Assert.Contains(context.Units, u => u is { Name: "IFO Vuxen", UsesDigitalKeys: false });
        Assert.Contains(context.Systems, s => s.Name == "Lifecare" && s.Levels.Any(l => l.Name == "Handläggare"));
        Assert.Equal(new DateOnly(2026, 11, 27), context.Today);
    }

    [Fact]
    public async Task Load_ForAnOperatorsFirstOrder_FillsInOnlyTheOrderer_AndOffersTheChannels()
    {
        var context = await FormFor("operator").LoadAsync(Ct);

        Assert.Equal(new OrdererDefaults("Sara Nilsson", "sara.nilsson@kommun.example", null, null), context.Defaults);
        Assert.True(context.IsOperator);
        Assert.Equal([OrderChannel.SecureMessage, OrderChannel.Phone, OrderChannel.Console], context.Channels);
    }

    [Fact]
    public async Task Load_OffersOnlyActiveMasterData()
    {
        await using (var db = Database.CreateDbContext())
        {
            var title = await db.JobTitles.SingleAsync(t => t.Name == "Stödassistent", Ct);
            title.Deactivate();
            await db.SaveChangesAsync(Ct);
        }

        var context = await FormFor("chef1").LoadAsync(Ct);

        Assert.DoesNotContain(context.Titles, t => t.Name == "Stödassistent");
        Assert.All(context.Titles, t => Assert.True(t.IsActive));
    }

    [Fact]
    public async Task Load_AfterOrders_FillsInFromThatUsersLatestOrder_NotFromAnotherUsers()
    {
        await PlaceAsync("chef1", OrderedBy("Petra Olsson", "petra.olsson@kommun.example", "Anna Lindqvist", AnnaEmail));
        await PlaceAsync("chef1", OrderedBy("Jonas Ek", "jonas.ek@kommun.example", "Anna Lindqvist", AnnaEmail));
        await PlaceAsync("chef2", OrderedBy("Emma Sjöberg", "emma.sjoberg@kommun.example", "Erik Johansson", "erik.johansson@kommun.example").ForUnit(Tallgarden));

        var chef1 = await FormFor("chef1").LoadAsync(Ct);
        var chef2 = await FormFor("chef2").LoadAsync(Ct);

        Assert.Equal(new OrdererDefaults("Jonas Ek", "jonas.ek@kommun.example", "Anna Lindqvist", AnnaEmail), chef1.Defaults);
        Assert.Equal(
            new OrdererDefaults("Emma Sjöberg", "emma.sjoberg@kommun.example", "Erik Johansson", "erik.johansson@kommun.example"),
            chef2.Defaults);
    }

    [Fact]
    public async Task Load_IgnoresOrdersThatOnlyNameTheUserAsOrderer()
    {
        await PlaceAsync(
            "operator", OrderedBy("Anna L.", AnnaEmail, "Karin Svensson", "karin.svensson@kommun.example").ForUnit("Hemtjänst Ätradalen"), OrderChannel.Phone);

        var context = await FormFor("chef1").LoadAsync(Ct);

        Assert.Equal(new OrdererDefaults("Anna Lindqvist", AnnaEmail, "Anna Lindqvist", AnnaEmail), context.Defaults);
    }

    [Fact]
    public async Task Submit_AsManager_PlacesTheOrderThroughTheConsole_AsThemselves()
    {
        var caseNumber = await PlaceAsync("chef1", OrderRequests.NewUndersköterska());

        await using var db = Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(Ct);
        Assert.Equal(caseNumber, order.CaseNumber);
        Assert.Equal(OrderChannel.Console, order.Channel);
        Assert.Equal("Anna Lindqvist", order.PlacedByName);
        Assert.Equal((await AppServices.CurrentUser("chef1").RequireAsync("Manager")).Id, order.PlacedById);
    }

    [Theory]
    [InlineData(OrderChannel.Phone)]
    [InlineData(OrderChannel.SecureMessage)]
    [InlineData(OrderChannel.EService)]
    public async Task Submit_AsManager_WithAnotherChannelThanTheConsole_IsRefused(OrderChannel channel)
    {
        var input = await OrderRequests.NewUndersköterska().ByIdAsync(Database);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => FormFor("chef1").SubmitAsync(input, channel, Ct));

        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task Submit_AsOperator_RecordsTheChannelTheOrderCameBy()
    {
        await PlaceAsync("operator", OrderRequests.NewUndersköterska(), OrderChannel.Phone);

        await using var db = Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(Ct);
        Assert.Equal(OrderChannel.Phone, order.Channel);
        Assert.Equal("Sara Nilsson", order.PlacedByName);
    }

    [Fact]
    public async Task Submit_AsOperator_BySecureMessage_KeepsTheSenderAsOrderer_AndTheOperatorAsWhoRegisteredIt()
    {
        var caseNumber = await PlaceAsync(
            "operator", OrderedBy("Petra Olsson", "petra.olsson@kommun.example", "Anna Lindqvist", AnnaEmail), OrderChannel.SecureMessage);

        await using var db = Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(Ct);
        Assert.Equal(OrderChannel.SecureMessage, order.Channel);
        Assert.Equal(("Petra Olsson", "petra.olsson@kommun.example"), (order.Orderer.Name, order.Orderer.Email.Value));
        Assert.Equal(("Anna Lindqvist", AnnaEmail), (order.Manager.Name, order.Manager.Email.Value));
        var operatorId = (await AppServices.CurrentUser("operator").RequireAsync("Operator")).Id;
        Assert.Equal((operatorId, "Sara Nilsson"), (order.PlacedById, order.PlacedByName));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "Order.Created", Ct);
        Assert.Equal((operatorId, "Sara Nilsson", caseNumber), (audit.ActorId, audit.ActorName, audit.EntityId));
    }

    [Theory]
    [InlineData(OrderChannel.SecureMessage)]
    [InlineData(OrderChannel.Phone)]
    public async Task Submit_AsOperator_ForASender_WithTheirOwnAddress_IsRefusedUnderTheFields_AndStoresNothing(OrderChannel channel)
    {
        var request = OrderedBy("Sara Nilsson", "sara.nilsson@kommun.example", "Sara Nilsson", "SARA.NILSSON@kommun.example")
            with { EmployeeName = " " };

        var result = await FormFor("operator").SubmitAsync(await request.ByIdAsync(Database), channel, Ct);

        var errors = Assert.IsType<PlaceOrderResult.Invalid>(result).Errors;
        Assert.StartsWith("Ange avsändarens e-postadress, inte din egen", Assert.Single(errors[OrderField.OrdererEmail]), StringComparison.Ordinal);
        Assert.StartsWith("Ange ansvarig chefs e-postadress, inte din egen", Assert.Single(errors[OrderField.ManagerEmail]), StringComparison.Ordinal);
        Assert.Contains(OrderField.EmployeeName, errors.Keys);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task Submit_AsOperator_ThroughTheConsole_MayNameThemselves()
    {
        await PlaceAsync("operator", OrderedBy("Sara Nilsson", "sara.nilsson@kommun.example", "Anna Lindqvist", AnnaEmail));

        await using var db = Database.CreateDbContext();
        Assert.Equal("Sara Nilsson", (await db.Orders.SingleAsync(Ct)).Orderer.Name);
    }

    [Fact]
    public async Task Load_ForAnOperator_DoesNotFillInFromOrdersTheyRegisteredForASender()
    {
        await PlaceAsync("operator", OrderedBy("Petra Olsson", "petra.olsson@kommun.example", "Anna Lindqvist", AnnaEmail), OrderChannel.Phone);

        var context = await FormFor("operator").LoadAsync(Ct);

        Assert.Equal(new OrdererDefaults("Sara Nilsson", "sara.nilsson@kommun.example", null, null), context.Defaults);
    }

    [Fact]
    public async Task Submit_AsOperator_ThroughTheEServiceChannel_IsRefused()
    {
        var input = await OrderRequests.NewUndersköterska().ByIdAsync(Database);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => FormFor("operator").SubmitAsync(input, OrderChannel.EService, Ct));
    }

    [Fact]
    public async Task Submit_WithErrors_ReturnsThemPerField_AndStoresNothing()
    {
        var result = await FormFor("chef1").SubmitAsync(
            await OrderRequests.NewUndersköterska("19900101-1234").ByIdAsync(Database), OrderChannel.Console, Ct);

        var errors = Assert.IsType<PlaceOrderResult.Invalid>(result).Errors;
        Assert.Equal([OrderField.Personnummer], errors.Keys);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task Preview_ListsTheSystemsThatFollowFromTitleAndUnit()
    {
        var form = FormFor("chef1");
        var context = await form.LoadAsync(Ct);
        var title = context.Titles.Single(t => t.Name == "Undersköterska").Id;
        var unit = context.Units.Single(u => u.Name == "Hemtjänst Centrum").Id;

        var systems = await form.PreviewAsync(OrderType.New, title, unit, null, new DateOnly(2026, 12, 7), Ct);

        Assert.Contains(new OrderSystemLine("Lifecare", "Utförare"), systems);
        Assert.Contains(new OrderSystemLine("Swedlock", "Standard"), systems);
    }

    [Fact]
    public async Task AnAdministratorWithoutAnOrderRole_IsRefusedEverything()
    {
        var form = FormFor("admin");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => form.LoadAsync(Ct));
        var input = await OrderRequests.NewUndersköterska().ByIdAsync(Database);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => form.SubmitAsync(input, OrderChannel.Console, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => form.PreviewAsync(OrderType.New, 1, 1, null, null, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => form.MyOrdersAsync(0, 25, null, Ct));
    }

    [Fact]
    public async Task MyOrders_IsForThoseWhoMayOrder_NotForAdministrators()
    {
        // Issue 20: Mina ärenden follows "may order" (managers, operators, appointed orderers), as the order form does.
        Assert.Equal(0, (await FormFor("operator").MyOrdersAsync(0, 25, null, Ct)).TotalCount);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => FormFor("admin").MyOrdersAsync(0, 25, null, Ct));
    }

    [Fact]
    public async Task MyOrders_ShowsTheOrdersTheManagerPlacedOrIsNamedOrdererOf_NewestFirst()
    {
        var first = await PlaceAsync("chef1", OrderRequests.NewUndersköterska());
        var othersOrder = await PlaceAsync(
            "chef2", OrderedBy("Erik Johansson", "erik.johansson@kommun.example", "Erik Johansson", "erik.johansson@kommun.example").ForUnit(Tallgarden));
        _clock.Advance(TimeSpan.FromMinutes(5));
        await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1985, "Olle Berg");
        var viaEService = Assert.IsType<PlaceOrderResult.Created>(await AppServices.OrderIntake(Database, _clock).PlaceAsync(
            OrderRequests.Terminate(OrderRequests.Pnr1985) with { EmployeeName = "Olle Berg", OrdererEmail = "Anna.Lindqvist@Kommun.example" },
            OrderChannel.EService, new Actor("e-service", "E-tjänsten"), ct: Ct)).Receipt.CaseNumber;
        var latest = await PlaceAsync("chef1", OrderRequests.Extend());

        var mine = await FormFor("chef1").MyOrdersAsync(0, 25, null, Ct);

        Assert.Equal(3, mine.TotalCount);
        Assert.Equal([latest, viaEService, first], mine.Items.Select(o => o.CaseNumber));
        Assert.DoesNotContain(othersOrder, mine.Items.Select(o => o.CaseNumber));
        var terminate = mine.Items[1];
        Assert.Equal(OrderType.Terminate, terminate.Type);
        Assert.Equal(OrderStatus.Received, terminate.Status);
        Assert.Equal("Olle Berg", terminate.EmployeeName);
        Assert.Equal("Hemtjänst Centrum", terminate.UnitName);
        Assert.Equal(new DateOnly(2026, 12, 31), terminate.EndDate);
    }

    [Fact]
    public async Task MyOrders_ChefTwoNeverSeesChefOnesOrders()
    {
        var caseNumber = await PlaceAsync("chef1", OrderRequests.NewUndersköterska());

        var all = await FormFor("chef2").MyOrdersAsync(0, 25, null, Ct);
        var searched = await FormFor("chef2").MyOrdersAsync(0, 25, caseNumber, Ct);

        Assert.Equal(0, all.TotalCount);
        Assert.Empty(all.Items);
        Assert.Equal(0, searched.TotalCount);
    }

    [Fact]
    public async Task MyOrders_PagesOnTheServer()
    {
        var placed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            placed.Add(await PlaceAsync("chef1", OrderRequests.NewUndersköterska() with { EmployeeName = $"Medarbetare {i}" }));
        }

        var form = FormFor("chef1");
        var firstPage = await form.MyOrdersAsync(0, 2, null, Ct);
        var secondPage = await form.MyOrdersAsync(1, 2, null, Ct);
        var lastPage = await form.MyOrdersAsync(2, 2, null, Ct);

        Assert.All([firstPage, secondPage, lastPage], page => Assert.Equal(5, page.TotalCount));
        Assert.Equal(placed.AsEnumerable().Reverse(),
            firstPage.Items.Concat(secondPage.Items).Concat(lastPage.Items).Select(o => o.CaseNumber));
        Assert.Single(lastPage.Items);
    }

    [Fact]
    public async Task MyOrders_SearchesCaseNumberAndEmployeeName_IgnoringCase()
    {
        await PlaceAsync("chef1", OrderRequests.NewUndersköterska() with { EmployeeName = "Lisa Andersson" });
        var second = await PlaceAsync("chef1", OrderRequests.NewUndersköterska(OrderRequests.Pnr1985) with { EmployeeName = "Karl Berg" });
        await PlaceAsync("chef2", (OrderRequests.NewUndersköterska(OrderRequests.Pnr1985) with
        {
            EmployeeName = "Karl Bergström",
            OrdererName = "Erik Johansson",
            OrdererEmail = "erik.johansson@kommun.example",
        }).ForUnit(Tallgarden));
        var form = FormFor("chef1");

        var byName = await form.MyOrdersAsync(0, 25, "berg", Ct);
        var byCaseNumber = await form.MyOrdersAsync(0, 25, second.ToLowerInvariant(), Ct);
        var byPartOfCaseNumber = await form.MyOrdersAsync(0, 25, "00001", Ct);
        var none = await form.MyOrdersAsync(0, 25, "100%", Ct);

        Assert.Equal([second], byName.Items.Select(o => o.CaseNumber));
        Assert.Equal(1, byName.TotalCount);
        Assert.Equal([second], byCaseNumber.Items.Select(o => o.CaseNumber));
        Assert.Equal(["Lisa Andersson"], byPartOfCaseNumber.Items.Select(o => o.EmployeeName));
        Assert.Empty(none.Items);
    }
}
