using Bunit;
using MudBlazor;
using SocItConsole.Admin.Features.Reviews.Components;
using SocItConsole.Admin.Features.Reviews.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Reviews;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Reviews;

public class MyReviewsPageTests : ComponentTestBase, IAsyncLifetime
{
    private ReviewWorld? _world;

    private ReviewWorld World => _world ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _world = await ReviewWorld.CreateAsync();
        Services.AddReviewServices(_world.Database, _world.Clock);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _world?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Manager_WithoutARound_SeesTheEmptyState()
    {
        var cut = RenderPage<MyReviewsPage>("chef1");

        cut.WaitForAssertion(() => Assert.Contains(
            "Du har ingen granskning att svara på just nu.", cut.Find("[data-testid=empty]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=review-card]"));
    }

    [Fact]
    public async Task Manager_SeesTheirRoundsAsCards_OpenFirst_WithDeadlineMessageProgressAndUnits()
    {
        await World.AddStandardGrantsAsync();
        var closed = await World.StartRoundAsync(dueInDays: 30, name: "Våren 2026", units: [ReviewWorld.Centrum]);
        await World.CloseEarlyAsync(closed);
        var open = await World.StartRoundAsync();
        var anna = World.Tasks("chef1");
        await anna.AnswerAsync(open, (await anna.AllLinesAsync(open))[0].LineId, ReviewAnswer.Keep, null, TestContext.Current.CancellationToken);

        var cut = RenderPage<MyReviewsPage>("chef1");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=review-card]").Count));
        var cards = cut.FindAll("[data-testid=review-card]");
        var first = cards[0];
        Assert.Equal("Granskning hösten 2026", first.QuerySelector("[data-testid=round-name]")!.TextContent.Trim());
        Assert.Equal("14 dagar kvar", first.QuerySelector("[data-testid=due]")!.TextContent.Trim());
        Assert.Contains("Tack för hjälpen!", first.QuerySelector("[data-testid=message]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 av 3 rader besvarade", first.QuerySelector("[data-testid=progress]")!.TextContent.Trim());
        var unit = Assert.Single(first.QuerySelectorAll("[data-testid=unit]"));
        Assert.Contains("Hemtjänst Centrum", unit.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 av 3 obesvarade", unit.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Tallgården", first.TextContent, StringComparison.Ordinal);
        var button = first.QuerySelector("[data-testid=open-round]")!;
        Assert.Equal("Gå igenom", button.TextContent.Trim());
        Assert.Equal($"/my-reviews/{open}", button.GetAttribute("href"));

        var second = cards[1];
        Assert.Equal("Våren 2026", second.QuerySelector("[data-testid=round-name]")!.TextContent.Trim());
        Assert.Equal("Stängd", second.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Null(second.QuerySelector("[data-testid=due]"));
        Assert.Equal("Visa", second.QuerySelector("[data-testid=open-round]")!.TextContent.Trim());
    }

    [Fact]
    public async Task PastTheDueDate_TheCardSaysSo()
    {
        await World.AddStandardGrantsAsync();
        await World.StartRoundAsync(dueInDays: 3);
        World.Advance(5);

        var cut = RenderPage<MyReviewsPage>("chef1");

        cut.WaitForAssertion(() => Assert.Equal("Sista svarsdag har passerat", cut.Find("[data-testid=due]").TextContent.Trim()));
    }

    [Fact]
    public async Task StartPageNotice_ShowsOpenRoundsWaitingForTheManager_AndNotOthers()
    {
        await World.AddStandardGrantsAsync();
        var id = await World.StartRoundAsync();
        var erik = World.Tasks("chef2");
        var omar = Assert.Single(await erik.AllLinesAsync(id));
        await erik.AnswerAsync(id, omar.LineId, ReviewAnswer.Keep, null, TestContext.Current.CancellationToken);

        var anna = RenderPage<OpenReviewsNotice>("chef1");
        anna.WaitForAssertion(() => Assert.Contains("3 rader väntar på ditt svar", anna.Find("[data-testid=review-notice]").TextContent, StringComparison.Ordinal));
        Assert.Equal($"/my-reviews/{id}", anna.Find("[data-testid=review-notice-open]").GetAttribute("href"));
        Assert.Contains("14 dagar kvar", anna.Markup, StringComparison.Ordinal);

        SignInAs("chef2");
        var erikNotice = Render<OpenReviewsNotice>();
        erikNotice.WaitForAssertion(() => Assert.Empty(erikNotice.FindAll("[data-testid=review-notice]")));
    }

    private IRenderedComponent<T> RenderPage<T>(string user)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        SignInAs(user);
        RenderInteractively();
        Render<MudPopoverProvider>();
        return Render<T>();
    }
}
