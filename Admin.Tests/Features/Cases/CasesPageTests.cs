using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Cases.Pages;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Cases;

/// <summary>
/// The static queue (decision 0049) rendered for an address: its figures, rows and filters. "Ta ärendet" is a POST
/// form, so taking a case is CaseQueuePageTests' (the real app with its antiforgery token).
/// </summary>
public class CasesPageTests : ComponentTestBase, IAsyncLifetime
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");
    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase? _database;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(_clock);
        // Three orders an hour apart: a new employee, a termination, an extension (newest).
        await PlaceAsync(OrderRequests.NewUndersköterska());
        await TestEmployments.EmployAsync(_database, OrderRequests.Pnr1985, "Erik Berg");
        await PlaceAsync(OrderRequests.Terminate(OrderRequests.Pnr1985) with { EmployeeName = "Erik Berg" });
        await PlaceAsync(OrderRequests.Extend());
        Services.AddCaseServices(_database, _clock);
        SignInAs("operator");
        RenderInteractively();
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
        _clock.Advance(TimeSpan.FromHours(1));
    }

    private IRenderedComponent<CasesPage> RenderPage(string address = "/cases", int rows = 3)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var cut = Render<CasesPage>();
        cut.WaitForAssertion(() =>
        {
            Assert.NotNull(cut.Find("[data-testid=cases] tbody"));
            Assert.Equal(rows, cut.FindAll("[data-testid=row-case]").Count);
            // No rows is also how the queue looks before it has come from the database: then wait for its answer. The
            // summary cards come by a read of their own.
            Assert.True(rows > 0 || cut.FindAll("[data-testid=no-match]").Count == 1, "the page has not answered yet");
            Assert.NotEmpty(cut.FindAll("[data-testid=stat-received]"));
        });
        return cut;
    }

    private static List<string> Rows(IRenderedComponent<CasesPage> cut) =>
        [.. cut.FindAll("[data-testid=row-case]").Select(c => c.Closest("tr")!.TextContent)];

    private static string StatValue(IRenderedComponent<CasesPage> cut, string testId) =>
        cut.Find($"[data-testid={testId}] .stat-value").TextContent.Trim();

    [Fact]
    public void StatCards_ShowTheCounts_AndTheOldestWaitingCase()
    {
        var cut = RenderPage();

        Assert.Equal("3", StatValue(cut, "stat-received"));
        Assert.Equal("0", StatValue(cut, "stat-in-progress"));
        Assert.Equal("0", StatValue(cut, "stat-waiting"));
        var oldest = cut.Find("[data-testid=oldest-waiting]");
        Assert.Equal("/cases/1", oldest.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("SOC-2026-00001", oldest.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lisa Andersson", oldest.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mottagen 2026-11-27", oldest.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["Ny behörighet 1", "Utökad behörighet 1", "Tillfällig behörighet till annan verksamhet 0", "Avsluta behörighet 1", "Avsluta enskild behörighet 0", "Byte av titel eller verksamhet 0"],
            cut.FindAll("[data-testid=open-by-type] li").Select(li => string.Join(' ', li.Children.Select(c => c.TextContent.Trim()))));
        Assert.Contains("Hemtjänst Centrum", cut.Find("[data-testid=open-by-unit]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Queue_ListsTheOpenCases_NewestFirst_WithSwedishTexts()
    {
        var cut = RenderPage();

        Assert.Equal(
            ["SOC-2026-00003", "SOC-2026-00002", "SOC-2026-00001"],
            cut.FindAll("[data-testid=row-case]").Select(c => c.TextContent.Trim()));
        var newest = Rows(cut)[0];
        Assert.Contains("Utökad", newest, StringComparison.Ordinal);
        Assert.Contains("2026-11-27 12:00", newest, StringComparison.Ordinal);
        Assert.Contains("Mottagen", newest, StringComparison.Ordinal);
        Assert.Equal("/cases/3", cut.Find("[data-testid=row-case]").GetAttribute("href"));
        Assert.Equal(3, cut.FindAll("[data-testid=take]").Count);
        Assert.Contains("1–3 av 3", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Queue_ShowsAnEndOrdersLastDay_WhereANewOrderShowsItsStart()
    {
        var cut = RenderPage();

        var days = cut.FindAll("[data-testid=case-day]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["2026-12-07", "Sista dag 2026-12-31", "2026-12-07"], days);
    }

    [Fact]
    public async Task SortingByDay_PutsAnEndOrder_ByItsLastDay_NotFirstForWantOfAStart()
    {
        var list = AppServices.CaseList(_database!, "operator", _clock);

        var rows = (await list.SearchAsync(new CaseQuery(), CaseSort.StartDate, 0, 10, TestContext.Current.CancellationToken)).Items;

        Assert.Equal(["SOC-2026-00001", "SOC-2026-00003", "SOC-2026-00002"], rows.Select(r => r.CaseNumber));
    }

    [Fact]
    public void FilteringByType_NarrowsTheQueue()
    {
        var offered = RenderPage().FindAll("[data-testid=filter-type] option").Single(o => o.TextContent.Trim() == "Avsluta behörighet");

        var cut = RenderPage($"/cases?type={offered.GetAttribute("value")}", rows: 1);

        Assert.Contains("Erik Berg", Rows(cut)[0], StringComparison.Ordinal);
        Assert.Equal("Terminate", cut.Find("[data-testid=filter-type] option[selected]").GetAttribute("value"));
    }

    [Fact]
    public void Searching_ForSomethingAbsent_ShowsTheEmptyState()
    {
        var cut = RenderPage("/cases?q=Ingen+Alls", rows: 0);

        cut.WaitForAssertion(() => Assert.Equal("Inga ärenden matchar filtret.", cut.Find("[data-testid=no-match]").TextContent.Trim()));
        Assert.Equal("Ingen Alls", cut.Find("[data-testid=search]").GetAttribute("value"));
    }

    [Fact]
    public void TheFilters_AreAGetForm_WhoseFieldsAreTheAddressesNames()
    {
        var cut = RenderPage("/cases?status=all&mine=true&sort=case&size=50", rows: 0);

        var form = cut.Find("form[data-testid=queue-filters]");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(
            ["status", "type", "mark", "unit", "from", "to", "q", "assignee", "mine", "sort", "size"],
            form.QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")));
        Assert.Equal("all", cut.Find("[data-testid=filter-status] option[selected]").GetAttribute("value"));
        Assert.True(cut.Find("[data-testid=only-mine]").HasAttribute("checked"));
        // "Bara mina" shows the operator's own cases, so the assignee choice is off meanwhile.
        Assert.True(cut.Find("[data-testid=assignee]").HasAttribute("disabled"));
    }

    [Fact]
    public void OnlyMine_ShowsNoneOfTheUntakenCases()
    {
        var cut = RenderPage("/cases?mine=true", rows: 0);

        cut.WaitForAssertion(() => Assert.Equal("Inga ärenden matchar filtret.", cut.Find("[data-testid=no-match]").TextContent.Trim()));
    }

    [Fact]
    public void SortingAndPaging_AreLinks_ThatKeepTheFilters()
    {
        var cut = RenderPage("/cases?type=Terminate&size=50", rows: 1);

        Assert.Equal("http://localhost/cases?type=Terminate&size=50&sort=case", cut.Find("[data-testid=sort-case]").GetAttribute("href"));
        // Newest first is the default, so the next click on Mottagen turns it round.
        Assert.Equal("http://localhost/cases?type=Terminate&size=50&sort=oldest", cut.Find("[data-testid=sort-received]").GetAttribute("href"));
        Assert.Equal("http://localhost/cases?type=Terminate", cut.Find("[data-testid=page-size-25]").GetAttribute("href"));
    }

    [Fact]
    public void SortingOldestFirst_FromTheAddress_OrdersTheRows()
    {
        var cut = RenderPage("/cases?sort=oldest");

        Assert.Equal(
            ["SOC-2026-00001", "SOC-2026-00002", "SOC-2026-00003"],
            cut.FindAll("[data-testid=row-case]").Select(c => c.TextContent.Trim()));
    }
}
