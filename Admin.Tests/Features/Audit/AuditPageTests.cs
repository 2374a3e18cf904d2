using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Features.Audit.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Audit;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Audit;

public class AuditPageTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase? _database;

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

    /// <summary>The static page (decision 0049) at an address: its filters, page and open entry are in the query.</summary>
    private IRenderedComponent<AuditPage> RenderPage(string address = "/audit", int rows = 3)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var cut = Render<AuditPage>();
        // No rows is also how the page looks before its entries have come from the database: then wait for its answer.
        cut.WaitForAssertion(() =>
        {
            Assert.Equal(rows, Entities(cut).Count);
            Assert.True(rows > 0 || cut.FindAll("[data-testid=no-match]").Count == 1, "the page has not answered yet");
        });
        return cut;
    }

    /// <summary>Follows the link of the row whose entity is <paramref name="index"/>th, as a click on the row does.</summary>
    private IRenderedComponent<AuditPage> OpenRow(IRenderedComponent<AuditPage> cut, int index, string user = "operator")
    {
        var link = cut.FindAll("tr.audit-row")[index].QuerySelector("a[data-row-target]")!;
        Assert.True(link.Closest("tr")!.HasAttribute("data-row-link"));
        SignInAs(user);
        var opened = RenderPage(link.GetAttribute("href")!);
        opened.WaitForAssertion(() => opened.Find("[role=dialog][data-testid=audit-dialog]"));
        return opened;
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
        var all = RenderPage();
        Assert.Equal(
            ["Alla", "Beställning", "IT-system", "Matris"],
            all.FindAll("select[data-testid=filter-type] option").Select(o => o.TextContent.Trim()));
        Assert.Equal(("get", "/audit"), (all.Find("form[data-testid=audit-filters]").GetAttribute("method"), all.Find("form[data-testid=audit-filters]").GetAttribute("action")));
        Assert.True(all.Find("select[data-testid=filter-type]").HasAttribute("data-autosubmit"));

        // Choosing a type submits the GET form: the address carries it.
        var cut = RenderPage("/audit?type=Order", rows: 1);

        Assert.Equal(["SOC-2026-00001"], Entities(cut));
        Assert.Equal("Beställning", cut.Find("select[data-testid=filter-type] option[selected]").TextContent.Trim());
    }

    [Fact]
    public void AFilterThatMatchesNothing_SaysSo()
    {
        var cut = RenderPage("/audit?text=finns+inte", rows: 0);

        cut.WaitForAssertion(() =>
            Assert.Equal("Inga händelser matchar filtret.", cut.Find("[data-testid=no-match]").TextContent.Trim()));
        Assert.Equal("finns inte", cut.Find("input[data-testid=filter-text]").GetAttribute("value"));
    }

    [Fact]
    public void TheUser_ThePeriod_AndThePageSize_AreReadFromTheAddress()
    {
        var cut = RenderPage("/audit?actor=Johan&from=2026-11-27&to=2026-11-27&size=50", rows: 1);

        Assert.Equal(["Citrix"], Entities(cut));
        Assert.Equal(("Johan", "2026-11-27", "2026-11-27"), (
            cut.Find("input[data-testid=filter-actor]").GetAttribute("value"),
            cut.Find("input[data-testid=filter-from]").GetAttribute("value"),
            cut.Find("input[data-testid=filter-to]").GetAttribute("value")));
        Assert.Equal("1–1 av 1", cut.Find("[data-testid=pager-info]").TextContent);
        Assert.Equal("50", cut.Find("input[type=hidden][name=size]").GetAttribute("value"));

        var later = RenderPage("/audit?from=2026-11-28", rows: 0);
        later.WaitForAssertion(() => Assert.Single(later.FindAll("[data-testid=no-match]")));
    }

    [Fact]
    public void ClickingARow_ShowsBeforeAndAfter_AsSwedishFields_WithoutTheStoredJson_ToAnOperator()
    {
        var cut = RenderPage();

        var dialogs = OpenRow(cut, 0);

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
        Assert.DoesNotContain("\"Name\"", dialogs.Find("[data-testid=audit-dialog]").InnerHtml, StringComparison.Ordinal);

        // "Stäng" leads back to the list without the entry.
        var close = dialogs.Find("[data-testid=audit-dialog-close]");
        Assert.Equal("http://localhost/audit", close.GetAttribute("href"));
    }

    [Fact]
    public void AnAdministrator_CanTurnOnTheStoredJson()
    {
        SignInAs("admin");
        var cut = RenderPage();

        var dialogs = OpenRow(cut, 0, "admin");

        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=audit-raw-toggle]")));
        Assert.Empty(dialogs.FindAll("[data-testid=audit-before]"));

        var withJson = RenderPage(dialogs.Find("[data-testid=audit-raw-toggle]").GetAttribute("href")!);

        withJson.WaitForAssertion(() =>
            Assert.Contains("\"Name\": \"Lifecare Omsorg\"", withJson.Find("[data-testid=audit-after]").TextContent, StringComparison.Ordinal));
        Assert.Contains("\"Name\": \"Lifecare\"", withJson.Find("[data-testid=audit-before]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ACreation_ShowsItsValues_WithoutAnEmptyBeforeColumn()
    {
        var cut = RenderPage();

        var dialogs = OpenRow(cut, 1);

        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=audit-field]")));
        Assert.Equal(["Uppgift", "Värde"], dialogs.FindAll("[data-testid=audit-fields] thead th").Select(h => h.TextContent));
        Assert.Equal("Ärende", dialogs.Find("[data-testid=audit-field-label]").TextContent);
        Assert.Equal("SOC-2026-00001", dialogs.Find("[data-testid=audit-field-after]").TextContent);
        Assert.Empty(dialogs.FindAll("[data-testid=audit-field-before]"));
    }
}
