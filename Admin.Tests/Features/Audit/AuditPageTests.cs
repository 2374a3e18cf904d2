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

    private static List<string> Entities(IRenderedComponent<AuditPage> cut) => Column(cut, "row-entity");

    private static List<string> Column(IRenderedComponent<AuditPage> cut, string testId) =>
        [.. cut.FindAll($"[data-testid={testId}]").Select(e => e.TextContent.Trim())];

    [Fact]
    public void ListsTheEntries_NewestFirst_InStockholmTime_WithSwedishEventsAndTheRecordsByName()
    {
        var cut = RenderPage();

        Assert.Equal(["Citrix", "SOC-2026-00001", "Matris version 1"], Entities(cut));
        Assert.Equal(["IT-system ändrat", "Beställning mottagen", "Matris sparad"], Column(cut, "row-action"));
        var row = cut.Find("[data-testid=row-entity]").Closest("tr")!;
        Assert.Contains("2026-11-27 14:00:00", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Johan Berg", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1–3 av 3", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("kan inte ändras eller tas bort", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTable_HasNoTechnicalColumns_AndEveryCellShowsItsWholeTextOnHover()
    {
        var cut = RenderPage();

        Assert.Equal(["Tid", "Användare", "Händelse", "Post", "Beskrivning"], cut.FindAll("th").Select(h => h.TextContent.Trim()));
        var table = cut.Find("[data-testid=audit-entries]");
        foreach (var code in new[] { "ItSystem", "Order.Created", "Matrix.Saved", "Matrix" })
        {
            Assert.DoesNotContain(code, table.TextContent, StringComparison.Ordinal);
        }

        // One line per row: the stylesheet cuts long cells, the tooltip holds the whole text.
        var summary = cut.FindAll("[data-testid=row-summary]")[0];
        Assert.Equal("IT-systemet Lifecare ändrades.", summary.GetAttribute("title"));
        Assert.Equal("Citrix", cut.FindAll("[data-testid=row-entity]")[0].GetAttribute("title"));
        Assert.All(cut.FindAll("tbody td"), cell => Assert.Contains("audit-cell", cell.ClassList));
    }

    [Fact]
    public void FilteringByType_OffersSwedishNames_AndNarrowsTheRows()
    {
        var cut = RenderPage();

        cut.Find("[data-testid=filter-type]").Closest(".mud-input-control")!.MouseDown();
        var popovers = _popovers!;
        IReadOnlyList<IElement> options = [];
        popovers.WaitForAssertion(() =>
        {
            options = popovers.FindAll(".mud-popover-open [role=option]");
            Assert.Equal(["Alla", "Beställning", "IT-system", "Matris"], options.Select(o => o.TextContent.Trim()));
        });
        options.Single(o => o.TextContent.Trim() == "Beställning").Click();

        cut.WaitForAssertion(() => Assert.Equal(["SOC-2026-00001"], Entities(cut)));
        Assert.Equal("Beställning", cut.Find("input[data-testid=filter-type]").GetAttribute("value"));
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
    public void ClickingARow_ShowsBeforeAndAfter_AsSwedishFields_WithoutTheStoredJson_ToAnOperator()
    {
        var cut = RenderPage();

        cut.Find("[data-testid=row-entity]").Closest("tr")!.Click();

        var dialogs = _dialogs!;
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=audit-field]")));
        var field = dialogs.Find("[data-testid=audit-field]");
        Assert.Equal(
            ("Namn", "Lifecare", "Lifecare Omsorg"),
            (field.QuerySelector("[data-testid=audit-field-label]")!.TextContent,
             field.QuerySelector("[data-testid=audit-field-before]")!.TextContent,
             field.QuerySelector("[data-testid=audit-field-after]")!.TextContent));
        Assert.Contains("changed", field.ClassList);
        Assert.Equal(["Uppgift", "Före", "Efter"], dialogs.FindAll("[data-testid=audit-fields] thead th").Select(h => h.TextContent));
        Assert.Equal("IT-system ändrat", dialogs.Find("[data-testid=audit-dialog-title]").TextContent);
        Assert.Contains("Johan Berg · Citrix", dialogs.Find("[data-testid=audit-dialog-meta]").TextContent, StringComparison.Ordinal);

        // The technical facts moved here from the table; the stored JSON is for administrators.
        Assert.Equal("ItSystem.Updated", dialogs.Find("[data-testid=audit-technical-action]").TextContent);
        Assert.Equal("IT-system (ItSystem) 7", dialogs.Find("[data-testid=audit-technical-entity]").TextContent);
        Assert.Empty(dialogs.FindAll("[data-testid=audit-raw-toggle]"));
        Assert.DoesNotContain("\"Name\"", dialogs.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAdministrator_CanTurnOnTheStoredJson()
    {
        SignInAs("admin");
        var cut = RenderPage();

        cut.Find("[data-testid=row-entity]").Closest("tr")!.Click();

        var dialogs = _dialogs!;
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("input[data-testid=audit-raw-toggle]")));
        Assert.Empty(dialogs.FindAll("[data-testid=audit-before]"));

        dialogs.Find("input[data-testid=audit-raw-toggle]").Change(true);

        dialogs.WaitForAssertion(() =>
            Assert.Contains("\"Name\": \"Lifecare Omsorg\"", dialogs.Find("[data-testid=audit-after]").TextContent, StringComparison.Ordinal));
        Assert.Contains("\"Name\": \"Lifecare\"", dialogs.Find("[data-testid=audit-before]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ACreation_ShowsItsValues_WithoutAnEmptyBeforeColumn()
    {
        var cut = RenderPage();

        cut.FindAll("[data-testid=row-entity]")[1].Closest("tr")!.Click();

        var dialogs = _dialogs!;
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=audit-field]")));
        Assert.Equal(["Uppgift", "Värde"], dialogs.FindAll("[data-testid=audit-fields] thead th").Select(h => h.TextContent));
        Assert.Equal("Ärende", dialogs.Find("[data-testid=audit-field-label]").TextContent);
        Assert.Equal("SOC-2026-00001", dialogs.Find("[data-testid=audit-field-after]").TextContent);
        Assert.Empty(dialogs.FindAll("[data-testid=audit-field-before]"));
    }
}
