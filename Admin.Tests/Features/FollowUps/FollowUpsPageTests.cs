using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SocItConsole.Admin.Features.FollowUps.Pages;
using SocItConsole.Admin.Features.People;
using SocItConsole.Admin.Features.People.Components;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Orders;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.FollowUps;

public class FollowUpsPageTests : ComponentTestBase, IAsyncLifetime
{
    private FollowUpWorld? _world;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    private FollowUpWorld World => _world ?? throw new InvalidOperationException("not initialised");

    private IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ?? throw new InvalidOperationException("not rendered");

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

    [Fact]
    public async Task Extend_WithoutADate_AsksForOne_ThenPlacesTheOrder()
    {
        await World.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await World.RunAsync();
        var cut = RenderPage("chef1");
        cut.WaitForAssertion(() => cut.Find("[data-testid=extend]"));

        cut.Find("[data-testid=extend]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=extend-confirm]"));
        await Dialogs.Find("[data-testid=extend-confirm]").ClickAsync(new());
        Dialogs.WaitForAssertion(() => Assert.Contains("Välj till vilket datum behörigheten ska förlängas.", Dialogs.Markup, StringComparison.Ordinal));

        Dialogs.Find("input[data-testid=extend-date], [data-testid=extend-date] input").Change("2027-01-31");
        Dialogs.WaitForAssertion(() => Assert.Contains("Förläng till 2027-01-31", Dialogs.Find("[data-testid=extend-confirm]").TextContent, StringComparison.Ordinal));
        await Dialogs.Find("[data-testid=extend-confirm]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("Förlängning av Lisa Anderssons Lifecare till 2027-01-31 är beställd", cut.Find("[data-testid=feedback]").TextContent, StringComparison.Ordinal));
        await using var db = World.Database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.Type == OrderType.Extend && o.EndDate == new DateOnly(2027, 1, 31), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task End_AsksForConfirmation_AndCancelChangesNothing()
    {
        await World.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await World.RunAsync();
        var cut = RenderPage("chef1");
        cut.WaitForAssertion(() => cut.Find("[data-testid=end]"));

        cut.Find("[data-testid=end]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Soc-IT får ett ärende om att ta bort behörigheten", Dialogs.Markup, StringComparison.Ordinal));
        await Dialogs.Find("[data-testid=end-cancel]").ClickAsync(new());
        await using (var db = World.Database.CreateDbContext())
        {
            Assert.Equal(FollowUpStatus.Open, (await db.FollowUps.SingleAsync(TestContext.Current.CancellationToken)).Status);
        }

        cut.Find("[data-testid=end]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=end-confirm]"));
        await Dialogs.Find("[data-testid=end-confirm]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("Avslut av Lisa Anderssons Lifecare är beställt", cut.Find("[data-testid=feedback]").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Contains("Inget att följa upp just nu.", cut.Markup, StringComparison.Ordinal));
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

        cut.Find("[data-testid=grant-count]").Click();
        cut.WaitForAssertion(() => Assert.Equal(grants, cut.FindAll("[data-testid=grant-line]").Count));
        Assert.Equal(grants, cut.FindAll("[data-testid=grant-end]").Count);
        Assert.Contains("Lifecare", cut.Find("[data-testid=grant-list]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=end]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Soc-IT får ett ärende om avslut av anställningen med sista arbetsdag 2026-12-01",
            Dialogs.Markup, StringComparison.Ordinal));
        await Dialogs.Find("[data-testid=end-cancel]").ClickAsync(new());

        cut.Find("[data-testid=extend]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=extend-date]"));
        Dialogs.Find("input[data-testid=extend-date], [data-testid=extend-date] input").Change("2027-01-31");
        Dialogs.WaitForAssertion(() => Assert.Contains("Förläng anställningen till 2027-01-31",
            Dialogs.Find("[data-testid=extend-confirm]").TextContent, StringComparison.Ordinal));
        await Dialogs.Find("[data-testid=extend-confirm]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("Förlängning av Moa Lindströms visstidsanställning som undersköterska i Hemtjänst Centrum",
            cut.Find("[data-testid=feedback]").TextContent, StringComparison.Ordinal));
    }

    private IRenderedComponent<FollowUpsPage> RenderPage(string user)
    {
        SignInAs(user);
        RenderInteractively();
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render<FollowUpsPage>();
    }
}
