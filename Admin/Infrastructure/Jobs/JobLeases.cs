using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Infrastructure.Jobs;

/// <summary>Who runs a job: the host and the process, and the run, so that two runs in one process differ too.</summary>
public sealed record JobLeaseHolder(string Host, int ProcessId, Guid RunId)
{
    private const int HostMaxLength = 100;

    /// <summary>A new run in this process.</summary>
    public static JobLeaseHolder NewRun()
    {
        var host = Environment.MachineName;
        return new(host.Length <= HostMaxLength ? host : host[..HostMaxLength], Environment.ProcessId, Guid.NewGuid());
    }

    /// <summary>The holder as written to the database: <c>host/process/run</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}/{ProcessId}/{RunId:N}");

    /// <summary>Reads a stored holder back; null for a value that is not one.</summary>
    public static JobLeaseHolder? Parse(string? value)
    {
        var parts = value?.Split('/');
        return parts is [var host, var process, var run]
            && int.TryParse(process, NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            && Guid.TryParseExact(run, "N", out var runId)
            ? new JobLeaseHolder(host, processId, runId)
            : null;
    }
}

/// <summary>A lease this run holds on a job.</summary>
public sealed record JobLease(string JobId, JobLeaseHolder Holder, DateTimeOffset ClaimedAt);

/// <summary>A lease another run holds: who (as stored) and since when.</summary>
public sealed record JobLeaseHeldBy(string JobId, string Holder, DateTimeOffset ClaimedAt);

/// <summary>
/// The lease that lets one run of a job go on at a time across every process on the database (decision 0021). It is
/// the job's row in <c>JobRuns</c>: a holder, when it was claimed and until when it holds. Claiming is one conditional
/// upsert — insert the row, or take it over when it is free or its holder's lease has run out — in a write
/// transaction, so two processes claiming at once are serialised by the database and exactly one gets it. Renewing
/// and releasing are conditional updates that touch the row only while the caller still holds it. A holder that
/// crashes releases nothing: its lease runs out <see cref="Duration"/> after it was last renewed.
/// </summary>
public sealed class JobLeases(IDbContextFactory<SocItDbContext> factory, TimeProvider clock)
{
    /// <summary>How long a lease holds unless renewed: how long a crashed holder keeps the job from running.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(2);

    /// <summary>How often a running job renews its lease: well within <see cref="Duration"/>, so a slow renewal does not lose it.</summary>
    public static readonly TimeSpan RenewEvery = Duration / 4;

    /// <summary>
    /// The claim, in SQL that SQLite (3.24 and later) and PostgreSQL both read the same way: <c>INSERT … ON CONFLICT DO
    /// UPDATE … WHERE</c> inserts the job's row when there is none (so two first runs cannot both insert it), and
    /// otherwise takes the lease only when nobody holds it or the holder's lease has run out; a row that does not
    /// qualify is left alone and counts 0 rows. Instants are UTC ticks, as <c>UtcTicksConverter</c> stores them.
    /// Parameters: job id, holder, now, expiry.
    /// </summary>
    internal const string ClaimSql = """
        INSERT INTO "JobRuns" ("JobId", "LeaseHolder", "LeaseClaimedAt", "LeaseExpiresAt", "LastStartedAt")
        VALUES ({0}, {1}, {2}, {3}, {2})
        ON CONFLICT ("JobId") DO UPDATE SET
            "LeaseHolder" = excluded."LeaseHolder", "LeaseClaimedAt" = excluded."LeaseClaimedAt",
            "LeaseExpiresAt" = excluded."LeaseExpiresAt", "LastStartedAt" = excluded."LastStartedAt"
        WHERE "JobRuns"."LeaseHolder" IS NULL OR "JobRuns"."LeaseExpiresAt" <= excluded."LeaseClaimedAt"
        """;

    /// <summary>
    /// Claims the lease on <paramref name="jobId"/> for <paramref name="holder"/>, or says who holds it. The claim and
    /// the look at the holder are one transaction; on SQLite it begins IMMEDIATE (Microsoft.Data.Sqlite's default), so
    /// it takes the write lock at once and waits its turn through the busy timeout instead of failing on an upgrade.
    /// </summary>
    public async Task<(JobLease? Lease, JobLeaseHeldBy? HeldBy)> TryClaimAsync(string jobId, JobLeaseHolder holder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Database.ExecuteSqlRawAsync(
            ClaimSql, [jobId, holder.ToString(), now.UtcTicks, (now + Duration).UtcTicks], ct);
        JobLeaseHeldBy? heldBy = null;
        if (claimed == 0)
        {
            heldBy = await db.JobRuns.AsNoTracking().Where(j => j.JobId == jobId)
                .Select(j => new JobLeaseHeldBy(j.JobId, j.LeaseHolder!, j.LeaseClaimedAt!.Value))
                .SingleAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return claimed == 0 ? (null, heldBy) : (new JobLease(jobId, holder, now), null);
    }

    /// <summary>Extends a held lease by <see cref="Duration"/> from now; false when it is no longer the caller's.</summary>
    public async Task<bool> RenewAsync(JobLease lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var expires = clock.GetUtcNow() + Duration;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Held(db, lease).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, expires), ct) == 1;
    }

    /// <summary>
    /// Gives the lease up; a run that succeeded records it as the job's last success, with its summary, in the same
    /// statement. Nothing happens when the lease is no longer the caller's.
    /// </summary>
    public async Task<bool> ReleaseAsync(JobLease lease, string? successSummary, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var released = await Held(db, lease).ExecuteUpdateAsync(
            s =>
            {
                s.SetProperty(j => j.LeaseHolder, (string?)null)
                    .SetProperty(j => j.LeaseClaimedAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null);
                if (successSummary is not null)
                {
                    s.SetProperty(j => j.LastSucceededAt, now).SetProperty(j => j.LastSummary, JobRunState.KeptSummary(successSummary));
                }
            },
            ct);
        return released == 1;
    }

    private static IQueryable<JobRunState> Held(SocItDbContext db, JobLease lease)
    {
        var holder = lease.Holder.ToString();
        return db.JobRuns.Where(j => j.JobId == lease.JobId && j.LeaseHolder == holder);
    }
}
