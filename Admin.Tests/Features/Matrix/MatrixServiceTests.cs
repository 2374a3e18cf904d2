using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Tests.Features.Matrix;

public class MatrixServiceTests
{
    private static async Task<(TestDatabase Database, MatrixModel Model)> SeededAsync()
    {
        var database = await TestDatabase.CreateMigratedAsync();
        await database.SeedDemoDataAsync();
        var model = await AppServices.MatrixService(database, "admin").LoadAsync(TestContext.Current.CancellationToken);
        return (database, model);
    }

    private static CellKey Key(MatrixModel model, string title, string system) =>
        new(model.Titles.Single(t => t.Name == title).Id, model.Systems.Single(s => s.Name == system).Id);

    private static int Level(MatrixModel model, string system, string level) =>
        model.Systems.Single(s => s.Name == system).Levels.Single(l => l.Name == level).Id;

    [Fact]
    public async Task Save_WritesOneVersion_WithEveryCellBeforeAndAfter_AndOneAuditEntry()
    {
        var (database, model) = await SeededAsync();
        using var _ = database;
        var service = AppServices.MatrixService(database, "admin");
        var pending = new PendingMatrixChanges(model.Version, model.Cells);
        pending.Set(Key(model, "Vårdbiträde", "Appva"), Level(model, "Appva", "Standard"));
        pending.Set(Key(model, "Vårdbiträde", "Combine"), null);
        pending.Set(Key(model, "Sjuksköterska", "Lifecare"), Level(model, "Lifecare", "Handläggare"));

        var result = await service.SaveAsync(pending.BaseVersion, pending.Changes, "Beslut 2026-11-20", TestContext.Current.CancellationToken);

        var saved = Assert.IsType<MatrixSaveResult.Saved>(result);
        Assert.Equal(2, saved.Version);
        Assert.Equal("1 tillagd, 1 borttagen, 1 ändrad nivå", saved.Summary);
        var details = await service.GetVersionAsync(2, TestContext.Current.CancellationToken);
        Assert.Equal("Johan Berg", details!.Version.SavedBy);
        Assert.Equal("Beslut 2026-11-20", details.Version.Comment);
        Assert.Contains(details.Changes, c => c.TitleName == "Sjuksköterska" && c.SystemName == "Lifecare"
            && c.LevelBefore == "Utförare" && c.LevelAfter == "Handläggare");
        await using var db = database.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.Action == "Matrix.Saved" && a.EntityId == "2").SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("Johan Berg", audit.ActorName);
        Assert.Contains("Handläggare", audit.After, StringComparison.Ordinal);
        Assert.Contains("Utförare", audit.Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_BasedOnAnOlderVersion_IsRefused_ListingWhatChangedMeanwhile()
    {
        var (database, model) = await SeededAsync();
        using var _ = database;
        var anna = AppServices.MatrixService(database, "admin");
        var erik = AppServices.MatrixService(database, "admin");
        var lifecare = Key(model, "Sjuksköterska", "Lifecare");
        var qlik = Key(model, "Vårdbiträde", "Qlikview");
        var first = new PendingMatrixChanges(model.Version, model.Cells);
        first.Set(lifecare, Level(model, "Lifecare", "Handläggare"));
        var second = new PendingMatrixChanges(model.Version, model.Cells);
        second.Set(lifecare, Level(model, "Lifecare", "Läsbehörighet"));
        second.Set(qlik, Level(model, "Qlikview", "Standard"));
        var ct = TestContext.Current.CancellationToken;

        Assert.IsType<MatrixSaveResult.Saved>(await anna.SaveAsync(first.BaseVersion, first.Changes, null, ct));
        var result = await erik.SaveAsync(second.BaseVersion, second.Changes, null, ct);

        var conflict = Assert.IsType<MatrixSaveResult.Conflict>(result);
        Assert.Equal(2, conflict.CurrentVersion);
        var cell = Assert.Single(conflict.ChangedMeanwhile);
        Assert.True(cell.AlsoChangedByYou);
        Assert.Equal(("Sjuksköterska", "Lifecare", "Utförare", "Handläggare"),
            (cell.Change.TitleName, cell.Change.SystemName, cell.Change.LevelBefore, cell.Change.LevelAfter));
        var reloaded = await erik.LoadAsync(ct);
        Assert.Equal(2, reloaded.Version);
        Assert.DoesNotContain(reloaded.Cells, c => c.Key == qlik);

        var rebased = second.Rebase(reloaded.Version, reloaded.Cells);
        Assert.Equal(2, rebased.Count);
        Assert.IsType<MatrixSaveResult.Saved>(await erik.SaveAsync(rebased.BaseVersion, rebased.Changes, null, ct));
        var final = await erik.LoadAsync(ct);
        Assert.Equal(Level(model, "Lifecare", "Läsbehörighet"), final.Cells.Single(c => c.Key == lifecare).LevelId);
        Assert.Contains(final.Cells, c => c.Key == qlik);
    }

    [Fact]
    public async Task Save_WithNoRealChange_IsRejected_AndWritesNothing()
    {
        var (database, model) = await SeededAsync();
        using var _ = database;
        var key = Key(model, "Sjuksköterska", "Lifecare");
        var current = model.Cells.Single(c => c.Key == key).LevelId;

        var result = await AppServices.MatrixService(database, "admin")
            .SaveAsync(model.Version, [new CellChange(key, current, current)], null, TestContext.Current.CancellationToken);

        Assert.Equal("Det finns inga ändringar att spara.", Assert.IsType<MatrixSaveResult.Rejected>(result).Message);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.MatrixChangeSets.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Save_ALevelOfAnotherSystem_IsRejected()
    {
        var (database, model) = await SeededAsync();
        using var _ = database;

        var result = await AppServices.MatrixService(database, "admin").SaveAsync(
            model.Version,
            [new CellChange(Key(model, "Vårdbiträde", "Appva"), null, Level(model, "Lifecare", "Handläggare"))],
            null,
            TestContext.Current.CancellationToken);

        Assert.Contains("Nivån finns inte i Appva", Assert.IsType<MatrixSaveResult.Rejected>(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_ToAnInactiveTitle_IsRejected()
    {
        var (database, model) = await SeededAsync();
        using var _ = database;
        await using (var db = database.CreateDbContext())
        {
            var title = await db.JobTitles.SingleAsync(t => t.Name == "Vårdbiträde", TestContext.Current.CancellationToken);
            title.Deactivate();
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var result = await AppServices.MatrixService(database, "admin").SaveAsync(
            model.Version,
            [new CellChange(Key(model, "Vårdbiträde", "Appva"), null, Level(model, "Appva", "Standard"))],
            null,
            TestContext.Current.CancellationToken);

        Assert.Equal("Titeln Vårdbiträde är inaktiverat och kan inte få nya behörigheter i matrisen.",
            Assert.IsType<MatrixSaveResult.Rejected>(result).Message);
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("chef1")]
    [InlineData("utanroll")]
    public async Task EveryOperation_RequiresAnAdministrator(string user)
    {
        var (database, model) = await SeededAsync();
        using var _ = database;
        var service = AppServices.MatrixService(database, user);
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.LoadAsync(ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListVersionsAsync(ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListTitlesAsync(ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.PreviewAsync(1, 1, new DateOnly(2026, 12, 1), ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SaveAsync(
            model.Version, [new CellChange(Key(model, "Vårdbiträde", "Combine"), model.Cells.Single(c => c.Key == Key(model, "Vårdbiträde", "Combine")).LevelId, null)], null, ct));
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.MatrixChangeSets.CountAsync(ct));
    }

    [Fact]
    public async Task History_RebuildsVersionsAndDates_AndComparesThem()
    {
        var clock = AppServices.Clock();
        using var database = await TestDatabase.CreateMigratedAsync();
        await database.SeedDemoDataAsync(clock);
        var service = AppServices.MatrixService(database, "admin", clock);
        var ct = TestContext.Current.CancellationToken;
        var model = await service.LoadAsync(ct);
        var key = Key(model, "Stödassistent", "Lifecare");

        clock.Advance(TimeSpan.FromDays(3));
        await service.SaveAsync(model.Version, [new CellChange(key, Level(model, "Lifecare", "Läsbehörighet"), null)], "Tas bort", ct);

        Assert.Equal(1, await service.VersionOnAsync(new DateOnly(2026, 11, 28), ct));
        Assert.Equal(2, await service.VersionOnAsync(new DateOnly(2026, 11, 30), ct));
        Assert.Equal(0, await service.VersionOnAsync(new DateOnly(2026, 11, 26), ct));
        var v1 = await service.AtVersionAsync(1, ct);
        Assert.Equal("Läsbehörighet", v1.Cells[("Stödassistent", "Lifecare")]);
        var v2 = await service.AtVersionAsync(2, ct);
        Assert.False(v2.Cells.ContainsKey(("Stödassistent", "Lifecare")));
        var difference = Assert.Single(await service.CompareAsync(1, 2, ct));
        Assert.Equal(("Stödassistent", "Lifecare", "Läsbehörighet", (string?)null),
            (difference.TitleName, difference.SystemName, difference.LevelA, difference.LevelB));
        var versions = await service.ListVersionsAsync(ct);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
    }

    [Fact]
    public async Task Versions_AreSummarisedAndCountedByTheDatabase_AsTheChangeSetsSayThemselves()
    {
        using var database = await TestDatabase.CreateMigratedAsync();
        await database.SeedDemoDataAsync();
        var service = AppServices.MatrixService(database, "admin");
        var ct = TestContext.Current.CancellationToken;
        var model = await service.LoadAsync(ct);
        var removed = Key(model, "Stödassistent", "Lifecare");
        var changed = model.Cells.First(c => c.Key != removed && model.System(c.SystemId)!.Levels.Count > 1).Key;
        var added = model.Titles.SelectMany(t => model.Systems.Where(s => s.IsActive && t.IsActive).Select(s => new CellKey(t.Id, s.Id)))
            .First(k => model.Cells.All(c => c.Key != k));
        var before = model.Cells.Single(c => c.Key == changed).LevelId;
        var other = model.System(changed.SystemId)!.Levels.First(l => l.Id != before).Id;
        await service.SaveAsync(model.Version,
        [
            new CellChange(removed, model.Cells.Single(c => c.Key == removed).LevelId, null),
            new CellChange(changed, before, other),
            new CellChange(added, null, model.System(added.SystemId)!.Levels[0].Id),
        ], null, ct);

        var versions = await service.ListVersionsAsync(ct);

        await using var db = database.CreateDbContext();
        var sets = await db.MatrixChangeSets.AsNoTracking().ToListAsync(ct);
        Assert.Equal(
            sets.OrderByDescending(s => s.Version).Select(s => (s.Version, s.Summary, s.Changes.Count)),
            versions.Select(v => (v.Version, v.Summary, v.ChangeCount)));
        Assert.Equal("1 tillagd, 1 borttagen, 1 ändrad nivå", versions[0].Summary);
    }

    [Fact]
    public async Task Titles_ForThePreview_AreInSwedishOrder_WithTheInactive()
    {
        using var database = await TestDatabase.CreateMigratedAsync();
        await database.SeedDemoDataAsync();
        var service = AppServices.MatrixService(database, "admin");
        var ct = TestContext.Current.CancellationToken;

        var titles = await service.ListTitlesAsync(ct);

        Assert.Equal((await service.LoadAsync(ct)).Titles, titles);
    }

    [Fact]
    public async Task Preview_DerivesFromTheMatrixInForceOnTheStartDate()
    {
        var clock = AppServices.Clock();
        using var database = await TestDatabase.CreateMigratedAsync();
        await database.SeedDemoDataAsync(clock);
        var service = AppServices.MatrixService(database, "admin", clock);
        var ct = TestContext.Current.CancellationToken;
        var model = await service.LoadAsync(ct);
        var units = await service.ListUnitsAsync(ct);
        var nurse = model.Titles.Single(t => t.Name == "Sjuksköterska").Id;
        var centrum = units.Single(u => u.Name == "Hemtjänst Centrum").Id;
        var ifo = units.Single(u => u.Name == "IFO Vuxen").Id;

        var homeCare = await service.PreviewAsync(nurse, centrum, AdminTimeZone.Today(clock), ct);
        var familyCare = await service.PreviewAsync(nurse, ifo, AdminTimeZone.Today(clock), ct);
        var beforeTheMatrix = await service.PreviewAsync(nurse, centrum, AdminTimeZone.Today(clock).AddDays(-30), ct);

        Assert.Equal(
            ["Appva: Sjuksköterska", "Citrix: Standard", "IntraPhone: Standard", "Lifecare: Utförare", "Smartkort (SITHS): Standard", "Swedlock: Standard"],
            homeCare!.Included.Select(s => $"{s.SystemName}: {s.LevelName}"));
        Assert.Equal(["Citrix", "Lifecare", "Smartkort (SITHS)"], familyCare!.Included.Select(s => s.SystemName));
        Assert.Contains(familyCare.Excluded, e => e.SystemName == "Swedlock");
        Assert.Empty(beforeTheMatrix!.Included);
    }
}
