using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Features.MasterData.Components;
using SocItConsole.Admin.Features.MasterData.Pages;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Tests.Features.MasterData;

public class MasterDataComponentTests : MasterDataComponentTestBase
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly ItSystemRow[] SomeSystems =
    [
        SystemRow(1, "Combine"),
        SystemRow(6, "Lifecare", description: "Verksamhetssystem för äldreomsorg"),
        SystemRow(10, "Qlikview", active: false),
        SystemRow(4, "Swedlock", contact: "Supporten på Lifecare-avdelningen"),
    ];

    [Fact]
    public void SystemsPanel_FiltersRowsBySearchText_InNameDescriptionAndContact()
    {
        var cut = Render<SystemsPanel>(p => p.Add(s => s.Systems, SomeSystems));
        Assert.Equal(["Combine", "Lifecare", "Swedlock"], SystemNames(cut));

        cut.Find("input[data-testid=search]").Input("LIFECARE");

        cut.WaitForAssertion(() => Assert.Equal(["Lifecare", "Swedlock"], SystemNames(cut)));
        Assert.Equal("2 av 4 system", cut.Find("[data-testid=row-count]").TextContent);
    }

    [Fact]
    public void SystemsPanel_ShowsInactiveSystems_OnlyWhenAskedTo()
    {
        var cut = Render<SystemsPanel>(p => p.Add(s => s.Systems, SomeSystems));

        cut.Find("input[data-testid=show-inactive]").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(["Combine", "Lifecare", "Qlikview", "Swedlock"], SystemNames(cut)));
        Assert.Contains("Inaktiv", cut.FindAll("[data-testid=system-table] tbody tr")[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemsPanel_SaysSoInSwedish_WhenNothingMatches()
    {
        var cut = Render<SystemsPanel>(p => p.Add(s => s.Systems, SomeSystems));

        cut.Find("input[data-testid=search]").Input("finns inte");

        cut.WaitForAssertion(() =>
            Assert.Equal("Inget IT-system matchar sökningen.", cut.Find("[data-testid=empty]").TextContent));
    }

    [Fact]
    public void SystemsPanel_OffersDelete_OnlyForASystemNothingUses()
    {
        ItSystemRow[] systems = [SystemRow(1, "Combine", units: 3, cells: 2), SystemRow(2, "Procapita")];

        var cut = Render<SystemsPanel>(p => p.Add(s => s.Systems, systems));

        var delete = cut.FindAll("[data-action=delete]");
        Assert.True(delete[0].HasAttribute("disabled"));
        Assert.False(delete[1].HasAttribute("disabled"));
        Assert.Contains(
            "Används av 3 verksamheter och i 2 celler i matrisen och kan därför inte tas bort. Inaktivera i stället.",
            cut.FindComponents<MudTooltip>().Select(t => t.Instance.Text));
    }

    [Fact]
    public async Task SystemDialog_AddsAndRemovesLevelRows_AndKeepsAtLeastOne()
    {
        var provider = Render<MudDialogProvider>();
        await OpenAsync<SystemDialog>(provider, "Lägg till IT-system", []);
        Assert.Single(provider.FindAll("[data-testid=level-row]"));
        Assert.True(provider.Find("[data-action=remove-level]").HasAttribute("disabled"));

        provider.Find("[data-testid=add-level]").Click();
        provider.Find("[data-testid=add-level]").Click();
        Assert.Equal(3, provider.FindAll("[data-testid=level-row]").Count);

        provider.FindAll("[data-action=remove-level]")[1].Click();
        provider.FindAll("[data-action=remove-level]")[1].Click();

        var row = Assert.Single(provider.FindAll("[data-testid=level-row]"));
        Assert.Equal(ItSystem.DefaultLevelName, row.QuerySelector("input")!.GetAttribute("value"));
        Assert.True(provider.Find("[data-action=remove-level]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task SystemDialog_DoesNotOfferToRemoveALevelTheMatrixUses()
    {
        var system = SystemRow(6, "Lifecare") with
        {
            Levels = [new SystemLevelRow(11, "Läsare", 0), new SystemLevelRow(12, "Handläggare", 4)],
        };
        var provider = Render<MudDialogProvider>();

        await OpenAsync(provider, "Redigera Lifecare", new DialogParameters<SystemDialog> { { d => d.Existing, system } });

        var remove = provider.FindAll("[data-action=remove-level]");
        Assert.False(remove[0].HasAttribute("disabled"));
        Assert.True(remove[1].HasAttribute("disabled"));
        Assert.Contains("Används i 4 celler", provider.FindAll("[data-testid=level-row]")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemDialog_SavesANewSystemWithItsLevels_AndCloses()
    {
        var provider = Render<MudDialogProvider>();
        var dialog = await OpenAsync<SystemDialog>(provider, "Lägg till IT-system", []);

        provider.Find("input[data-testid=name]").Change("Procapita");
        provider.Find("[data-testid=add-level]").Click();
        provider.FindAll("[data-testid=level-row] input")[1].Change("Handläggare");
        provider.Find("[data-testid=save]").Click();

        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        await using var db = Database.CreateDbContext();
        var system = await db.ItSystems.Include(s => s.Levels).SingleAsync(s => s.Name == "Procapita", Ct);
        Assert.Equal([ItSystem.DefaultLevelName, "Handläggare"], system.Levels.Select(l => l.Name));
    }

    [Fact]
    public async Task UnitDialog_ShowsTheServersMessage_AndKeepsTheInput()
    {
        var systems = await Services.GetRequiredService<MasterDataQueries>().ListSystemsAsync(Ct);
        var provider = Render<MudDialogProvider>();
        var dialog = await OpenAsync(provider, "Lägg till verksamhet", new DialogParameters<UnitDialog> { { d => d.Systems, systems } });

        provider.Find("input[data-testid=name]").Change("Hemtjänst Norr");
        provider.Find("input[data-testid=area]").Change("Hemtjänst");
        provider.Find("input[data-testid=cost-centre]").Change("4110");
        var manager = provider.FindAll("[data-testid=manager-row] input");
        manager[0].Change("Anna Lindqvist");
        manager[1].Change("anna.lindqvist");
        provider.Find("input[data-system=Lifecare]").Change(true);
        provider.Find("[data-testid=save]").Click();

        provider.WaitForAssertion(() => Assert.Equal(
            "\"anna.lindqvist\" är inte en giltig e-postadress.", provider.Find("[data-testid=dialog-error]").TextContent.Trim()));
        Assert.Equal("Hemtjänst Norr", provider.Find("input[data-testid=name]").GetAttribute("value"));
        Assert.Equal("anna.lindqvist", provider.FindAll("[data-testid=manager-row] input")[1].GetAttribute("value"));
        Assert.True(provider.Find("input[data-system=Lifecare]").HasAttribute("checked"));
        Assert.False(dialog.Result.IsCompleted);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Units.AnyAsync(Ct));
    }

    [Fact]
    public async Task UnitDialog_AddsAndRemovesManagerRows()
    {
        var provider = Render<MudDialogProvider>();
        await OpenAsync(provider, "Lägg till verksamhet", new DialogParameters<UnitDialog> { { d => d.Systems, SomeSystems } });
        Assert.True(provider.Find("[data-action=remove-manager]").HasAttribute("disabled"));

        provider.Find("[data-testid=add-manager]").Click();
        Assert.Equal(2, provider.FindAll("[data-testid=manager-row]").Count);
        provider.FindAll("[data-action=remove-manager]")[1].Click();

        Assert.Single(provider.FindAll("[data-testid=manager-row]"));
        // Only active systems are offered to a new unit.
        Assert.Equal(
            ["Combine", "Lifecare", "Swedlock"],
            provider.FindAll("[data-system]").Select(e => e.GetAttribute("data-system")));
    }

    [Fact]
    public async Task Page_DeletesAnUnusedTitle_AfterConfirmation_AndSaysSo()
    {
        await AddTitlesAsync("Kurator", "Undersköterska");
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var page = Render<AdministrationPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=system-table]")));
        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Titlar", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=title-table] tbody tr").Count));

        page.Find("[data-testid=title-table] [aria-label='Ta bort Kurator']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Ta bort Kurator?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Ta bort").Click();

        // A delete and its audit entry in one transaction, then the list again: more than bunit's one-second default
        // on a busy machine, so more patience (the wait still ends as soon as the page shows it).
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=title-table] tbody tr")), TimeSpan.FromSeconds(15));
        snackbars.WaitForAssertion(() => Assert.Contains("Kurator är borttagen.", snackbars.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        await using var db = Database.CreateDbContext();
        Assert.Equal(["Undersköterska"], await db.JobTitles.Select(t => t.Name).ToListAsync(Ct));
    }

    [Fact]
    public void Page_ShowsTheThreeTabs_AndTheSeededSystems()
    {
        var page = Render<AdministrationPage>();

        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll("[data-testid=system-table] tbody tr").Count));
        var tabs = page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(3, tabs.Count);
        Assert.StartsWith("IT-system", tabs[0], StringComparison.Ordinal);
        Assert.StartsWith("Titlar", tabs[1], StringComparison.Ordinal);
        Assert.StartsWith("Verksamheter", tabs[2], StringComparison.Ordinal);
    }

    private static ItSystemRow SystemRow(
        int id, string name, string? description = null, string? contact = null, bool active = true, int units = 0, int cells = 0) =>
        new(id, name, description, contact, false, active, units, cells, [new SystemLevelRow(id * 10, "Standard", 0)]);

    private static List<string> SystemNames(IRenderedComponent<SystemsPanel> cut) =>
        [.. cut.FindAll("[data-testid=system-table] tbody tr .cell-strong").Select(e => e.TextContent.Trim())];

    private async Task<IDialogReference> OpenAsync<TDialog>(
        IRenderedComponent<MudDialogProvider> provider, string title, DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.ComponentBase
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>(title, parameters));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll(".mud-dialog")));
        return reference;
    }

    private async Task AddTitlesAsync(params string[] names)
    {
        await using var db = Database.CreateDbContext();
        db.JobTitles.AddRange(names.Select(n => new JobTitle(n)));
        await db.SaveChangesAsync(Ct);
    }
}
