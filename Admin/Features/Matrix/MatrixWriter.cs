using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Features.Matrix;

/// <summary>
/// The one way the matrix changes: a change set based on a version. Editor saves, imports and demo data all come
/// through here, so each is one version in the history and one entry in the audit trail.
/// </summary>
public sealed class MatrixWriter(AuditTrail audit, TimeProvider clock)
{
    /// <summary>
    /// Applies <paramref name="edits"/> (cell → level, null empties it) if the matrix is still at
    /// <paramref name="baseVersion"/>; otherwise nothing is written and the cells changed meanwhile are returned.
    /// </summary>
    public async Task<MatrixSaveResult> SaveAsync(
        SocItDbContext db,
        Actor actor,
        int baseVersion,
        IReadOnlyCollection<(CellKey Key, int? LevelId)> edits,
        string? comment,
        MatrixChangeSource source,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(edits);
        var state = await db.MatrixState.SingleAsync(ct);
        if (state.Version != baseVersion)
        {
            return await ConflictAsync(db, baseVersion, edits.Select(e => e.Key).ToHashSet(), ct);
        }

        var titleIds = edits.Select(e => e.Key.TitleId).Distinct().ToList();
        var systemIds = edits.Select(e => e.Key.SystemId).Distinct().ToList();
        var titles = await db.JobTitles.Where(t => titleIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var systems = await db.ItSystems.Include(s => s.Levels).Where(s => systemIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var entries = await db.MatrixEntries
            .Where(e => titleIds.Contains(e.JobTitleId) && systemIds.Contains(e.ItSystemId))
            .ToDictionaryAsync(e => new CellKey(e.JobTitleId, e.ItSystemId), ct);

        var changeSet = new MatrixChangeSet(baseVersion + 1, clock.GetUtcNow(), actor, comment, source);
        foreach (var (key, levelId) in edits)
        {
            if (!titles.TryGetValue(key.TitleId, out var title) || !systems.TryGetValue(key.SystemId, out var system))
            {
                return new MatrixSaveResult.Rejected("En titel eller ett system i ändringarna finns inte längre. Ladda om matrisen.");
            }

            var level = levelId is { } id ? system.Levels.FirstOrDefault(l => l.Id == id) : null;
            if (levelId is not null && level is null)
            {
                return new MatrixSaveResult.Rejected($"Nivån finns inte i {system.Name}. Ladda om matrisen.");
            }

            entries.TryGetValue(key, out var entry);
            if (entry?.SystemLevelId == levelId)
            {
                continue;
            }

            if (levelId is not null && (!title.IsActive || !system.IsActive))
            {
                var inactive = !title.IsActive ? $"Titeln {title.Name}" : $"Systemet {system.Name}";
                return new MatrixSaveResult.Rejected($"{inactive} är inaktiverat och kan inte få nya behörigheter i matrisen.");
            }

            var before = entry is null ? null : system.Levels.FirstOrDefault(l => l.Id == entry.SystemLevelId);
            changeSet.Add(new MatrixCellChange(
                title.Id, title.Name, system.Id, system.Name, before?.Id, before?.Name, level?.Id, level?.Name));

            if (entry is null)
            {
                db.MatrixEntries.Add(new MatrixEntry(title.Id, system.Id, level!.Id));
            }
            else if (level is null)
            {
                db.MatrixEntries.Remove(entry);
            }
            else
            {
                entry.ChangeLevel(level.Id);
            }
        }

        if (changeSet.Changes.Count == 0)
        {
            return new MatrixSaveResult.Rejected("Det finns inga ändringar att spara.");
        }

        state.Advance();
        db.MatrixChangeSets.Add(changeSet);
        audit.Record(db, actor, "Matrix.Saved", "Matrix", changeSet.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Matrisen version {changeSet.Version}: {changeSet.Summary}.",
            before: changeSet.Changes.Where(c => c.LevelBeforeName is not null)
                .Select(c => new { Title = c.TitleName, System = c.SystemName, Level = c.LevelBeforeName }),
            after: changeSet.Changes.Where(c => c.LevelAfterName is not null)
                .Select(c => new { Title = c.TitleName, System = c.SystemName, Level = c.LevelAfterName }));

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved between our check and our write: the version token (or the unique version) refused it.
            if (!await VersionMovedAsync(db, baseVersion, ct))
            {
                throw;
            }

            return await ConflictAsync(db, baseVersion, edits.Select(e => e.Key).ToHashSet(), ct);
        }

        return new MatrixSaveResult.Saved(changeSet.Version, changeSet.Summary);
    }

    private static async Task<bool> VersionMovedAsync(SocItDbContext db, int baseVersion, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.MatrixState.AsNoTracking().Select(s => s.Version).SingleAsync(ct) != baseVersion;
    }

    private static async Task<MatrixSaveResult> ConflictAsync(
        SocItDbContext db, int baseVersion, HashSet<CellKey> mine, CancellationToken ct)
    {
        var sets = await db.MatrixChangeSets.AsNoTracking().Where(s => s.Version > baseVersion).OrderBy(s => s.Version).ToListAsync(ct);
        var current = sets.Count == 0 ? baseVersion : sets[^1].Version;
        var changed = sets
            .SelectMany(set => set.Changes.Select(c => new ConflictingCell(
                set.Version,
                set.SavedByName,
                set.SavedAt,
                new NamedCellChange(c.Key, c.TitleName, c.SystemName, c.LevelBeforeName, c.LevelAfterName, c.Kind),
                mine.Contains(c.Key))))
            .ToList();
        return new MatrixSaveResult.Conflict(current, changed);
    }
}
