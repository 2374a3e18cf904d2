using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SocItConsole.Admin.Features.FollowUps.Pages;
using SocItConsole.Admin.Features.People;
using SocItConsole.Admin.Features.People.Components;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.FollowUps;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.FollowUps;

public class FollowUpsPageTests : ComponentTestBase, IAsyncLifetime
{
    private FollowUpWorld? _world;
    private bool _rendered;

    private FollowUpWorld World => _world ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _world = await FollowUpWorld.CreateAsync();
        Services.AddFollowUpServices(_world.Database, _world.Clock, _world.Mail);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _world?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Manager_WithNothingToFollowUp_SeesAnEmptyState()
    {
        var cut = RenderPage("chef2");

        cut.WaitForAssertion(() => Assert.Contains("Inget att följa upp just nu.", cut.Find("[data-testid=empty]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=run-job]"));
    }

    [Fact]
    public async Task Manager_SeesOwnStaffsItems_WithHowLongAgoTheyRanOut()
    {
        await World.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await World.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 29), system: "Appva", level: "Standard");
        await World.AddTemporaryGrantAsync("chef2", new DateOnly(2026, 11, 21), "Omar Ali", OrderRequests.Pnr1985);
        await World.RunAsync();

        var cut = RenderPage("chef1");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-employee]").Count));
        var situations = cut.FindAll("[data-testid=situation]").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(["Utgången sedan 7 dagar", "Går ut om 2 dagar"], situations);
        Assert.DoesNotContain("Omar Ali", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Ansvarig chef", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=run-job]"));
    }

    /// <summary>
    /// Förläng is a link that opens the dialog in the address (decision 0049); the form posts the day to that address.
    /// Posting it, without a day and with one: FollowUpStaticFormTests.Extend_WithoutADate_AsksForOne_ThenPlacesTheOrder.
    /// </summary>
    [Fact]
    public async Task Extend_OpensADialogOfTheAddress_ThatAsksForTheNewLastDay()
    {
        await World.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await World.RunAsync();
        var cut = RenderPage("chef1");
        cut.WaitForAssertion(() => cut.Find("[data-testid=extend]"));
        Assert.Empty(cut.FindAll("[role=dialog]"));
        var id = await FollowUpIdAsync();

        var href = PathOf(cut.Find("a[data-testid=extend]"));
        Assert.Equal($"/follow-ups?extend={id}", href);
        cut = RenderPage("chef1", href);

        cut.WaitForAssertion(() => cut.Find("[role=dialog][data-testid=extend-dialog]"));
        Assert.Contains("Nuvarande sista dag är 2026-11-20. Soc-IT får en beställning om utökad behörighet.", cut.Find("[data-testid=extend-dialog]").TextContent, StringComparison.Ordinal);
        var date = cut.Find("input[data-testid=extend-date]");
        Assert.Equal(("date", "2026-11-28", "Decision.NewLastDay"), (date.GetAttribute("type"), date.GetAttribute("min"), date.GetAttribute("name")));
        var confirm = cut.Find("[data-testid=extend-confirm]");
        Assert.Equal(("Förläng", "Förläng", "extend-form"), (confirm.TextContent.Trim(), confirm.GetAttribute("data-label-base"), confirm.GetAttribute("form")));
        Assert.Equal("post", cut.Find("form#extend-form").GetAttribute("method"));
        Assert.Equal("/follow-ups", PathOf(cut.Find("[data-testid=extend-cancel]")));
    }

    /// <summary>Avsluta asks in a dialog of the address; Avbryt (a link) changes nothing. Confirming: FollowUpStaticFormTests.</summary>
    [Fact]
    public async Task End_AsksForConfirmation_AndCancelChangesNothing()
    {
        await World.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await World.RunAsync();
        var cut = RenderPage("chef1");
        cut.WaitForAssertion(() => cut.Find("[data-testid=end]"));

        cut = RenderPage("chef1", PathOf(cut.Find("a[data-testid=end]")));
        cut.WaitForAssertion(() => Assert.Contains("Soc-IT får ett ärende om att ta bort behörigheten", cut.Find("[data-testid=end-dialog]").TextContent, StringComparison.Ordinal));
        var cancel = cut.Find("[data-testid=end-cancel]");
        Assert.Equal(("/follow-ups", true), (PathOf(cancel), cancel.HasAttribute("data-dialog-close")));
        Assert.Equal("Avsluta behörigheten", cut.Find("[data-testid=end-confirm]").TextContent.Trim());
        await using var db = World.Database.CreateDbContext();
        Assert.Equal(FollowUpStatus.Open, (await db.FollowUps.SingleAsync(TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task Operator_SeesEveryonesItems_EscalatedFirstAndMarked_AndCanDryRunTheJob()
    {
        await World.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await World.AddTemporaryGrantAsync("chef2", new DateOnly(2026, 10, 1), "Omar Ali", OrderRequests.Pnr1985);
        await World.RunAsync();
        await using (var db = World.Database.CreateDbContext())
        {
            var omar = await db.FollowUps.SingleAsync(f => f.EmployeeName == "Omar Ali", TestContext.Current.CancellationToken);
            omar.Escalate(FollowUpWorld.Today);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var cut = RenderPage("operator");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-employee]").Count));
        var first = cut.FindAll("[data-testid=row-employee]")[0].Closest("tr")!;
        Assert.Contains("Omar Ali", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("follow-up-escalated", first.ClassName, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("[data-testid=escalated]"));
        Assert.Contains("Erik Johansson", first.TextContent, StringComparison.Ordinal);

        // The job's panel is the page's one interactive island (decision 0049).
        await cut.Find("[data-testid=dry-run]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.StartsWith("Provkörning 2026-11-27", cut.Find("[data-testid=run-result]").TextContent.Trim(), StringComparison.Ordinal));
    }

    /// <summary>"Kör nu" while the nightly run or a command line holds the job's lease: the operator is told which, and nothing is sent.</summary>
    [Fact]
    public async Task Operator_RunsTheJobNow_WhileAnotherRunGoesOn_IsToldWhichAndSince_AndNothingIsSent()
    {
        await World.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await new SocItConsole.Admin.Infrastructure.Jobs.JobLeases(World.Database, World.Clock).TryClaimAsync(
            SocItConsole.Admin.Features.FollowUps.FollowUpRun.JobId,
            new SocItConsole.Admin.Infrastructure.Jobs.JobLeaseHolder("socit-app01", 4711, Guid.NewGuid()),
            TestContext.Current.CancellationToken);
        var cut = RenderPage("operator");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=run-now]")));

        await cut.Find("[data-testid=run-now]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(
            "En annan körning av expiry-reminders pågår sedan 10:00 (värd socit-app01, process 4711). Försök igen senare.",
            cut.Find("[data-testid=run-busy]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=run-error]"));
        Assert.Empty(World.Mail.Sent);
    }

    [Fact]
    public void GrantTable_MarksExpiredGrants_NotEndedOrRunningOnes()
    {
        Services.AddSingleton<TimeProvider>(World.Clock);
        IReadOnlyList<GrantRow> grants =
        [
            new(1, "Lifecare", "Utförare", "Hemtjänst Centrum", new(2026, 9, 1), new(2026, 11, 20), "SOC-2026-00001", 1),
            new(2, "Appva", "Standard", "Hemtjänst Centrum", new(2026, 9, 1), new(2026, 11, 20), "SOC-2026-00001", 1, "SOC-2026-00002"),
            new(3, "Qlikview", "Standard", "Hemtjänst Centrum", new(2026, 9, 1), new(2026, 11, 27), "SOC-2026-00001", 1),
            new(4, "Combine", "Planerare", "Hemtjänst Centrum", new(2026, 9, 1), null, "SOC-2026-00001", 1),
        ];

        var cut = Render<GrantTable>(p => p.Add(x => x.Grants, grants).Add(x => x.TestId, "grants"));

        var rows = cut.FindAll("[data-testid=grant]");
        Assert.Equal([true, false, false, false], rows.Select(r => r.QuerySelector("[data-testid=expired]") is not null).ToArray());
        Assert.Equal("utgången", rows[0].QuerySelector("[data-testid=expired]")!.TextContent.Trim());
    }

    [Fact]
    public async Task FixedTermEmployment_IsOneRow_WithTwoDecisions_AndItsGrantsListedUnderIt()
    {
        await EmploymentEnds.OrderAndCompleteAsync(World, EmploymentEnds.FixedTerm(endsIn: 4));
        await World.RunAsync();
        int grants;
        await using (var db = World.Database.CreateDbContext())
        {
            grants = await db.Grants.CountAsync(TestContext.Current.CancellationToken);
        }

        var cut = RenderPage("chef1");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=row-employee]")));
        Assert.Equal("Visstidsanställning som undersköterska", cut.Find("[data-testid=row-subject]").TextContent.Trim());
        Assert.Equal($"{grants} behörigheter", cut.Find("[data-testid=grant-count]").TextContent.Trim());
        Assert.Equal("Avsluta anställningen", cut.Find("[data-testid=end]").TextContent.Trim());
        Assert.Equal("Förläng anställningen", cut.Find("[data-testid=extend]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=grant-list]"));

        // The grants open under the row by a link: the open rows are in the address.
        var id = await FollowUpIdAsync();
        Assert.Equal($"/follow-ups?open={id}", PathOf(cut.Find("a[data-testid=grant-count]")));
        cut = RenderPage("chef1", $"/follow-ups?open={id}");
        cut.WaitForAssertion(() => Assert.Equal(grants, cut.FindAll("[data-testid=grant-line]").Count));
        Assert.Equal(grants, cut.FindAll("[data-testid=grant-end]").Count);
        Assert.Contains("Lifecare", cut.Find("[data-testid=grant-list]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/follow-ups", PathOf(cut.Find("a[data-testid=grant-count]")));

        cut = RenderPage("chef1", PathOf(cut.Find("a[data-testid=end]")));
        cut.WaitForAssertion(() => Assert.Contains("Soc-IT får ett ärende om avslut av anställningen med sista arbetsdag 2026-12-01",
            cut.Find("[data-testid=end-dialog]").TextContent, StringComparison.Ordinal));
        Assert.Equal($"/follow-ups?open={id}", PathOf(cut.Find("[data-testid=end-cancel]")));

        cut = RenderPage("chef1", $"/follow-ups?open={id}&extend={id}");
        cut.WaitForAssertion(() => cut.Find("[data-testid=extend-date]"));
        Assert.Equal("Förläng anställningen", cut.Find("[data-testid=extend-confirm]").GetAttribute("data-label-base"));
        Assert.Contains("Förläng Moa Lindströms visstidsanställning som undersköterska i Hemtjänst Centrum med alla",
            cut.Find("[data-testid=extend-dialog]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>One grant of the employment decided alone: its own link asks about that grant only.</summary>
    [Fact]
    public async Task FixedTermEmployment_OneGrantsEnd_AsksAboutThatGrantAlone()
    {
        await EmploymentEnds.OrderAndCompleteAsync(World, EmploymentEnds.FixedTerm(endsIn: 4));
        await World.RunAsync();
        var id = await FollowUpIdAsync();
        var cut = RenderPage("chef1", $"/follow-ups?open={id}");
        cut.WaitForAssertion(() => cut.Find("[data-testid=grant-end]"));

        var href = PathOf(cut.Find("a[data-testid=grant-end]"));
        Assert.Matches($"^/follow-ups\\?open={id}&end={id}&grant=\\d+$", href);
        cut = RenderPage("chef1", href);

        cut.WaitForAssertion(() => Assert.Contains("Soc-IT får ett ärende om att ta bort behörigheten", cut.Find("[data-testid=end-dialog]").TextContent, StringComparison.Ordinal));
        Assert.Equal(href[(href.LastIndexOf('=') + 1)..], cut.Find("input[name='Decision.GrantId']").GetAttribute("value"));
    }

    private async Task<int> FollowUpIdAsync()
    {
        await using var db = World.Database.CreateDbContext();
        return (await db.FollowUps.SingleAsync(f => f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.Escalated, TestContext.Current.CancellationToken)).Id;
    }

    /// <summary>The page at <paramref name="address"/> as a static request renders it; the job's island shares the test's providers.</summary>
    private IRenderedComponent<FollowUpsPage> RenderPage(string user, string address = "/follow-ups")
    {
        if (_rendered)
        {
            Services.GetRequiredService<NavigationManager>().NavigateTo(address);
            return Render<FollowUpsPage>();
        }

        _rendered = true;
        SignInAs(user);
        RenderInteractively();
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<FollowUpsPage>();
    }

    /// <summary>A link's address as a path and query (the pages write absolute addresses).</summary>
    private static string PathOf(AngleSharp.Dom.IElement link) => new Uri(new Uri("http://localhost"), link.GetAttribute("href")).PathAndQuery;
}
