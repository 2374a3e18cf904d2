using Microsoft.AspNetCore.Components.Web;
using AngleSharp.Dom;
using Bunit;
using TestContext = Xunit.TestContext;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SocItConsole.Admin.Features.Cases.Pages;
using SocItConsole.Admin.Features.Orders.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Orders;

/// <summary>
/// "Avsluta behörighet" on the order form names the employment that ends: it shows which ends and which remain, asks
/// which when the person has several in the unit, and the case page shows the same. Lisa Andersson (19900101-1239).
/// </summary>
public class EndOfEmploymentFormTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase? _database;
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync();
        Services.AddCasePageServices(_database, AppServices.Clock());
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
    public async Task EndingOneOfTwo_ShowsWhichEndsAndWhichRemain_AndTheOrderNamesIt()
    {
        await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1990, "Lisa Andersson");
        var skrea = await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1990, "Lisa Andersson", "Hemtjänst Skrea");
        var cut = RenderTermination("Hemtjänst Skrea");

        cut.WaitForAssertion(() => Assert.Equal("Hemtjänst Skrea, undersköterska, sedan 2025-01-01", Text(cut, "employment-ended")));
        Assert.Equal(["Hemtjänst Centrum, undersköterska, sedan 2025-01-01"], cut.FindAll("[data-testid=employment-remains]").Select(e => e.TextContent.Trim()));
        Assert.Equal("De andra anställningarnas behörigheter, nycklar och den personliga koden berörs inte.", Text(cut, "employment-end-note"));
        Assert.Empty(cut.FindAll("[data-testid=employment-choice]"));
        var returns = Text(cut, "return-checklist");
        Assert.Contains("Den digitala nyckeln", returns, StringComparison.Ordinal);
        Assert.DoesNotContain("SITHS", returns, StringComparison.Ordinal);

        Assert.Equal((int?)skrea, await SubmitAsync(cut));
    }

    [Fact]
    public async Task SeveralInTheUnit_TheOrdererChoosesOne_AndTheOrderNamesIt()
    {
        await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1990, "Lisa Andersson");
        var nurse = await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1990, "Lisa Andersson", titleName: "Sjuksköterska");
        var cut = RenderTermination("Hemtjänst Centrum");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=employment-choice]")));
        Assert.Empty(cut.FindAll("[data-testid=employment-ended]"));
        Assert.Empty(cut.FindAll("[data-testid=title]"));

        cut.Find($"[data-testid=employment-{nurse}]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Hemtjänst Centrum, sjuksköterska, sedan 2025-01-01", Text(cut, "employment-ended")));
        Assert.Equal(["Hemtjänst Centrum, undersköterska, sedan 2025-01-01"], cut.FindAll("[data-testid=employment-remains]").Select(e => e.TextContent.Trim()));
        Assert.Contains("Inget", Text(cut, "nothing-returned"), StringComparison.Ordinal);
        Assert.Equal((int?)nurse, await SubmitAsync(cut));
    }

    [Fact]
    public async Task TheLastEmployment_SaysTheSithsCardAndTheCodeGoToo()
    {
        await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1990, "Lisa Andersson");
        var cut = RenderTermination("Hemtjänst Centrum");

        cut.WaitForAssertion(() => Assert.Equal("Ingen – det är medarbetarens sista anställning", Text(cut, "employment-remaining")));
        Assert.Equal("Falkenbergskortet/SITHS-kortet lämnas tillbaka och den personliga koden spärras.", Text(cut, "employment-end-note"));
        Assert.Contains("Falkenbergskortet/SITHS-kortet", Text(cut, "return-checklist"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoEmploymentInTheUnit_ShowsNone_AndTheServerSaysSoUnderTheUnit()
    {
        await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1990, "Lisa Andersson");
        var cut = RenderTermination("Hemtjänst Skrea");
        Assert.Empty(cut.FindAll("[data-testid=employment-section]"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=submit]").ClickAsync(new MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.Contains(
            "Lisa Andersson har ingen pågående anställning i Hemtjänst Skrea.",
            cut.Find("[data-testid=unit]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=order-receipt]"));
    }

    [Fact]
    public async Task TheCasePage_ShowsWhichEmploymentEndsAndWhichRemain()
    {
        await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1990, "Lisa Andersson");
        await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1990, "Lisa Andersson", "Hemtjänst Skrea");
        var placed = await AppServices.OrderIntake(Database, AppServices.Clock()).PlaceAsync(
            OrderRequests.Terminate() with { Unit = "Hemtjänst Skrea" }, OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"), ct: Ct);
        SignInAs("operator");
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();

        var cut = Render<CasePage>(p => p.Add(x => x.Id, ((SocItConsole.Admin.Features.Orders.PlaceOrderResult.Created)placed).Receipt.Id));

        cut.WaitForAssertion(() => Assert.Equal("Hemtjänst Skrea, undersköterska, sedan 2025-01-01", Text(cut, "employment-ended")));
        Assert.Equal(["Hemtjänst Centrum, undersköterska, sedan 2025-01-01"], cut.FindAll("[data-testid=employment-remains]").Select(e => e.TextContent.Trim()));
    }

    private IRenderedComponent<NewOrderPage> RenderTermination(string unit)
    {
        _popovers = Render<MudPopoverProvider>();
        var cut = Render<NewOrderPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=type-Terminate]"));
        cut.Find("[data-testid=type-Terminate]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=employee-section]"));
        cut.Find("[data-testid=employee-name]").Change("Lisa Andersson");
        cut.Find("[data-testid=personnummer]").Change(OrderRequests.Pnr1990);
        cut.Find("[data-testid=end-date]").Change("2026-12-31");
        cut.Find("[data-testid=unit]").Closest(".mud-input-control")!.MouseDown();
        IElement? item = null;
        _popovers.WaitForAssertion(() =>
            item = _popovers.FindAll(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == unit));
        item!.Click();
        cut.WaitForAssertion(() => Assert.Equal(unit, cut.Find("[data-testid=unit]").GetAttribute("value")));
        return cut;
    }

    /// <summary>Sends the form; the employment the stored order names.</summary>
    private async Task<int?> SubmitAsync(IRenderedComponent<NewOrderPage> cut)
    {
        // On the renderer's thread, so that no lookup's answer re-renders the form between finding and clicking.
        await cut.InvokeAsync(() => cut.Find("[data-testid=submit]").ClickAsync(new MouseEventArgs()));
        cut.WaitForAssertion(() => cut.Find("[data-testid=order-receipt]"));
        await using var db = Database.CreateDbContext();
        return await db.Orders.Where(o => o.Type == OrderType.Terminate).Select(o => o.EmploymentId).SingleAsync(Ct);
    }

    private static string Text<T>(IRenderedComponent<T> cut, string testId)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"[data-testid={testId}]").TextContent.Trim();
}
