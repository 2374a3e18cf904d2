using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Email;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// One measured run of the real expiry job over a database copy, as the <c>measure-expiry</c> child process prints
/// it (one JSON line): wall time, the managed heap's peak growth over its level after a full collection just before
/// the run, and what the run did.
/// </summary>
internal sealed record ExpiryMeasurement(
    double WallMs,
    double PeakHeapGrowthMb,
    double AllocatedMb,
    double HeapAfterMb,
    double GcPauseMs,
    int Gen0,
    int Gen1,
    int Gen2,
    int Emails,
    int FollowUpsCreated,
    int Flagged,
    int RemindersSent,
    int ItemsReminded,
    string Summary)
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(2);

    /// <summary>The child process: measures one run over <paramref name="databasePath"/> and prints the figures.</summary>
    public static async Task<int> RunChildAsync(string databasePath, DateOnly today, CancellationToken ct)
    {
        var measurement = await MeasureAsync(databasePath, today, ct);
        Console.WriteLine(JsonSerializer.Serialize(measurement));
        return 0;
    }

    public static async Task<ExpiryMeasurement> MeasureAsync(string databasePath, DateOnly today, CancellationToken ct)
    {
        var mail = new ExpiryMailRecorder();
        await using var services = Services(databasePath, mail);
        var factory = services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        int followUpsBefore;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            // The app is warm when the nightly job starts: the model is built and a connection has been opened.
            followUpsBefore = await db.FollowUps.CountAsync(ct);
        }

        await using var scope = services.CreateAsyncScope();
        var run = scope.ServiceProvider.GetRequiredService<FollowUpRun>();

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var baseline = GC.GetTotalMemory(forceFullCollection: false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pauseBefore = GC.GetTotalPauseDuration();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        using var sampler = new HeapSampler(SampleEvery);
        var stopwatch = Stopwatch.StartNew();
        var report = await run.RunAsync(today, dryRun: false, ct);
        stopwatch.Stop();
        var peak = sampler.Stop();

        var measurement = new ExpiryMeasurement(
            stopwatch.Elapsed.TotalMilliseconds,
            Mb(Math.Max(0, peak - baseline)),
            Mb(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore),
            Mb(GC.GetGCMemoryInfo().HeapSizeBytes),
            (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            mail.Count,
            0,
            report.Flagged,
            report.RemindersSent,
            report.ItemsReminded,
            report.Summary);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            measurement = measurement with { FollowUpsCreated = await db.FollowUps.CountAsync(ct) - followUpsBefore };
        }

        SqliteConnection.ClearAllPools();
        return measurement;
    }

    /// <summary>The job's dependencies as the app registers them, with its default settings and the recorder for e-mail.</summary>
    private static ServiceProvider Services(string databasePath, IMailSender mail)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddDbContextFactory<SocItDbContext>(options => options.UseSqlite(connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditTrail>();
        services.AddSingleton(mail);
        services.AddOptions<FollowUpOptions>();
        services.AddOptions<EmailSettings>();
        services.AddScoped<FollowUpRun>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Samples the managed heap on a background thread and keeps the highest value seen.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Thread _thread;
        private readonly TimeSpan _every;
        private volatile bool _stopped;
        private long _peak;

        public HeapSampler(TimeSpan every)
        {
            _every = every;
            _peak = GC.GetTotalMemory(forceFullCollection: false);
            _thread = new Thread(Sample) { IsBackground = true, Name = "heap sampler", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        /// <summary>Stops sampling; the peak includes one last sample taken now.</summary>
        public long Stop()
        {
            _stopped = true;
            _thread.Join();
            return Math.Max(Interlocked.Read(ref _peak), GC.GetTotalMemory(forceFullCollection: false));
        }

        public void Dispose()
        {
            if (!_stopped)
            {
                Stop();
            }
        }

        private void Sample()
        {
            while (!_stopped)
            {
                var now = GC.GetTotalMemory(forceFullCollection: false);
                if (now > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, now);
                }

                Thread.Sleep(_every);
            }
        }
    }
}
