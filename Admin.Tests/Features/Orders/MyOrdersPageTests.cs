using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Features.Cases;
using TestContext = Xunit.TestContext;
using SocItConsole.Admin.Features.Orders.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Orders;

public class MyOrdersPageTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync();
        Services.AddOrderServices(_database, AppServices.Clock());
        SignInAs("chef1");
        RenderInteractively();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void WithoutOrders_SaysSo_AndLinksToTheForm()
    {
        var cut = Render<MyOrdersPage>();

        cut.WaitForAssertion(() => Assert.Contains("Du har inga beställningar ännu.", cut.Find("[data-testid=empty]").TextContent, StringComparison.Ordinal));
        Assert.Contains(cut.FindAll("[data-testid=empty] a"), a => a.GetAttribute("href") == "/orders/new");
    }

    [Fact]
    public async Task AnOrderEndingOneGrant_ShowsItsLastDay_AsTheTerminationDoes()
    {
        var endOne = OrderRequests.Extend() with
        {
            Type = OrderType.EndTemporary,
            StartDate = null,
            EndDate = new DateOnly(2026, 12, 15),
            Systems = [new RequestedSystemInput("Lifecare", "Handläggare")],
        };
        await AppServices.OrderForm(Database, "chef1").SubmitAsync(await endOne.ByIdAsync(Database), OrderChannel.Console, TestContext.Current.CancellationToken);
        await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1985, "Lisa Andersson");
        await AppServices.OrderForm(Database, "chef1").SubmitAsync(
            await OrderRequests.Terminate(OrderRequests.Pnr1985).ByIdAsync(Database), OrderChannel.Console, TestContext.Current.CancellationToken);

        var cut = Render<MyOrdersPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-case]").Count));
        var periods = cut.FindAll("[data-testid=row-case]")
            .ToDictionary(c => c.TextContent.Trim(), c => c.Closest("tr")!.QuerySelector("td[data-label='Start/Slut']")!.TextContent.Trim());
        Assert.Equal("Sista dag 2026-12-15", periods["SOC-2026-00001"]);
        Assert.Equal("Sista dag 2026-12-31", periods["SOC-2026-00002"]);
    }

    [Fact]
    public async Task ListsTheManagersOrders_WithSwedishTexts_AndStockholmTime()
    {
        await AppServices.OrderForm(Database, "chef1").SubmitAsync(await OrderRequests.NewUndersköterska().ByIdAsync(Database), OrderChannel.Console, TestContext.Current.CancellationToken);
        await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1985, "Lisa Andersson");
        await AppServices.OrderForm(Database, "chef2").SubmitAsync(
            await (OrderRequests.Terminate(OrderRequests.Pnr1985) with { OrdererEmail = "erik.johansson@kommun.example" }).ByIdAsync(Database),
            OrderChannel.Console, TestContext.Current.CancellationToken);

        var cut = Render<MyOrdersPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=row-case]")));
        var row = cut.Find("[data-testid=row-case]").Closest("tr")!;
        Assert.Equal("SOC-2026-00001", cut.Find("[data-testid=row-case]").TextContent.Trim());
        Assert.Contains("Ny behörighet", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lisa Andersson", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hemtjänst Centrum", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Från 2026-12-07", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-11-27 10:00", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mottagen", row.QuerySelector("[data-testid=row-status]")!.TextContent.Trim());
        Assert.Contains("1–1 av 1", cut.Markup, StringComparison.Ordinal);
    }

    /// <summary>
    /// The static page opens the answer form under the question (what the dialog asked); the POST that sends it, and
    /// the case under way afterwards, run in the real app: CaseQuestionBrowserTests.
    /// </summary>
    [Fact]
    public async Task AWaitingCase_ShowsTheQuestion_AndSvaraOpensTheAnswerFormUnderIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await AppServices.OrderForm(Database, "chef1").SubmitAsync(await OrderRequests.NewUndersköterska().ByIdAsync(Database), OrderChannel.Console, ct);
        var work = AppServices.CaseWork(Database, "operator");
        var taken = Assert.IsType<CaseResult.Done>(await work.TakeAsync(1, 0, ct));
        Assert.IsType<CaseResult.Done>(await work.MoveAsync(1, taken.Version, OrderStatus.WaitingForOrderer, "Vilken titel ska hon ha?", ct));

        var cut = Render<MyOrdersPage>();

        cut.WaitForAssertion(() => Assert.Equal("Vilken titel ska hon ha?", cut.Find("[data-testid=row-question-text]").TextContent.Trim()));
        Assert.Equal("Väntar på beställare", cut.Find("[data-testid=row-status]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=answer-form]"));

        Follow(cut, "[data-testid=answer]");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=answer-form]")));
        var form = cut.Find("[data-testid=answer-form]");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("textarea[data-testid=reason-text][name='Answer.Text']"));
        Assert.Equal("Skicka svaret", form.QuerySelector("[data-testid=reason-confirm]")!.TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=answer]"));
    }

    [Fact]
    public async Task TheStatusFilter_ShowsOnlyTheCasesAsked_AndARejectedCaseShowsItsReason()
    {
        var ct = TestContext.Current.CancellationToken;
        var form = AppServices.OrderForm(Database, "chef1");
        await form.SubmitAsync(await OrderRequests.NewUndersköterska().ByIdAsync(Database), OrderChannel.Console, ct);
        await form.SubmitAsync(await OrderRequests.NewUndersköterska(OrderRequests.Pnr1985).ByIdAsync(Database), OrderChannel.Console, ct);
        var work = AppServices.CaseWork(Database, "operator");
        var taken = Assert.IsType<CaseResult.Done>(await work.TakeAsync(2, 0, ct));
        Assert.IsType<CaseResult.Done>(await work.MoveAsync(2, taken.Version, OrderStatus.Rejected, "Fel verksamhet.", ct));
        var cut = Render<MyOrdersPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-case]").Count));
        Assert.Equal(["Alla", "Väntar på dig", "Pågående", "Klara", "Avvisade"], cut.FindAll("[data-testid=filter] .mud-chip").Select(c => c.TextContent.Trim()));
        Assert.Contains("Fel verksamhet.", cut.Find("[data-testid=row-reason]").TextContent, StringComparison.Ordinal);

        Follow(cut, "[data-testid=filter-Rejected]");
        cut.WaitForAssertion(() => Assert.Equal(["SOC-2026-00002"], cut.FindAll("[data-testid=row-case]").Select(c => c.TextContent.Trim())));

        Follow(cut, "[data-testid=filter-WaitingForYou]");
        cut.WaitForAssertion(() => Assert.Equal("Inga ärenden med den statusen.", cut.Find("[data-testid=no-match]").TextContent.Trim()));
    }

    /// <summary>Follows a link of the static page, as the browser would: the page reads the new address's query.</summary>
    private void Follow(IRenderedComponent<MyOrdersPage> cut, string selector) =>
        Services.GetRequiredService<NavigationManager>().NavigateTo(cut.Find(selector).GetAttribute("href")!);
}
