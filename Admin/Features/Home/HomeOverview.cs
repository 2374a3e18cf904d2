using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Home;

public sealed record MasterDataSummary(
    int ActiveSystems,
    int ActiveTitles,
    int ActiveUnits,
    int UnitsWithDigitalKeys,
    IReadOnlyList<string> SystemNames);

/// <summary>The figures on Soc-IT's start page.</summary>
public sealed class HomeOverview(IDbContextFactory<SocItDbContext> factory)
{
    public async Task<MasterDataSummary> GetSummaryAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var systems = await db.ItSystems.AsNoTracking().Where(s => s.IsActive).Select(s => s.Name).ToListAsync(ct);
        var titles = await db.JobTitles.CountAsync(t => t.IsActive, ct);
        var units = await db.Units.CountAsync(u => u.IsActive, ct);
        var withKeys = await db.Units.CountAsync(u => u.IsActive && u.UsesDigitalKeys, ct);
        var swedish = AdminLocalization.SwedishOrder;
        return new MasterDataSummary(systems.Count, titles, units, withKeys, [.. systems.Order(swedish)]);
    }
}
