using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Matrix;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.MasterData;

/// <summary>
/// The reference data an order is checked and derived against (titles, units with their managers and systems,
/// systems with their levels, the matrix in force), kept in memory for as long as the database's
/// <see cref="ReferenceDataStamp"/> is unchanged (decision 0050). Every read costs one query for the stamp, so a unit
/// deactivated by another process is seen by the very next read. Callers check their own policy first.
/// </summary>
public sealed class ReferenceDataCache(IDbContextFactory<SocItDbContext> factory)
{
    private ReferenceSnapshot? _current;

    /// <summary>The reference data as of the stamp read now: the cached snapshot, or a new one when the stamp moved.</summary>
    public async Task<ReferenceSnapshot> GetAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // The stamp is read before the data: a change between the two leaves a snapshot newer than its stamp, which the
        // next read replaces; never one older than it.
        var stamp = await ReferenceDataStamp.ReadAsync(db, ct);
        if (Volatile.Read(ref _current) is { } current && current.Stamp == stamp)
        {
            return current;
        }

        var loaded = await LoadAsync(db, stamp, ct);
        Volatile.Write(ref _current, loaded);
        return loaded;
    }

    private static async Task<ReferenceSnapshot> LoadAsync(SocItDbContext db, long stamp, CancellationToken ct)
    {
        var titles = await db.JobTitles.AsNoTracking().ToListAsync(ct);
        var units = await db.Units.AsNoTracking().AsSplitQuery().Include(u => u.Systems).ToListAsync(ct);
        var systems = await db.ItSystems.AsNoTracking().AsSplitQuery().Include(s => s.Levels).ToListAsync(ct);
        var matrix = await db.MatrixEntries.AsNoTracking()
            .Select(e => new MatrixCell(e.JobTitleId, e.ItSystemId, e.SystemLevelId))
            .ToListAsync(ct);
        var swedish = AdminLocalization.SwedishOrder;
        var reference = new OrderReference(
            [.. titles.Select(t => new ReferenceTitle(t.Id, t.Name, t.IsActive)).OrderBy(t => t.Name, swedish)],
            [
                .. units
                    .Select(u => new ReferenceUnit(u.Id, u.Name, u.IsActive, u.UsesDigitalKeys)
                    {
                        Managers = [.. u.Managers.Select(m => new Contact(m.Name, m.Email)).OrderBy(m => m.Name, swedish)],
                    })
                    .OrderBy(u => u.Name, swedish),
            ],
            [
                .. systems
                    .Select(s => new ReferenceSystem(s.Id, s.Name, s.IsActive, [.. s.Levels.Select(l => new ReferenceLevel(l.Id, l.Name))]))
                    .OrderBy(s => s.Name, swedish),
            ]);
        return new ReferenceSnapshot(
            stamp,
            reference,
            titles.ToDictionary(t => t.Id),
            units.ToDictionary(u => u.Id),
            systems,
            matrix.ToLookup(c => c.TitleId));
    }
}

/// <summary>
/// One version of the reference data, shared by every reader until the stamp moves: read it, never change it (the
/// entities are untracked copies).
/// </summary>
public sealed record ReferenceSnapshot(
    long Stamp,
    OrderReference Reference,
    IReadOnlyDictionary<int, JobTitle> Titles,
    IReadOnlyDictionary<int, Unit> Units,
    IReadOnlyList<ItSystem> Systems,
    ILookup<int, MatrixCell> MatrixByTitle);
