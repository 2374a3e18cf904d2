using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Home;
using SocItConsole.Admin.Features.Home.Pages;
using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Home;

public class HomePageTests : ComponentTestBase, IAsyncLifetime
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");
    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase? _database;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(_clock);
        // Due tomorrow, so today's work; and one that starts in ten days, so only in the queue's figures.
        await PlaceAsync(OrderRequests.NewUndersköterska() with { StartDate = new DateOnly(2026, 11, 28) });
        await TestEmployments.EmployAsync(_database, OrderRequests.Pnr1985, "Erik Berg");
        await PlaceAsync(OrderRequests.Terminate(OrderRequests.Pnr1985) with { EmployeeName = "Erik Berg" });
        Services.AddCaseServices(_database, _clock);
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new ReviewOptions()));
        Services.TryAddScoped<ReviewTasks>();
        Services.AddScoped<UnitDirectory>();
        Services.AddScoped<HomeOverview>();
        Services.AddOrdererServices(_database, _clock);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task PlaceAsync(OrderRequest request)
    {
        var result = await AppServices.OrderIntake(_database!, _clock).PlaceAsync(request, OrderChannel.Console, Chef);
        Assert.IsType<PlaceOrderResult.Created>(result);
    }

    private IRenderedComponent<HomePage> RenderAs(Action signIn)
    {
        signIn();
        RenderInteractively();
        var cut = Render<HomePage>();
        cut.WaitForAssertion(() => Assert.StartsWith("Hej ", cut.Find("h1").TextContent, StringComparison.Ordinal));
        return cut;
    }

    private static List<string> Sections(IRenderedComponent<HomePage> cut) =>
        [.. cut.FindAll("section[data-testid]").Select(s => s.GetAttribute("data-testid")!)];

    [Fact]
    public void AnOperator_StartsWithTodaysCases_AndTheQueuesFigures_NotTheRegisters()
    {
        var cut = RenderAs(() => SignInAs("operator"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=todays-case]")));
        Assert.Equal(["home-operator"], Sections(cut));
        var row = cut.Find("[data-testid=todays-case]");
        Assert.Contains("SOC-2026-00001", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lisa Andersson", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Start 2026-11-28", row.QuerySelector("[data-testid=todays-due]")!.TextContent.Trim());
        Assert.Equal("/cases/1", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("senast 2026-11-30", cut.Find("[data-testid=todays-cases]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/cases", cut.Find("[data-testid=to-queue]").GetAttribute("href"));
        Assert.Equal("2", cut.Find("[data-testid=stat-received] .stat-value").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=home-socit]"));
    }

    [Fact]
    public void AnOperatorWithNothingDue_IsToldSo()
    {
        using (var db = _database!.CreateDbContext())
        {
            // The one case due is another operator's.
            db.Orders.Single(o => o.StartDate == new DateOnly(2026, 11, 28))
                .Take(new Actor("other-operator-oid", "Per Persson"), _clock.GetUtcNow(), []);
            db.SaveChanges();
        }

        var cut = RenderAs(() => SignInAs("operator"));

        cut.WaitForAssertion(() => Assert.Equal("Inga ärenden behöver dig i dag.", cut.Find("[data-testid=todays-none]").TextContent.Trim()));
    }

    [Fact]
    public void AnAdministrator_KeepsTheRegisters_AndHasNoQueue()
    {
        var cut = RenderAs(() => SignInAs("admin"));

        cut.WaitForAssertion(() => Assert.Contains("IT-system i drift", cut.Find("[data-testid=home-socit]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["home-socit"], Sections(cut));
        Assert.Single(cut.FindAll("[data-testid=review-summary]"));
    }

    [Fact]
    public void AnOperatorWhoIsAlsoAdministrator_SeesTheWorkFirst_ThenTheRegisters_AndTheReviewCardOnce()
    {
        var both = DevUsers.Find("operator")! with { Roles = [AppRoles.Operator, AppRoles.Administrator] };

        var cut = RenderAs(() => SignInWith(both));

        cut.WaitForAssertion(() => Assert.Contains("IT-system i drift", cut.Find("[data-testid=home-socit]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["home-operator", "home-socit"], Sections(cut));
        Assert.Single(cut.FindAll("[data-testid=todays-case]"));
        Assert.Single(cut.FindAll("[data-testid=review-summary]"));
    }

    [Fact]
    public void AManager_KeepsTheirUnits()
    {
        var cut = RenderAs(() => SignInAs("chef1"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-unit]").Count));
        Assert.Equal(["home-manager"], Sections(cut));
    }

    [Fact]
    public void AManager_SeesWhoIsAppointedToOrderForTheirUnits()
    {
        var cut = RenderAs(() => SignInAs("chef1"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=appointment]")));
        var appointment = cut.Find("[data-testid=appointment]");
        Assert.Contains("Frida Nyman", appointment.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hemtjänst Centrum", appointment.TextContent, StringComparison.Ordinal);
        Assert.Equal("Gäller tills vidare", cut.Find("[data-testid=appointment-status]").TextContent.Trim());
        Assert.Equal("/orderers", cut.Find("[data-testid=appointments-link]").GetAttribute("href"));
    }

    [Fact]
    public void AManagerWithNobodyAppointed_IsToldTheyMayAppointSomeone()
    {
        var cut = RenderAs(() => SignInAs("chef2"));

        cut.WaitForAssertion(() => Assert.Contains(
            "Ingen är utsedd att beställa för dina verksamheter.", cut.Find("[data-testid=appointments-none]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void AnAppointedOrderer_WithoutRole_SeesHerUnitAndTheWayToOrder_NotTheNoRoleNotice()
    {
        var cut = RenderAs(() => SignInAs("bestallare1"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=my-appointment]")));
        Assert.Equal(["home-orderer"], Sections(cut));
        Assert.Empty(cut.FindAll("[data-testid=no-role]"));
        var mine = cut.Find("[data-testid=my-appointment]").TextContent;
        Assert.Contains("Hemtjänst Centrum", mine, StringComparison.Ordinal);
        Assert.Contains("Gäller tills vidare · utsedd av Anna Lindqvist", mine, StringComparison.Ordinal);
        Assert.Equal("/orders/new", cut.Find("[data-testid=home-order]").GetAttribute("href"));
    }

    [Fact]
    public void AUserWithoutRole_IsToldHowToGetOne()
    {
        var cut = RenderAs(() => SignInAs("utanroll"));

        Assert.Single(cut.FindAll("[data-testid=no-role]"));
        Assert.Empty(Sections(cut));
    }
}
