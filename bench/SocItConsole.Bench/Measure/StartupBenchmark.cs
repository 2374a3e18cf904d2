using SocItConsole.Bench.Harness;

namespace SocItConsole.Bench.Measure;

/// <summary>Process start to the first healthy <c>/health/ready</c>, on the regional database, as it would start in the morning.</summary>
internal static class StartupBenchmark
{
    public static async Task<BenchRow> RunAsync(string appDirectory, string databasePath, string workDirectory, int starts, CancellationToken ct)
    {
        var times = new List<double>();
        for (var i = 0; i < starts; i++)
        {
            await using var app = await AppProcess.StartAsync(appDirectory, databasePath, workDirectory, BenchRunner.BenchSettings, ct);
            times.Add(app.StartupTime.TotalMilliseconds);
        }

        var sample = Sample.Of(times);
        return new BenchRow("Start-up to /health/ready", "regional", sample, "ms", null, "≤ 5 s", sample.P95 <= 5000);
    }
}
