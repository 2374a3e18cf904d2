using System.Net.Http.Json;
using Microsoft.Playwright;
using SocItConsole.Bench.Harness;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// Memory per idle circuit: open N browser tabs of a page, each with its live circuit, force a full compacting
/// collection in the server (the Development-only heap probe) and divide the growth of the managed heap over the
/// empty server by N. Done for the dashboard and for the trivial counter page, at N = 50 and then 100.
/// </summary>
internal static class CircuitBenchmark
{
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(
        Chromium chromium, SignedInClient client, string scale, int[] counts, CancellationToken ct, bool trivialToo = true)
    {
        var rows = new List<BenchRow>();
        var trivial = new Dictionary<int, double>();
        if (trivialToo)
        {
            foreach (var (n, perCircuit) in await MeasureAsync(chromium, client, "/bench/counter", counts, ct))
            {
                trivial[n] = perCircuit;
            }
        }

        foreach (var (n, perCircuit) in await MeasureAsync(chromium, client, "/cases", counts, ct))
        {
            var floor = trivial.TryGetValue(n, out var t) ? Sample.One(t / 1024) : null;
            var kb = perCircuit / 1024;
            rows.Add(new BenchRow($"Idle dashboard circuit, N = {n}", scale, Sample.One(kb), "KB", floor,
                "≤ 500 KB and ≤ 2× trivial page", kb <= 500 && (floor is null || kb <= 2 * floor.Median)));
        }

        return rows;
    }

    /// <summary>Bytes of managed heap per circuit at each N (tabs are added, not reopened, between the counts).</summary>
    private static async Task<List<(int N, double PerCircuit)>> MeasureAsync(
        Chromium chromium, SignedInClient client, string path, int[] counts, CancellationToken ct)
    {
        var baseline = await WaitForCircuitsAsync(client, 0, ct);
        var context = await chromium.SignedInContextAsync(client.Http.BaseAddress!, client.AuthCookie);
        var results = new List<(int, double)>();
        var pages = new List<IPage>();
        try
        {
            var open = 0;
            foreach (var n in counts.Order())
            {
                while (open < n)
                {
                    var page = await context.NewPageAsync();
                    pages.Add(page);
                    await page.GotoAsync(path);
                    if (path == "/bench/counter")
                    {
                        await InteractionBenchmark.WaitForCounterAsync(page);
                    }
                    else
                    {
                        await Chromium.WaitForCaseQueueAsync(page);
                    }

                    open++;
                }

                // Let the last renders and their JS interop settle before measuring.
                await Task.Delay(2000, ct);
                var heap = await WaitForCircuitsAsync(client, n, ct);
                results.Add((n, (heap.HeapBytes - baseline.HeapBytes) / (double)n));
            }
        }
        finally
        {
            // Closing with the unload handlers run lets Blazor tell the server the circuit is gone, instead of the
            // server keeping it as disconnected for minutes.
            foreach (var page in pages)
            {
                await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            }

            await context.CloseAsync();
        }

        await WaitForCircuitsAsync(client, 0, ct);
        return results;
    }

    private static async Task<HeapProbe> WaitForCircuitsAsync(SignedInClient client, int expected, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var probe = await client.Http.GetFromJsonAsync<HeapProbe>(new Uri("/bench/heap", UriKind.Relative), ct)
                ?? throw new InvalidOperationException("no heap figures");
            if (probe.Circuits == expected)
            {
                return probe;
            }

            await Task.Delay(1000, ct);
        }

        throw new TimeoutException($"the server never had exactly {expected} circuits open");
    }

    private sealed record HeapProbe(long HeapBytes, int Circuits);
}
