using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using SocItConsole.Admin.Features.Audit.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Audit;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Audit;

public class AuditPageTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase? _database;
    private IRenderedComponent<MudPopoverProvider>? _popovers;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
        await using (var db = _database.CreateDbContext())
        {
            db.AuditEntries.AddRange(
                new AuditEntry(
                    new DateTimeOffset(2026, 11, 27, 12, 15, 30, TimeSpan.Zero), new Actor("anna-id", "Anna Lindqvist"),
                    "Order.Created", "Order", "SOC-2026-00001", "Beställning SOC-2026-00001 mottagen.",
                    null, """{"CaseNumber":"SOC-2026-00001"}"""),
                new AuditEntry(
                    new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero), new Actor("johan-id", "Johan Berg"),
                    "ItSystem.Updated", "ItSystem", "7", "IT-systemet Lifecare ändrades.",
                    """{"Name":"Lifecare"}""", """{"Name":"Lifecare Omsorg"}"""));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Services.AddAuditServices(_database);
        SignInAs("operator");
        RenderInteractively();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private IRenderedComponent<AuditPage> RenderPage()
    {
        _popovers = Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, Entities(cut).Count));
        return cut;
    }

    private static List<string> Entities(IRenderedComponent<AuditPage> cut) =>
        [.. cut.FindAll("[data-testid=row-entity]").Select(e => e.TextContent.Trim())];

    [Fact]
    public void ListsTheEntries_NewestFirst_InStockholmTime_WithSwedishEntityNames()
    {
        var cut = RenderPage();

        Assert.Equal(["IT-system 7", "Beställning SOC-2026-00001", "Matris 1"], Entities(cut));
        var row = cut.Find("[data-testid=row-entity]").Closest("tr")!;
        Assert.Contains("2026-11-27 14:00:00", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Johan Berg", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("ItSystem.Updated", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1–3 av 3", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("kan inte ändras eller tas bort", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void FilteringByType_NarrowsTheRows()
    {
        var cut = RenderPage();

        cut.Find("[data-testid=filter-type]").Closest(".mud-input-control")!.MouseDown();
        var popovers = _popovers!;
        IElement? item = null;
        popovers.WaitForAssertion(() =>
            item = popovers.FindAll(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == "Beställning"));
        item!.Click();

        cut.WaitForAssertion(() => Assert.Equal(["Beställning SOC-2026-00001"], Entities(cut)));
    }

    [Fact]
    public void AFilterThatMatchesNothing_SaysSo()
    {
        var cut = RenderPage();

        cut.Find("input[data-testid=filter-text]").Change("finns inte");

        cut.WaitForAssertion(() =>
            Assert.Equal("Inga händelser matchar filtret.", cut.Find("[data-testid=no-match]").TextContent.Trim()));
    }

    [Fact]
    public void ClickingARow_ShowsBeforeAndAfter()
    {
        var cut = RenderPage();

        cut.Find("[data-testid=row-entity]").Closest("tr")!.Click();

        var dialogs = _dialogs!;
        dialogs.WaitForAssertion(() => Assert.Contains("Lifecare Omsorg", dialogs.Find("[data-testid=audit-after]").TextContent, StringComparison.Ordinal));
        Assert.Contains("\"Name\": \"Lifecare\"", dialogs.Find("[data-testid=audit-before]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Före", dialogs.Markup, StringComparison.Ordinal);
        Assert.Contains("Efter", dialogs.Markup, StringComparison.Ordinal);
    }
}
