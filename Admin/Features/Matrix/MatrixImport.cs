using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Features.Matrix;

/// <summary>What an import would do: every row error, or every cell change, against the version it was read on.</summary>
public sealed record ImportPreview(
    int BaseVersion,
    IReadOnlyList<MatrixCsvError> Errors,
    IReadOnlyList<NamedCellChange> Changes)
{
    public bool IsValid => Errors.Count == 0;

    public string Summary => MatrixChangeSummary.Describe(Changes.Select(c => c.Kind));
}

public sealed record CsvFile(string FileName, byte[] Content);

/// <summary>Export of the matrix for Swedish Excel, and import with a dry run first; an applied import is one version.</summary>
public sealed class MatrixImport(
    IDbContextFactory<SocItDbContext> factory,
    CurrentUser currentUser,
    MatrixWriter writer,
    TimeProvider clock)
{
    /// <summary>The largest file accepted: a 200 × 30 matrix is about 60 kB, 10,000 titles a few MB.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    private static StringComparer Swedish => AdminLocalization.SwedishOrder;

    public async Task<CsvFile> ExportAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var model = await MatrixService.LoadModelAsync(db, ct);
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), AdminTimeZone.Stockholm).ToString("yyyy-MM-dd", AdminLocalization.Swedish);
        return new CsvFile($"matris-version-{model.Version}-{today}.csv", MatrixCsv.Export(Schema(model), model.Cells, Swedish));
    }

    /// <summary>Reads the file and compares it with the matrix; nothing is written.</summary>
    public async Task<ImportPreview> DryRunAsync(Stream content, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var model = await MatrixService.LoadModelAsync(db, ct);
        var parsed = MatrixCsv.Parse(content, Schema(model));
        if (!parsed.IsValid)
        {
            return new ImportPreview(model.Version, parsed.Errors, []);
        }

        var changes = MatrixCsv.Diff(model.Cells, parsed).Select(c => Name(model, c)).ToList();
        var errors = changes
            .Where(c => c.LevelAfter is not null)
            .Select(c => (Change: c, Title: model.Title(c.Key.TitleId)!, System: model.System(c.Key.SystemId)!))
            .Where(x => !x.Title.IsActive || !x.System.IsActive)
            .Select(x => new MatrixCsvError(0, !x.Title.IsActive
                ? $"Titeln {x.Title.Name} är inaktiverad och kan inte få {x.System.Name} i matrisen."
                : $"Systemet {x.System.Name} är inaktiverat och kan inte läggas till för {x.Title.Name}."))
            .Distinct()
            .ToList();
        return errors.Count > 0
            ? new ImportPreview(model.Version, errors, [])
            : new ImportPreview(model.Version, [], [.. changes.OrderBy(c => c.TitleName, Swedish).ThenBy(c => c.SystemName, Swedish)]);
    }

    /// <summary>
    /// Applies a dry run's changes as one version, if the matrix is still at the version the file was compared with;
    /// otherwise nothing is written and the file must be read again.
    /// </summary>
    public async Task<MatrixSaveResult> ApplyAsync(ImportPreview preview, string? comment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var actor = await currentUser.RequireAsync(Policies.Administrator);
        if (!preview.IsValid || preview.Changes.Count == 0)
        {
            return new MatrixSaveResult.Rejected("Filen har fel eller inga ändringar; inget har importerats.");
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var edits = preview.Changes.Select(c => (c.Key, LevelId: c.LevelAfterId)).ToList();
        return await writer.SaveAsync(db, actor, preview.BaseVersion, edits, comment, MatrixChangeSource.Import, ct);
    }

    private static MatrixCsvSchema Schema(MatrixModel model) => new(
        [.. model.Titles.Select(t => new CsvTitle(t.Id, t.Name))],
        [.. model.Systems.Select(s => new CsvSystem(s.Id, s.Name, [.. s.Levels.Select(l => new CsvLevel(l.Id, l.Name))]))]);

    private static NamedCellChange Name(MatrixModel model, CellChange change)
    {
        var system = model.System(change.Key.SystemId);
        return new NamedCellChange(
            change.Key,
            model.Title(change.Key.TitleId)?.Name ?? "?",
            system?.Name ?? "?",
            system?.LevelName(change.LevelBefore),
            system?.LevelName(change.LevelAfter),
            change.Kind)
        {
            LevelAfterId = change.LevelAfter,
        };
    }
}
