using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Cases.Pages;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Cases;

public class CasePageTests : ComponentTestBase, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase? _database;
    private int _orderId;
    private IRenderedComponent<MudDialogProvider>? _dialogs;
    private IRenderedComponent<MudSnackbarProvider>? _snackbars;

    private IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ?? throw new InvalidOperationException("not rendered");

    private IRenderedComponent<MudSnackbarProvider> Snackbars => _snackbars ?? throw new InvalidOperationException("not rendered");

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(_clock);
        var placed = await AppServices.OrderIntake(_database, _clock).PlaceAsync(
            OrderRequests.NewUndersköterska(), OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"));
        _orderId = ((PlaceOrderResult.Created)placed).Receipt.Id;
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

    private IRenderedComponent<CasePage> RenderCase(int? id = null)
    {
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        _snackbars = Render<MudSnackbarProvider>();
        var cut = Render<CasePage>(p => p.Add(x => x.Id, id ?? _orderId));
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=case-number]").Count > 0 || cut.FindAll("[data-testid=case-missing]").Count > 0));
        return cut;
    }

    private static void Take(IRenderedComponent<CasePage> cut)
    {
        cut.Find("[data-testid=take]").Click();
        cut.WaitForAssertion(() => Assert.Equal(8, cut.FindAll("[data-testid=checklist-item]").Count));
    }

    /// <summary>The status buttons shown, in order, by their test ids.</summary>
    private static List<string?> StatusButtons(IRenderedComponent<CasePage> cut) =>
        [.. cut.FindAll("[data-testid=status-actions] button[data-testid]").Select(b => b.GetAttribute("data-testid"))];

    [Fact]
    public void AConsoleOrder_DoesNotSayWhoRegisteredIt_TheOrdererPlacedIt()
    {
        var cut = RenderCase();

        Assert.Empty(cut.FindAll("[data-testid=registered-by]"));
    }

    [Theory]
    [InlineData(OrderChannel.SecureMessage)]
    [InlineData(OrderChannel.Phone)]
    public async Task AnOrderRegisteredForItsSender_NamesTheOperatorWhoRegisteredIt_BesideTheOrderer(OrderChannel channel)
    {
        var placed = await AppServices.OrderIntake(Database, _clock).PlaceAsync(
            OrderRequests.NewUndersköterska(OrderRequests.Pnr1985), channel, new Actor("operator-oid", "Sara Nilsson"),
            ct: TestContext.Current.CancellationToken);
        var cut = RenderCase(Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id);

        Assert.Equal("Sara Nilsson", cut.Find("[data-testid=registered-by]").TextContent.Trim());
        Assert.Contains("Anna Lindqvist", cut.Find("[data-testid=case-facts]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTheOrder_AndTakingTheCase_ShowsTheChecklist()
    {
        var cut = RenderCase();

        Assert.Equal("SOC-2026-00001", cut.Find("[data-testid=case-number]").TextContent.Trim());
        Assert.Equal("Mottagen", cut.Find("[data-testid=case-status]").TextContent.Trim());
        var facts = cut.Find("[data-testid=case-facts]").TextContent;
        Assert.Contains("19900101-****", facts, StringComparison.Ordinal);
        Assert.Contains("Hemtjänst Centrum", facts, StringComparison.Ordinal);
        Assert.Contains("Nyckelpool", facts, StringComparison.Ordinal);
        Assert.Equal("/employees/1", cut.Find("[data-testid=employee-link]").GetAttribute("href"));
        Assert.Single(cut.FindAll("[data-testid=checklist-empty]"));

        Take(cut);

        Assert.Equal("Sara Nilsson", cut.Find("[data-testid=assignee]").TextContent.Trim());
        Assert.Equal("Under arbete", cut.Find("[data-testid=case-status]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=take]"));
        Assert.Contains("tog ärendet SOC-2026-00001", Snackbars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusButtons_AreTheMovesTheFlowAllows_FromEachStatus()
    {
        var cut = RenderCase();
        Assert.Equal(["reject"], StatusButtons(cut));

        Take(cut);
        Assert.Equal(["complete", "wait", "reject"], StatusButtons(cut));

        cut.Find("[data-testid=wait]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("textarea[data-testid=reason-text]").Input("Vilken titel ska hon ha?"));
        Dialogs.Find("[data-testid=reason-confirm]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Väntar på beställare", cut.Find("[data-testid=case-status]").TextContent.Trim()));
        Assert.Equal(["resume", "reject"], StatusButtons(cut));

        cut.Find("[data-testid=resume]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Under arbete", cut.Find("[data-testid=case-status]").TextContent.Trim()));
        Assert.Equal(["complete", "wait", "reject"], StatusButtons(cut));
    }

    [Fact]
    public async Task Waiting_AsksForTheQuestion_ShowsItAndTheAnswer_AndListsTheCasesEmail()
    {
        var cut = RenderCase();
        Take(cut);
        Assert.Equal(["Besked: mottagen"], cut.FindAll("[data-testid=case-mail-kind]").Select(k => k.TextContent.Trim()));

        cut.Find("[data-testid=wait]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains(
            "Frågan skickas till beställaren Anna Lindqvist med e-post.", Dialogs.Markup, StringComparison.Ordinal));
        Assert.True(Dialogs.Find("[data-testid=reason-confirm]").HasAttribute("disabled"));
        Dialogs.Find("[data-testid=reason-text]").Input("Vilken titel ska hon ha?");
        Dialogs.Find("[data-testid=reason-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Vilken titel ska hon ha?", cut.Find("[data-testid=case-question-text]").TextContent.Trim()));
        Assert.Contains("Väntar på svar från Anna Lindqvist", cut.Find("[data-testid=case-question]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=case-answer-text]"));
        Assert.Equal(["Besked: mottagen", "Fråga till beställaren"], cut.FindAll("[data-testid=case-mail-kind]").Select(k => k.TextContent.Trim()));
        Assert.All(cut.FindAll("[data-testid=case-mail-status]"), s => Assert.Equal("Väntar på att skickas", s.TextContent.Trim()));

        var version = (await AppServices.CaseWork(Database, "operator", _clock).GetAsync(_orderId, TestContext.Current.CancellationToken))!.Version;
        Assert.IsType<CaseResult.Done>(await AppServices.CaseAnswers(Database, "chef1", _clock).AnswerAsync(
            _orderId, version, "Undersköterska, som beställt.", TestContext.Current.CancellationToken));
        var reloaded = Render<CasePage>(p => p.Add(x => x.Id, _orderId));
        reloaded.WaitForAssertion(() => Assert.Single(reloaded.FindAll("[data-testid=case-answer-text]")));

        Assert.Equal("Under arbete", reloaded.Find("[data-testid=case-status]").TextContent.Trim());
        Assert.Equal("Undersköterska, som beställt.", reloaded.Find("[data-testid=case-answer-text]").TextContent.Trim());
        Assert.Equal("Svar från Anna Lindqvist, 2026-11-27 10:00:", reloaded.Find("[data-testid=case-answer-by]").TextContent.Trim());
        Assert.Contains("Undersköterska, som beställt.", reloaded.Find("[data-testid=comments]").TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["Besked: mottagen", "Fråga till beställaren", "Svar från beställaren"],
            reloaded.FindAll("[data-testid=case-mail-kind]").Select(k => k.TextContent.Trim()));
    }

    [Fact]
    public void Waiting_Cancelled_LeavesTheCaseAsItWas()
    {
        var cut = RenderCase();
        Take(cut);

        cut.Find("[data-testid=wait]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=reason-text]"));
        Dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Avbryt").Click();

        cut.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=reason-text]")));
        Assert.Equal("Under arbete", cut.Find("[data-testid=case-status]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=case-question]"));
    }

    [Fact]
    public void Complete_IsDisabled_WhileItemsAreOpen_AndCompletesWhenAllAreDone()
    {
        var cut = RenderCase();
        Take(cut);
        Assert.True(cut.Find("[data-testid=complete]").HasAttribute("disabled"));

        for (var i = 0; i < 8; i++)
        {
            var index = i;
            cut.FindAll("[data-testid=checklist-item]")[index].QuerySelector("[data-testid=mark-Done]")!.Click();
            cut.WaitForAssertion(() => Assert.Equal("Done", cut.FindAll("[data-testid=checklist-item]")[index].GetAttribute("data-state")));
        }

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=complete]").HasAttribute("disabled")));
        Services.GetRequiredService<ISnackbar>().Clear();
        cut.Find("[data-testid=complete]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Klar", cut.Find("[data-testid=case-status]").TextContent.Trim()));
        Assert.Equal("/employees/1", cut.Find("[data-testid=completed-employee-link]").GetAttribute("href"));
        Assert.Contains("7 behörigheter tillagda", Snackbars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProtectedPersonsCase_ShowsSkyddadPerson_UntilVisaNamn_WhichIsAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        await AppServices.EmployeeRegister(Database, "operator", _clock).SetProtectionAsync(1, isProtected: true, "Sekretessmarkering", ct);

        var cut = RenderCase();

        Assert.Equal("Skyddad person", cut.Find("[data-testid=employee-link]").TextContent.Trim());
        Assert.DoesNotContain("Lisa Andersson", cut.Markup, StringComparison.Ordinal);
        cut.Find("[data-testid=reveal-name]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Lisa Andersson", cut.Find("[data-testid=employee-link]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=reveal-name]"));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Employee.NameViewed" && a.EntityId == "1", ct));
    }

    [Fact]
    public void NotApplicable_AsksForANote_AndShowsIt()
    {
        var cut = RenderCase();
        Take(cut);

        cut.FindAll("[data-testid=checklist-item]")[0].QuerySelector("[data-testid=mark-NotApplicable]")!.Click();
        Dialogs.WaitForAssertion(() => Assert.True(Dialogs.Find("[data-testid=reason-confirm]").HasAttribute("disabled")));
        Dialogs.Find("textarea[data-testid=reason-text]").Input("Finns redan");
        Dialogs.Find("[data-testid=reason-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("NotApplicable", cut.FindAll("[data-testid=checklist-item]")[0].GetAttribute("data-state")));
        Assert.Equal("Finns redan", cut.FindAll("[data-testid=item-note]")[0].TextContent.Trim());
    }

    [Fact]
    public void ASystemMarkedNotApplicable_IsListedWithItsReason_BeforeAndAfterCompletion()
    {
        var cut = RenderCase();
        Take(cut);
        Assert.Empty(cut.FindAll("[data-testid=not-applicable-systems]"));
        var appva = cut.FindAll("[data-testid=checklist-item]").Single(r => r.QuerySelector("td")!.TextContent.Trim() == "Appva: Standard");

        appva.QuerySelector("[data-testid=mark-NotApplicable]")!.Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Systemet ges då inte: ingen behörighet registreras för det.", Dialogs.Markup, StringComparison.Ordinal));
        Dialogs.Find("textarea[data-testid=reason-text]").Input("Verksamheten använder inte Appva");
        Dialogs.Find("[data-testid=reason-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "1 system är markerat som ej aktuellt och ges inte när ärendet slutförs:", cut.Find("[data-testid=not-applicable-title]").TextContent.Trim()));
        Assert.Equal("Appva: Standard", cut.Find("[data-testid=not-applicable-subject]").TextContent.Trim());
        Assert.Equal("Verksamheten använder inte Appva", cut.Find("[data-testid=not-applicable-reason]").TextContent.Trim());

        for (var i = 0; i < 8; i++)
        {
            var index = i;
            if (cut.FindAll("[data-testid=checklist-item]")[index].GetAttribute("data-state") == "Todo")
            {
                cut.FindAll("[data-testid=checklist-item]")[index].QuerySelector("[data-testid=mark-Done]")!.Click();
                cut.WaitForAssertion(() => Assert.Equal("Done", cut.FindAll("[data-testid=checklist-item]")[index].GetAttribute("data-state")));
            }
        }

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=complete]").HasAttribute("disabled")));
        cut.Find("[data-testid=complete]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Klar", cut.Find("[data-testid=case-status]").TextContent.Trim()));
        Assert.Equal("1 system gavs inte (ej aktuellt):", cut.Find("[data-testid=not-applicable-title]").TextContent.Trim());
        Assert.Equal("Appva: Standard", cut.Find("[data-testid=not-applicable-subject]").TextContent.Trim());
        Assert.Contains("6 behörigheter tillagda, 1 system ej aktuellt.", Snackbars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeMadeMeanwhile_ShowsTheConflict_AndLaddaOmReloads()
    {
        var cut = RenderCase();
        Take(cut);
        var other = AppServices.CaseWork(Database, "operator", _clock);
        var details = (await other.GetAsync(_orderId, TestContext.Current.CancellationToken))!;
        Assert.IsType<CaseResult.Done>(await other.CommentAsync(_orderId, details.Version, "Jag tittar på den", TestContext.Current.CancellationToken));

        cut.FindAll("[data-testid=checklist-item]")[0].QuerySelector("[data-testid=mark-Done]")!.Click();

        cut.WaitForAssertion(() => Assert.Contains("ändrats av någon annan", cut.Find("[data-testid=conflict]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Todo", cut.FindAll("[data-testid=checklist-item]")[0].GetAttribute("data-state"));
        Assert.Empty(cut.FindAll("[data-testid=comments] li"));

        cut.Find("[data-testid=reload]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll("[data-testid=conflict]"));
            Assert.Contains("Jag tittar på den", cut.Find("[data-testid=comments]").TextContent, StringComparison.Ordinal);
        });
        cut.FindAll("[data-testid=checklist-item]")[0].QuerySelector("[data-testid=mark-Done]")!.Click();
        cut.WaitForAssertion(() => Assert.Equal("Done", cut.FindAll("[data-testid=checklist-item]")[0].GetAttribute("data-state")));
    }

    [Fact]
    public async Task Reject_AsksForTheReason()
    {
        var cut = RenderCase();
        Take(cut);

        cut.Find("[data-testid=reject]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("textarea[data-testid=reason-text]").Input("Fel verksamhet"));
        Dialogs.Find("[data-testid=reason-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Avvisad", cut.Find("[data-testid=case-status]").TextContent.Trim()));
        Assert.Contains("Fel verksamhet", cut.Find("[data-testid=rejected]").TextContent, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.Equal(OrderStatus.Rejected, (await db.Orders.SingleAsync(TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public void AddsAComment()
    {
        var cut = RenderCase();

        cut.Find("textarea[data-testid=comment-text]").Input("Ringde chefen");
        cut.Find("[data-testid=add-comment]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Ringde chefen", cut.Find("[data-testid=comments]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Sara Nilsson", cut.Find("[data-testid=comments]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownCase_SaysItDoesNotExist()
    {
        var cut = RenderCase(999);

        Assert.Contains("Ärendet finns inte.", cut.Find("[data-testid=case-missing]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOrderWithTheRegisteredName_ShowsNoNameNotice()
    {
        var cut = RenderCase();

        Assert.Empty(cut.FindAll("[data-testid=name-difference]"));
    }

    [Theory]
    [InlineData(OrderType.Extend, "Det ändras när ärendet slutförs.")]
    [InlineData(OrderType.Terminate, "En avslutsbeställning ändrar inte namnet: det registrerade namnet står kvar.")]
    public async Task AnotherNameOnTheOrder_IsShown_WithWhatCompletingDoesWithIt(OrderType type, string outcome)
    {
        var request = type == OrderType.Extend ? OrderRequests.Extend() : OrderRequests.Terminate();
        if (type == OrderType.Terminate)
        {
            // An end order names the employment it ends: Lisa has one in the unit.
            await TestEmployments.EmployAsync(Database, OrderRequests.Pnr1990, "Lisa Andersson");
        }

        var placed = await AppServices.OrderIntake(Database, _clock).PlaceAsync(
            request with { EmployeeName = "Lisa Berg" }, OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"), ct: TestContext.Current.CancellationToken);

        var cut = RenderCase(((PlaceOrderResult.Created)placed).Receipt.Id);

        var notice = cut.Find("[data-testid=name-difference]");
        Assert.Equal(
            $"Namnet i beställningen, Lisa Berg, skiljer sig från registrerat namn Lisa Andersson. {outcome}",
            string.Join(' ', notice.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task TheNameNotice_IsGone_OnceTheCaseIsRejected()
    {
        var placed = await AppServices.OrderIntake(Database, _clock).PlaceAsync(
            OrderRequests.Extend() with { EmployeeName = "Lisa Berg" }, OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"),
            ct: TestContext.Current.CancellationToken);
        var orderId = ((PlaceOrderResult.Created)placed).Receipt.Id;
        var work = AppServices.CaseWork(Database, "operator", _clock);
        var taken = Assert.IsType<CaseResult.Done>(await work.TakeAsync(orderId, 0, TestContext.Current.CancellationToken));
        Assert.IsType<CaseResult.Done>(await work.MoveAsync(orderId, taken.Version, OrderStatus.Rejected, "Fel person", TestContext.Current.CancellationToken));

        var cut = RenderCase(orderId);

        Assert.Empty(cut.FindAll("[data-testid=name-difference]"));
    }
}
