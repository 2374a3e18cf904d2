using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocItConsole.Admin.Data;
using SocItConsole.Shared.MasterData;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public class MatrixBrowserTests
{
    [Fact]
    public async Task Admin_ChangesCells_SavesWithAComment_AndFindsTheVersionInTheHistory()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;

        await session.SignInAsync("admin", "/matrix");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Matris");
        var grid = page.Locator("[data-testid='matrix-grid']");
        await Expect(grid).ToBeVisibleAsync();

        var vardbitradeAppva = grid.GetByLabel("Vårdbiträde – Appva");
        var sskLifecare = grid.GetByLabel("Sjuksköterska – Lifecare");
        await vardbitradeAppva.SelectOptionAsync(new SelectOptionValue { Label = "Standard" });
        await sskLifecare.SelectOptionAsync(new SelectOptionValue { Label = "Handläggare" });

        await Expect(page.Locator("[data-testid='pending-summary']")).ToHaveTextAsync("1 tillagd, 1 ändrad nivå");
        await Expect(page.Locator("td.mx-added")).ToHaveCountAsync(1);
        await Expect(page.Locator("td.mx-changed")).ToHaveCountAsync(1);
        await session.ScreenshotAsync("matrix-pending");

        await page.Locator("[data-testid='save']").ClickAsync();
        await Expect(page.Locator("[data-testid='save-summary']")).ToHaveTextAsync("1 tillagd, 1 ändrad nivå");
        await page.GetByLabel("Kommentar (valfri)").FillAsync("Sjuksköterskor handlägger i Lifecare");
        await page.Locator("[data-testid='confirm-save']").ClickAsync();

        await Expect(page.Locator("[data-testid='pending-summary']")).ToHaveTextAsync("Inga osparade ändringar");
        await Expect(page.Locator(".mx-version")).ToHaveTextAsync("Version 2");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Historik" }).ClickAsync();
        var versions = page.Locator("[data-testid='version-table']");
        var row = versions.Locator("tr", new() { HasText = "Sjuksköterskor handlägger i Lifecare" });
        await Expect(row).ToContainTextAsync("Johan Berg");
        await Expect(row).ToContainTextAsync("1 tillagd, 1 ändrad nivå");
        await row.ClickAsync();
        var details = page.Locator("[data-testid='version-details']");
        await Expect(details).ToContainTextAsync("Version 2");
        await Expect(details.Locator("tr", new() { HasText = "Sjuksköterska" })).ToContainTextAsync("Utförare");
        await Expect(details.Locator("tr", new() { HasText = "Sjuksköterska" })).ToContainTextAsync("Handläggare");
        await session.ScreenshotAsync("matrix-history");
    }

    [Fact]
    public async Task Admin_SeesEveryOneOfTheTenSystems_At1366WithoutScrollingSideways()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;

        await page.GotoAsync("/account/dev-sign-in?userName=admin&returnUrl=/matrix");
        await session.WaitForInteractivityAsync();
        var grid = page.Locator("[data-testid='matrix-grid']");
        await Expect(grid).ToBeVisibleAsync();

        var headers = grid.Locator("th.mx-system");
        await Expect(headers).ToHaveCountAsync(10);
        for (var i = 0; i < 10; i++)
        {
            await Expect(headers.Nth(i)).ToBeInViewportAsync(new() { Ratio = 1 });
        }

        await Expect(grid.GetByLabel("Vårdbiträde – Swedlock")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(grid.Locator("th.mx-system[aria-label='Smartkort (SITHS)']")).ToHaveTextAsync("Smartkort…");
        var scroll = page.Locator("[data-testid='matrix-scroll']");
        Assert.True(await scroll.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "The grid scrolls sideways at 1366 px.");
        await session.ScreenshotAsync("matrix-ten-systems");
    }

    [Fact]
    public async Task Admin_WithMoreSystemsThanFit_JumpsFromTheSummaryToAChangedCellOffScreen()
    {
        await using var session = await BrowserSession.StartAsync();
        // 17 systems do not fit beside the titles, and 159 titles are many more than the grid renders at once (its rows
        // are virtualised): Vårdbiträde, the last row, is not in the page at all once the grid is scrolled to the top.
        await AddMasterDataAsync(
            session.Services,
            ["Ciceron", "Heroma", "Medvind", "Phoniro", "Treserva", "Visma Window", "Ärendehantering Mobil"],
            [.. Enumerable.Range(1, 150).Select(i => string.Create(CultureInfo.InvariantCulture, $"Vikarie {i:000}"))]);
        var page = session.Page;

        await page.GotoAsync("/account/dev-sign-in?userName=admin&returnUrl=/matrix");
        await session.WaitForInteractivityAsync();
        var grid = page.Locator("[data-testid='matrix-grid']");
        await Expect(grid.Locator("th.mx-system")).ToHaveCountAsync(17);
        var scroll = page.Locator("[data-testid='matrix-scroll']");
        await scroll.EvaluateAsync("e => { e.scrollTop = e.scrollHeight; }");
        var cell = grid.GetByLabel("Vårdbiträde – Ärendehantering Mobil");
        await cell.SelectOptionAsync(new SelectOptionValue { Label = "Standard" });
        await Expect(page.Locator("[data-testid='pending-summary']")).ToHaveTextAsync("1 tillagd");
        await scroll.EvaluateAsync("e => { e.scrollLeft = 0; e.scrollTop = 0; }");
        await Expect(cell).ToHaveCountAsync(0);

        var location = page.Locator("[data-testid='pending-location']");
        await Expect(location).ToHaveTextAsync("Vårdbiträde – Ärendehantering Mobil");
        await Expect(page.Locator(".mx-locations-label")).ToHaveTextAsync("Ändrad cell:");
        await location.ClickAsync();

        await Expect(cell).ToBeFocusedAsync();
        await Expect(cell).ToBeInViewportAsync(new() { Ratio = 1 });
        var cellBox = await cell.BoundingBoxAsync();
        var titleColumn = await grid.Locator("th.mx-corner").BoundingBoxAsync();
        var visible = await scroll.EvaluateAsync<double[]>(
            "e => { const r = e.getBoundingClientRect(); return [r.left + e.clientLeft + e.clientWidth, r.top + e.clientTop + e.clientHeight]; }");
        Assert.True(cellBox!.X >= titleColumn!.X + titleColumn.Width, "The cell is under the sticky title column.");
        Assert.True(cellBox.Y >= titleColumn.Y + titleColumn.Height, "The cell is under the sticky header row.");
        Assert.True(cellBox.X + cellBox.Width <= visible[0] && cellBox.Y + cellBox.Height <= visible[1], "The cell is cut off by the grid's edge.");
        await session.ScreenshotAsync("matrix-jump-to-change");
    }

    private static async Task AddMasterDataAsync(IServiceProvider services, string[] systems, string[] titles)
    {
        await using var scope = services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.ItSystems.AddRange(systems.Select(n => new ItSystem(n)));
        db.JobTitles.AddRange(titles.Select(n => new JobTitle(n)));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
