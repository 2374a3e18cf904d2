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

/// <summary>"Utsedda beställare" as chef1 (Hemtjänst Centrum and Skrea, where bestallare1 is appointed) and chef2 see it.</summary>
public class OrderersPageTests : ComponentTestBase, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase? _database;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ?? throw new InvalidOperationException("not rendered");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(_clock);
        Services.AddOrdererServices(_database, _clock);
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

        cut.WaitForAssertion(() => Assert.Contains(
            "Nils Nord (nils.nord@kommun.example) utsågs att beställa för Tallgårdens vård- och omsorgsboende från 2026-11-27 tills vidare.",
            cut.Find("[data-testid=feedback]").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal("Nils Nord", cut.Find("[data-testid=row-name]").TextContent.Trim()));
        Assert.Empty(Dialogs.FindAll("[data-testid=appoint-save]"));
    }

    [Fact]
    public async Task End_AsksFirst_ThenTheAppointmentMovesToTheEnded()
    {
        var cut = RenderPage("chef1");
        cut.WaitForAssertion(() => cut.Find("[data-testid=row-end]"));

        cut.Find("[data-testid=row-end]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains(
            "Frida Nyman kan inte längre beställa för Hemtjänst Centrum från och med i dag (2026-11-27).", Dialogs.Markup, StringComparison.Ordinal));
        await Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Avsluta uppdraget").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("Frida Nymans uppdrag att beställa för Hemtjänst Centrum avslutades",
            cut.Find("[data-testid=feedback]").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => cut.Find("[data-testid=empty]"));
        await cut.Find("[data-testid=status-ended]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("Upphörde 2026-11-27", cut.Find("[data-testid=row-status-text]").TextContent.Trim()));
        Assert.Equal("Upphörd", cut.Find("[data-testid=row-status]").TextContent.Trim());
        Assert.Contains("Avslutat av Anna Lindqvist 2026-11-27", cut.Find("[data-testid=row-ended-by]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=row-end]"));
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
        _popovers = Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        if (unit is { } id)
        {
            Services.GetRequiredService<NavigationManager>().NavigateTo($"/orderers?unit={id}");
        }

        return Render<OrderersPage>();
    }
}
