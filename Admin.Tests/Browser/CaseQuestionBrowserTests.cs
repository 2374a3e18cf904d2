using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>The question and the answer in the real app, and the completion's e-mail to the orderer (issue 20).</summary>
[Collection(BrowserTestGroup.Name)]
public class CaseQuestionBrowserTests
{
    [Fact]
    [Trait("Category", "Browser")]
    public async Task TheOperatorAsks_Chef1AnswersUnderMinaArenden_TheOperatorCompletes_AndTheEmailListsTheGrants()
    {
        using var mail = new TempFolder();
        await using var session = await BrowserSession.StartAsync(app => app.WithSetting("Email:PickupDirectory", mail.Path));
        var page = session.Page;
        var id = await CaseBrowserTests.PlaceAsync(session, OrderRequests.NewUndersköterska() with { StartDate = CaseBrowserTests.StockholmToday() });

        await CaseBrowserTests.SignInAsOperatorAsync(session, $"/cases/{id}");
        await page.Locator("[data-testid='take']").ClickAsync();
        await Expect(page.Locator("[data-testid='case-status']")).ToHaveTextAsync("Under arbete");
        await page.Locator("[data-testid='wait']").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Frågan skickas till beställaren Anna Lindqvist med e-post.");
        await page.Locator("textarea[data-testid='reason-text']").FillAsync("Ska hon ha personlig nyckel i stället för nyckelpoolen?");
        await session.ScreenshotAsync("case-question-dialog");
        await page.Locator("[data-testid='reason-confirm']").ClickAsync();
        await Expect(page.Locator("[data-testid='case-status']")).ToHaveTextAsync("Väntar på beställare");
        await Expect(page.Locator("[data-testid='case-question-text']")).ToHaveTextAsync("Ska hon ha personlig nyckel i stället för nyckelpoolen?");
        await Expect(page.Locator("[data-testid='case-mail-kind']")).ToHaveTextAsync(["Besked: mottagen", "Fråga till beställaren"]);
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "case-waiting-for-orderer");

        await session.SignInAsync("chef1", "/my-orders");
        await Expect(page.Locator("[data-testid='row-question-text']")).ToHaveTextAsync("Ska hon ha personlig nyckel i stället för nyckelpoolen?");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "my-orders-question");
        await page.Locator("[data-testid='answer']").ClickAsync();
        await page.Locator("textarea[data-testid='reason-text']").FillAsync("Nej, nyckelpoolen räcker.");
        await page.Locator("[data-testid='reason-confirm']").ClickAsync();
        await Expect(page.Locator("[data-testid='row-status']")).ToHaveTextAsync("Under arbete");
        await Expect(page.Locator("[data-testid='row-answer']")).ToContainTextAsync("Nej, nyckelpoolen räcker.");
        // The static page's answer is a POST form: the outcome is in the page (the snackbar's message before).
        await Expect(page.Locator("[data-testid='feedback']")).ToContainTextAsync("Ditt svar är skickat till Soc-IT.");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "my-orders-answered");

        await CaseBrowserTests.SignInAsOperatorAsync(session, $"/cases/{id}");
        await Expect(page.Locator("[data-testid='case-answer-text']")).ToHaveTextAsync("Nej, nyckelpoolen räcker.");
        await Expect(page.Locator("[data-testid='case-answer-by']")).ToContainTextAsync("Svar från Anna Lindqvist");
        var items = page.Locator("[data-testid='checklist-item']");
        var count = await items.CountAsync();
        Assert.True(count > 0);
        for (var i = 0; i < count; i++)
        {
            await items.Nth(i).Locator("[data-testid='mark-Done']").ClickAsync();
            await Expect(items.Nth(i)).ToHaveAttributeAsync("data-state", "Done");
        }

        await page.Locator("[data-testid='complete']").ClickAsync();
        await Expect(page.Locator("[data-testid='case-status']")).ToHaveTextAsync("Klar");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "case-answered-completed");

        // The completion's e-mail, sent in the background right after the save, as the pickup folder holds it.
        var completed = await WaitForMailAsync(mail.Path, $"<case-{id}-completed-0-");
        Assert.Equal("anna.lindqvist@kommun.example", Assert.IsType<MailboxAddress>(Assert.Single(completed.To)).Address);
        var factory = session.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var caseNumber = await db.Orders.Where(o => o.Id == id).Select(o => o.CaseNumber).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal($"{caseNumber}: ärendet är klart", completed.Subject);
        var body = completed.TextBody;
        Assert.Contains("Behörigheter:", body, StringComparison.Ordinal);
        var grants = await db.Grants.AsNoTracking().Where(g => g.SourceOrderId == id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(grants);
        Assert.All(grants, g => Assert.Contains($"- {g.SystemName}: {g.LevelName}", body, StringComparison.Ordinal));
        Assert.Contains("nyckelpoolen", body, StringComparison.Ordinal);
        Assert.DoesNotContain("19900101", body, StringComparison.Ordinal);
        Assert.DoesNotContain("900101-1239", body, StringComparison.Ordinal);
        await WaitForMailAsync(mail.Path, $"<case-{id}-answered-1-");
    }

    /// <summary>
    /// Waits (up to 30 seconds) for the e-mail whose Message-Id begins so: the pickup folder names each file by its
    /// Message-Id, and a file still being written cannot be opened yet.
    /// </summary>
    internal static async Task<MimeMessage> WaitForMailAsync(string folder, string messageIdStart)
    {
        var pattern = messageIdStart.TrimStart('<') + "*.eml";
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (Directory.GetFiles(folder, pattern) is [var file, ..])
            {
                try
                {
                    return await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
                }
                catch (IOException)
                {
                    // Still being written.
                }
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"No e-mail {messageIdStart}… was written to the pickup folder.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }
}
