using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Features.Matrix;

/// <summary>
/// Loads what <see cref="NewEmployeeSystems.Derive"/> needs for a title, a unit and a start date, and applies the
/// rule. Callers check their own policy first (the matrix preview: Administrator; order intake: its own).
/// </summary>
public sealed class NewEmployeeSystemsLookup(IDbContextFactory<SocItDbContext> factory, TimeProvider clock)
{
    public async Task<SystemDerivation?> DeriveAsync(int titleId, int unitId, DateOnly startDate, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var title = await db.JobTitles.AsNoTracking().SingleOrDefaultAsync(t => t.Id == titleId, ct);
        var unit = await db.Units.AsNoTracking().AsSplitQuery().Include(u => u.Systems).SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (title is null || unit is null)
        {
            return null;
        }

        var systems = await db.ItSystems.AsNoTracking().Include(s => s.Levels).ToListAsync(ct);
        var today = AdminTimeZone.Today(clock);
        IEnumerable<MatrixCell> matrix;
        if (startDate >= today)
        {
            matrix = await db.MatrixEntries.AsNoTracking()
                .Where(e => e.JobTitleId == titleId)
                .Select(e => new MatrixCell(e.JobTitleId, e.ItSystemId, e.SystemLevelId))
                .ToListAsync(ct);
        }
        else
        {
            var sets = await db.MatrixChangeSets.AsNoTracking().ToListAsync(ct);
            var version = MatrixHistory.VersionInForceOn(sets, startDate, AdminTimeZone.Stockholm);
            matrix = MatrixHistory.AtVersion(sets, version).Values
                .Where(c => c.Key.TitleId == titleId)
                .Select(c => new MatrixCell(c.Key.TitleId, c.Key.SystemId, c.LevelId));
        }

        return NewEmployeeSystems.Derive(title, unit, systems, matrix, AdminLocalization.SwedishOrder);
    }
}
