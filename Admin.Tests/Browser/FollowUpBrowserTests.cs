using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.Integration;
using SocItConsole.Admin.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public partial class FollowUpBrowserTests
{
    [Fact]
    public async Task Chef1_OpensTheLinkInTheReminder_AndExtendsTheGrant_WhileChef2SeesNoneOfIt()
    {
        using var mail = new TempFolder();
        await using var session = await BrowserSession.StartAsync(app => app.WithSetting("Email:PickupDirectory", mail.Path));
        var id = await FollowUpAuthorizationTests.FollowUpForChef1Async(session.Services);

        // The reminder as the pickup folder holds it: the link is the console's public address plus the page.
        var reminder = await MimeMessage.LoadAsync(Assert.Single(FollowUpAuthorizationTests.ReminderMails(mail.Path)), TestContext.Current.CancellationToken);
        Assert.Equal("anna.lindqvist@kommun.example", Assert.IsType<MailboxAddress>(Assert.Single(reminder.To)).Address);
        var link = new Uri(LinkPattern().Match(reminder.TextBody ?? string.Empty).Value);
        Assert.Equal("/follow-ups", link.AbsolutePath);

        var page = session.Page;
        var sockets = 0;
        page.WebSocket += (_, _) => sockets++;
        await session.SignInAsync("chef1", link.PathAndQuery);
        var row = page.Locator("[data-testid='follow-ups'] tr").Filter(new() { HasText = "Lisa Andersson" });
        await Expect(row.Locator("[data-testid='situation']")).ToHaveTextAsync("Utgången sedan 5 dagar");
        await session.ScreenshotAsync("follow-ups-chef1");

        var newLastDay = AdminTimeZone.Today(TimeProvider.System).AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await row.Locator("[data-testid='extend']").ClickAsync();
        // The dialog is in the address (decision 0049): the page asks, its form posts there.
        await Expect(page).ToHaveURLAsync(new Regex(@"/follow-ups\?extend=\d+$"));
        await page.Locator("[data-testid='extend-date']").FillAsync(newLastDay);
        await page.Locator("[data-testid='extend-date']").PressAsync("Tab");
        await Expect(page.Locator("[data-testid='extend-confirm']")).ToContainTextAsync($"Förläng till {newLastDay}");
        await session.ScreenshotAsync("follow-ups-extend-dialog");
        await page.Locator("[data-testid='extend-confirm']").ClickAsync();

        await Expect(page.Locator("[data-testid='feedback']")).ToContainTextAsync($"Förlängning av Lisa Anderssons Lifecare till {newLastDay} är beställd");
        await Expect(page.Locator("[data-testid='empty']")).ToContainTextAsync("Inget att följa upp just nu.");
        await page.Locator("[data-testid='filter-Decided']").ClickAsync();
        await Expect(page.Locator("[data-testid='follow-ups'] [data-testid='situation']")).ToHaveTextAsync($"Förlängning till {newLastDay} beställd");
        await session.ScreenshotAsync("follow-ups-extended");
        // A manager's follow-ups are static: no circuit was opened for any of it.
        Assert.Equal(0, sockets);

        await session.SignInAsync("chef2", "/follow-ups");
        await page.Locator("[data-testid='filter-All']").ClickAsync();
        await Expect(page.Locator("[data-testid='empty']")).ToContainTextAsync("Inga uppföljningar med det här läget.");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Lisa Andersson");
        // Another manager's follow-up by its address answers 404 with the status page, and nothing of it.
        var refused = await session.GotoAsync($"/follow-ups/{id}");
        Assert.Equal(404, refused!.Status);
        await Expect(page.Locator("[data-status='404']")).ToContainTextAsync("Sidan finns inte");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Lisa Andersson");
    }

    /// <summary>
    /// "Kör nu" on the static list runs in its island (decision 0049) and then refreshes the page: the list shows the
    /// follow-up the run made, and the island keeps its report through the refresh.
    /// </summary>
    [Fact]
    public async Task Operator_RunsTheJobNow_AndTheStaticListShowsWhatTheRunMade_WithTheReportKept()
    {
        using var mail = new TempFolder();
        await using var session = await BrowserSession.StartAsync(app => app.WithSetting("Email:PickupDirectory", mail.Path));
        var page = session.Page;
        await session.SignInAsync("operator", "/follow-ups");
        await Expect(page.Locator("#circuit-state[data-interactive='true']")).ToHaveCountAsync(1);
        await using (var scope = session.Services.CreateAsyncScope())
        {
            var today = AdminTimeZone.Today(TimeProvider.System);
            await FollowUpWorld.AddTemporaryGrantAsync(
                scope.ServiceProvider.GetRequiredService<OrderIntake>(), scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>(),
                today, "chef1", today.AddDays(-3), "Omar Ali", OrderRequests.Pnr1985);
        }

        await page.Locator("[data-testid='run-now']").ClickAsync();

        await Expect(page.Locator("[data-testid='follow-ups'] [data-testid='row-employee']").Filter(new() { HasText = "Omar Ali" })).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid='run-result']")).ToBeVisibleAsync();
        await session.ScreenshotAsync("follow-ups-run-now");
    }

    [GeneratedRegex(@"https?://\S+/follow-ups\S*")]
    private static partial Regex LinkPattern();
}
