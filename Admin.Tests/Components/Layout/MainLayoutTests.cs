using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using SocItConsole.Admin.Components.Layout;
using SocItConsole.Admin.Infrastructure.Navigation;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Components.Layout;

public class MainLayoutTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase? _database;

    // The menu's count on "Att godkänna" reads the consents: an empty migrated database has none.
    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        Services.AddCaseServices(_database, AppServices.Clock());
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    public static TheoryData<string, string[]> MenuByUser => new()
    {
        { "operator", ["/", "/cases", "/hr", "/orders/new", "/orders/batch", "/my-orders", "/follow-ups", "/access", "/keys", "/units", "/reviews", "/outbox", "/audit"] },
        { "admin", ["/", "/orderers", "/access", "/units", "/reviews", "/outbox", "/audit", "/matrix", "/admin"] },
        { "chef1", ["/", "/orders/new", "/orders/batch", "/my-orders", "/follow-ups", "/my-reviews", "/approvals", "/orderers", "/access"] },
        { "chef2", ["/", "/orders/new", "/orders/batch", "/my-orders", "/follow-ups", "/my-reviews", "/approvals", "/orderers", "/access"] },
        { "utanroll", ["/"] },
    };

    [Theory]
    [MemberData(nameof(MenuByUser))]
    public void EachRole_SeesItsOwnMenu(string user, string[] expectedEntries)
    {
        SignInAs(user);
        RenderInteractively();

        var cut = RenderLayout();

        cut.WaitForAssertion(() =>
            Assert.Equal(expectedEntries, cut.FindAll("[data-nav]").Select(e => e.GetAttribute("data-nav"))));
    }

    [Fact]
    public async Task AnAppointedOrderer_SeesTheOrderFormAndHerOrders_WhileAppointed()
    {
        using var database = await TestDatabase.CreateMigratedAsync();
        var clock = AppServices.Clock();
        await database.SeedDemoDataAsync(clock);
        Services.AddOrdererServices(database, clock);
        SignInAs("bestallare1");
        RenderInteractively();

        var cut = RenderLayout();

        cut.WaitForAssertion(() =>
            Assert.Equal(["/", "/orders/new", "/orders/batch", "/my-orders"], cut.FindAll("[data-nav]").Select(e => e.GetAttribute("data-nav"))));
        // The app bar says what she is here for, not "Ingen roll".
        cut.WaitForAssertion(() => Assert.Equal("Utsedd beställare", cut.Find("[data-testid=user-badge-role]").TextContent.Trim()));
    }

    [Fact]
    public void EveryEntry_LinksToItsPage_AndNoneIsMarkedAsPlanned()
    {
        SignInAs("operator");
        RenderInteractively();

        var cut = RenderLayout();

        cut.WaitForAssertion(() =>
        {
            var links = cut.FindAll("[data-nav]");
            Assert.NotEmpty(links);
            Assert.All(links, link =>
            {
                var entry = NavigationCatalog.Entries.Single(e => e.Href == link.GetAttribute("data-nav"));
                Assert.Equal(entry.Href, link.GetAttribute("href"));
            });
        });
        Assert.DoesNotContain("kommer", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("operator", "Sara Nilsson", "Handläggare")]
    [InlineData("admin", "Johan Berg", "Systemförvaltare")]
    [InlineData("chef1", "Anna Lindqvist", "Chef")]
    [InlineData("utanroll", "Maria Ek", "Ingen roll")]
    public void AppBar_ShowsUserNameAndSwedishRole(string user, string name, string role)
    {
        SignInAs(user);
        RenderInteractively();

        var cut = RenderLayout();

        var badge = cut.Find("[data-testid=user-badge]");
        Assert.Contains(name, badge.TextContent, StringComparison.Ordinal);
        Assert.Contains(role, badge.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("form[action='/account/sign-out'] input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public void ErrorInAPage_ShowsAFriendlySwedishMessage_AndKeepsTheShell()
    {
        SignInAs("operator");
        RenderInteractively();

        var cut = Render<MainLayout>(p => p.Add(l => l.Body, builder =>
        {
            builder.OpenComponent<ThrowingComponent>(0);
            builder.CloseComponent();
        }));

        cut.WaitForAssertion(() => Assert.Contains("Något gick fel", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("Försök igen", cut.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-nav]"));
    }

    [Fact]
    public void Layout_IsStatic_EndsWithTheShellMarker_AndLeavesTheCircuitMarkerToLivePage()
    {
        SignInAs("operator");

        var cut = RenderLayout();

        Assert.NotNull(cut.Find("#shell-ready"));
        Assert.Empty(cut.FindAll("#circuit-state"));
        Assert.Empty(cut.FindAll("#mud-snackbar-container"));
        Assert.NotNull(cut.Find("header button[data-drawer-toggle][aria-label='Visa eller dölj menyn']"));
    }

    [Fact]
    public void LivePage_MarksTheCircuitInteractive_AndHoldsTheProviders()
    {
        UseLivePageProviders();
        SignInAs("operator");
        RenderInteractively();

        var cut = Render<LivePage>(p => p.AddChildContent("Sidans innehåll"));

        Assert.Equal("true", cut.Find("#circuit-state").GetAttribute("data-interactive"));
        Assert.Contains("snackbars-beside-menu", cut.Find("#mud-snackbar-container").ClassList);
        Assert.Contains("Sidans innehåll", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondLivePage_InTheSameCircuit_SharesTheFirstOnesProviders_UntilTheFirstIsGone()
    {
        UseLivePageProviders();
        RenderInteractively();
        var claim = Services.GetRequiredService<LiveProviderClaim>();

        var first = Render<LivePage>(p => p.AddChildContent("Första"));
        var second = Render<LivePage>(p => p.AddChildContent("Andra"));

        Assert.Single(first.FindAll("#mud-snackbar-container"));
        Assert.Empty(second.FindAll("#mud-snackbar-container"));
        first.Instance.Dispose();
        Assert.True(claim.TryClaim(new object()), "the claim should be free once the first LivePage is gone");
    }

    [Fact]
    public void LivePage_ShowsTheFriendlyMessage_WhenItsPageFails()
    {
        SignInAs("operator");
        RenderInteractively();

        var cut = Render<LivePage>(p => p.AddChildContent<ThrowingComponent>());

        cut.WaitForAssertion(() => Assert.Contains("Något gick fel", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("Försök igen", cut.Markup, StringComparison.Ordinal);
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "Sidans innehåll"))));

    private sealed class ThrowingComponent : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("test failure");
    }
}
