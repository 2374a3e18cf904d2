using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SocItConsole.Admin.Features.Grants.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Orders;
using static SocItConsole.Admin.Tests.TestData.GrantWorld;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Grants;

public class UnitGrantsPageTests : ComponentTestBase, IAsyncLifetime
{
    private GrantWorld? _world;
    private IRenderedComponent<MudPopoverProvider>? _popovers;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    private GrantWorld World => _world ?? throw new InvalidOperationException("not initialised");

    private IRenderedComponent<MudPopoverProvider> Popovers => _popovers ?? throw new InvalidOperationException("not rendered");

    private IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ?? throw new InvalidOperationException("not rendered");

    public async ValueTask InitializeAsync()
    {
        _world = await CreateAsync();
        Services.AddGrantsServices(_world.Database, _world.Clock);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _world?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task WithStaffAsync()
    {
        await World.AddStaffGrantAsync(Centrum, "Lisa Andersson", OrderRequests.Pnr1990);
        await World.AddStaffGrantAsync(Centrum, "Ahmed Yusuf", Pnr1988, "Qlikview", "Standard", to: Today.AddDays(10));
        await World.AddVisitorGrantAsync(Tallgarden, Centrum, "Omar Ali", OrderRequests.Pnr1985, to: Today.AddDays(40));
    }

    [Fact]
    public async Task Manager_SeesTheRows_WithChipsForWhatStandsOut_AndASummary()
    {
        await WithStaffAsync();

        var cut = RenderPage("chef1");

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=row-employee]").Count));
        Assert.Equal("Behörigheter i min verksamhet", cut.Find("h1").TextContent.Trim());
        Assert.Equal("3 personer, 3 behörigheter", cut.Find("[data-testid=summary]").TextContent.Trim());
        var omar = Row(cut, "Omar Ali");
        Assert.NotNull(omar.QuerySelector("[data-testid=flag-other-unit]"));
        Assert.NotNull(omar.QuerySelector("[data-testid=flag-temporary]"));
        Assert.Null(omar.QuerySelector("[data-testid=flag-ends-soon]"));
        Assert.Equal($"från {Tallgarden}", omar.QuerySelector("[data-testid=row-home]")!.TextContent.Trim());
        Assert.Contains("access-other-unit", omar.ClassName, StringComparison.Ordinal);
        var ahmed = Row(cut, "Ahmed Yusuf");
        Assert.NotNull(ahmed.QuerySelector("[data-testid=flag-ends-soon]"));
        Assert.Null(ahmed.QuerySelector("[data-testid=flag-other-unit]"));
        var lisa = Row(cut, "Lisa Andersson");
        Assert.Empty(lisa.QuerySelectorAll("[data-testid^=flag-]"));
        Assert.Equal("tills vidare", lisa.QuerySelector("[data-testid=row-to]")!.TextContent.Trim());
        // A manager has no case page: the case number is text, not a link.
        Assert.Null(lisa.QuerySelector("a[data-testid=row-case]"));
        Assert.StartsWith("/access/export.csv", cut.Find("[data-testid=export]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("19900101", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chef2", true)]
    [InlineData("operator", false)]
    public void WhoAppointsOrderers_IsLinkedToThem_AnOperatorIsNot(string user, bool linked)
    {
        var cut = RenderPage(user);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("h1")));
        Assert.Equal(linked ? ["/orderers"] : [], cut.FindAll("[data-testid=unit-orderers]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Manager_WithNobodyInTheirUnits_SeesAnEmptyState()
    {
        var cut = RenderPage("chef2");

        cut.WaitForAssertion(() =>
            Assert.Contains("Ingen har en aktiv behörighet här just nu.", cut.Find("[data-testid=empty]").TextContent, StringComparison.Ordinal));
        Assert.Equal("0 personer, 0 behörigheter", cut.Find("[data-testid=summary]").TextContent.Trim());
        Assert.True(cut.Find("[data-testid=export]").HasAttribute("disabled") || cut.Find("[data-testid=export]").ClassList.Contains("mud-button-disabled"));
    }

    [Fact]
    public async Task RequestEnd_AsksForConfirmation_ThenPlacesTheOrder_AndTheRowShowsTheCase()
    {
        await WithStaffAsync();
        var cut = RenderPage("chef1");
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=row-employee]").Count));

        OpenEndDialog(cut, "Omar Ali");
        Dialogs.WaitForAssertion(() => Assert.Contains("Avsluta enskild behörighet", Dialogs.Markup, StringComparison.Ordinal));
        await Dialogs.Find("[data-testid=end-cancel]").ClickAsync(new());
        await using (var db = World.Database.CreateDbContext())
        {
            Assert.False(await db.Orders.AnyAsync(o => o.Type == OrderType.EndTemporary, TestContext.Current.CancellationToken));
        }

        OpenEndDialog(cut, "Omar Ali");
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=end-confirm]"));
        await Dialogs.Find("[data-testid=end-confirm]").ClickAsync(new());

        string caseNumber;
        await using (var db = World.Database.CreateDbContext())
        {
            caseNumber = await db.Orders.Where(o => o.Type == OrderType.EndTemporary).Select(o => o.CaseNumber)
                .SingleAsync(TestContext.Current.CancellationToken);
        }

        cut.WaitForAssertion(() => Assert.Contains(
            $"Avslut av Omar Alis Lifecare (Utförare) i {Centrum} är beställt: ärende {caseNumber}.",
            cut.Find("[data-testid=feedback]").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal(
            $"Avslut beställt: ärende {caseNumber}",
            Row(cut, "Omar Ali").QuerySelector("[data-testid=pending-end]")?.TextContent.Trim()));
        Assert.Null(Row(cut, "Omar Ali").QuerySelector("[data-testid=row-actions]"));
    }

    [Fact]
    public async Task AnotherManagersUnit_FromALink_IsRefused_AndShowsNothingOfIt()
    {
        await WithStaffAsync();
        var centrum = await World.UnitIdAsync(Centrum);

        var cut = RenderPage("chef2", centrum);

        cut.WaitForAssertion(() => Assert.Equal(
            "Verksamheten finns inte, eller är inte en av dina verksamheter.", cut.Find("[data-testid=refused]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=row-employee]"));
        Assert.DoesNotContain("Omar Ali", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_SeesEveryUnit_WithLinksToCasesAndPeople_AndNoRequestMenu()
    {
        await WithStaffAsync();
        await World.AddStaffGrantAsync(Tallgarden, "Karin Sjöberg", Pnr1992);

        var cut = RenderPage("operator");

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=row-employee]").Count));
        Assert.Equal("Behörigheter per verksamhet", cut.Find("h1").TextContent.Trim());
        Assert.StartsWith("/cases/", Row(cut, "Karin Sjöberg").QuerySelector("a[data-testid=row-case]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.StartsWith("/employees/", Row(cut, "Karin Sjöberg").QuerySelector("a[data-testid=row-employee]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=row-actions]"));
    }

    // Not awaited: the handler waits for the dialog's answer.
    private void OpenEndDialog(IRenderedComponent<UnitGrantsPage> cut, string employee)
    {
        Row(cut, employee).QuerySelector("[data-testid=row-actions] button")!.Click();
        Popovers.WaitForAssertion(() => Popovers.Find("[data-testid=request-end]"));
        Popovers.Find("[data-testid=request-end]").Click();
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<UnitGrantsPage> cut, string employee) =>
        cut.FindAll("[data-testid=row-employee]").Single(e => e.TextContent.Trim() == employee).Closest("tr")!;

    private IRenderedComponent<UnitGrantsPage> RenderPage(string user, int? unit = null)
    {
        SignInAs(user);
        RenderInteractively();
        _popovers = Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        if (unit is { } id)
        {
            Services.GetRequiredService<NavigationManager>().NavigateTo($"/access?unit={id}");
        }

        return Render<UnitGrantsPage>();
    }
}
