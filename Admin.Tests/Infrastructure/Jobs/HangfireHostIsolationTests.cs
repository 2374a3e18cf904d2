using System.Diagnostics;
using System.Reflection;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.FollowUps;

namespace SocItConsole.Admin.Tests.Infrastructure.Jobs;

/// <summary>
/// Runs alone: these tests are about what Hangfire keeps process-wide when hosts come and go, so no other test's host
/// may start or stop in between.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireGlobalsGroup
{
    public const string Name = "Hangfire globals";
}

/// <summary>
/// Hangfire keeps its logging, storage and job activator in process-wide statics, while a host's logger factory and
/// services end with the host. A test process starts and disposes many hosts (and runs test classes in parallel): a
/// filter attribute constructed or a job retried after a host was disposed must not reach into that host.
/// </summary>
[Collection(HangfireGlobalsGroup.Name)]
public class HangfireHostIsolationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The CI failure: a host is disposed, then Hangfire's retry attribute is constructed (by a test or a worker).</summary>
    [Fact]
    public async Task AfterAHostIsDisposed_HangfiresFilterAttributes_AreStillConstructed()
    {
        var app = StartedApp();
        await app.DisposeAsync();

        var retry = typeof(FollowUpRemindersJob).GetCustomAttribute<AutomaticRetryAttribute>();
        var maintenance = typeof(DatabaseMaintenanceJob).GetCustomAttribute<AutomaticRetryAttribute>();

        Assert.Equal(5, retry?.Attempts);
        Assert.Equal(3, maintenance?.Attempts);
        Assert.Equal(1, new AutomaticRetryAttribute { Attempts = 1 }.Attempts);
    }

    /// <summary>
    /// Two hosts alive at once, the first started outliving the second (xunit runs classes in parallel): once the
    /// second is disposed, the first still runs its jobs in its own services, Hangfire's retry still works and logs
    /// into the first host's log, and nothing process-wide holds the disposed host.
    /// </summary>
    [Fact]
    public async Task TwoHostsAtOnce_TheSurvivorRetriesAFailingJob_InItsOwnServices_AndLogsIt()
    {
        var probe = new FailingJob.Probe();
        await using var survivor = StartedApp(services => services.AddSingleton(probe));
        var other = StartedApp();
        var otherStorage = other.Services.GetRequiredService<JobStorage>();
        await other.DisposeAsync();

        var jobId = survivor.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<FailingJob>(job => job.RunAsync());
        var storage = survivor.Services.GetRequiredService<JobStorage>();
        await WaitUntilAsync(() => StateOf(storage, jobId) == "Scheduled", $"job {jobId} to be scheduled for a retry", survivor);
        await WaitUntilAsync(
            () => survivor.LogMessages.Any(m => m.Contains($"Failed to process the job '{jobId}'", StringComparison.Ordinal)
                && m.Contains("Retry attempt 1 of 1", StringComparison.Ordinal)),
            "the retry to be logged in the survivor's log", survivor);

        Assert.Equal(1, probe.Runs);
        Assert.NotSame(otherStorage, storage);
        Assert.IsNotType<AspNetCoreJobActivator>(JobActivator.Current);
        LogProvider.GetLogger("SocItConsole.Tests.Survivor").Warn("marker from Hangfire's logging");
        Assert.Contains(survivor.LogMessages, m => m.Contains("marker from Hangfire's logging", StringComparison.Ordinal));
    }

    private static AdminAppFactory StartedApp(Action<IServiceCollection>? services = null)
    {
        var app = AdminAppFactory.Development().WithSetting("FollowUps:CatchUpOnStartup", "false");
        if (services is not null)
        {
            app.WithTestServices(services);
        }

        // Resolving a service builds and starts the host: its Hangfire server, and with it Hangfire's configuration.
        _ = app.Services.GetRequiredService<IBackgroundJobClient>();
        return app;
    }

    private static string? StateOf(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, AdminAppFactory app)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience)
            {
                Assert.Fail($"Waited {Patience.TotalSeconds} s for {what}. The host's log:\n{string.Join('\n', app.LogMessages.TakeLast(30))}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), Ct);
        }
    }

    /// <summary>A job that always fails, retried once after an hour: the first failure leaves it scheduled for the retry.</summary>
    [AutomaticRetry(Attempts = 1, DelaysInSeconds = [3600])]
    public sealed class FailingJob(FailingJob.Probe probe)
    {
        public Task RunAsync()
        {
            probe.Ran();
            throw new InvalidOperationException("The job fails on purpose.");
        }

        public sealed class Probe
        {
            private int _runs;

            public int Runs => Volatile.Read(ref _runs);

            public void Ran() => Interlocked.Increment(ref _runs);
        }
    }
}
