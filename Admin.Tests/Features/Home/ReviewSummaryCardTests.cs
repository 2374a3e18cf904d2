using Bunit;
using MudBlazor;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Features.Home.Components;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Reviews;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Home;

/// <summary>The dashboard's card for the access review: open rounds, unanswered lines, escalated units, a link to the rounds.</summary>
public class ReviewSummaryCardTests : ComponentTestBase, IAsyncLifetime
{
    private ReviewWorld? _world;

    private ReviewWorld World => _world ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _world = await ReviewWorld.CreateAsync();
        Services.AddReviewServices(_world.Database, _world.Clock);
        await _world.AddStandardGrantsAsync();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _world?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void WithoutOpenRounds_SaysSo_AndLinksToTheRounds()
    {
        var cut = RenderCard("operator");

        cut.WaitForAssertion(() => Assert.Equal("Ingen granskning pågår.", cut.Find("[data-testid=reviews-none]").TextContent.Trim()));
        Assert.Equal("/reviews", cut.Find("[data-testid=reviews-link]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=reviews-open]"));
    }

    [Fact]
    public async Task BeforeTheDueDate_ShowsTheRoundItsUnansweredLinesAndTheDueDate()
    {
        await World.StartRoundAsync();

        var cut = RenderCard("admin");

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=reviews-open]").TextContent.Trim()));
        Assert.Equal("4", cut.Find("[data-testid=reviews-unanswered]").TextContent.Trim());
        Assert.Equal("0", cut.Find("[data-testid=reviews-escalated]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=reviews-escalated] .mud-chip"));
        Assert.Equal("Närmaste sista svarsdag 2026-12-11", cut.Find("[data-testid=reviews-next-due]").TextContent.Trim());
    }

    [Fact]
    public async Task AfterTheJobEscalated_ShowsTheEscalatedUnitsInRed()
    {
        var id = await World.StartRoundAsync();
        var erik = World.Tasks("chef2");
        var line = Assert.Single((await erik.LinesAsync(id, null, ReviewTaskFilter.All, null, 0, 50, TestContext.Current.CancellationToken)).Lines);
        await erik.AnswerAsync(id, line.LineId, ReviewAnswer.Keep, null, TestContext.Current.CancellationToken);
        World.Advance(15);
        await World.RunAsync();

        var cut = RenderCard("operator");

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=reviews-escalated] .mud-chip").TextContent.Trim()));
        Assert.Equal("3", cut.Find("[data-testid=reviews-unanswered]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=reviews-next-due]"));
    }

    private IRenderedComponent<ReviewSummaryCard> RenderCard(string user)
    {
        SignInAs(user);
        RenderInteractively();
        Render<MudPopoverProvider>();
        return Render<ReviewSummaryCard>();
    }
}
