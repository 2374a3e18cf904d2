using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.Orders;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>Avstämning mot HR in the real app: the operator confirms a leaver and a mover of chef1's staff (issue 21).</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class HrFindingsBrowserTests
{
    [Fact]
    public async Task Operator_ConfirmsALeaverAndAMoverOfChef1sStaff_AndBothCasesExistOnTheHrChannel()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var factory = session.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var today = CaseBrowserTests.StockholmToday();
        var lisa = await TestEmployments.EmployAsync(factory, "19900101-0017", "Lisa Andersson");
        var omar = await TestEmployments.EmployAsync(factory, "19880412-1237", "Omar Svensson");
        var run = await HrFindingData.RunAsync(factory, asOf: today);
        var leaver = await HrFindingData.LeaverAsync(factory, run, lisa, today.AddDays(3));
        var mover = await HrFindingData.MoverAsync(factory, run, omar, "Hemtjänst Centrum", "Sjuksköterska", today.AddDays(7));

        await session.SignInAsync("operator", "/hr");
        var rows = page.Locator("[data-testid='findings'] tbody tr");
        await Expect(page.Locator("[data-testid='row-name']")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid='kind-Leaver']")).ToHaveTextAsync("Slutat enligt HR (1)");
        await Expect(page.Locator("[data-testid='kind-Mover']")).ToHaveTextAsync("Ny titel eller enhet (1)");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "hr-findings");

        for (var i = 0; i < 2; i++)
        {
            await rows.Nth(i).Locator("[data-testid='row-select'] input, input[data-testid='row-select']").First.CheckAsync();
        }

        await Expect(page.Locator("[data-testid='confirm-selected']")).ToHaveTextAsync("Bekräfta valda (2)");
        await page.Locator("[data-testid='confirm-selected']").ClickAsync();
        var dialog = page.Locator("[role=dialog]");
        await Expect(dialog).ToContainTextAsync("högst 2 beställningar läggs");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "hr-confirm-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lägg 2 beställningar" }).ClickAsync();

        await Expect(page.Locator("[data-testid='feedback']")).ToContainTextAsync("2 avvikelser bekräftade: 2 beställningar lagda");
        await Expect(page.Locator("[data-testid='orders-placed']")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-testid='row-name']")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid='confirm-progress']")).ToHaveCountAsync(0);
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "hr-confirmed");

        int leaverOrder, moverOrder;
        await using (var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var findings = await db.HrFindings.AsNoTracking().Where(f => f.ImportId == run).ToListAsync(TestContext.Current.CancellationToken);
            Assert.All(findings, f => Assert.Equal(HrFindingStatus.Confirmed, f.Status));
            leaverOrder = findings.Single(f => f.Id == leaver).OrderId!.Value;
            moverOrder = findings.Single(f => f.Id == mover).OrderId!.Value;
        }

        await session.OpenAsync($"/cases/{leaverOrder}");
        await Expect(page.GetByTestId("case-facts").GetByText("Avstämning mot HR", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='employment-ended']")).ToContainTextAsync("Hemtjänst Centrum");
        await Expect(page.Locator("body")).ToContainTextAsync(OrderTexts.TypeName(OrderType.Terminate));
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "hr-leaver-case");

        await session.OpenAsync($"/cases/{moverOrder}");
        await Expect(page.GetByTestId("case-facts").GetByText("Avstämning mot HR", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='changed-employment']")).ToContainTextAsync("Hemtjänst Centrum");
        await Expect(page.Locator("body")).ToContainTextAsync(OrderTexts.TypeName(OrderType.Change));
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "hr-mover-case");
    }

    /// <summary>Avfärda on the static page: a common reason a click away, the status filter at once, and no circuit.</summary>
    [Fact]
    public async Task Operator_DismissesAFindingWithACommonReason_AndFindsItUnderAvfardade_WithoutACircuit()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var factory = session.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var today = CaseBrowserTests.StockholmToday();
        var omar = await TestEmployments.EmployAsync(factory, "19880412-1237", "Omar Svensson");
        var run = await HrFindingData.RunAsync(factory, asOf: today);
        var mover = await HrFindingData.MoverAsync(factory, run, omar, "Hemtjänst Centrum", "Sjuksköterska", today.AddDays(7));
        var sockets = 0;
        page.WebSocket += (_, _) => sockets++;

        await session.SignInAsync("operator", "/hr");
        await page.Locator("[data-testid='dismiss']").ClickAsync();
        var dialog = page.Locator("[role=dialog]");
        await Expect(dialog).ToContainTextAsync("Omar Svensson");
        await Expect(page.Locator("[data-testid='dismiss-confirm']")).ToBeDisabledAsync();
        await dialog.Locator("[data-testid='reason-suggestion']").Filter(new() { HasText = "Beställning finns" }).ClickAsync();
        await Expect(page.Locator("[data-testid='dismiss-reason']")).ToHaveValueAsync("Beställning finns");
        await CaseBrowserTests.ScreenshotFromTopAsync(session, "hr-dismiss-dialog");
        await page.Locator("[data-testid='dismiss-confirm']").ClickAsync();

        await Expect(page.Locator("[data-testid='feedback']")).ToHaveTextAsync("1 avvikelse avfärdad.");
        await Expect(page.Locator("[data-testid='row-name']")).ToHaveCountAsync(0);
        await page.Locator("select[data-testid='filter-status']").SelectOptionAsync(new SelectOptionValue { Label = "Avfärdade" });
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/hr\?status=Dismissed$"));
        await Expect(page.Locator("[data-testid='row-reason']")).ToHaveTextAsync("Beställning finns");
        await using (var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(HrFindingStatus.Dismissed, (await db.HrFindings.AsNoTracking().SingleAsync(f => f.Id == mover, TestContext.Current.CancellationToken)).Status);
        }

        Assert.Equal(0, sockets);
    }
}
