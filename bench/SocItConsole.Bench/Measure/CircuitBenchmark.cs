using System.Net.Http.Json;
using Microsoft.Playwright;
using SocItConsole.Bench.Harness;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// Server memory per open tab: open N browser tabs of a page, force a full compacting collection in the server (the
/// Development-only heap probe) and divide the growth of the managed heap over the empty server by N. Done for the
/// dashboard, for the trivial counter page (one circuit each) and for the matrix editor (an administrator's live page),
/// at N = 50 and then 100. Since issue 22 the dashboard is a static page (decision 0049): its tabs hold no circuit, so
/// what it costs is whatever the server still keeps per tab. The benchmark checks that each tab did load its rows
/// and counts the circuits the probe sees, so that a figure near zero means "nothing kept", not "nothing opened".
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
            foreach (var (n, perTab, _) in await MeasureAsync(chromium, client, client.AuthCookie, "/bench/counter", counts, ct))
            {
                trivial[n] = perTab;
            }
        }

        foreach (var (n, perTab, circuits) in await MeasureAsync(chromium, client, client.AuthCookie, "/cases", counts, ct))
        {
            var floor = trivial.TryGetValue(n, out var t) ? Sample.One(t / 1024) : null;
            var kb = perTab / 1024;
            rows.Add(new BenchRow($"Idle dashboard tab, N = {n}", scale, Sample.One(kb), "KB", floor,
                "≤ 500 KB and ≤ 2× trivial page", kb <= 500 && (floor is null || kb <= 2 * floor.Median),
                Note: $"{n} tabs with rows, {circuits} circuits open"));
        }

        if (trivialToo)
        {
            using var admin = await SignedInClient.SignInAsync(client.Http.BaseAddress!, "admin", ct);
            foreach (var (n, perTab, circuits) in await MeasureAsync(chromium, client, admin.AuthCookie, "/matrix", counts, ct))
            {
                rows.Add(new BenchRow($"Idle matrix editor tab, N = {n}", scale, Sample.One(perTab / 1024), "KB", null,
                    "measured (no target)", null, Note: $"{circuits} circuits open"));
            }
        }

        return rows;
    }

    /// <summary>
    /// Bytes of managed heap per open tab at each N (tabs are added, not reopened, between the counts), and the
    /// circuits the server held then. The heap probe is the operator's; the tabs are signed in with
    /// <paramref name="browseAs"/> (an administrator for the matrix editor).
    /// </summary>
    private static async Task<List<(int N, double PerTab, int Circuits)>> MeasureAsync(
        Chromium chromium, SignedInClient client, System.Net.Cookie browseAs, string path, int[] counts, CancellationToken ct)
    {
        var baseline = await WaitForCircuitsAsync(client, 0, ct);
        var context = await chromium.SignedInContextAsync(client.Http.BaseAddress!, browseAs);
        var results = new List<(int, double, int)>();
        var pages = new List<IPage>();
        try
        {
            var open = 0;
            var circuitsPerTab = 0;
            foreach (var n in counts.Order())
            {
                while (open < n)
                {
                    var page = await context.NewPageAsync();
                    pages.Add(page);
                    await page.GotoAsync(path);
                    await WaitForAsync(page, path);
                    if (open == 0)
                    {
                        // A live page or island marks its circuit (LivePage); a static page has none. The trivial
                        // counter is a whole interactive page with no LivePage (the smallest circuit there is): one.
                        circuitsPerTab = path == "/bench/counter" ? 1 : await page.Locator("#circuit-state").CountAsync();
                    }

                    open++;
                }

                // Let the last renders and their JS interop settle before measuring.
                await Task.Delay(2000, ct);
                var heap = await WaitForCircuitsAsync(client, n * circuitsPerTab, ct);
                results.Add((n, (heap.HeapBytes - baseline.HeapBytes) / (double)n, heap.Circuits));
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

    /// <summary>Until the tab shows what it is for: the counter live, the queue's rows, the matrix's level selects.</summary>
    private static async Task WaitForAsync(IPage page, string path)
    {
        switch (path)
        {
            case "/bench/counter":
                await InteractionBenchmark.WaitForCounterAsync(page);
                break;
            case "/cases":
                await Chromium.WaitForCaseQueueAsync(page);
                break;
            default:
                await Chromium.WaitForPageReadyAsync(page);
                await page.Locator("[data-testid=matrix-grid] select.mx-select").First.WaitForAsync();
                break;
        }
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
