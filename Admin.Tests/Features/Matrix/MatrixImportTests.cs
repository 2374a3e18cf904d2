using System.Text;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Tests.Features.Matrix;

public class MatrixImportTests
{
    private static async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateMigratedAsync();
        await database.SeedDemoDataAsync();
        return database;
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());

    [Fact]
    public async Task Export_ThenDryRunOfTheSameFile_ChangesNothing()
    {
        using var database = await SeededAsync();
        var import = AppServices.MatrixImport(database, "admin");
        var ct = TestContext.Current.CancellationToken;

        var file = await import.ExportAsync(ct);
        var preview = await import.DryRunAsync(new MemoryStream(file.Content), ct);

        Assert.Equal("matris-version-1-2026-11-27.csv", file.FileName);
        Assert.True(preview.IsValid);
        Assert.Empty(preview.Changes);
        Assert.Equal(1, preview.BaseVersion);
    }

    [Fact]
    public async Task Apply_SavesTheFilesChangesAsOneImportVersion()
    {
        using var database = await SeededAsync();
        var import = AppServices.MatrixImport(database, "admin");
        var ct = TestContext.Current.CancellationToken;

        var preview = await import.DryRunAsync(Csv("Titel;Qlikview;Lifecare\r\nVårdbiträde;Chef;\r\nSjuksköterska;;Handläggare\r\n"), ct);

        Assert.True(preview.IsValid);
        Assert.Equal("1 tillagd, 1 borttagen, 1 ändrad nivå", preview.Summary);
        var saved = Assert.IsType<MatrixSaveResult.Saved>(await import.ApplyAsync(preview, "Från Excel", ct));
        Assert.Equal(2, saved.Version);
        await using var db = database.CreateDbContext();
        var set = await db.MatrixChangeSets.SingleAsync(s => s.Version == 2, ct);
        Assert.Equal(MatrixChangeSource.Import, set.Source);
        Assert.Equal("Från Excel", set.Comment);
        Assert.Equal(3, set.Changes.Count);
    }

    [Fact]
    public async Task DryRun_ReportsRowErrors_AndApplyingItIsRefused()
    {
        using var database = await SeededAsync();
        var import = AppServices.MatrixImport(database, "admin");
        var ct = TestContext.Current.CancellationToken;

        var preview = await import.DryRunAsync(Csv("Titel;Lifecare\r\nLäkare;Utförare\r\nVårdbiträde;Superanvändare\r\n"), ct);

        Assert.False(preview.IsValid);
        Assert.Equal([2, 3], preview.Errors.Select(e => e.Line));
        Assert.IsType<MatrixSaveResult.Rejected>(await import.ApplyAsync(preview, null, ct));
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.MatrixChangeSets.CountAsync(ct));
    }

    [Fact]
    public async Task DryRun_RefusesNewCellsForAnInactiveTitle()
    {
        using var database = await SeededAsync();
        await using (var db = database.CreateDbContext())
        {
            (await db.JobTitles.SingleAsync(t => t.Name == "Vårdbiträde", TestContext.Current.CancellationToken)).Deactivate();
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var preview = await AppServices.MatrixImport(database, "admin")
            .DryRunAsync(Csv("Titel;Qlikview\r\nVårdbiträde;Chef\r\n"), TestContext.Current.CancellationToken);

        Assert.Equal("Titeln Vårdbiträde är inaktiverad och kan inte få Qlikview i matrisen.", Assert.Single(preview.Errors).Message);
    }

    [Fact]
    public async Task Apply_AfterTheMatrixChangedSinceTheDryRun_IsAConflict_AndWritesNothing()
    {
        using var database = await SeededAsync();
        var import = AppServices.MatrixImport(database, "admin");
        var editor = AppServices.MatrixService(database, "admin");
        var ct = TestContext.Current.CancellationToken;
        var preview = await import.DryRunAsync(Csv("Titel;Qlikview\r\nVårdbiträde;Chef\r\n"), ct);
        var model = await editor.LoadAsync(ct);
        var key = new CellKey(model.Titles.Single(t => t.Name == "Stödassistent").Id, model.Systems.Single(s => s.Name == "Citrix").Id);
        await editor.SaveAsync(model.Version, [new CellChange(key, model.Cells.Single(c => c.Key == key).LevelId, null)], null, ct);

        var result = await import.ApplyAsync(preview, null, ct);

        Assert.IsType<MatrixSaveResult.Conflict>(result);
        await using var db = database.CreateDbContext();
        Assert.Equal(2, await db.MatrixChangeSets.CountAsync(ct));
    }

    [Fact]
    public async Task Import_RequiresAnAdministrator()
    {
        using var database = await SeededAsync();
        var import = AppServices.MatrixImport(database, "operator");
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => import.ExportAsync(ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => import.DryRunAsync(Csv("Titel\r\n"), ct));
    }
}
