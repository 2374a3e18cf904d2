using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Features.Matrix;

/// <summary>The matrix editor's and history's operations; every one requires an Administrator.</summary>
public sealed class MatrixService(
    IDbContextFactory<SocItDbContext> factory,
    CurrentUser currentUser,
    MatrixWriter writer,
    NewEmployeeSystemsLookup lookup)
{
    private static StringComparer Swedish => AdminLocalization.SwedishOrder;

    public async Task<MatrixModel> LoadAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await LoadModelAsync(db, ct);
    }

    public async Task<MatrixSaveResult> SaveAsync(
        int baseVersion, IReadOnlyCollection<CellChange> changes, string? comment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var actor = await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await writer.SaveAsync(
            db, actor, baseVersion, [.. changes.Select(c => (c.Key, c.LevelAfter))], comment, MatrixChangeSource.Editor, ct);
    }

    public async Task<IReadOnlyList<VersionRow>> ListVersionsAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        // Counted in the database: the history lists every version without reading each one's cell changes.
        var sets = await db.MatrixChangeSets.AsNoTracking()
            .OrderByDescending(s => s.Version)
            .Select(s => new
            {
                s.Version,
                s.SavedAt,
                s.SavedByName,
                s.Comment,
                s.Source,
                Added = s.Changes.Count(c => c.LevelBeforeId == null),
                Removed = s.Changes.Count(c => c.LevelBeforeId != null && c.LevelAfterId == null),
                Changed = s.Changes.Count(c => c.LevelBeforeId != null && c.LevelAfterId != null),
            })
            .ToListAsync(ct);
        return
        [
            .. sets.Select(s => new VersionRow(
                s.Version, s.SavedAt, s.SavedByName, s.Comment, s.Source,
                MatrixChangeSummary.Describe(s.Added, s.Removed, s.Changed), s.Added + s.Removed + s.Changed)),
        ];
    }

    public async Task<VersionDetails?> GetVersionAsync(int version, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var set = await db.MatrixChangeSets.AsNoTracking().SingleOrDefaultAsync(s => s.Version == version, ct);
        return set is null
            ? null
            : new VersionDetails(
                ToRow(set),
                [
                    .. set.Changes
                        .Select(c => new NamedCellChange(c.Key, c.TitleName, c.SystemName, c.LevelBeforeName, c.LevelAfterName, c.Kind))
                        .OrderBy(c => c.TitleName, Swedish)
                        .ThenBy(c => c.SystemName, Swedish),
                ]);
    }

    /// <summary>The matrix as it stood after <paramref name="version"/>, with the names of that time.</summary>
    public async Task<HistoricMatrix> AtVersionAsync(int version, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var sets = await db.MatrixChangeSets.AsNoTracking().Where(s => s.Version <= version).ToListAsync(ct);
        return ToHistoricMatrix(version, MatrixHistory.AtVersion(sets, version));
    }

    /// <summary>The version in force at the end of <paramref name="date"/> (Swedish time); 0 before the first save.</summary>
    public async Task<int> VersionOnAsync(DateOnly date, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var sets = await db.MatrixChangeSets.AsNoTracking().ToListAsync(ct);
        return MatrixHistory.VersionInForceOn(sets, date, AdminTimeZone.Stockholm);
    }

    public async Task<IReadOnlyList<VersionDifference>> CompareAsync(int versionA, int versionB, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var upTo = Math.Max(versionA, versionB);
        var sets = await db.MatrixChangeSets.AsNoTracking().Where(s => s.Version <= upTo).ToListAsync(ct);
        return MatrixHistory.Compare(MatrixHistory.AtVersion(sets, versionA), MatrixHistory.AtVersion(sets, versionB), Swedish);
    }

    /// <summary>The titles in Swedish order, for the preview's choice: no systems, no cells.</summary>
    public async Task<IReadOnlyList<MatrixTitle>> ListTitlesAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var titles = await db.JobTitles.AsNoTracking().Select(t => new MatrixTitle(t.Id, t.Name, t.IsActive)).ToListAsync(ct);
        return [.. titles.OrderBy(t => t.Name, Swedish)];
    }

    public async Task<IReadOnlyList<UnitOption>> ListUnitsAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking()
            .Select(UnitOption.FromUnit)
            .ToListAsync(ct);
        return [.. units.OrderBy(u => u.Name, Swedish)];
    }

    /// <summary>What a new employee with the title in the unit would get, starting on <paramref name="startDate"/>.</summary>
    public async Task<SystemDerivation?> PreviewAsync(int titleId, int unitId, DateOnly startDate, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        return await lookup.DeriveAsync(titleId, unitId, startDate, ct);
    }

    internal static async Task<MatrixModel> LoadModelAsync(SocItDbContext db, CancellationToken ct)
    {
        var version = await db.MatrixState.AsNoTracking().Select(s => s.Version).SingleAsync(ct);
        var titles = await db.JobTitles.AsNoTracking().Select(t => new MatrixTitle(t.Id, t.Name, t.IsActive)).ToListAsync(ct);
        var systems = await db.ItSystems.AsNoTracking().Include(s => s.Levels).ToListAsync(ct);
        var cells = await db.MatrixEntries.AsNoTracking()
            .Select(e => new MatrixCell(e.JobTitleId, e.ItSystemId, e.SystemLevelId))
            .ToListAsync(ct);
        return new MatrixModel(
            version,
            [.. titles.OrderBy(t => t.Name, Swedish)],
            [
                .. systems
                    .Select(s => new MatrixSystem(
                        s.Id, s.Name, s.IsActive, s.RequiresDigitalKeys, [.. s.Levels.Select(l => new LevelOption(l.Id, l.Name))]))
                    .OrderBy(s => s.Name, Swedish),
            ],
            cells);
    }

    private static VersionRow ToRow(MatrixChangeSet set) =>
        new(set.Version, set.SavedAt, set.SavedByName, set.Comment, set.Source, set.Summary, set.Changes.Count);

    private static HistoricMatrix ToHistoricMatrix(int version, IReadOnlyDictionary<CellKey, HistoricCell> cells) =>
        new(
            version,
            [.. cells.Values.Select(c => c.TitleName).Distinct().Order(Swedish)],
            [.. cells.Values.Select(c => c.SystemName).Distinct().Order(Swedish)],
            cells.Values.ToDictionary(c => (c.TitleName, c.SystemName), c => c.LevelName));
}
