using Bunit;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Cases.Pages;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Cases;

/// <summary>The mark <em>Kontrollera beställare</em> on the case page and in the queue.</summary>
public class OrdererCheckPageTests : ComponentTestBase, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase? _database;
    private int _marked;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(_clock);
        var intake = AppServices.OrderIntake(_database, _clock);
        var eService = new Actor("api:e-tjanst", "E-tjänsten");
        // From someone who is neither manager of nor appointed for Hemtjänst Centrum: marked; from its manager: not.
        _marked = Assert.IsType<PlaceOrderResult.Created>(await intake.PlaceAsync(
            OrderRequests.NewUndersköterska() with { OrdererName = "Ola Okänd", OrdererEmail = "ola.okand@kommun.example" },
            OrderChannel.EService, eService, ct: Ct)).Receipt.Id;
        Assert.IsType<PlaceOrderResult.Created>(await intake.PlaceAsync(
            OrderRequests.NewUndersköterska(OrderRequests.Pnr1985) with { EmployeeName = "Erik Berg" }, OrderChannel.EService, eService, ct: Ct));
        Services.AddCasePageServices(_database, _clock);
        SignInAs("operator");
        RenderInteractively();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private IRenderedComponent<CasePage> RenderCase()
    {
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<CasePage>(p => p.Add(x => x.Id, _marked));
        cut.WaitForAssertion(() => cut.Find("[data-testid=case-number]"));
        return cut;
    }

    /// <summary>Takes the marked case and ticks its whole checklist, as an operator would before completing.</summary>
    private async Task TakeAndTickAsync()
    {
        var work = AppServices.CaseWork(Database, "operator", _clock);
        var version = Assert.IsType<CaseResult.Done>(await work.TakeAsync(_marked, 0, Ct)).Version;
        foreach (var item in (await work.GetAsync(_marked, Ct))!.Checklist)
        {
            version = Assert.IsType<CaseResult.Done>(await work.MarkItemAsync(_marked, version, item.Id, ChecklistState.Done, null, Ct)).Version;
        }
    }

    [Fact]
    public async Task AMarkedCase_ExplainsTheMark_AndCannotBeCompleted_EvenWithTheChecklistDone()
    {
        await TakeAndTickAsync();

        var cut = RenderCase();

        var alert = cut.Find("[data-testid=orderer-check]").TextContent;
        Assert.Contains("Kontrollera beställare.", alert, StringComparison.Ordinal);
        Assert.Contains("Ola Okänd (ola.okand@kommun.example) är varken chef för eller utsedd beställare för Hemtjänst Centrum", alert, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=complete]").HasAttribute("disabled"));
        Assert.Equal(
            "Ärendet kan inte slutföras: kontrollera först att Ola Okänd får beställa för Hemtjänst Centrum, eller avvisa ärendet.",
            cut.Find("[data-testid=completion-block]").TextContent.Trim());
    }

    [Fact]
    public async Task BekräftaBeställare_AsksFirst_ThenLiftsTheMark_AndTheCaseCanBeCompleted()
    {
        await TakeAndTickAsync();
        var cut = RenderCase();
        var dialogs = _dialogs!;

        cut.Find("[data-testid=confirm-orderer]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Har du kontrollerat med chefen för Hemtjänst Centrum", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Ja, bekräfta").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=orderer-check]")));
        Assert.Contains("Beställaren bekräftades av Sara Nilsson", cut.Find("[data-testid=orderer-confirmed]").TextContent, StringComparison.Ordinal);
        Assert.False(cut.Find("[data-testid=complete]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=completion-block]"));
    }

    [Fact]
    public void BekräftaBeställare_Cancelled_ChangesNothing()
    {
        var cut = RenderCase();
        var dialogs = _dialogs!;

        cut.Find("[data-testid=confirm-orderer]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Avbryt").Click());

        cut.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.NotEmpty(cut.FindAll("[data-testid=orderer-check]"));
    }

    [Fact]
    public void TheQueue_ShowsTheChip_OnTheMarkedRowOnly()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<CasesPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-case]").Count));

        var rows = cut.FindAll("[data-testid=row-case]").Select(c => c.Closest("tr")!).ToList();
        var marked = rows.Single(r => r.QuerySelector("[data-testid=mark-orderer-check]") is not null);
        Assert.Contains("Lisa Andersson", marked.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kontrollera beställare", marked.QuerySelector("[data-testid=mark-orderer-check]")!.TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=mark-orderer-check]"));
    }
}
