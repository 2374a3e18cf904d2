using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Features.Grants.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;
using static SocItConsole.Admin.Tests.TestData.GrantWorld;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Grants;

/// <summary>
/// The access view as managers and Soc-IT see it. The page is static (decision 0049): it is rendered for an address,
/// and rendered again where the browser would load the next one. Ordering by its POST forms is in
/// <c>UnitGrantsPageFormTests</c>.
/// </summary>
public class UnitGrantsPageTests : ComponentTestBase, IAsyncLifetime
{
    private GrantWorld? _world;

    private GrantWorld World => _world ?? throw new InvalidOperationException("not initialised");

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
    public async Task RequestEnd_AsksForConfirmation_InThePage_AndOrdersNothingUntilConfirmed()
    {
        await WithStaffAsync();
        var cut = RenderPage("chef1");
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=row-employee]").Count));
        Assert.Empty(cut.FindAll("[data-testid=end-dialog]"));

        // "Begär avslut" is a link to the same list with the question (?end=id); the browser loads it.
        var asking = await OpenAsync(Row(cut, "Omar Ali").QuerySelector("[data-testid=request-end]")!.GetAttribute("href")!);

        asking.WaitForAssertion(() => Assert.Contains("Avsluta enskild behörighet", asking.Find("[data-testid=end-dialog]").TextContent, StringComparison.Ordinal));
        Assert.Contains($"Omar Ali har Lifecare (Utförare) i {Centrum}", asking.Find("[data-testid=end-dialog]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("end=", asking.Find("[data-testid=end-cancel]").GetAttribute("href"), StringComparison.Ordinal);
        var confirm = asking.Find("[data-testid=end-confirm]");
        Assert.Equal("submit", confirm.GetAttribute("type"));
        Assert.Equal("post", asking.Find($"form#{confirm.GetAttribute("form")}").GetAttribute("method"));
        await using var db = World.Database.CreateDbContext();
        Assert.False(await db.Orders.AnyAsync(o => o.Type == OrderType.EndTemporary, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RequestExtension_IsOfferedForATemporaryGrant_AndAsksForTheNewLastDay_InThePage()
    {
        await WithStaffAsync();
        var cut = RenderPage("chef1");
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=row-employee]").Count));
        Assert.Null(Row(cut, "Lisa Andersson").QuerySelector("[data-testid=request-extension]"));

        var asking = await OpenAsync(Row(cut, "Omar Ali").QuerySelector("[data-testid=request-extension]")!.GetAttribute("href")!);

        asking.WaitForAssertion(() => asking.Find("[data-testid=extend-dialog]"));
        var lastDay = Today.AddDays(40);
        Assert.Contains($"Nuvarande sista dag är {Dates.Iso(lastDay)}.", asking.Find("[data-testid=extend-dialog]").TextContent, StringComparison.Ordinal);
        var date = asking.Find("[data-testid=extend-date]");
        Assert.Equal("date", date.GetAttribute("type"));
        Assert.Equal(Dates.Iso(lastDay.AddDays(1)), date.GetAttribute("min"));
        Assert.Equal($"Tidigast {Dates.Iso(lastDay.AddDays(1))}", asking.Find("[data-testid=extend-help]").TextContent.Trim());
        Assert.Equal(asking.Find("[data-testid=extend-confirm]").GetAttribute("form"), date.GetAttribute("form"));
    }

    [Fact]
    public async Task Filters_AreInTheAddress_TheKindsAndTheSortAreLinks()
    {
        await WithStaffAsync();
        var cut = RenderPage("chef1");
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=row-employee]").Count));
        Assert.Equal("get", cut.Find("[data-testid=filters]").GetAttribute("method"));
        Assert.Equal("search", cut.Find("[data-testid=search]").GetAttribute("name"));
        Assert.Equal("true", cut.Find("[data-testid=kind-All]").GetAttribute("aria-current"));
        var visitorsLink = cut.Find("[data-testid=kind-FromOtherUnits]").GetAttribute("href")!;
        var byEndLink = cut.Find("[data-testid=sort-To]").GetAttribute("href")!;

        var visitors = await OpenAsync(visitorsLink);
        visitors.WaitForAssertion(() => Assert.Equal("Omar Ali", visitors.Find("[data-testid=row-employee]").TextContent.Trim()));
        Assert.Equal("true", visitors.Find("[data-testid=kind-FromOtherUnits]").GetAttribute("aria-current"));
        Assert.EndsWith("kind=FromOtherUnits", visitors.Find("[data-testid=export]").GetAttribute("href"), StringComparison.Ordinal);

        var byEnd = await OpenAsync(byEndLink);
        byEnd.WaitForAssertion(() => Assert.Equal(
            ["Ahmed Yusuf", "Omar Ali", "Lisa Andersson"],
            byEnd.FindAll("[data-testid=row-employee]").Select(e => e.TextContent.Trim())));
        var descending = await OpenAsync(byEnd.Find("[data-testid=sort-To]").GetAttribute("href")!);
        descending.WaitForAssertion(() => Assert.Equal(
            ["Lisa Andersson", "Omar Ali", "Ahmed Yusuf"],
            descending.FindAll("[data-testid=row-employee]").Select(e => e.TextContent.Trim())));
        Assert.Contains("desc=true", descending.Find("[data-testid=export]").GetAttribute("href"), StringComparison.Ordinal);

        var searched = await OpenAsync("/access?search=ingen-sådan");
        searched.WaitForAssertion(() => Assert.Equal("Ingen behörighet matchar filtret.", searched.Find("[data-testid=no-match]").TextContent.Trim()));
        Assert.Equal("ingen-sådan", searched.Find("[data-testid=search]").GetAttribute("value"));
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

    /// <summary>Loads another address of the static page, as the browser does: the page rendered anew, alone.</summary>
    private async Task<IRenderedComponent<UnitGrantsPage>> OpenAsync(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        await DisposeComponentsAsync();
        return Render<UnitGrantsPage>();
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<UnitGrantsPage> cut, string employee) =>
        cut.FindAll("[data-testid=row-employee]").Single(e => e.TextContent.Trim() == employee).Closest("tr")!;

    private IRenderedComponent<UnitGrantsPage> RenderPage(string user, int? unit = null)
    {
        SignInAs(user);
        if (unit is { } id)
        {
            Services.GetRequiredService<NavigationManager>().NavigateTo($"/access?unit={id}");
        }

        return Render<UnitGrantsPage>();
    }
}
