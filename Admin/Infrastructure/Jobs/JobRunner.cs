using System.Collections.Concurrent;
using System.Globalization;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Infrastructure.Jobs;

/// <summary>What a job's run tells the runner: whether it succeeded (recorded as the job's last success), and what it did.</summary>
public interface IJobReport
{
    bool Succeeded { get; }

    /// <summary>One line, kept as the job's last summary and printed last by the command line.</summary>
    string Summary { get; }

    /// <summary>What the run did, line by line, for the command line and the console.</summary>
    IReadOnlyList<string> Lines { get; }
}

/// <summary>A job's report with nothing to list: a run that either worked or threw.</summary>
public sealed record JobReport(string Summary) : IJobReport
{
    public bool Succeeded => true;

    public IReadOnlyList<string> Lines => [];
}

/// <summary>
/// Runs a job under its lease (<see cref="JobLeases"/>), whichever way it was started — by Hangfire
/// (<see cref="ExclusiveJob"/>), from the command line (<c>run-job</c>) or from a button in the console: claims the
/// lease, or waits for it up to a limit the caller chooses, renews it while the run goes on, and releases it at the
/// end, recording a successful run as the job's last. A run that loses its lease (it could not renew it in time and
/// another process took it over) is cancelled, so that two runs never act at once. A run that finds the lease held
/// after waiting ends with <see cref="JobBusyException"/> and has done nothing.
/// </summary>
public sealed partial class JobRunner(JobLeases leases, TimeProvider clock, ILogger<JobRunner> logger)
{
    /// <summary>How long a run Hangfire started waits for another run to finish before it gives up and is retried.</summary>
    public static readonly TimeSpan ScheduledWait = TimeSpan.FromMinutes(10);

    /// <summary>How often a waiting run looks at the lease again.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Releases = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="run"/> under the lease on <paramref name="jobId"/>, waiting up to
    /// <paramref name="maxWait"/> for another run to finish (zero: not at all).
    /// </summary>
    /// <exception cref="JobBusyException">Another run still held the lease after <paramref name="maxWait"/>.</exception>
    public async Task<TReport> RunAsync<TReport>(
        string jobId, TimeSpan maxWait, Func<CancellationToken, Task<TReport>> run, CancellationToken ct)
        where TReport : IJobReport
    {
        ArgumentNullException.ThrowIfNull(run);
        var lease = await ClaimAsync(jobId, maxWait, ct);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stopRenewing = new CancellationTokenSource();
        var renewal = RenewWhileRunningAsync(lease, running, stopRenewing.Token);
        TReport? report = default;
        try
        {
            report = await run(running.Token);
            return report;
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // Cancelled by the renewal, not by the caller: the lease was lost.
            throw new JobLeaseLostException(jobId);
        }
        finally
        {
            await stopRenewing.CancelAsync();
            var lost = await renewal;
            if (!lost)
            {
                await ReleaseAsync(lease, report is { Succeeded: true } ? report.Summary : null);
            }
        }
    }

    private async Task<JobLease> ClaimAsync(string jobId, TimeSpan maxWait, CancellationToken ct)
    {
        var holder = JobLeaseHolder.NewRun();
        var waitUntil = clock.GetUtcNow() + maxWait;
        var loggedWait = false;
        while (true)
        {
            // Taken before the claim, so that a release between the claim and the wait is not missed.
            var released = ReleasedHere(jobId);
            var (lease, heldBy) = await leases.TryClaimAsync(jobId, holder, ct);
            if (lease is not null)
            {
                return lease;
            }

            if (clock.GetUtcNow() + PollEvery > waitUntil)
            {
                LogBusy(logger, jobId, heldBy!.Holder, heldBy.ClaimedAt);
                throw new JobBusyException(heldBy, clock.GetUtcNow());
            }

            if (!loggedWait)
            {
                LogWaiting(logger, jobId, heldBy!.Holder, heldBy.ClaimedAt);
                loggedWait = true;
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
            await Task.WhenAny(released, Task.Delay(PollEvery, clock, poll.Token));
            await poll.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Completes when a run in this process next releases the lease on <paramref name="jobId"/>: a run waiting here
    /// tries again at once instead of at its next poll. Runs in other processes are seen at the poll.
    /// </summary>
    private static Task ReleasedHere(string jobId) =>
        Releases.GetOrAdd(jobId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private static void SignalReleasedHere(string jobId)
    {
        if (Releases.TryRemove(jobId, out var released))
        {
            released.TrySetResult();
        }
    }

    /// <summary>Renews the lease every <see cref="JobLeases.RenewEvery"/> until stopped; true when the lease was lost.</summary>
    private async Task<bool> RenewWhileRunningAsync(JobLease lease, CancellationTokenSource running, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(JobLeases.RenewEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                bool renewed;
                try
                {
                    renewed = await leases.RenewAsync(lease, stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy or unreachable database: try again at the next tick; the lease has time to spare.
                    LogRenewFailed(logger, e, lease.JobId);
                    continue;
                }

                if (!renewed)
                {
                    LogLost(logger, lease.JobId, lease.Holder.ToString());
                    await running.CancelAsync();
                    return true;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended.
        }

        return false;
    }

    private async Task ReleaseAsync(JobLease lease, string? successSummary)
    {
        try
        {
            // Not the run's token: a cancelled run gives its lease back too.
            if (!await leases.ReleaseAsync(lease, successSummary, CancellationToken.None))
            {
                LogLost(logger, lease.JobId, lease.Holder.ToString());
            }
        }
        catch (Exception e)
        {
            // The lease runs out by itself; the run's own outcome is what the caller needs to hear about.
            LogReleaseFailed(logger, e, lease.JobId);
        }
        finally
        {
            SignalReleasedHere(lease.JobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} is running elsewhere ({Holder}, since {ClaimedAt}); waiting for it to finish")]
    private static partial void LogWaiting(ILogger logger, string jobId, string holder, DateTimeOffset claimedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} not run: another run ({Holder}, since {ClaimedAt}) holds its lease")]
    private static partial void LogBusy(ILogger logger, string jobId, string holder, DateTimeOffset claimedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} lost its lease ({Holder}): the run is stopped so that two runs never act at once")]
    private static partial void LogLost(ILogger logger, string jobId, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} could not renew its lease; trying again")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} could not release its lease; it runs out by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string jobId);
}

/// <summary>Another run of the job holds its lease: this run did nothing. The message is for the person who started it.</summary>
public sealed class JobBusyException : Exception
{
    public JobBusyException()
    {
    }

    public JobBusyException(string message)
        : base(message)
    {
    }

    public JobBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal JobBusyException(JobLeaseHeldBy heldBy, DateTimeOffset now)
        : base(Describe(heldBy, now))
    {
        HeldBy = heldBy;
    }

    public JobLeaseHeldBy? HeldBy { get; }

    /// <summary>"En annan körning av expiry-reminders pågår sedan 07:12 (värd app01, process 4711). Försök igen senare."</summary>
    private static string Describe(JobLeaseHeldBy heldBy, DateTimeOffset now)
    {
        var since = AdminTimeZone.DateOf(heldBy.ClaimedAt) == AdminTimeZone.DateOf(now)
            ? TimeZoneInfo.ConvertTime(heldBy.ClaimedAt, AdminTimeZone.Stockholm).ToString("HH:mm", CultureInfo.InvariantCulture)
            : AdminTimeZone.Minute(heldBy.ClaimedAt);
        var where = JobLeaseHolder.Parse(heldBy.Holder) is { } holder
            ? $"värd {holder.Host}, process {holder.ProcessId}"
            : heldBy.Holder;
        return $"En annan körning av {heldBy.JobId} pågår sedan {since} ({where}). Försök igen senare.";
    }
}

/// <summary>The run lost its lease while it went on and was stopped; another run may have taken over.</summary>
public sealed class JobLeaseLostException : Exception
{
    public JobLeaseLostException()
    {
    }

    public JobLeaseLostException(string jobId)
        : base($"Körningen av {jobId} stoppades: den kunde inte förnya sitt lås, och en annan körning kan ha tagit över.")
    {
    }

    public JobLeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
