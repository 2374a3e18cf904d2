using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Features.Matrix;

/// <summary>
/// Loads what <see cref="NewEmployeeSystems.Derive"/> needs for a title, a unit and a start date, and applies the
/// rule. Callers check their own policy first (the matrix preview: Administrator; order intake: its own).
/// </summary>
/// <remarks>
/// The titles, units, systems and the matrix in force come from <see cref="ReferenceDataCache"/> (one query for its
/// stamp); only a start date in the past reads the matrix's history.
/// </remarks>
public sealed class NewEmployeeSystemsLookup(IDbContextFactory<SocItDbContext> factory, ReferenceDataCache cache, TimeProvider clock)
{
    public async Task<SystemDerivation?> DeriveAsync(int titleId, int unitId, DateOnly startDate, CancellationToken ct = default) =>
        await DeriveAsync(await cache.GetAsync(ct), titleId, unitId, startDate, ct);

    /// <summary>The same, against a snapshot the caller already holds (order intake reads one per order).</summary>
    public async Task<SystemDerivation?> DeriveAsync(
        ReferenceSnapshot reference, int titleId, int unitId, DateOnly startDate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!reference.Titles.TryGetValue(titleId, out var title) || !reference.Units.TryGetValue(unitId, out var unit))
        {
            return null;
        }

        var systems = reference.Systems;
        var today = AdminTimeZone.Today(clock);
        IEnumerable<MatrixCell> matrix;
        if (startDate >= today)
        {
            matrix = reference.MatrixByTitle[titleId];
        }
        else
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var sets = await db.MatrixChangeSets.AsNoTracking().ToListAsync(ct);
            var version = MatrixHistory.VersionInForceOn(sets, startDate, AdminTimeZone.Stockholm);
            matrix = MatrixHistory.AtVersion(sets, version).Values
                .Where(c => c.Key.TitleId == titleId)
                .Select(c => new MatrixCell(c.Key.TitleId, c.Key.SystemId, c.LevelId));
        }

        return NewEmployeeSystems.Derive(title, unit, systems, matrix, AdminLocalization.SwedishOrder);
    }
}
