using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Cases.Pages;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Cases;

/// <summary>The queue's view "Idag" on the page: its figures, the overdue end in red and in words, its empty state.</summary>
public class CasesTodayViewTests : ComponentTestBase, IAsyncLifetime
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");
    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase? _database;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(_clock);
        // Placed on 2026-11-27: Lisa starts on 2026-12-07; Erik's last day was 2026-12-03; Maja starts later.
        await PlaceAsync(OrderRequests.NewUndersköterska());
        await TestEmployments.EmployAsync(_database, OrderRequests.Pnr1985, "Erik Berg");
        await PlaceAsync(OrderRequests.Terminate(OrderRequests.Pnr1985) with { EmployeeName = "Erik Berg", EndDate = new DateOnly(2026, 12, 3) });
        await PlaceAsync(OrderRequests.NewUndersköterska(KeyRegisterData.PersonnummerFor(1)) with
        {
            EmployeeName = "Maja Ek", StartDate = new DateOnly(2026, 12, 14),
        });
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

    [Fact]
    public void AnOverdueEnd_IsRed_AndSaysSoInWords_InTheOpenQueue()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var cut = RenderPage(3);

        var overdue = Assert.Single(cut.FindAll("tr.case-overdue"));
        Assert.Contains("Erik Berg", overdue.TextContent, StringComparison.Ordinal);
        Assert.Equal("Försenad: sista dag 2026-12-03", overdue.QuerySelector("[data-testid=overdue]")!.TextContent.Trim());
        Assert.Contains("case-overdue-text", overdue.QuerySelector("[data-testid=overdue]")!.ClassList);
        Assert.Single(cut.FindAll("[data-testid=overdue]"));
    }

    [Fact]
    public void TheDayView_PutsTheOverdueFirst_WithItsFigures()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var cut = RenderPage(3);

        ChooseView(cut, "Idag");

        // The day view's own figures, not the rows of the list before it: on PostgreSQL its answer comes later.
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("2 ärenden, varav 1 försenat.", cut.Find("[data-testid=today-count]").TextContent.Trim());
            Assert.Equal(2, cut.FindAll("[data-testid=row-case]").Count);
        });
        var rows = cut.FindAll("[data-testid=row-case]").Select(c => c.Closest("tr")!).ToList();
        Assert.Contains("case-overdue", rows[0].ClassList);
        Assert.Contains("Erik Berg", rows[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("case-overdue", rows[1].ClassList);
        Assert.Contains("Lisa Andersson", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-12-07", rows[1].QuerySelector("[data-testid=case-day]")!.TextContent.Trim());
        Assert.Equal("2 ärenden, varav 1 försenat.", cut.Find("[data-testid=today-count]").TextContent.Trim());
        Assert.Contains("(2026-12-07)", cut.Find("[data-testid=today-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ADayWithOneCase_CountsItInTheSingular()
    {
        // 2026-12-14: Maja starts; Erik's end is still overdue — had his case been closed, only Maja would remain.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.Zero));
        var cut = RenderPage(3);

        ChooseView(cut, "Idag");

        cut.WaitForAssertion(() => Assert.Equal("2 ärenden, varav 1 försenat.", cut.Find("[data-testid=today-count]").TextContent.Trim()));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/cases?status=today&q=Maja");
        cut.WaitForAssertion(() => Assert.Equal("1 ärende.", cut.Find("[data-testid=today-count]").TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=row-case]"));
    }

    [Fact]
    public void AnEmptyDay_SaysSoInSwedish()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var cut = RenderPage(3);

        ChooseView(cut, "Idag");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(
                "Inga ärenden i dag: inget öppet ärende har start, ändring eller sista dag i dag, och inget avslut är försenat.",
                cut.Find("[data-testid=no-match]").TextContent.Trim());
            Assert.Equal("0 ärenden.", cut.Find("[data-testid=today-count]").TextContent.Trim());
        });
    }

    private async Task PlaceAsync(OrderRequest request)
    {
        var result = await AppServices.OrderIntake(_database!, _clock).PlaceAsync(request, OrderChannel.Console, Chef);
        Assert.IsType<PlaceOrderResult.Created>(result);
        _clock.Advance(TimeSpan.FromHours(1));
    }

    private IRenderedComponent<CasesPage> RenderPage(int rows)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/cases");
        var cut = Render<CasesPage>();
        cut.WaitForAssertion(() => Assert.Equal(rows, cut.FindAll("[data-testid=row-case]").Count));
        return cut;
    }

    /// <summary>Chooses a view in the status filter as the browser does: its option's value into the address.</summary>
    private void ChooseView(IRenderedComponent<CasesPage> cut, string view)
    {
        var option = cut.FindAll("[data-testid=filter-status] option").Single(o => o.TextContent.Trim() == view);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/cases?status={option.GetAttribute("value")}");
    }
}
