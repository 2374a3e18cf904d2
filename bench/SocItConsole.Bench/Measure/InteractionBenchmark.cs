using Microsoft.Playwright;
using SocItConsole.Bench.Harness;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// What an operator feels in the case queue: in Chromium, the time from a click to the DOM showing its result, for
/// changing page and toggling a filter, against a click on the trivial counter page of the same server. The clock
/// runs in the page: <c>performance.now()</c> before the click, and again when a MutationObserver sees the watched
/// text change.
/// </summary>
internal static class InteractionBenchmark
{
    private const string ClickAndWait = """
        async ([click, watch]) => {
          const text = () => { const e = document.querySelector(watch); return e ? e.textContent : ''; };
          const before = text();
          return await new Promise((resolve, reject) => {
            const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no change after click on ' + click)); }, 30000);
            const observer = new MutationObserver(() => {
              if (text() !== before) { const t = performance.now() - t0; clearTimeout(timer); observer.disconnect(); resolve(t); }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
            const t0 = performance.now();
            document.querySelector(click).click();
          });
        }
        """;

    private const string QueueRows = "[data-testid=cases] tbody";

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(
        Chromium chromium, Uri baseAddress, System.Net.Cookie cookie, string scale, int clicks, CancellationToken ct)
    {
        var context = await chromium.SignedInContextAsync(baseAddress, cookie);
        try
        {
            var queue = await context.NewPageAsync();
            await queue.GotoAsync("/cases");
            await Chromium.WaitForCaseQueueAsync(queue);

            var counter = await context.NewPageAsync();
            await counter.GotoAsync("/bench/counter");
            await WaitForCounterAsync(counter);

            var paging = new List<double>();
            var filtering = new List<double>();
            var counting = new List<double>();
            // Each round leaves the queue as it found it: first page, no filter.
            for (var i = -3; i < clicks; i++)
            {
                ct.ThrowIfCancellationRequested();
                var next = await ClickAsync(queue, ".mud-table-pagination-next-button", QueueRows);
                var back = await ClickAsync(queue, ".mud-table-pagination-before-button", QueueRows);
                var on = await ClickAsync(queue, "input[data-testid=only-mine]", QueueRows);
                var off = await ClickAsync(queue, "input[data-testid=only-mine]", QueueRows);
                var count = await ClickAsync(counter, "[data-testid=increment]", "[data-testid=count]");
                if (i >= 0)
                {
                    paging.AddRange([next, back]);
                    filtering.AddRange([on, off]);
                    counting.Add(count);
                }
            }

            var counterSample = Sample.Of(counting);
            return
            [
                Row("Case queue: change page", scale, Sample.Of(paging), counterSample),
                Row("Case queue: toggle filter (Bara mina)", scale, Sample.Of(filtering), counterSample),
            ];
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    public static async Task WaitForCounterAsync(IPage counter)
    {
        // Before the circuit is up a click lands on the prerendered button and changes nothing; try until one counts.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await counter.ClickAsync("[data-testid=increment]");
            await Task.Delay(50);
            if (await counter.TextContentAsync("[data-testid=count]") is { } text && !text.EndsWith(" 0", StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new TimeoutException("the counter page never became interactive");
    }

    private static async Task<double> ClickAsync(IPage page, string click, string watch) =>
        await page.EvaluateAsync<double>(ClickAndWait, new[] { click, watch });

    private static BenchRow Row(string name, string scale, Sample value, Sample counter) =>
        new(name + " (click → DOM)", scale, value, "ms", counter, "p95 ≤ 3× counter click and ≤ 250 ms",
            value.P95 <= 3 * counter.P95 && value.P95 <= 250);
}
