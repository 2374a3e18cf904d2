using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.Reviews;
using ReviewTaskPage = SocItConsole.Admin.Features.Reviews.Pages.ReviewTaskPage;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Reviews;

public class ReviewTaskPageTests : ComponentTestBase, IAsyncLifetime
{
    private ReviewWorld? _world;
    private IRenderedComponent<MudDialogProvider>? _dialogs;
    private IRenderedComponent<MudSnackbarProvider>? _snackbars;

    private ReviewWorld World => _world ?? throw new InvalidOperationException("not initialised");

    private IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ?? throw new InvalidOperationException("not rendered");

    private IRenderedComponent<MudSnackbarProvider> Snackbars => _snackbars ?? throw new InvalidOperationException("not rendered");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await ReviewWorld.CreateAsync();
        Services.AddReviewServices(_world.Database, _world.Clock);
        await _world.AddStandardGrantsAsync();
        // Omar works at Tallgården and has temporary access to Hemtjänst Centrum.
        await _world.AddGrantInAsync(
            ReviewWorld.Centrum, "Omar Ali", "19790312-1239", "Appva", "Standard", endsIn: 20, homeUnit: ReviewWorld.Tallgarden);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _world?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Lines_AreGroupedByPerson_WithChipsForTemporaryAccessAndPeopleFromOtherUnits()
    {
        var id = await World.StartRoundAsync();

        var cut = RenderPage("chef1", id);

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=person]").Count));
        Assert.Equal(["Jonas Berg", "Lisa Andersson", "Omar Ali"], cut.FindAll("[data-testid=person-name]").Select(p => p.TextContent.Trim()));
        var lisa = Person(cut, "Lisa Andersson");
        Assert.Equal(["Lifecare", "Qlikview"], lisa.QuerySelectorAll("[data-testid=line-system]").Select(s => s.TextContent.Trim()));
        var qlik = Line(cut, "Lisa Andersson", "Qlikview");
        Assert.Equal($"Tillfällig t.o.m. {Dates.Iso(ReviewWorld.Today.AddDays(200))}", qlik.QuerySelector("[data-testid=temporary]")!.TextContent.Trim());
        Assert.Null(Line(cut, "Lisa Andersson", "Lifecare").QuerySelector("[data-testid=temporary]"));
        Assert.Null(lisa.QuerySelector("[data-testid=other-unit]"));
        var omar = Person(cut, "Omar Ali");
        Assert.Equal("Från annan verksamhet", omar.QuerySelector("[data-testid=other-unit]")!.TextContent.Trim());
        Assert.Equal(["Appva"], omar.QuerySelectorAll("[data-testid=line-system]").Select(s => s.TextContent.Trim()));
        Assert.Equal("0 av 4 rader besvarade", cut.Find("[data-testid=progress]").TextContent.Trim());
        Assert.Contains("Tack för hjälpen!", cut.Find("[data-testid=message]").TextContent, StringComparison.Ordinal);
        Assert.Equal("14 dagar kvar", cut.Find("[data-testid=due]").TextContent.Trim());
        Assert.DoesNotContain("Tallgårdens", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_IsSavedAtOnce_AndTheLineStaysInViewUnderObesvarade()
    {
        var id = await World.StartRoundAsync();
        var cut = RenderPage("chef1", id);
        cut.WaitForAssertion(() => Line(cut, "Jonas Berg", "Lifecare"));

        Line(cut, "Jonas Berg", "Lifecare").QuerySelector("[data-testid=keep]")!.Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("Jonas Berg: Lifecare behålls.", Snackbars.Markup, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal("1 av 4 rader besvarade", cut.Find("[data-testid=progress]").TextContent.Trim()));
        var jonas = Line(cut, "Jonas Berg", "Lifecare");
        Assert.Contains("answered", jonas.ClassName, StringComparison.Ordinal);
        Assert.Equal("true", jonas.QuerySelector("[data-testid=keep]")!.GetAttribute("aria-pressed"));
        Assert.Contains("Anna Lindqvist", jonas.QuerySelector("[data-testid=line-state]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Obesvarade (3)", cut.Find("[data-testid=filter]").TextContent, StringComparison.Ordinal);
        await using var db = World.Database.CreateDbContext();
        Assert.Equal(1, await db.ReviewLines.CountAsync(l => l.RoundId == id && l.Answer == ReviewAnswer.Keep, Ct));
    }

    [Fact]
    public async Task Remove_AsksFirst_ThenShowsTheEndOrdersCaseNumber_AndLocksTheLine()
    {
        var id = await World.StartRoundAsync();
        var cut = RenderPage("chef1", id);
        cut.WaitForAssertion(() => Line(cut, "Lisa Andersson", "Qlikview"));

        Line(cut, "Lisa Andersson", "Qlikview").QuerySelector("[data-testid=remove]")!.Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Soc-IT får en beställning om att avsluta behörigheten", Dialogs.Markup, StringComparison.Ordinal));
        Assert.Contains("Därefter kan svaret inte ändras", Dialogs.Markup, StringComparison.Ordinal);
        await Dialogs.Find("[data-testid=remove-cancel]").ClickAsync(new());
        await using (var db = World.Database.CreateDbContext())
        {
            Assert.False(await db.ReviewLines.AnyAsync(l => l.Answer != ReviewAnswer.None, Ct));
        }

        Line(cut, "Lisa Andersson", "Qlikview").QuerySelector("[data-testid=remove]")!.Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=remove-confirm]"));
        Dialogs.Find("textarea").Change("Har bytt tjänst");
        await Dialogs.Find("[data-testid=remove-confirm]").ClickAsync(new());

        await using var context = World.Database.CreateDbContext();
        cut.WaitForAssertion(() => Assert.NotNull(Line(cut, "Lisa Andersson", "Qlikview").QuerySelector("[data-testid=ordered]")));
        var order = await context.Orders.SingleAsync(o => o.Type == OrderType.EndTemporary, Ct);
        var line = Line(cut, "Lisa Andersson", "Qlikview");
        Assert.Equal($"Avslut beställt: ärende {order.CaseNumber}", line.QuerySelector("[data-testid=ordered]")!.TextContent.Trim());
        Assert.Null(line.QuerySelector("[data-testid=keep]"));
        Assert.Null(line.QuerySelector("[data-testid=remove]"));
        Assert.Equal("Tas bort", line.QuerySelector("[data-testid=answer]")!.TextContent.Trim());
        Assert.Equal("Har bytt tjänst", line.QuerySelector("[data-testid=comment-text]")!.TextContent.Trim());
        Assert.Contains("Har bytt tjänst", order.Note, StringComparison.Ordinal);
        Snackbars.WaitForAssertion(() => Assert.Contains(order.CaseNumber, Snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Remove_WhoseOrderFails_ShowsWhy_AndTryAgainPlacesIt()
    {
        var id = await World.StartRoundAsync();
        await World.SetSystemActiveAsync("Qlikview", active: false);
        var cut = RenderPage("chef1", id);
        cut.WaitForAssertion(() => Line(cut, "Lisa Andersson", "Qlikview"));

        Line(cut, "Lisa Andersson", "Qlikview").QuerySelector("[data-testid=remove]")!.Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=remove-confirm]"));
        await Dialogs.Find("[data-testid=remove-confirm]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.StartsWith(
            "Svaret \"Tas bort\" är sparat", cut.Find("[data-testid=feedback]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.NotNull(Line(cut, "Lisa Andersson", "Qlikview").QuerySelector("[data-testid=not-ordered]"));
        await World.SetSystemActiveAsync("Qlikview", active: true);

        Line(cut, "Lisa Andersson", "Qlikview").QuerySelector("[data-testid=retry]")!.Click();

        cut.WaitForAssertion(() =>
        {
            Assert.NotNull(Line(cut, "Lisa Andersson", "Qlikview").QuerySelector("[data-testid=ordered]"));
            Assert.Empty(cut.FindAll("[data-testid=feedback]"));
        });
        await using var db = World.Database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.Type == OrderType.EndTemporary, Ct));
    }

    [Fact]
    public async Task KeepAll_AnswersEveryLineOfThePerson()
    {
        var id = await World.StartRoundAsync();
        var cut = RenderPage("chef1", id);
        cut.WaitForAssertion(() => Person(cut, "Lisa Andersson"));

        Person(cut, "Lisa Andersson").QuerySelector("[data-testid=keep-all]")!.Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("2 rader för Lisa Andersson behålls.", Snackbars.Markup, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal("2 av 4 rader besvarade", cut.Find("[data-testid=progress]").TextContent.Trim()));
        var lisa = Person(cut, "Lisa Andersson");
        Assert.All(lisa.QuerySelectorAll("[data-testid=keep]"), b => Assert.Equal("true", b.GetAttribute("aria-pressed")));
        Assert.Null(lisa.QuerySelector("[data-testid=keep-all]"));
        Assert.NotNull(Person(cut, "Jonas Berg").QuerySelector("[data-testid=keep-all]"));
        await using var db = World.Database.CreateDbContext();
        Assert.Equal(2, await db.ReviewLines.CountAsync(l => l.RoundId == id && l.EmployeeName == "Lisa Andersson" && l.Answer == ReviewAnswer.Keep, Ct));
    }

    [Fact]
    public async Task WhenEverythingIsAnswered_ThePageSaysThanks_AndShowsAllLines()
    {
        var id = await World.StartRoundAsync();
        var anna = World.Tasks("chef1");
        foreach (var line in await anna.AllLinesAsync(id))
        {
            await anna.AnswerAsync(id, line.LineId, ReviewAnswer.Keep, null, Ct);
        }

        var cut = RenderPage("chef1", id);

        cut.WaitForAssertion(() => Assert.Equal("Allt är besvarat – tack!", cut.Find("[data-testid=all-done]").TextContent.Trim()));
        Assert.Equal("4 av 4 rader besvarade", cut.Find("[data-testid=progress]").TextContent.Trim());
        Assert.Equal(4, cut.FindAll("[data-testid=line]").Count);
    }

    [Fact]
    public async Task ClosedRound_IsReadOnly()
    {
        var id = await World.StartRoundAsync();
        var anna = World.Tasks("chef1");
        var jonas = (await anna.AllLinesAsync(id)).Single(l => l.EmployeeName == "Jonas Berg");
        await anna.AnswerAsync(id, jonas.LineId, ReviewAnswer.Keep, "Behövs", Ct);
        await World.CloseEarlyAsync(id);

        var cut = RenderPage("chef1", id);

        cut.WaitForAssertion(() => Assert.Equal("Granskningen är stängd. Svaren kan inte längre ändras.", cut.Find("[data-testid=closed]").TextContent.Trim()));
        Assert.Equal(4, cut.FindAll("[data-testid=line]").Count);
        Assert.Empty(cut.FindAll("[data-testid=keep], [data-testid=remove], [data-testid=keep-all], [data-testid=comment]"));
        var line = Line(cut, "Jonas Berg", "Lifecare");
        Assert.Equal("Behålls", line.QuerySelector("[data-testid=answer]")!.TextContent.Trim());
        Assert.Equal("Behövs", line.QuerySelector("[data-testid=comment-text]")!.TextContent.Trim());
        Assert.Equal("Ej besvarad", Line(cut, "Omar Ali", "Appva").QuerySelector("[data-testid=answer]")!.TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=due]"));
    }

    [Fact]
    public async Task ARoundOfOtherUnitsOnly_IsNotFound_AndShowsNothingOfIt()
    {
        var id = await World.StartRoundAsync(units: [ReviewWorld.Tallgarden]);

        var cut = RenderPage("chef1", id);

        cut.WaitForAssertion(() => Assert.Equal(ReviewTasks.RoundNotFoundMessage, cut.Find("[data-testid=not-found]").TextContent.Trim()));
        Assert.DoesNotContain("Omar", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Granskning hösten 2026", cut.Markup, StringComparison.Ordinal);
    }

    private static IElement Person(IRenderedComponent<ReviewTaskPage> cut, string name) =>
        cut.FindAll("[data-testid=person]").Single(p => p.QuerySelector("[data-testid=person-name]")!.TextContent.Trim() == name);

    private static IElement Line(IRenderedComponent<ReviewTaskPage> cut, string name, string system) =>
        Person(cut, name).QuerySelectorAll("[data-testid=line]")
            .Single(l => l.QuerySelector("[data-testid=line-system]")!.TextContent.Trim() == system);

    private IRenderedComponent<ReviewTaskPage> RenderPage(string user, int roundId)
    {
        SignInAs(user);
        RenderInteractively();
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        _snackbars = Render<MudSnackbarProvider>();
        return Render<ReviewTaskPage>(p => p.Add(x => x.RoundId, roundId));
    }
}
