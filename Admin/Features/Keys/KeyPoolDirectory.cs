using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Keys;

/// <summary>
/// The names of each unit's key pools, for the order API's reference data: names only, no members or keys. The
/// caller's endpoint has checked who may ask.
/// </summary>
public sealed class KeyPoolDirectory(IDbContextFactory<SocItDbContext> factory)
{
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> NamesByUnitAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pools = await db.KeyPools.AsNoTracking().Select(p => new { p.UnitId, p.Name }).ToListAsync(ct);
        return pools.GroupBy(p => p.UnitId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)[.. g.Select(p => p.Name).Order(AdminLocalization.SwedishOrder)]);
    }
}
