using Bunit;
using TestContext = Xunit.TestContext;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SocItConsole.Admin.Features.Matrix.Components;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Features.Matrix;

public class MatrixEditorTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync();
        Services.AddMatrixServices(_database, AppServices.Clock());
        SignInAs("admin");
        RenderInteractively();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private IRenderedComponent<MatrixEditor> RenderEditor()
    {
        Render<MudPopoverProvider>();
        var cut = Render<MatrixEditor>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("select[data-cell]")));
        return cut;
    }

    private string Cell(string title, string system)
    {
        using var db = Database.CreateDbContext();
        var titleId = db.JobTitles.Single(t => t.Name == title).Id;
        var systemId = db.ItSystems.Single(s => s.Name == system).Id;
        return $"select[data-cell='{titleId}-{systemId}']";
    }

    private int LevelId(string system, string level)
    {
        using var db = Database.CreateDbContext();
        return db.ItSystems.Include(s => s.Levels).Single(s => s.Name == system).Levels.Single(l => l.Name == level).Id;
    }

    [Fact]
    public void ChangingCells_MarksThemPending_AndSummarisesThem()
    {
        var cut = RenderEditor();

        cut.Find(Cell("Vårdbiträde", "Appva")).Change(LevelId("Appva", "Standard").ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find(Cell("Vårdbiträde", "Combine")).Change("");
        cut.Find(Cell("Sjuksköterska", "Lifecare")).Change(LevelId("Lifecare", "Handläggare").ToString(System.Globalization.CultureInfo.InvariantCulture));

        cut.WaitForAssertion(() =>
            Assert.Equal("1 tillagd, 1 borttagen, 1 ändrad nivå", cut.Find("[data-testid=pending-summary]").TextContent.Trim()));
        Assert.Contains("mx-added", cut.Find(Cell("Vårdbiträde", "Appva")).ParentElement!.ClassName, StringComparison.Ordinal);
        Assert.Contains("mx-removed", cut.Find(Cell("Vårdbiträde", "Combine")).ParentElement!.ClassName, StringComparison.Ordinal);
        Assert.Contains("mx-changed", cut.Find(Cell("Sjuksköterska", "Lifecare")).ParentElement!.ClassName, StringComparison.Ordinal);
        Assert.Equal("Före: Utförare · Nu: Handläggare", cut.Find(Cell("Sjuksköterska", "Lifecare")).ParentElement!.GetAttribute("title"));
        Assert.False(cut.Find("[data-testid=save]").HasAttribute("disabled"));
    }

    [Fact]
    public void ChangingACellBack_ClearsItsPendingMark()
    {
        var cut = RenderEditor();
        var utforare = LevelId("Lifecare", "Utförare").ToString(System.Globalization.CultureInfo.InvariantCulture);

        cut.Find(Cell("Sjuksköterska", "Lifecare")).Change(LevelId("Lifecare", "Handläggare").ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find(Cell("Sjuksköterska", "Lifecare")).Change(utforare);

        cut.WaitForAssertion(() =>
            Assert.Equal("Inga osparade ändringar", cut.Find("[data-testid=pending-summary]").TextContent.Trim()));
        Assert.DoesNotContain("mx-pending", cut.Find(Cell("Sjuksköterska", "Lifecare")).ParentElement!.ClassName, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=save]").HasAttribute("disabled"));
    }

    [Fact]
    public void Discard_AfterConfirmation_DropsEveryPendingChange()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderEditor();
        cut.Find(Cell("Vårdbiträde", "Combine")).Change("");

        cut.Find("[data-testid=discard]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Ångra alla ändringar?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Ångra alla").Click();

        cut.WaitForAssertion(() =>
            Assert.Equal("Inga osparade ändringar", cut.Find("[data-testid=pending-summary]").TextContent.Trim()));
        Assert.Contains("mx-filled", cut.Find(Cell("Vårdbiträde", "Combine")).ParentElement!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_WithComment_StoresOneVersion_AndClearsThePendingChanges()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderEditor();
        cut.Find(Cell("Vårdbiträde", "Combine")).Change("");

        cut.Find("[data-testid=save]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("1 borttagen", dialogs.Find("[data-testid=save-summary]").TextContent, StringComparison.Ordinal));
        dialogs.Find("textarea[data-testid=save-comment], [data-testid=save-comment] textarea").Change("Combine behövs inte");
        dialogs.Find("[data-testid=confirm-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Version 2", cut.Markup, StringComparison.Ordinal));
        Assert.Equal("Inga osparade ändringar", cut.Find("[data-testid=pending-summary]").TextContent.Trim());
        await using var db = Database.CreateDbContext();
        var set = await db.MatrixChangeSets.SingleAsync(s => s.Version == 2, TestContext.Current.CancellationToken);
        Assert.Equal("Combine behövs inte", set.Comment);
        Assert.Equal("Johan Berg", set.SavedByName);
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_ShowsTheConflict_AndReloadKeepsMyChanges()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderEditor();
        cut.Find(Cell("Vårdbiträde", "Combine")).Change("");
        var other = AppServices.MatrixService(Database, "admin");
        var model = await other.LoadAsync(TestContext.Current.CancellationToken);
        var key = new SocItConsole.Shared.Matrix.CellKey(
            model.Titles.Single(t => t.Name == "Stödassistent").Id, model.Systems.Single(s => s.Name == "Citrix").Id);
        await other.SaveAsync(model.Version, [new(key, model.Cells.Single(c => c.Key == key).LevelId, null)], null, TestContext.Current.CancellationToken);

        cut.Find("[data-testid=save]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-save]"));
        dialogs.Find("[data-testid=confirm-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Stödassistent", cut.Find("[data-testid=conflict]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-testid=reapply]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
        Assert.Equal("1 borttagen", cut.Find("[data-testid=pending-summary]").TextContent.Trim());
        Assert.Contains("Version 2", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("mx-removed", cut.Find(Cell("Vårdbiträde", "Combine")).ParentElement!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_LoadsOnlyTheEditor_UntilAnotherTabIsOpened_AndKeepsTheEditorsWork_AcrossTabs()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = Render<SocItConsole.Admin.Features.Matrix.Pages.MatrixPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("select[data-cell]")));
        Assert.Empty(page.FindAll("[data-testid=version-table]"));
        Assert.Empty(page.FindAll("[data-testid=preview-title]"));

        page.Find(Cell("Vårdbiträde", "Combine")).Change("");
        Tab(page, "Historik").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=version-table] tbody tr")));
        Assert.Empty(page.FindAll("[data-testid=preview-title]"));
        Tab(page, "Redigera").Click();
        Assert.Equal("1 borttagen", page.Find("[data-testid=pending-summary]").TextContent.Trim());

        page.Find("[data-testid=save]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-save]"));
        dialogs.Find("[data-testid=confirm-save]").Click();

        // Saved without a reload: the editor goes on from version 2 with the cell empty, and the opened history shows it.
        page.WaitForAssertion(() =>
        {
            Assert.Equal(2, page.FindAll("[data-testid=version-table] tbody tr").Count);
            Assert.Contains("Version 2", page.Markup, StringComparison.Ordinal);
        });
        Assert.Equal("Inga osparade ändringar", page.Find("[data-testid=pending-summary]").TextContent.Trim());
        var cell = page.Find(Cell("Vårdbiträde", "Combine"));
        Assert.Equal("mx-cell", cell.ParentElement!.ClassName);
        Assert.Equal(string.Empty, cell.GetAttribute("value") ?? string.Empty);
        await using var db = Database.CreateDbContext();
        Assert.Equal(2, await db.MatrixState.Select(m => m.Version).SingleAsync(TestContext.Current.CancellationToken));
    }

    private static AngleSharp.Dom.IElement Tab(IRenderedComponent<SocItConsole.Admin.Features.Matrix.Pages.MatrixPage> page, string name) =>
        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains(name, StringComparison.Ordinal));

    [Fact]
    public void Prerendering_ShowsTheProgressBar_AndLeavesTheCellsToTheCircuit()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));

        var cut = Render<MatrixEditor>();

        Assert.NotEmpty(cut.FindAll(".mud-progress-linear"));
        Assert.Empty(cut.FindAll("select[data-cell]"));
    }

    [Fact]
    public void Filters_LimitRowsAndColumns()
    {
        var cut = RenderEditor();

        cut.Find("input[data-testid=title-filter], [data-testid=title-filter] input").Input("sköt");
        cut.Find("input[data-testid=system-filter], [data-testid=system-filter] input").Input("life");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("select[data-cell]").Count));
        Assert.Equal(["Sjuksköterska", "Undersköterska"], cut.FindAll("th.mx-title").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public void ChangingCells_NamesWhereTheChangesAre_InTheGridsOrder()
    {
        var cut = RenderEditor();

        cut.Find(Cell("Vårdbiträde", "Appva")).Change(LevelId("Appva", "Standard").ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find(Cell("Sjuksköterska", "Lifecare")).Change(LevelId("Lifecare", "Handläggare").ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find(Cell("Sjuksköterska", "Citrix")).Change("");

        cut.WaitForAssertion(() => Assert.Equal(
            ["Sjuksköterska – Citrix", "Sjuksköterska – Lifecare", "Vårdbiträde – Appva"],
            cut.FindAll("[data-testid=pending-location]").Select(b => b.TextContent.Trim())));
        Assert.Equal("Ändrade celler:", cut.Find(".mx-locations-label").TextContent);
        Assert.Equal("1 tillagd, 1 borttagen, 1 ändrad nivå", cut.Find("[data-testid=pending-summary]").TextContent.Trim());
    }

    [Fact]
    public void NoChanges_NameNoCells()
    {
        var cut = RenderEditor();

        Assert.Empty(cut.FindAll("[data-testid=pending-locations]"));
    }

    [Fact]
    public void JumpingToAChange_LiftsTheFilterThatHidesIt_AndScrollsItsCellIntoView()
    {
        var cut = RenderEditor();
        cut.Find(Cell("Sjuksköterska", "Lifecare")).Change(LevelId("Lifecare", "Handläggare").ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("input[data-testid=system-filter], [data-testid=system-filter] input").Input("appva");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(Cell("Sjuksköterska", "Lifecare"))));

        cut.Find("[data-testid=pending-location]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(Cell("Sjuksköterska", "Lifecare"))));
        var jump = Assert.Single(JSInterop.Invocations, i => i.Identifier == "socit.scrollToCell");
        var cell = cut.Find(Cell("Sjuksköterska", "Lifecare")).GetAttribute("data-cell");
        var row = cut.FindAll("th.mx-title").Select(th => th.TextContent.Trim()).ToList().IndexOf("Sjuksköterska");
        Assert.Equal(cell, jump.Arguments[1]);
        Assert.Equal(row, jump.Arguments[2]);
        Assert.Equal(cut.FindAll("th.mx-title").Count, jump.Arguments[3]);
    }

    [Fact]
    public void ColumnHeaders_AreShort_WithTheWholeNameOnHover()
    {
        var cut = RenderEditor();

        var headers = cut.FindAll("th.mx-system");
        Assert.Equal(10, headers.Count);
        var smartCard = Assert.Single(headers, th => th.TextContent.Trim() == "Smartkort…");
        Assert.Equal("Smartkort (SITHS)", smartCard.GetAttribute("aria-label"));
        Assert.StartsWith("Smartkort (SITHS). Nivåer: Standard", smartCard.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains(headers, th => th.TextContent.Trim() == "IntraPhone");
    }

    [Fact]
    public void AFilledCell_ShowsItsWholeLevelOnHover()
    {
        var cut = RenderEditor();

        Assert.Equal("Administratör", cut.Find(Cell("Enhetschef", "Appva")).ParentElement!.GetAttribute("title"));
        Assert.Null(cut.Find(Cell("Vårdbiträde", "Appva")).ParentElement!.GetAttribute("title"));
    }
}
