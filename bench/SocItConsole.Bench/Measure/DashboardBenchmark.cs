using System.Diagnostics;
using SocItConsole.Bench.Harness;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// The operator dashboard's first load: GET <c>/cases</c> (prerendered) with a signed-in cookie over 16 concurrent
/// connections, against the floor endpoint that runs the same SQL through raw ADO.NET and writes the same figures as
/// plain HTML. The two alternate in rounds so that a noisy moment on the machine hits both.
/// </summary>
internal static class DashboardBenchmark
{
    public const int Concurrency = 16;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(SignedInClient client, string scale, int rounds, CancellationToken ct)
    {
        var page = new Uri("/cases", UriKind.Relative);
        var floor = new Uri("/bench/floor/cases", UriKind.Relative);
        await LoadAsync(client, page, 2, ct);
        await LoadAsync(client, floor, 2, ct);

        var pageTimes = new List<double>();
        var floorTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            pageTimes.AddRange(await LoadAsync(client, page, 5, ct));
            floorTimes.AddRange(await LoadAsync(client, floor, 5, ct));
        }

        var value = Sample.Of(pageTimes);
        var floorSample = Sample.Of(floorTimes);
        var met = value.P95 <= 3 * floorSample.P95 && value.P95 <= 200;
        return
        [
            new BenchRow($"Dashboard first load, {Concurrency} concurrent", scale, value, "ms", floorSample,
                "p95 ≤ 3× floor and ≤ 200 ms", met),
        ];
    }

    /// <summary>Each of the concurrent workers loads the URL <paramref name="perWorker"/> times; every response must be 200.</summary>
    internal static async Task<List<double>> LoadAsync(SignedInClient client, Uri url, int perWorker, CancellationToken ct)
    {
        var times = new List<double>();
        await Parallel.ForAsync(0, Concurrency, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct },
            async (_, token) =>
            {
                for (var i = 0; i < perWorker; i++)
                {
                    var stopwatch = Stopwatch.StartNew();
                    using var response = await client.Http.GetAsync(url, HttpCompletionOption.ResponseContentRead, token);
                    stopwatch.Stop();
                    if (response.StatusCode != System.Net.HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
                    }

                    lock (times)
                    {
                        times.Add(stopwatch.Elapsed.TotalMilliseconds);
                    }
                }
            });
        return times;
    }
}
