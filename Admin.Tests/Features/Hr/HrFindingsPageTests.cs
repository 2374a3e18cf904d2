using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SocItConsole.Admin.Features.Hr;
using SocItConsole.Admin.Features.Hr.Components;
using SocItConsole.Admin.Features.Hr.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Hr;

/// <summary><em>Avstämning mot HR</em> rendered over a real database with a run seeded directly.</summary>
public sealed class HrFindingsPageTests : ComponentTestBase, IAsyncLifetime
{
    private const string LisaPnr = "19900101-0017";
    private const string OmarPnr = "19880412-1237";

    private TestDatabase? _database;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        var clock = AppServices.Clock();
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(clock);
        Services.AddOrderServices(_database, clock);
        Services.AddScoped<HrFindings>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<(int Run, int Leaver, int Mover)> SeedAsync()
    {
        var lisa = await TestEmployments.EmployAsync(Database, LisaPnr, "Lisa Andersson");
        var omar = await TestEmployments.EmployAsync(Database, OmarPnr, "Omar Svensson");
        var run = await HrFindingData.RunAsync(Database);
        var leaver = await HrFindingData.LeaverAsync(Database, run, lisa, new DateOnly(2026, 11, 30));
        var mover = await HrFindingData.MoverAsync(Database, run, omar, "Hemtjänst Centrum", "Sjuksköterska", new DateOnly(2026, 12, 1));
        return (run, leaver, mover);
    }

    private IRenderedComponent<HrFindingsPage> RenderPage()
    {
        SignInAs("operator");
        RenderInteractively();
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        return Render<HrFindingsPage>();
    }

    [Fact]
    public void WithoutARun_SaysThatAnAdministratorReadsInTheHrFile()
    {
        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Contains("Ingen HR-fil är inläst ännu", cut.Find("[data-testid=no-run]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Administration → Läs in HR-fil", cut.Find("[data-testid=no-run]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/hr/import", cut.Find("[data-testid=no-run] a").GetAttribute("href"));
    }

    [Fact]
    public async Task TheRun_ShowsItsHeader_ChipsWithCountsPerKind_AndTheOpenFindings()
    {
        await SeedAsync();

        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-name]").Count));
        Assert.Contains("hr-anstallningar-2026-11-27.csv", cut.Find("[data-testid=run-header]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Per 2026-11-27", cut.Find("[data-testid=run-meta]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Slutat enligt HR (1)", Text(cut.Find("[data-testid=kind-Leaver]")));
        Assert.Equal("Ny titel eller enhet (1)", Text(cut.Find("[data-testid=kind-Mover]")));
        Assert.Equal("Börjar snart (0)", Text(cut.Find("[data-testid=kind-Joiner]")));
        Assert.Equal("Okänd i HR (0)", Text(cut.Find("[data-testid=kind-UnknownToHr]")));
        Assert.Equal(["Lisa Andersson", "Omar Svensson"], cut.FindAll("[data-testid=row-name]").Select(Text));
        Assert.Contains("Avsluta behörighet, sista dag 2026-11-30", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("19900101-****", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("19900101-0017", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKindWithNothingOpen_SaysSoInSwedish()
    {
        await SeedAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-name]").Count));

        cut.Find("[data-testid=kind-Joiner]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "Inga öppna avvikelser av typen börjar snart i den här körningen.", Text(cut.Find("[data-testid=no-match]"))));
    }

    [Fact]
    public async Task ConfirmSelected_AsksHowManyOrders_ThenPlacesTheOrderAndLinksItsCase()
    {
        var (run, leaver, _) = await SeedAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-select]").Count));

        Checkbox(cut.FindAll("[data-testid=row-select]")[0]).Change(true);
        cut.WaitForAssertion(() => Assert.Equal("Bekräfta valda (1)", Text(cut.Find("[data-testid=confirm-selected]"))));
        cut.Find("[data-testid=confirm-selected]").Click();
        var dialogs = _dialogs!;
        dialogs.WaitForAssertion(() => Assert.Contains("högst 1 beställning läggs", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => Text(b) == "Lägg 1 beställning").Click();

        cut.WaitForAssertion(() => Assert.Contains("1 avvikelse bekräftad: 1 beställning lagd", Text(cut.Find("[data-testid=feedback]")), StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        var finding = await db.HrFindings.SingleAsync(f => f.Id == leaver, Ct);
        var order = await db.Orders.SingleAsync(o => o.Id == finding.OrderId, Ct);
        Assert.Equal((OrderType.Terminate, OrderChannel.Hr), (order.Type, order.Channel));
        Assert.Contains($"ärende {order.CaseNumber}", Text(cut.Find("[data-testid=feedback]")), StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal("1", Text(cut.Find("[data-testid=orders-placed]"))));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=confirm-progress]")));
        Assert.Equal("Slutat enligt HR (0)", Text(cut.Find("[data-testid=kind-Leaver]")));
        Assert.Equal(1, (await db.HrImports.SingleAsync(i => i.Id == run, Ct)).OrdersPlaced);

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<HrFindingStatus?>>().Instance.ValueChanged.InvokeAsync(HrFindingStatus.Confirmed));
        cut.WaitForAssertion(() => Assert.Equal($"Ärende {order.CaseNumber}", Text(cut.Find("[data-testid=row-case]"))));
        Assert.Equal($"/cases/{order.Id}", cut.Find("[data-testid=row-case]").GetAttribute("href"));
    }

    [Fact]
    public async Task ConfirmAll_OfAKind_SaysHowManyOrders_AndConfirmsOnlyThatKind()
    {
        var (_, leaver, mover) = await SeedAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-name]").Count));
        Assert.Empty(cut.FindAll("[data-testid=confirm-all]"));

        cut.Find("[data-testid=kind-Leaver]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Bekräfta alla 1", Text(cut.Find("[data-testid=confirm-all]"))));
        cut.Find("[data-testid=confirm-all]").Click();
        var dialogs = _dialogs!;
        dialogs.WaitForAssertion(() => Assert.Contains("alla öppna avvikelser av typen slutat enligt hr", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => Text(b) == "Lägg 1 beställning").Click();

        cut.WaitForAssertion(() => Assert.Contains("1 avvikelse bekräftad", Text(cut.Find("[data-testid=feedback]")), StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.Equal(HrFindingStatus.Confirmed, (await db.HrFindings.SingleAsync(f => f.Id == leaver, Ct)).Status);
        Assert.Equal(HrFindingStatus.Open, (await db.HrFindings.SingleAsync(f => f.Id == mover, Ct)).Status);
    }

    [Fact]
    public async Task Dismiss_AsksForAReason_ThenDismissesTheFinding()
    {
        var (_, _, mover) = await SeedAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=dismiss]").Count));

        cut.FindAll("[data-testid=dismiss]")[1].Click();
        var dialogs = _dialogs!;
        dialogs.WaitForAssertion(() => Assert.True(dialogs.Find("[data-testid=dismiss-confirm]").HasAttribute("disabled")));
        Assert.Contains("Omar Svensson", dialogs.Markup, StringComparison.Ordinal);
        dialogs.FindAll("[data-testid=reason-suggestion]").Single(b => Text(b) == "Beställning finns").Click();
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=dismiss-confirm]").HasAttribute("disabled")));
        dialogs.Find("[data-testid=dismiss-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("1 avvikelse avfärdad.", Text(cut.Find("[data-testid=feedback]"))));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=row-name]")));
        await using var db = Database.CreateDbContext();
        var finding = await db.HrFindings.SingleAsync(f => f.Id == mover, Ct);
        Assert.Equal((HrFindingStatus.Dismissed, "Beställning finns"), (finding.Status, finding.DismissReason));
    }

    [Fact]
    public async Task AProtectedPerson_IsShownAsSkyddadPerson()
    {
        await SeedAsync();
        await HrFindingData.ProtectAsync(Database, LisaPnr);

        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Equal(["Skyddad person", "Omar Svensson"], cut.FindAll("[data-testid=row-name]").Select(Text)));
        Assert.DoesNotContain("Lisa", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStartPageCard_CountsTheLatestRunsOpenFindings_AndLinksToThem()
    {
        await SeedAsync();
        SignInAs("operator");
        RenderInteractively();

        var cut = Render<HrOpenFindingsCard>();

        cut.WaitForAssertion(() => Assert.Equal("2 öppna avvikelser", Text(cut.Find("[data-testid=hr-open-findings-link]"))));
        Assert.Equal("/hr", cut.Find("[data-testid=hr-open-findings-link]").GetAttribute("href"));
    }

    private static string Text(IElement element) => string.Join(" ", element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IElement Checkbox(IElement element) =>
        element.TagName == "INPUT" ? element : element.QuerySelector("input") ?? throw new InvalidOperationException("no checkbox input");
}
