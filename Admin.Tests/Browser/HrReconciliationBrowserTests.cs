using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.Orders;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>
/// The whole loop of issue 21 in the real app: an administrator uploads an HR file in which one of chef1's staff has
/// left and one has moved; the operator confirms both findings; an end-of-employment case and a change case exist;
/// chef1's digest lists both; the same file uploaded again places nothing.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class HrReconciliationBrowserTests
{
    private const string Leaver = "19900101-0017";
    private const string Mover = "19880412-1237";

    [Fact]
    [Trait("Category", "Browser")]
    public async Task Admin_UploadsAnHrFile_OperatorConfirmsTheLeaverAndTheMover_Chef1sDigestListsBoth_AndTheSameFileAgainPlacesNothing()
    {
        using var mail = new TempFolder();
        await using var session = await BrowserSession.StartAsync(app => app.WithSetting("Email:PickupDirectory", mail.Path));
        var page = session.Page;
        var ct = TestContext.Current.CancellationToken;
        var factory = session.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var today = CaseBrowserTests.StockholmToday();
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await TestEmployments.EmployAsync(factory, Leaver, "Lisa Andersson");
        await TestEmployments.EmployAsync(factory, Mover, "Omar Svensson");

        // HR ended Lisa's employment yesterday; Omar is a nurse in the same unit (cost centre 4110) from today.
        var yesterday = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = new FilePayload
        {
            Name = $"hr-export-{day}.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(
                "Personnummer;Namn;Enhet;Titel;Startdatum;Slutdatum\r\n" +
                $"{Leaver};Lisa Andersson;4110;Undersköterska;2025-01-01;{yesterday}\r\n" +
                $"{Mover};Omar Svensson;4110;Sjuksköterska;{day};\r\n"),
        };

        await session.SignInAsync("admin", "/hr/import");
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.Locator("[data-testid='hr-dry-run']:not([disabled])").ClickAsync();
        await Expect(page.Locator("[data-testid='hr-report']")).ToContainTextAsync($"Provkörning per {day}");
        await page.Locator("[data-testid='hr-reconcile']").ClickAsync();
        await Expect(page.Locator("[data-testid='hr-done']")).ToContainTextAsync("Filen är avstämd.");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "hr-loop-reconciled");

        int importId;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            importId = await db.HrImports.Where(i => i.FileName == file.Name).Select(i => i.Id).SingleAsync(ct);
        }

        // chef1 (Anna Lindqvist, manager of Hemtjänst Centrum) gets one digest naming both, and no personnummer.
        var digest = await CaseQuestionBrowserTests.WaitForMailAsync(mail.Path, $"hr-{importId}-digest-");
        Assert.Equal("anna.lindqvist@kommun.example", Assert.IsType<MailboxAddress>(Assert.Single(digest.To)).Address);
        Assert.Contains("Lisa Andersson", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Omar Svensson", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("0017", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("1237", digest.TextBody, StringComparison.Ordinal);

        await session.SignInAsync("operator", "/hr");
        await Expect(page.Locator("[data-testid='kind-Leaver']")).ToContainTextAsync("(1)");
        await Expect(page.Locator("[data-testid='kind-Mover']")).ToContainTextAsync("(1)");
        var rows = page.Locator("[data-testid='findings'] tbody tr");
        foreach (var name in new[] { "Lisa Andersson", "Omar Svensson" })
        {
            var row = rows.Filter(new() { HasText = name });
            await Expect(row).ToHaveCountAsync(1);
            await row.Locator("[data-testid='row-select'] input, input[data-testid='row-select']").First.CheckAsync();
        }

        await page.Locator("[data-testid='confirm-selected']").ClickAsync();
        await page.Locator("[role=dialog]").GetByRole(AriaRole.Button, new() { Name = "Lägg 2 beställningar" }).ClickAsync();
        await Expect(page.Locator("[data-testid='feedback']")).ToContainTextAsync("2 beställningar lagda");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "hr-loop-confirmed");

        List<(OrderType Type, string Pnr)> orders;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            orders = [.. (await db.Orders.AsNoTracking().Where(o => o.Channel == OrderChannel.Hr)
                    .Join(db.Employees, o => o.EmployeeId, e => e.Id, (o, e) => new { o.Type, e.Personnummer })
                    .ToListAsync(ct))
                .Select(o => (o.Type, o.Personnummer.Formatted))];
        }

        Assert.Equal(2, orders.Count);
        Assert.Contains(orders, o => o.Type == OrderType.Terminate && o.Pnr == Leaver);
        Assert.Contains(orders, o => o.Type == OrderType.Change && o.Pnr == Mover);

        // The same file again: already reconciled, nothing new.
        await session.SignInAsync("admin", "/hr/import");
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.Locator("[data-testid='hr-dry-run']:not([disabled])").ClickAsync();
        await Expect(page.Locator("[data-testid='hr-already']")).ToContainTextAsync("redan avstämd");
        await Expect(page.Locator("[data-testid='hr-reconcile']")).ToBeDisabledAsync();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            Assert.Equal(1, await db.HrImports.CountAsync(ct));
            Assert.Equal(2, await db.Orders.CountAsync(o => o.Channel == OrderChannel.Hr, ct));
            Assert.Equal(2, await db.HrFindings.CountAsync(f => f.Status == HrFindingStatus.Confirmed, ct));
        }
    }
}
