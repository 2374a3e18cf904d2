namespace SocItConsole.Admin.Infrastructure.Jobs;

/// <summary>
/// A recurring job as Hangfire runs it: thin, constructor-injected (Hangfire gives each run a scope), one entry point.
/// The entry point runs the job only under its lease (<see cref="JobRunner"/>), so that one run goes on at a time
/// across every process on the database — Hangfire's <c>DisableConcurrentExecution</c> guards only the runs of one
/// server. A run that finds another going on waits for it (up to <see cref="JobRunner.ScheduledWait"/>) and then does
/// its own, which finds done what the other did; if the other is still going on it fails with
/// <see cref="JobBusyException"/>, and Hangfire's retry tries it again later. Every job derives from this class, so a
/// new one gets the lease without doing anything for it.
/// </summary>
public abstract class ExclusiveJob(JobRunner runner)
{
    /// <summary>The job's stable id: its Hangfire id, its command-line name and its row in <c>JobRuns</c>.</summary>
    protected abstract string JobId { get; }

    /// <summary>Hangfire's entry point.</summary>
    public async Task RunAsync(CancellationToken ct) =>
        await runner.RunAsync(JobId, JobRunner.ScheduledWait, RunExclusiveAsync, ct);

    /// <summary>The run itself, under the lease. Throw to have Hangfire retry it; a returned report counts as a success.</summary>
    protected abstract Task<IJobReport> RunExclusiveAsync(CancellationToken ct);
}
