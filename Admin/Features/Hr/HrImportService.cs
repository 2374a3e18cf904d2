using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Shared.Hr;

namespace SocItConsole.Admin.Features.Hr;

/// <summary>One earlier run, for the list under <em>Läs in HR-fil</em>.</summary>
public sealed record HrImportRow(
    int Id, string FileName, DateOnly AsOf, HrImportSource Source, string ByName, DateTimeOffset StartedAt, HrRunFigures Figures, int OrdersPlaced);

/// <summary>
/// <em>Läs in HR-fil</em> for administrators: a dry run of an uploaded file, the real run (under the job's lease, so it
/// never runs beside the nightly one), and the earlier runs. Each operation checks the Administrator policy itself.
/// </summary>
public sealed class HrImportService(
    IDbContextFactory<SocItDbContext> factory, CurrentUser currentUser, HrReconciliationRun run, JobRunner runner)
{
    /// <summary>The largest file the page takes: a region's 40,000 lines are about 4 MB.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public const int MaxRowsListed = 50;

    /// <summary>What the file would give; stores nothing.</summary>
    public async Task<HrRunReport> DryRunAsync(ReadOnlyMemory<byte> bytes, string fileName, DateOnly? asOf, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.Administrator);
        return await run.RunAsync(bytes, fileName, asOf, dryRun: true, HrImportSource.Upload, actor, ct);
    }

    /// <summary>
    /// Reconciles the file for real, as the signed-in administrator. When another run is going on it throws
    /// <see cref="JobBusyException"/> and does nothing.
    /// </summary>
    public async Task<HrRunReport> ReconcileAsync(ReadOnlyMemory<byte> bytes, string fileName, DateOnly? asOf, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.Administrator);
        return await runner.RunAsync(HrReconciliationRun.JobId, TimeSpan.Zero,
            leased => run.RunAsync(bytes, fileName, asOf, dryRun: false, HrImportSource.Upload, actor, leased), ct);
    }

    /// <summary>The latest runs, newest first.</summary>
    public async Task<IReadOnlyList<HrImportRow>> ListAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var imports = await db.HrImports.AsNoTracking()
            .OrderByDescending(i => i.Id).Take(MaxRowsListed)
            .ToListAsync(ct);
        return [.. imports.Select(i => new HrImportRow(
            i.Id, i.FileName, i.AsOf, i.Source, i.ByName, i.StartedAt,
            new HrRunFigures(i.LinesRead, i.LinesSkipped, i.LinesUnmapped, i.PersonsMatched, i.Leavers, i.Movers, i.Joiners, i.UnknownToHr, i.CarriedDismissals),
            i.OrdersPlaced))];
    }
}
