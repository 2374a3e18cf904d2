using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Features.Hr;
using SocItConsole.Admin.Features.Hr.Components;
using SocItConsole.Admin.Features.Hr.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;

namespace SocItConsole.Admin.Tests.Features.Hr;

/// <summary><em>Avstämning mot HR</em> rendered over a real database with a run seeded directly.</summary>
public sealed class HrFindingsPageTests : ComponentTestBase, IAsyncLifetime
{
    private const string LisaPnr = "19900101-0017";
    private const string OmarPnr = "19880412-1237";

    private TestDatabase? _database;
    private bool _rendered;

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

    /// <summary>The static page at <paramref name="address"/>, as a request for it renders it (decision 0049).</summary>
    private IRenderedComponent<HrFindingsPage> RenderPage(string address = "/hr")
    {
        if (!_rendered)
        {
            _rendered = true;
            SignInAs("operator");
        }

        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
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

        Assert.Equal("/hr?kind=Joiner", PathOf(cut.Find("a[data-testid=kind-Joiner]")));
        cut = RenderPage("/hr?kind=Joiner");

        cut.WaitForAssertion(() => Assert.Equal(
            "Inga öppna avvikelser av typen börjar snart i den här körningen.", Text(cut.Find("[data-testid=no-match]"))));
    }

    /// <summary>
    /// The boxes belong to a GET form whose button carries the chosen findings into the address, where the question is
    /// asked; its POST (placing the order): HrStaticFormTests.ConfirmSelected_AsksHowManyOrders_ThenPlacesTheOrderAndLinksItsCase.
    /// </summary>
    [Fact]
    public async Task ConfirmSelected_CarriesTheChosenFindingsIntoTheAddress_AndAsksHowManyOrders()
    {
        var (_, leaver, mover) = await SeedAsync();
        var cut = RenderPage("/hr?kind=Leaver&unit=999");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=row-select]")));
        var box = cut.Find("input[data-testid=row-select]");
        Assert.Equal(("checkbox", "ids", leaver.ToString(System.Globalization.CultureInfo.InvariantCulture), "hr-selection"),
            (box.GetAttribute("type"), box.GetAttribute("name"), box.GetAttribute("value"), box.GetAttribute("form")));
        var button = cut.Find("[data-testid=confirm-selected]");
        Assert.Equal(("Bekräfta valda", "hr-selection", true), (Text(button), button.GetAttribute("form"), button.HasAttribute("disabled")));
        var form = cut.Find("form#hr-selection");
        Assert.Equal(("get", "/hr"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal(["kind=Leaver", "confirm=selected"],
            form.QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}"));

        cut = RenderPage($"/hr?confirm=selected&ids={leaver}&ids={mover}");

        cut.WaitForAssertion(() => Assert.Contains("högst 2 beställningar läggs", Text(cut.Find("[role=dialog][data-testid=confirm-dialog]")), StringComparison.Ordinal));
        Assert.Equal("Lägg 2 beställningar", Text(cut.Find("[data-testid=confirm-yes]")));
        Assert.Equal("Bekräfta valda (2)", Text(cut.Find("[data-testid=confirm-selected]")));
        Assert.All(cut.FindAll("input[data-testid=row-select]"), b => Assert.True(b.HasAttribute("checked")));
        Assert.Equal("/hr", PathOf(cut.Find("[data-testid=confirm-cancel]")));
    }

    /// <summary>Bekräfta alla is offered for a kind with open findings; its POST: HrStaticFormTests.ConfirmAll_OfAKind_….</summary>
    [Fact]
    public async Task ConfirmAll_OfAKind_SaysHowManyOrders()
    {
        await SeedAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-name]").Count));
        Assert.Empty(cut.FindAll("[data-testid=confirm-all]"));

        cut = RenderPage("/hr?kind=Leaver");
        cut.WaitForAssertion(() => Assert.Equal("Bekräfta alla 1", Text(cut.Find("[data-testid=confirm-all]"))));
        cut = RenderPage(PathOf(cut.Find("a[data-testid=confirm-all]")));

        cut.WaitForAssertion(() => Assert.Contains("alla öppna avvikelser av typen slutat enligt hr", Text(cut.Find("[data-testid=confirm-dialog]")), StringComparison.Ordinal));
        Assert.Equal("Lägg 1 beställning", Text(cut.Find("[data-testid=confirm-yes]")));
    }

    /// <summary>Avfärda asks for a reason in a dialog of the address; its POST: HrStaticFormTests.Dismiss_AsksForAReason_ThenDismissesTheFinding.</summary>
    [Fact]
    public async Task Dismiss_AsksForAReason_WithTheCommonOnesAClickAway()
    {
        var (_, _, mover) = await SeedAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=dismiss]").Count));
        Assert.Equal($"/hr?dismiss={mover}", PathOf(cut.FindAll("a[data-testid=dismiss]")[1]));

        cut = RenderPage($"/hr?dismiss={mover}");

        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=dismiss-confirm]").HasAttribute("disabled")));
        Assert.Contains("Omar Svensson", Text(cut.Find("[data-testid=dismiss-dialog]")), StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("[data-testid=reason-suggestion]"), b => b.GetAttribute("data-fill-text") == "Beställning finns" && Text(b) == "Beställning finns");
        var form = cut.Find("form#hr-dismiss-form");
        Assert.True(form.HasAttribute("data-require-text"));
        Assert.Equal("500", form.QuerySelector("textarea[name='Dismissal.Reason']")!.GetAttribute("maxlength"));
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

        var cut = Render<HrOpenFindingsCard>();

        cut.WaitForAssertion(() => Assert.Equal("2 öppna avvikelser", Text(cut.Find("[data-testid=hr-open-findings-link]"))));
        Assert.Equal("/hr", cut.Find("[data-testid=hr-open-findings-link]").GetAttribute("href"));
    }

    private static string Text(IElement element) => string.Join(" ", element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A link's address as a path and query (the pages write absolute addresses).</summary>
    private static string PathOf(AngleSharp.Dom.IElement link) => new Uri(new Uri("http://localhost"), link.GetAttribute("href")).PathAndQuery;
}
