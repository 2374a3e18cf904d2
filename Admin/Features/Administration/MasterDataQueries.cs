using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Administration;

public sealed record ItSystemRow(int Id, string Name, string? Description, bool IsActive, int UnitCount);

public sealed record JobTitleRow(int Id, string Name, bool IsActive);

/// <summary>Reads the master data that administrators keep: IT systems and job titles.</summary>
public sealed class MasterDataQueries(IDbContextFactory<SocItDbContext> factory)
{
    public async Task<IReadOnlyList<ItSystemRow>> ListSystemsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var systems = await db.ItSystems.AsNoTracking()
            .Select(s => new ItSystemRow(s.Id, s.Name, s.Description, s.IsActive, db.Units.Count(u => u.Systems.Any(x => x.Id == s.Id))))
            .ToListAsync(ct);
        return [.. systems.OrderBy(s => s.Name, SwedishOrder)];
    }

    public async Task<IReadOnlyList<JobTitleRow>> ListTitlesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var titles = await db.JobTitles.AsNoTracking().Select(t => new JobTitleRow(t.Id, t.Name, t.IsActive)).ToListAsync(ct);
        return [.. titles.OrderBy(t => t.Name, SwedishOrder)];
    }

    private static StringComparer SwedishOrder => StringComparer.Create(AdminLocalization.Swedish, ignoreCase: true);
}
