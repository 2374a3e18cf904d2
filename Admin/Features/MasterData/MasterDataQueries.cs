using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.MasterData;

public sealed record SystemLevelRow(int Id, string Name, int MatrixCellCount);

public sealed record ItSystemRow(
    int Id,
    string Name,
    string? Description,
    string? Contact,
    bool RequiresDigitalKeys,
    bool IsActive,
    int UnitCount,
    int MatrixCellCount,
    IReadOnlyList<SystemLevelRow> Levels)
{
    /// <summary>A system that no unit and no matrix cell uses may be deleted; otherwise it is deactivated.</summary>
    public bool CanDelete => UnitCount == 0 && MatrixCellCount == 0;

    public bool Matches(string? search) =>
        MasterDataSearch.Matches(search, Name, Description, Contact) || Levels.Any(l => MasterDataSearch.Matches(search, l.Name));
}

public sealed record JobTitleRow(int Id, string Name, bool IsActive, int MatrixCellCount)
{
    /// <summary>A title that no matrix cell uses may be deleted; otherwise it is deactivated.</summary>
    public bool CanDelete => MatrixCellCount == 0;

    public bool Matches(string? search) => MasterDataSearch.Matches(search, Name);
}

/// <summary>Reads the master data that administrators keep: IT systems with their levels, and job titles.</summary>
/// <remarks>Units are read through <see cref="UnitDirectory"/>, which the unit register shares.</remarks>
public sealed class MasterDataQueries(IDbContextFactory<SocItDbContext> factory)
{
    public async Task<IReadOnlyList<ItSystemRow>> ListSystemsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var systems = await db.ItSystems.AsNoTracking()
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Description,
                s.Contact,
                s.RequiresDigitalKeys,
                s.IsActive,
                UnitCount = db.Units.Count(u => u.Systems.Any(x => x.Id == s.Id)),
                MatrixCellCount = db.MatrixEntries.Count(e => e.ItSystemId == s.Id),
                Levels = s.Levels
                    .Select(l => new { l.Id, l.Name, l.Position, Cells = db.MatrixEntries.Count(e => e.SystemLevelId == l.Id) })
                    .ToList(),
            })
            .ToListAsync(ct);
        return
        [
            .. systems
                .Select(s => new ItSystemRow(
                    s.Id,
                    s.Name,
                    s.Description,
                    s.Contact,
                    s.RequiresDigitalKeys,
                    s.IsActive,
                    s.UnitCount,
                    s.MatrixCellCount,
                    [.. s.Levels.OrderBy(l => l.Position).Select(l => new SystemLevelRow(l.Id, l.Name, l.Cells))]))
                .OrderBy(s => s.Name, SwedishOrder),
        ];
    }

    public async Task<IReadOnlyList<JobTitleRow>> ListTitlesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var titles = await db.JobTitles.AsNoTracking()
            .Select(t => new JobTitleRow(t.Id, t.Name, t.IsActive, db.MatrixEntries.Count(e => e.JobTitleId == t.Id)))
            .ToListAsync(ct);
        return [.. titles.OrderBy(t => t.Name, SwedishOrder)];
    }

    private static StringComparer SwedishOrder => AdminLocalization.SwedishOrder;
}
