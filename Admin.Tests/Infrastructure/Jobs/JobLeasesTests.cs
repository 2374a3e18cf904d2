using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Jobs;

namespace SocItConsole.Admin.Tests.Infrastructure.Jobs;

/// <summary>The lease on a job's row in <c>JobRuns</c>, on a migrated SQLite file opened as the app opens it, on a fake clock.</summary>
public sealed class JobLeasesTests : IAsyncLifetime
{
    private const string JobId = "expiry-reminders";

    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase _database = null!;
    private AppConnections _connections = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private JobLeases Leases => new(_connections, _clock);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _connections = new AppConnections(_database);
    }

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Claim_OnAJobThatNeverRan_InsertsItsRow_AndHoldsIt()
    {
        var holder = JobLeaseHolder.NewRun();

        var (lease, heldBy) = await Leases.TryClaimAsync(JobId, holder, Ct);

        Assert.Null(heldBy);
        Assert.Equal((JobId, holder, _clock.GetUtcNow()), (lease!.JobId, lease.Holder, lease.ClaimedAt));
        var row = await RowAsync();
        Assert.Equal(holder.ToString(), row.LeaseHolder);
        Assert.Equal(_clock.GetUtcNow(), row.LeaseClaimedAt);
        Assert.Equal(_clock.GetUtcNow() + JobLeases.Duration, row.LeaseExpiresAt);
        Assert.Equal(_clock.GetUtcNow(), row.LastStartedAt);
        Assert.Null(row.LastSucceededAt);
    }

    [Fact]
    public async Task SecondClaim_IsRefused_SayingWhoHoldsItAndSince()
    {
        var first = JobLeaseHolder.NewRun();
        await Leases.TryClaimAsync(JobId, first, Ct);
        _clock.Advance(TimeSpan.FromSeconds(30));

        var (lease, heldBy) = await Leases.TryClaimAsync(JobId, JobLeaseHolder.NewRun(), Ct);

        Assert.Null(lease);
        Assert.Equal(first.ToString(), heldBy!.Holder);
        Assert.Equal(_clock.GetUtcNow() - TimeSpan.FromSeconds(30), heldBy.ClaimedAt);
        Assert.Equal(first.ToString(), (await RowAsync()).LeaseHolder);
    }

    [Fact]
    public async Task ACrashedHoldersLease_RunsOut_AndTheNextClaimTakesIt()
    {
        await Leases.TryClaimAsync(JobId, JobLeaseHolder.NewRun(), Ct);
        _clock.Advance(JobLeases.Duration - TimeSpan.FromSeconds(1));
        Assert.Null((await Leases.TryClaimAsync(JobId, JobLeaseHolder.NewRun(), Ct)).Lease);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var next = JobLeaseHolder.NewRun();
        var (lease, _) = await Leases.TryClaimAsync(JobId, next, Ct);

        Assert.NotNull(lease);
        Assert.Equal(next.ToString(), (await RowAsync()).LeaseHolder);
    }

    [Fact]
    public async Task Renewal_KeepsTheLease_PastItsFirstExpiry()
    {
        var (lease, _) = await Leases.TryClaimAsync(JobId, JobLeaseHolder.NewRun(), Ct);
        _clock.Advance(JobLeases.RenewEvery);

        Assert.True(await Leases.RenewAsync(lease!, Ct));
        _clock.Advance(JobLeases.Duration - JobLeases.RenewEvery + TimeSpan.FromSeconds(1));

        Assert.Null((await Leases.TryClaimAsync(JobId, JobLeaseHolder.NewRun(), Ct)).Lease);
        Assert.Equal(lease!.ClaimedAt + JobLeases.RenewEvery + JobLeases.Duration, (await RowAsync()).LeaseExpiresAt);
    }

    [Fact]
    public async Task Renewal_ByAHolderWhoseLeaseRanOutAndWasTaken_IsRefused()
    {
        var (stale, _) = await Leases.TryClaimAsync(JobId, JobLeaseHolder.NewRun(), Ct);
        _clock.Advance(JobLeases.Duration);
        var (current, _) = await Leases.TryClaimAsync(JobId, JobLeaseHolder.NewRun(), Ct);

        Assert.False(await Leases.RenewAsync(stale!, Ct));
        Assert.False(await Leases.ReleaseAsync(stale!, "Körning", Ct));

        Assert.Equal(current!.Holder.ToString(), (await RowAsync()).LeaseHolder);
        Assert.Null((await RowAsync()).LastSucceededAt);
    }

    [Fact]
    public async Task Release_FreesTheLease_AndRecordsASuccessWithItsSummary()
    {
        var (lease, _) = await Leases.TryClaimAsync(JobId, JobLeaseHolder.NewRun(), Ct);
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(await Leases.ReleaseAsync(lease!, "Körning 2026-11-27: 1 ny uppföljning.", Ct));

        var row = await RowAsync();
        Assert.Equal((null, null, null), (row.LeaseHolder, row.LeaseClaimedAt, row.LeaseExpiresAt));
        Assert.Equal(_clock.GetUtcNow(), row.LastSucceededAt);
        Assert.Equal("Körning 2026-11-27: 1 ny uppföljning.", row.LastSummary);
        Assert.NotNull((await Leases.TryClaimAsync(JobId, JobLeaseHolder.NewRun(), Ct)).Lease);
    }

    [Fact]
    public async Task Release_OfAFailedRun_FreesTheLease_AndKeepsTheLastSuccess()
    {
        var (first, _) = await Leases.TryClaimAsync(JobId, JobLeaseHolder.NewRun(), Ct);
        await Leases.ReleaseAsync(first!, "Den förra.", Ct);
        var succeededAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromDays(1));
        var (failed, _) = await Leases.TryClaimAsync(JobId, JobLeaseHolder.NewRun(), Ct);

        Assert.True(await Leases.ReleaseAsync(failed!, successSummary: null, Ct));

        var row = await RowAsync();
        Assert.Null(row.LeaseHolder);
        Assert.Equal((succeededAt, "Den förra."), (row.LastSucceededAt, row.LastSummary));
        Assert.Equal(_clock.GetUtcNow(), row.LastStartedAt);
    }

    /// <summary>
    /// The first run of a job, twice at the same moment (the <c>UNIQUE constraint failed: JobRuns.JobId</c> of two
    /// command lines): every claimant's insert meets at the same starting line; exactly one holds the lease, the others
    /// are told who does, and none fails.
    /// </summary>
    [Fact]
    public async Task FirstClaims_ManyAtOnce_ExactlyOneHoldsTheLease_AndNoneFails()
    {
        const int claimants = 8;
        var holders = Enumerable.Range(0, claimants).Select(_ => JobLeaseHolder.NewRun()).ToArray();

        var results = await Race.RunAsync(
            claimants, i => Task.FromResult(holders[i]), (_, holder) => Leases.TryClaimAsync(JobId, holder, Ct));

        var winner = Assert.Single(results, r => r.Lease is not null).Lease!;
        Assert.All(results.Where(r => r.Lease is null), r => Assert.Equal(winner.Holder.ToString(), r.HeldBy!.Holder));
        Assert.Equal(winner.Holder.ToString(), (await RowAsync()).LeaseHolder);
    }

    [Fact]
    public void Holder_IsWrittenAndReadBack_HostProcessAndRun()
    {
        var holder = JobLeaseHolder.NewRun();

        Assert.Equal(holder, JobLeaseHolder.Parse(holder.ToString()));
        Assert.Equal((Environment.MachineName, Environment.ProcessId), (holder.Host, holder.ProcessId));
        Assert.NotEqual(holder.RunId, JobLeaseHolder.NewRun().RunId);
        Assert.Null(JobLeaseHolder.Parse("något annat"));
    }

    private async Task<SocItConsole.Shared.Common.JobRunState> RowAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.JobRuns.AsNoTracking().SingleAsync(j => j.JobId == JobId, Ct);
    }

    /// <summary>Contexts over the test's file with the app's per-connection settings (a busy timeout), as the app opens them.</summary>
    private sealed class AppConnections(TestDatabase database) : IDbContextFactory<SocItDbContext>
    {
        private readonly DbContextOptions<SocItDbContext> _options =
            database.IsPostgreSql ? database.Options : database.OptionsWith(new SqliteConnectionPragmas());

        public SocItDbContext CreateDbContext() => database.CreateDbContext(_options);
    }
}
