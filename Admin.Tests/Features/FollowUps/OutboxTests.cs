using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.FollowUps.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.FollowUps;

/// <summary>
/// The outbox (Utkorg) lists the expiry reminders, the review rounds' e-mail and the cases' e-mail together, newest
/// first: the receipts of the five orders and an expiry reminder to chef1 at 10:00, the round's two invitations an
/// hour later, its two reminders a week after.
/// </summary>
public class OutboxTests : ComponentTestBase, IAsyncLifetime
{
    private ReviewWorld? _world;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReviewWorld World => _world ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _world = await ReviewWorld.CreateAsync();
        Services.AddReviewServices(_world.Database, _world.Clock);
        await World.AddStandardGrantsAsync();
        await FollowUpWorld.AddTemporaryGrantAsync(
            AppServices.OrderIntake(World.Database, World.Clock), World.Database, ReviewWorld.Today, "chef1", new DateOnly(2026, 11, 20),
            "Jonas Berg", OrderRequests.Pnr1985, "Appva", "Standard");
        await AppServices.FollowUpRun(World.Database, World.Mail, World.Clock).RunAsync(World.CurrentDay, dryRun: false, Ct);
        World.Clock.Advance(TimeSpan.FromHours(1));
        await World.StartRoundAsync();
        World.Advance(7);
        await World.RunAsync();
        Assert.Equal(5, World.Mail.Sent.Count);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _world?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task List_MergesTheThreeKinds_NewestFirst_PageByPage()
    {
        var outbox = Service("operator");

        var pages = new List<PagedOutbox>();
        for (var page = 0; page < 6; page++)
        {
            pages.Add(await outbox.ListAsync(page, 2, Ct));
        }

        // The five orders that made the grants each gave their orderer a receipt (besked), at 10:00 with the reminder.
        OutboxKind[][] expected =
        [
            [OutboxKind.ReviewReminder, OutboxKind.ReviewReminder],
            [OutboxKind.ReviewInvitation, OutboxKind.ReviewInvitation],
            [OutboxKind.CaseMessage, OutboxKind.CaseMessage],
            [OutboxKind.CaseMessage, OutboxKind.CaseMessage],
            [OutboxKind.CaseMessage, OutboxKind.FollowUpReminder],
            [],
        ];
        Assert.All(pages, p => Assert.Equal(10, p.TotalCount));
        Assert.Equal(expected, pages.Select(p => p.Items.Select(r => r.Kind).ToArray()).ToArray());
        var all = (await outbox.ListAsync(0, 25, Ct)).Items;
        Assert.Equal(all.OrderByDescending(r => r.CreatedAt), all);
        Assert.Equal(all.Select(r => (r.Kind, r.Id)), pages.SelectMany(p => p.Items).Select(r => (r.Kind, r.Id)));
        var reminder = all.First(r => r.ToEmail == FollowUpWorld.Chef1Email && r.Kind == OutboxKind.ReviewReminder);
        Assert.Equal(("Påminnelse om granskning", "Granskning hösten 2026", "1 verksamhet"), (reminder.KindName, reminder.RoundName, reminder.Concerns));
        var expiry = all.Single(r => r.Kind == OutboxKind.FollowUpReminder);
        Assert.Equal(("Påminnelse om uppföljning", null, "1 behörighet"), (expiry.KindName, expiry.RoundName, expiry.Concerns));
        var receipt = all.First(r => r.Kind == OutboxKind.CaseMessage);
        Assert.Equal("Besked: mottagen", receipt.KindName);
        Assert.Matches("^SOC-2026-0000[1-5]$", receipt.Concerns);
        Assert.Equal($"{receipt.Concerns}: beställningen är mottagen", receipt.Subject);
        Assert.Contains($"Soc-IT har tagit emot din beställning {receipt.Concerns}.", await outbox.BodyAsync(OutboxKind.CaseMessage, receipt.Id, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_IsTheRightTablesText_EvenWhenTheIdsAreTheSame()
    {
        var outbox = Service("admin");
        var all = (await outbox.ListAsync(0, 25, Ct)).Items;
        var expiry = all.Single(r => r.Kind == OutboxKind.FollowUpReminder);
        var invitation = all.Single(r => r.Kind == OutboxKind.ReviewInvitation && r.Id == expiry.Id);

        var expiryBody = await outbox.BodyAsync(OutboxKind.FollowUpReminder, expiry.Id, Ct);
        var invitationBody = await outbox.BodyAsync(OutboxKind.ReviewInvitation, invitation.Id, Ct);

        Assert.Contains("Jonas Berg", expiryBody, StringComparison.Ordinal);
        Assert.Contains("Soc-IT har startat uppföljningen \"Granskning hösten 2026\"", invitationBody, StringComparison.Ordinal);
        Assert.Null(await outbox.BodyAsync(OutboxKind.ReviewReminder, invitation.Id + 100, Ct));
    }

    [Fact]
    public async Task List_IsRefusedToAManager()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service("chef1").ListAsync(0, 25, Ct));
    }

    [Fact]
    public void Page_ShowsEachKindWithItsChip_AndOpensAReviewMessage()
    {
        SignInAs("operator");
        RenderInteractively();

        var cut = Render<OutboxPage>();

        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll("[data-testid=outbox-kind]").Count));
        Assert.Equal(
            ["Påminnelse om granskning", "Påminnelse om granskning", "Inbjudan till granskning", "Inbjudan till granskning",
             .. Enumerable.Repeat("Besked: mottagen", 5), "Påminnelse om uppföljning"],
            cut.FindAll("[data-testid=outbox-kind]").Select(c => c.TextContent.Trim()));
        Assert.Equal(4, cut.FindAll("[data-testid=outbox-round]").Count);
        Assert.Equal("Granskning hösten 2026", cut.Find("[data-testid=outbox-round]").TextContent.Trim());
        // The receipts were recorded in the test's database without a sender running: not sent yet.
        Assert.Equal(
            [.. Enumerable.Repeat("Skickad", 4), .. Enumerable.Repeat("Ej skickad (0 försök)", 5), "Skickad"],
            cut.FindAll("[data-testid=outbox-status]").Select(s => s.TextContent.Trim()));

        Assert.Empty(cut.FindAll("[data-testid=outbox-message]"));

        // "Visa" is a link on the static page: the message opens under its row, in the address (?visa=…).
        Services.GetRequiredService<NavigationManager>().NavigateTo(cut.FindAll("[data-testid=outbox-show]")[0].GetAttribute("href")!);

        cut.WaitForAssertion(() => Assert.Contains("Svara i konsolen", cut.Find("[data-testid=outbox-body]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Påminnelse om granskning", cut.Find("[data-testid=outbox-dialog-kind]").TextContent.Trim());
        Assert.Contains("Granskning hösten 2026", cut.Find("[data-testid=outbox-message]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=outbox-message]"));
    }

    private Outbox Service(string user) =>
        new(World.Database, AppServices.CurrentUser(user), AppServices.FollowUpRun(World.Database, World.Mail, World.Clock),
            AppServices.JobRunner(World.Database, World.Clock), new SocItConsole.Admin.Infrastructure.Audit.AuditTrail(World.Clock), World.Clock);
}
