using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Features.Reviews.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Reviews;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Reviews;

public class ReviewAdminPagesTests : ComponentTestBase, IAsyncLifetime
{
    private ReviewWorld? _world;
    private Func<IRenderedComponent<MudDialogProvider>>? _dialogs;

    private ReviewWorld World => _world ?? throw new InvalidOperationException("not initialised");

    private IRenderedComponent<MudDialogProvider> Dialogs => _dialogs?.Invoke() ?? throw new InvalidOperationException("not rendered");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await ReviewWorld.CreateAsync();
        Services.AddReviewServices(_world.Database, _world.Clock);
        Services.AddSingleton<Admin.Infrastructure.Email.IMailSender>(_world.Mail);
        Services.AddSingleton<TimeProvider>(_world.Clock);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _world?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void RoundsPage_WithoutRounds_ShowsAnEmptyState_AndTheStartButtonOnlyToAdministrators()
    {
        var asOperator = Page<ReviewRoundsPage>("operator");
        asOperator.WaitForAssertion(() => asOperator.Find("[data-testid=empty]"));
        Assert.Empty(asOperator.FindAll("[data-testid=start-review]"));
        Assert.Contains("Soc-IT:s systemförvaltare startar granskningar", asOperator.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_StartsARound_FromTheDialog_AfterARefusalThatKeepsWhatWasTyped()
    {
        await World.AddStandardGrantsAsync();
        var centrum = await World.UnitIdAsync(ReviewWorld.Centrum);
        var cut = Page<ReviewRoundsPage>("admin");
        cut.WaitForAssertion(() => cut.Find("[data-testid=start-review]"));

        cut.Find("[data-testid=start-review]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find($"[data-testid=unit-{centrum}]"));
        Dialogs.Find("[data-testid=review-name] input, input[data-testid=review-name]").Change("Granskning Centrum");
        await Dialogs.Find("[data-testid=review-start]").ClickAsync(new());
        Dialogs.WaitForAssertion(() => Assert.Equal("Välj minst en verksamhet.", Dialogs.Find("[data-testid=review-error]").TextContent.Trim()));

        Dialogs.Find($"input[data-testid=unit-{centrum}], [data-testid=unit-{centrum}] input").Change(true);
        Dialogs.WaitForAssertion(() => Assert.Equal("1 verksamhet, 3 rader att gå igenom i dag.", Dialogs.Find("[data-testid=review-preview]").TextContent.Trim()));
        Assert.Equal("Granskning Centrum", Dialogs.Find("[data-testid=review-name] input, input[data-testid=review-name]").GetAttribute("value"));
        await Dialogs.Find("[data-testid=review-start]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("Granskningen startades med 3 rader. 1 chef har fått en inbjudan via e-post.", cut.Find("[data-testid=feedback]").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal("Granskning Centrum", cut.Find("[data-testid=round-link]").TextContent.Trim()));
        var mail = Assert.Single(World.Mail.Sent);
        Assert.Equal(FollowUpWorld.Chef1Email, mail.ToAddress);
    }

    [Fact]
    public async Task RoundPage_ShowsProgressPerUnit_AndClosingEarlyAsksForAReason()
    {
        await World.AddStandardGrantsAsync();
        var id = await World.StartRoundAsync();
        var anna = World.Tasks("chef1");
        var first = (await anna.LinesAsync(id, null, ReviewTaskFilter.All, null, 0, 10, Ct)).Lines[0];
        await anna.AnswerAsync(id, first.LineId, ReviewAnswer.Keep, null, Ct);

        var cut = RoundPage("admin", id);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=unit-state]").Count));
        Assert.Contains("1 av 4", cut.Find("[data-testid=figures]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Pågår", "Pågår"], cut.FindAll("[data-testid=unit-state]").Select(s => s.TextContent.Trim()).ToArray());

        cut.Find("[data-testid=close-review]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=close-reason]"));
        Assert.True(Dialogs.Find("[data-testid=close-confirm]").HasAttribute("disabled"));
        Dialogs.Find("[data-testid=close-reason] textarea, textarea[data-testid=close-reason]").Input("Verksamheten läggs ner");
        Dialogs.WaitForAssertion(() => Assert.False(Dialogs.Find("[data-testid=close-confirm]").HasAttribute("disabled")));
        await Dialogs.Find("[data-testid=close-confirm]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Stängd", cut.Find("[data-testid=round-status]").TextContent.Trim()));
        Assert.Contains("Stängd i förtid: Verksamheten läggs ner", cut.Find("[data-testid=closed-info]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=close-review]"));
    }

    [Fact]
    public async Task Operator_ReadsTheRound_ButCannotCloseIt()
    {
        var id = await World.StartRoundAsync();

        var cut = RoundPage("operator", id);

        cut.WaitForAssertion(() => cut.Find("[data-testid=round-status]"));
        Assert.Empty(cut.FindAll("[data-testid=close-review]"));
        Assert.NotNull(cut.Find("[data-testid=evidence-link]"));
    }

    [Fact]
    public async Task EvidencePage_ShowsWhoAnsweredWhat_AndWhatBecameOfTheRemoval()
    {
        await World.AddStandardGrantsAsync();
        var id = await World.StartRoundAsync();
        var anna = World.Tasks("chef1");
        var lines = (await anna.LinesAsync(id, null, ReviewTaskFilter.All, null, 0, 10, Ct)).Lines;
        var qlik = lines.Single(l => l.SystemName == "Qlikview");
        await anna.AnswerAsync(id, qlik.LineId, ReviewAnswer.Remove, "Behövs inte längre", Ct);
        await anna.KeepAllForAsync(id, qlik.UnitId, qlik.EmployeeId, Ct);
        string caseNumber;
        await using (var db = World.Database.CreateDbContext())
        {
            var orderId = (await db.ReviewLines.SingleAsync(l => l.Id == qlik.LineId, Ct)).RemovalOrderId;
            caseNumber = (await db.Orders.SingleAsync(o => o.Id == orderId, Ct)).CaseNumber;
        }

        var cut = EvidencePage("admin", id);

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=evidence-line]").Count));
        Assert.NotNull(cut.Find("[data-testid=not-final]"));
        var removal = cut.FindAll("[data-testid=evidence-line]").Single(r => r.TextContent.Contains("Qlikview", StringComparison.Ordinal));
        Assert.Contains("Tas bort", removal.TextContent, StringComparison.Ordinal);
        Assert.Contains("”Behövs inte längre”", removal.TextContent, StringComparison.Ordinal);
        Assert.Contains("Anna Lindqvist", removal.TextContent, StringComparison.Ordinal);
        Assert.Equal($"Avslut beställt (ärendet {caseNumber} är mottaget)", removal.QuerySelector("[data-testid=evidence-outcome]")!.TextContent.Trim());
        var answers = cut.FindAll("[data-testid=evidence-answer]").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(1, answers.Count(a => a == "Behålls"));
        Assert.Equal(2, answers.Count(a => a == "Ej besvarad"));

        // The page is static (decision 0049): the export is a plain download from the endpoint, printing the browser's.
        var export = cut.Find("a[data-testid=export-csv]");
        Assert.Equal($"/reviews/{id}/evidence.csv", export.GetAttribute("href"));
        Assert.True(export.HasAttribute("download"));
        Assert.True(cut.Find("[data-testid=print]").HasAttribute("data-print"));
    }

    private IRenderedComponent<ReviewRoundsPage> Page<TPage>(string user)
        where TPage : ReviewRoundsPage
    {
        Prepare(user);
        var cut = Render<ReviewRoundsPage>();
        _dialogs = () => cut.FindComponent<MudDialogProvider>();
        return cut;
    }

    private IRenderedComponent<ReviewRoundPage> RoundPage(string user, int roundId)
    {
        Prepare(user);
        var cut = Render<ReviewRoundPage>(p => p.Add(x => x.RoundId, roundId));
        _dialogs = () => cut.FindComponent<MudDialogProvider>();
        return cut;
    }

    private IRenderedComponent<ReviewEvidencePage> EvidencePage(string user, int roundId)
    {
        Prepare(user);
        return Render<ReviewEvidencePage>(p => p.Add(x => x.RoundId, roundId));
    }

    /// <summary>
    /// Signs in. The providers are not rendered beside the page: the page's (or island's) own <c>LivePage</c> renders
    /// them, as in the app (decision 0049).
    /// </summary>
    private void Prepare(string user)
    {
        UseLivePageProviders();
        SignInAs(user);
        RenderInteractively();
    }
}
