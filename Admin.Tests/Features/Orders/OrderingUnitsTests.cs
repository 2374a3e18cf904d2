using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.Integration;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orderers;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Orders;

/// <summary>
/// Who may order for which unit in the console (issue 20, item 2): a manager or an appointed orderer only for the units
/// they manage or are appointed for today, refused by id in the service; an operator for any unit, warned when the
/// named orderer may not order for it.
/// </summary>
public sealed class OrderingUnitsTests : IAsyncLifetime
{
    private const string Centrum = "Hemtjänst Centrum";
    private const string Skrea = "Hemtjänst Skrea";
    private const string Tallgarden = "Tallgårdens vård- och omsorgsboende";

    /// <summary>A person with no unit of her own who is appointed to order; the demo user bestallare1 comes with appointments.</summary>
    private static readonly DevUser Appointed = new(
        "utsedd-test", "Petra Olsson", "petra.olsson@kommun.example", [AppRoles.Manager], "Utsedd beställare i testet.");

    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => new(2026, 11, 27);

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

    private OrderForm FormFor(string userName, ILoggerFactory? loggers = null) =>
        AppServices.OrderForm(Database, AppServices.CurrentUser(userName), _clock, loggers ?? LoggerFactory.Create(_ => { }));

    private OrderForm FormFor(DevUser user) =>
        AppServices.OrderForm(Database, AppServices.CurrentUser(user), _clock, LoggerFactory.Create(_ => { }));

    private async Task AppointAsync(string unitName, DateOnly from, DateOnly? to)
    {
        await using var db = Database.CreateDbContext();
        var unit = await db.Units.SingleAsync(u => u.Name == unitName, Ct);
        db.AppointedOrderers.Add(new AppointedOrderer(
            unit.Id, unit.Name, new Contact(Appointed.DisplayName, EmailAddress.Parse(Appointed.Email)), from, to,
            new Actor("chef1-id", "Anna Lindqvist"), _clock.GetUtcNow()));
        await db.SaveChangesAsync(Ct);
    }

    private async Task<int> OrderCountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Orders.CountAsync(Ct);
    }

    [Fact]
    public async Task Load_ForAManagerOfTwoUnits_OffersOnlyThoseTwo_ButEveryUnitAsTheOtherUnitOfTemporaryAccess()
    {
        var context = await FormFor("chef1").LoadAsync(Ct);

        Assert.Equal([Centrum, Skrea], context.OrderingUnits.Select(u => u.Name));
        Assert.Contains(context.Units, u => u.Name == Tallgarden);
    }

    [Fact]
    public async Task Load_ForAnOperator_OffersEveryActiveUnit()
    {
        var context = await FormFor("operator").LoadAsync(Ct);

        Assert.Equal(context.Units.Select(u => u.Id), context.OrderingUnits.Select(u => u.Id));
        Assert.Contains(context.OrderingUnits, u => u.Name == Tallgarden);
    }

    [Fact]
    public async Task Load_ForAnAppointedOrderer_OffersTheUnitsSheIsAppointedForToday_NotAnExpiredOrFutureOne()
    {
        await AppointAsync(Centrum, Today.AddDays(-30), null);
        await AppointAsync(Skrea, Today.AddDays(-30), Today.AddDays(-1));
        await AppointAsync(Tallgarden, Today.AddDays(1), null);

        var context = await FormFor(Appointed).LoadAsync(Ct);

        Assert.Equal([Centrum], context.OrderingUnits.Select(u => u.Name));
    }

    [Fact]
    public async Task Submit_ForAnotherManagersUnitById_IsRefusedUnderTheUnit_WithASecurityEvent_AndNothingIsStored()
    {
        var sink = new LogSink();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(sink));
        var input = await OrderRequests.NewUndersköterska().ForUnit(Tallgarden).ByIdAsync(Database);
        var before = await OrderCountAsync();

        var result = await FormFor("chef1", loggers).SubmitAsync(input, OrderChannel.Console, Ct);

        var invalid = Assert.IsType<PlaceOrderResult.Invalid>(result);
        Assert.Equal(["Du kan bara beställa för verksamheter som du är chef eller utsedd beställare för."], invalid.Errors[OrderField.Unit]);
        var denied = Assert.Single(sink.Records, r => r.Category == SecurityLog.Category);
        Assert.Equal(SecurityLog.OperationDeniedId, denied.EventId.Id);
        Assert.Equal(LogLevel.Warning, denied.Level);
        Assert.DoesNotContain("anna", denied.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await OrderCountAsync());
    }

    [Fact]
    public async Task Submit_TemporaryAccess_NeedsTheHomeUnitToBeTheirs_WhileTheOtherUnitMayBeAny()
    {
        var form = FormFor("chef1");
        var toTallgarden = await OrderRequests.TemporaryUnit().ByIdAsync(Database);
        var fromTallgarden = await (OrderRequests.TemporaryUnit() with { TargetUnit = Centrum }).ForUnit(Tallgarden).ByIdAsync(Database);

        Assert.IsType<PlaceOrderResult.Created>(await form.SubmitAsync(toTallgarden, OrderChannel.Console, Ct));
        var refused = Assert.IsType<PlaceOrderResult.Invalid>(await form.SubmitAsync(fromTallgarden, OrderChannel.Console, Ct));
        Assert.True(refused.Errors.ContainsKey(OrderField.Unit));
        Assert.False(refused.Errors.ContainsKey(OrderField.TargetUnit));
    }

    [Fact]
    public async Task Submit_AsAnAppointedOrderer_PlacesForHerUnit_AndIsRefusedOnceTheAppointmentHasEnded()
    {
        await AppointAsync(Centrum, Today.AddDays(-30), Today);
        var input = await (OrderRequests.NewUndersköterska() with
        {
            OrdererName = Appointed.DisplayName, OrdererEmail = Appointed.Email,
        }).ByIdAsync(Database);

        Assert.IsType<PlaceOrderResult.Created>(await FormFor(Appointed).SubmitAsync(input, OrderChannel.Console, Ct));

        _clock.Advance(TimeSpan.FromDays(1));
        var later = await (OrderRequests.NewUndersköterska(OrderRequests.Pnr1985) with
        {
            OrdererName = Appointed.DisplayName, OrdererEmail = Appointed.Email, StartDate = Today.AddDays(10),
        }).ByIdAsync(Database);
        var refused = Assert.IsType<PlaceOrderResult.Invalid>(await FormFor(Appointed).SubmitAsync(later, OrderChannel.Console, Ct));
        Assert.True(refused.Errors.ContainsKey(OrderField.Unit));
    }

    [Fact]
    public async Task Submit_AsAnOperator_ByPhone_MayChooseAnyUnit()
    {
        var input = await (OrderRequests.NewUndersköterska() with
        {
            OrdererName = "Erik Johansson", OrdererEmail = "erik.johansson@kommun.example",
        }).ForUnit(Tallgarden).ByIdAsync(Database);

        Assert.IsType<PlaceOrderResult.Created>(await FormFor("operator").SubmitAsync(input, OrderChannel.Phone, Ct));
    }

    [Fact]
    public async Task Submit_NamingAResponsibleManagerWhoIsNotTheUnits_IsAFieldErrorUnderTheManagersEmail()
    {
        var input = await (OrderRequests.NewUndersköterska() with
        {
            ManagerName = "Erik Johansson", ManagerEmail = "erik.johansson@kommun.example",
        }).ByIdAsync(Database);

        var invalid = Assert.IsType<PlaceOrderResult.Invalid>(await FormFor("chef1").SubmitAsync(input, OrderChannel.Console, Ct));

        Assert.Equal(
            ["erik.johansson@kommun.example är inte registrerad som chef för Hemtjänst Centrum. Ange verksamhetens chef: Anna Lindqvist (anna.lindqvist@kommun.example)."],
            invalid.Errors[OrderField.ManagerEmail]);
    }

    [Fact]
    public async Task OrdererRight_WarnsAnOperator_WhenTheNamedOrdererMayNotOrderForTheUnit()
    {
        await AppointAsync(Centrum, Today.AddDays(-1), null);
        var form = FormFor("operator");
        var context = await form.LoadAsync(Ct);
        var centrum = context.Units.Single(u => u.Name == Centrum).Id;
        var tallgarden = context.Units.Single(u => u.Name == Tallgarden).Id;

        Assert.Null(await form.OrdererRightAsync("anna.lindqvist@kommun.example", centrum, Ct));
        Assert.Null(await form.OrdererRightAsync(Appointed.Email, centrum, Ct));
        Assert.Null(await form.OrdererRightAsync("inte en adress", centrum, Ct));
        Assert.Equal(
            "anna.lindqvist@kommun.example är varken chef för eller utsedd beställare för Tallgårdens vård- och omsorgsboende i dag. "
            + "Kontrollera att beställningen kommer från verksamhetens chef eller en person som chefen har utsett.",
            await form.OrdererRightAsync("anna.lindqvist@kommun.example", tallgarden, Ct));
    }

    [Fact]
    public async Task OrdererRight_IsRefused_ForAUserWhoMayNotPlaceOrders()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => FormFor("admin").OrdererRightAsync("anna.lindqvist@kommun.example", 1, Ct));
    }
}
