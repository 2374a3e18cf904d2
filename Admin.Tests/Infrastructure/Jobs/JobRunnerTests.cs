using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Tests.Infrastructure.Jobs;

/// <summary>
/// The job runner over a real lease on a migrated file, on a fake clock: what a run under the lease records, what a
/// second run does while the first goes on (ends at once, or waits for it), renewal while a long run goes on, and a
/// run that loses its lease.
/// </summary>
public sealed class JobRunnerTests : IAsyncLifetime
{
    private const string JobId = "expiry-reminders";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private JobLeases Leases => new(_database, _clock);

    private JobRunner Runner => new(Leases, _clock, NullLogger<JobRunner>.Instance);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Run_RecordsItsStartAndSuccess_AndReleasesTheLease()
    {
        var report = await Runner.RunAsync(JobId, TimeSpan.Zero, _ => Task.FromResult(new JobReport("Klart.")), Ct);

        Assert.Equal("Klart.", report.Summary);
        var row = await RowAsync();
        Assert.Equal((null, _clock.GetUtcNow(), _clock.GetUtcNow(), "Klart."), (row.LeaseHolder, row.LastStartedAt, row.LastSucceededAt, row.LastSummary));
    }

    [Fact]
    public async Task Run_ThatThrows_ReleasesTheLease_AndRecordsNoSuccess()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Runner.RunAsync<JobReport>(JobId, TimeSpan.Zero, _ => throw new InvalidOperationException("Fel."), Ct));

        var row = await RowAsync();
        Assert.Equal((null, null), (row.LeaseHolder, row.LastSucceededAt));
        Assert.NotNull(row.LastStartedAt);
    }

    [Fact]
    public async Task Run_WhoseReportFailed_ReleasesTheLease_AndRecordsNoSuccess()
    {
        await Runner.RunAsync(JobId, TimeSpan.Zero, _ => Task.FromResult(new FailedReport()), Ct);

        var row = await RowAsync();
        Assert.Equal((null, null), (row.LeaseHolder, row.LastSucceededAt));
    }

    [Fact]
    public async Task Run_WhileAnotherProcessHoldsTheLease_EndsAtOnceWithoutRunning_SayingWhoAndSince()
    {
        var other = new JobLeaseHolder("socit-app01", 4711, Guid.NewGuid());
        await Leases.TryClaimAsync(JobId, other, Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var ran = false;

        var busy = await Assert.ThrowsAsync<JobBusyException>(() => Runner.RunAsync(JobId, TimeSpan.Zero, _ =>
        {
            ran = true;
            return Task.FromResult(new JobReport("Klart."));
        }, Ct));

        Assert.False(ran);
        // Claimed at 10:00 in Stockholm (09:00 UTC), the same day.
        Assert.Equal("En annan körning av expiry-reminders pågår sedan 10:00 (värd socit-app01, process 4711). Försök igen senare.", busy.Message);
        Assert.Equal(other.ToString(), (await RowAsync()).LeaseHolder);
    }

    [Fact]
    public async Task Busy_HeldSinceAnotherDay_NamesTheDayToo()
    {
        await Leases.TryClaimAsync(JobId, new JobLeaseHolder("socit-app01", 4711, Guid.NewGuid()), Ct);
        // A long run, renewed past midnight: claimed yesterday at 10:00 in Stockholm.
        await using (var db = _database.CreateDbContext())
        {
            await db.JobRuns.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseClaimedAt, _clock.GetUtcNow().AddDays(-1)), Ct);
        }

        var busy = await Assert.ThrowsAsync<JobBusyException>(() =>
            Runner.RunAsync(JobId, TimeSpan.Zero, _ => Task.FromResult(new JobReport("Klart.")), Ct));

        Assert.StartsWith("En annan körning av expiry-reminders pågår sedan 2026-11-26 10:00 (värd socit-app01", busy.Message, StringComparison.Ordinal);
    }

    /// <summary>Hangfire's way: a run started while another in this process goes on waits for it, then runs.</summary>
    [Fact]
    public async Task Run_ThatMayWait_WaitsForTheRunGoingOn_ThenRuns()
    {
        var firstGoesOn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<string>();
        var first = Runner.RunAsync(JobId, TimeSpan.Zero, async _ =>
        {
            firstStarted.SetResult();
            await firstGoesOn.Task;
            lock (order)
            {
                order.Add("first");
            }

            return new JobReport("Den första.");
        }, Ct);
        await firstStarted.Task;

        var second = Runner.RunAsync(JobId, JobRunner.ScheduledWait, _ =>
        {
            lock (order)
            {
                order.Add("second");
            }

            return Task.FromResult(new JobReport("Den andra."));
        }, Ct);
        Assert.False(second.IsCompleted);
        firstGoesOn.SetResult();

        await Task.WhenAll(first, second);
        Assert.Equal(["first", "second"], order);
        Assert.Equal("Den andra.", (await RowAsync()).LastSummary);
    }

    /// <summary>A run that may wait, for another process: it looks again every poll and runs once the other has released.</summary>
    [Fact]
    public async Task Run_ThatMayWait_ForAnotherProcess_RunsOnceThatReleases()
    {
        var (other, _) = await Leases.TryClaimAsync(JobId, new JobLeaseHolder("socit-app02", 99, Guid.NewGuid()), Ct);
        var run = Runner.RunAsync(JobId, JobRunner.ScheduledWait, _ => Task.FromResult(new JobReport("Efter den andra.")), Ct);
        await AdvanceUntilAsync(() => Task.FromResult(run.IsCompleted), JobRunner.PollEvery, stopAfter: 3);
        Assert.False(run.IsCompleted);

        await Leases.ReleaseAsync(other!, successSummary: null, Ct);
        await AdvanceUntilAsync(() => Task.FromResult(run.IsCompleted), JobRunner.PollEvery);

        Assert.Equal("Efter den andra.", (await run).Summary);
    }

    /// <summary>When the other run is still going on after the wait, the run gives up (Hangfire retries it later).</summary>
    [Fact]
    public async Task Run_ThatMayWait_GivesUpAfterItsWait_WithoutRunning()
    {
        await Leases.TryClaimAsync(JobId, new JobLeaseHolder("socit-app02", 99, Guid.NewGuid()), Ct);
        var ran = false;
        var run = Runner.RunAsync(JobId, TimeSpan.FromSeconds(10), _ =>
        {
            ran = true;
            return Task.FromResult(new JobReport("Klart."));
        }, Ct);

        await AdvanceUntilAsync(() => Task.FromResult(run.IsCompleted), JobRunner.PollEvery);

        await Assert.ThrowsAsync<JobBusyException>(() => run);
        Assert.False(ran);
    }

    [Fact]
    public async Task Run_RenewsItsLease_WhileItGoesOn()
    {
        var goesOn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = _clock.GetUtcNow();
        var run = Runner.RunAsync(JobId, TimeSpan.Zero, async _ =>
        {
            await goesOn.Task;
            return new JobReport("En lång körning.");
        }, Ct);

        // Renewed every RenewEvery: past the first lease's expiry the run still holds it.
        await WaitUntilAsync(async () => (await RowOrNullAsync())?.LeaseHolder is not null);
        await AdvanceUntilAsync(
            async () => (await RowAsync()).LeaseExpiresAt >= started + (5 * JobLeases.RenewEvery) + JobLeases.Duration, JobLeases.RenewEvery);
        Assert.True(_clock.GetUtcNow() > started + JobLeases.Duration, "the first lease would have run out by now");
        Assert.Null((await Leases.TryClaimAsync(JobId, JobLeaseHolder.NewRun(), Ct)).Lease);

        goesOn.SetResult();
        Assert.Equal("En lång körning.", (await run).Summary);
        Assert.Null((await RowAsync()).LeaseHolder);
    }

    [Fact]
    public async Task Run_ThatLosesItsLease_IsStopped_AndLeavesTheNewHoldersLeaseAlone()
    {
        var run = Runner.RunAsync(JobId, TimeSpan.Zero, async ct =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return new JobReport("Aldrig.");
        }, Ct);
        await WaitUntilAsync(async () => (await RowOrNullAsync())?.LeaseHolder is not null);
        // The process stalled past its lease and another took it over (the renewal could not reach the database).
        var thief = new JobLeaseHolder("socit-app02", 99, Guid.NewGuid()).ToString();
        await using (var db = _database.CreateDbContext())
        {
            await db.JobRuns.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseHolder, thief), Ct);
        }

        await AdvanceUntilAsync(() => Task.FromResult(run.IsCompleted), JobLeases.RenewEvery);

        await Assert.ThrowsAsync<JobLeaseLostException>(() => run);
        Assert.Equal(thief, (await RowAsync()).LeaseHolder);
    }

    private async Task<JobRunState> RowAsync() => await RowOrNullAsync() ?? throw new InvalidOperationException("No row for the job.");

    private async Task<JobRunState?> RowOrNullAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.JobRuns.AsNoTracking().SingleOrDefaultAsync(j => j.JobId == JobId, Ct);
    }

    /// <summary>Moves the fake clock on by <paramref name="step"/> until the condition holds (or, given, after some steps).</summary>
    private async Task AdvanceUntilAsync(Func<Task<bool>> condition, TimeSpan step, int? stopAfter = null)
    {
        var clock = Stopwatch.StartNew();
        for (var steps = 0; !await condition(); steps++)
        {
            if (steps == stopAfter)
            {
                return;
            }

            Assert.True(clock.Elapsed < Patience, "The condition never held.");
            _clock.Advance(step);
            // Lets the runner's timer callbacks and their database work run before the next step.
            await Task.Delay(TimeSpan.FromMilliseconds(20), Ct);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Patience, "The condition never held.");
            await Task.Delay(TimeSpan.FromMilliseconds(20), Ct);
        }
    }

    private sealed record FailedReport : IJobReport
    {
        public bool Succeeded => false;

        public string Summary => "Något gick fel.";

        public IReadOnlyList<string> Lines => [];
    }
}
