using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using SocItConsole.Admin.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary><em>Läs in HR-fil</em> in the real app: the browser's file picker, the dry run and the reconciliation (issue 21).</summary>
[Collection(BrowserTestGroup.Name)]
public class HrImportBrowserTests
{
    [Fact]
    [Trait("Category", "Browser")]
    public async Task Admin_UploadsAFileWhereChef1sEmployeeHasMoved_DryRunsAndReconcilesIt_AndTheSameFileAgainIsAlreadyReconciled()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var today = CaseBrowserTests.StockholmToday();
        var hired = await CaseBrowserTests.PlaceAsync(session, OrderRequests.NewUndersköterska() with { StartDate = today });
        await CaseBrowserTests.SignInAsOperatorAsync(session, $"/cases/{hired}");
        await CaseBrowserTests.WorkThroughAsync(session, "hr-hired");
        var file = new FilePayload
        {
            Name = "hr-export.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(
                "Personnummer;Namn;Enhet;Titel;Startdatum;Slutdatum\n" +
                $"{OrderRequests.Pnr1990};Lisa Andersson;4110;Sjuksköterska;{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)};\n"),
        };

        await session.SignInAsync("admin", "/hr/import");
        await Expect(page.Locator("[data-testid='hr-reconcile']")).ToBeDisabledAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.Locator("[data-testid='hr-dry-run']:not([disabled])").ClickAsync();
        var figures = page.Locator("[data-testid='hr-figures']");
        await Expect(figures).ToContainTextAsync("Ny titel eller enhet");
        await Expect(page.Locator("[data-testid='hr-report']")).ToContainTextAsync($"Provkörning per {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        await session.ScreenshotAsync("hr-import-dry-run");

        await page.Locator("[data-testid='hr-reconcile']").ClickAsync();
        await Expect(page.Locator("[data-testid='hr-done']")).ToContainTextAsync("Filen är avstämd.");
        await Expect(page.Locator("[data-testid='hr-runs']")).ToContainTextAsync("hr-export.csv");
        await Expect(page.Locator("[data-testid='hr-reconcile']")).ToBeDisabledAsync();

        await page.Locator("[data-testid='hr-dry-run']").ClickAsync();
        await Expect(page.Locator("[data-testid='hr-already']")).ToContainTextAsync("hr-export.csv är redan avstämd");
        await Expect(page.Locator("[data-testid='hr-reconcile']")).ToBeDisabledAsync();
    }
}
