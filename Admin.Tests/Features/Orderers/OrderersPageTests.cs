using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using SocItConsole.Admin.Features.Orderers.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Orderers;

/// <summary>
/// "Utsedda beställare" as chef1 (Hemtjänst Centrum and Skrea, where bestallare1 is appointed) and chef2 see it. The page
/// is static (decision 0049): it is rendered for an address, and rendered again where the browser would load the next
/// one. Ending by its POST form is in <c>OrderersPageFormTests</c>.
/// </summary>
public class OrderersPageTests : ComponentTestBase, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase? _database;
    private IRenderedComponent<MudDialogProvider>? _dialogs;
    private IRenderedComponent<MudSnackbarProvider>? _snackbars;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ?? throw new InvalidOperationException("not rendered");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(_clock);
        Services.AddOrdererServices(_database, _clock);
        // The appoint island's LivePage renders MudBlazor's providers, as in the app.
        UseLivePageProviders();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Manager_SeesWhoIsAppointed_InTheirUnits_WithWhereItStands()
    {
        var cut = RenderPage("chef1");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=row-name]")));
        Assert.Equal("Utsedda beställare", cut.Find("h1").TextContent.Trim());
        Assert.Equal("Frida Nyman", cut.Find("[data-testid=row-name]").TextContent.Trim());
        Assert.Equal("frida.nyman@kommun.example", cut.Find("[data-testid=row-email]").TextContent.Trim());
        Assert.Equal("Hemtjänst Centrum", cut.Find("[data-testid=row-unit]").TextContent.Trim());
        Assert.Equal("2026-10-28 – tills vidare", cut.Find("[data-testid=row-period]").TextContent.Trim());
        Assert.Equal("Gäller", cut.Find("[data-testid=row-status]").TextContent.Trim());
        Assert.Equal("Gäller tills vidare", cut.Find("[data-testid=row-status-text]").TextContent.Trim());
        Assert.Equal("1 utsedd beställare", cut.Find("[data-testid=summary]").TextContent.Trim());
        Assert.NotNull(cut.Find("[data-testid=row-end]"));
    }

    [Fact]
    public void Manager_WithNobodyAppointed_SeesAnEmptyStateInSwedish()
    {
        var cut = RenderPage("chef2");

        cut.WaitForAssertion(() =>
            Assert.Contains("Ingen är utsedd att beställa här just nu.", cut.Find("[data-testid=empty]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Utse beställare", cut.Find("[data-testid=appoint]").TextContent.Trim());
    }

    [Fact]
    public async Task Manager_OpeningAnotherManagersUnitByLink_IsRefused_AndSeesTheirOwn()
    {
        int tallgarden;
        await using (var db = Database.CreateDbContext())
        {
            tallgarden = await db.Units.Where(u => u.Name == "Tallgårdens vård- och omsorgsboende").Select(u => u.Id)
                .SingleAsync(TestContext.Current.CancellationToken);
        }

        var cut = RenderPage("chef1", tallgarden);

        cut.WaitForAssertion(() => Assert.Equal(
            "Verksamheten finns inte, eller är inte en av dina verksamheter.", cut.Find("[data-testid=link-refused]").TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.Equal("Frida Nyman", cut.Find("[data-testid=row-name]").TextContent.Trim()));
    }

    [Fact]
    public async Task Appoint_ShowsEachProblemUnderItsField_ThenSavesAndListsThePerson()
    {
        var cut = RenderPage("chef2");
        cut.WaitForAssertion(() => cut.Find("[data-testid=empty]"));

        cut.Find("[data-testid=appoint]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=appoint-save]"));
        Dialogs.Find("input[data-testid=appoint-email], [data-testid=appoint-email] input").Change("inte-en-adress");
        await Dialogs.Find("[data-testid=appoint-save]").ClickAsync(new());

        Dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("Välj verksamheten.", Dialogs.Markup, StringComparison.Ordinal);
            Assert.Contains("Ange personens namn.", Dialogs.Markup, StringComparison.Ordinal);
            Assert.Contains("\"inte-en-adress\" är inte en giltig e-postadress.", Dialogs.Markup, StringComparison.Ordinal);
        });

        Dialogs.Find("input[data-testid=appoint-name], [data-testid=appoint-name] input").Change("Nils Nord");
        Dialogs.Find("input[data-testid=appoint-email], [data-testid=appoint-email] input").Change("nils.nord@kommun.example");
        SelectUnit("Tallgårdens vård- och omsorgsboende");
        await Dialogs.Find("[data-testid=appoint-save]").ClickAsync(new());

        // The island tells the outcome as a snackbar and refreshes the static list (an enhanced refresh in the browser).
        var snackbars = _snackbars!;
        snackbars.WaitForAssertion(() => Assert.Contains(
            "Nils Nord (nils.nord@kommun.example) utsågs att beställa för Tallgårdens vård- och omsorgsboende från 2026-11-27 tills vidare.",
            snackbars.Markup, StringComparison.Ordinal));
        Assert.Empty(Dialogs.FindAll("[data-testid=appoint-save]"));
        var refreshed = await OpenAsync("/orderers");
        refreshed.WaitForAssertion(() => Assert.Equal("Nils Nord", refreshed.Find("[data-testid=row-name]").TextContent.Trim()));
    }

    [Fact]
    public async Task End_AsksFirst_InThePage_WithALinkBack()
    {
        var cut = RenderPage("chef1");
        cut.WaitForAssertion(() => cut.Find("[data-testid=row-end]"));
        Assert.Empty(cut.FindAll("[data-testid=end-question]"));

        // "Avsluta uppdraget" is a link to the same list with the question (?end=id); the browser loads it.
        var asking = await OpenAsync(cut.Find("[data-testid=row-end]").GetAttribute("href")!);

        asking.WaitForAssertion(() => Assert.Contains(
            "Frida Nyman kan inte längre beställa för Hemtjänst Centrum från och med i dag (2026-11-27).",
            asking.Find("[data-testid=end-question]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Avsluta uppdraget?", asking.Find("[data-testid=end-question] h2").TextContent.Trim());
        var confirm = asking.Find("[data-testid=end-confirm]");
        Assert.Equal("Avsluta uppdraget", confirm.TextContent.Trim());
        Assert.Equal("submit", confirm.GetAttribute("type"));
        Assert.Equal("post", asking.Find($"form#{confirm.GetAttribute("form")}").GetAttribute("method"));
        Assert.DoesNotContain("end=", asking.Find("[data-testid=end-cancel]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_AreInTheAddress_AndTheStatusChipsAreLinks()
    {
        var cut = RenderPage("chef1");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=row-name]")));
        Assert.Equal("get", cut.Find("[data-testid=filters]").GetAttribute("method"));
        Assert.Equal("q", cut.Find("[data-testid=search]").GetAttribute("name"));

        var ended = await OpenAsync(cut.Find("[data-testid=status-ended]").GetAttribute("href")!);
        ended.WaitForAssertion(() => ended.Find("[data-testid=empty], [data-testid=no-match]"));
        Assert.Equal("true", ended.Find("[data-testid=status-ended]").GetAttribute("aria-current"));

        var searched = await OpenAsync("/orderers?q=ingen-sådan");
        searched.WaitForAssertion(() => Assert.Equal(
            "Ingen utsedd beställare matchar filtret.", searched.Find("[data-testid=no-match]").TextContent.Trim()));
        Assert.Equal("ingen-sådan", searched.Find("[data-testid=search]").GetAttribute("value"));
    }

    /// <summary>Loads another address of the static page, as the browser does: the page rendered anew, alone.</summary>
    private async Task<IRenderedComponent<OrderersPage>> OpenAsync(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        await DisposeComponentsAsync();
        return Render<OrderersPage>();
    }

    /// <summary>Opens the dialog's unit MudSelect (by the data-testid on its input) and clicks the option.</summary>
    private void SelectUnit(string name)
    {
        Dialogs.Find("[data-testid=appoint-unit]").Closest(".mud-input-control")!.MouseDown();
        var popovers = _popovers!;
        AngleSharp.Dom.IElement? item = null;
        popovers.WaitForAssertion(() =>
            item = popovers.FindAll(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == name));
        item!.Click();
        Dialogs.WaitForAssertion(() => Assert.Equal(name, Dialogs.Find("[data-testid=appoint-unit]").GetAttribute("value")));
    }

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<OrderersPage> RenderPage(string user, int? unit = null)
    {
        SignInAs(user);
        RenderInteractively();
        if (unit is { } id)
        {
            Services.GetRequiredService<NavigationManager>().NavigateTo($"/orderers?unit={id}");
        }

        // The providers are the appoint island's own (its LivePage): a second set would clash.
        var cut = Render<OrderersPage>();
        // The island (and its providers) renders once the page's list has come from the database.
        cut.WaitForState(() => cut.FindComponents<MudPopoverProvider>().Count > 0);
        _popovers = cut.FindComponent<MudPopoverProvider>();
        _dialogs = cut.FindComponent<MudDialogProvider>();
        _snackbars = cut.FindComponent<MudSnackbarProvider>();
        return cut;
    }
}
