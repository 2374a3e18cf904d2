using Microsoft.Playwright;
using SocItConsole.Bench.Harness;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// The matrix editor over a 200 × 30 matrix, as an administrator in Chromium: loading <c>/matrix</c> until the grid is
/// interactive, changing one cell until the pending summary shows it, and saving five changed cells until the editor
/// reports no unsaved changes. Targets (issue 22): load p95 ≤ 1 s, a cell change p95 ≤ 3× a click on the counter page
/// in the same browser, a save of five cells ≤ 300 ms. Every figure is taken in the page's own clock. The load and the
/// cell change are also split into phases on the console, and <c>BENCH_TRACE=FILE</c> records a Chromium trace of one
/// round's cell changes (open it in chrome://tracing or Perfetto) and prints the page's main-thread rendering phases.
/// </summary>
internal static class MatrixBenchmark
{
    private const string ChangeCell = """
        async (index) => {
          const selects = document.querySelectorAll('[data-testid=matrix-grid] select.mx-select:not([disabled])');
          const select = selects[index];
          const summary = () => document.querySelector('[data-testid=pending-summary]').textContent;
          const before = summary();
          const options = [...select.options].filter(o => o.value !== select.value);
          return await new Promise((resolve, reject) => {
            const timer = setTimeout(() => { observer.disconnect(); reject(new Error('the cell change never showed')); }, 30000);
            const observer = new MutationObserver(() => {
              if (summary() !== before) {
                const t = performance.now() - t0; clearTimeout(timer); observer.disconnect();
                const sent = window.__ws.find(([k, at]) => k === 's' && at >= t0);
                const received = sent && window.__ws.find(([k, at]) => k === 'r' && at >= sent[1]);
                window.__cell = [sent ? sent[1] - t0 : -1, received ? received[1] - t0 : -1, t, 0];
                requestAnimationFrame(() => setTimeout(() => { window.__cell[3] = performance.now() - t0; }, 0));
                window.__ws.length = 0;
                resolve(t);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            const t0 = performance.now();
            select.value = options[options.length - 1].value;
            select.dispatchEvent(new Event('change', { bubbles: true }));
          });
        }
        """;

    /// <summary>
    /// A save, from the click on "Spara" in the confirmation until the editor shows no unsaved changes, in the page's
    /// own clock (a mutation observer, as for a cell change): a Playwright locator wait polls at up to 500 ms intervals,
    /// which had added up to half a second to this figure and to the load's.
    /// </summary>
    private const string ConfirmSave = """
        async () => {
          const summary = () => document.querySelector('[data-testid=pending-summary]').textContent;
          return await new Promise((resolve, reject) => {
            const timer = setTimeout(() => { observer.disconnect(); reject(new Error('the save never showed')); }, 30000);
            const observer = new MutationObserver(() => {
              if (summary().includes('Inga osparade ändringar')) { const t = performance.now() - t0; clearTimeout(timer); observer.disconnect(); resolve(t); }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            const t0 = performance.now();
            document.querySelector('[data-testid=confirm-save]').click();
          });
        }
        """;

    /// <summary>
    /// Marks, in the page's own clock, when the circuit's marker turned live and when the grid's first cell appeared,
    /// so that a load can be split into its phases (HTTP response, script, circuit, first render of the grid).
    /// </summary>
    private const string PhaseMarks = """
        (() => {
          const marks = window.__mx = {};
          // The circuit's messages: when the browser last sent one and first received one after it, to split a cell
          // change into the browser's part and the server's.
          const ws = window.__ws = [];
          const send = WebSocket.prototype.send;
          WebSocket.prototype.send = function (data) {
            ws.push(['s', performance.now()]);
            return send.call(this, data);
          };
          // SignalR sets onmessage, and Blazor applies a render batch inside it: note the arrival before that.
          Object.defineProperty(WebSocket.prototype, 'onmessage', {
            configurable: true,
            set(handler) { this.addEventListener('message', e => { ws.push(['r', performance.now()]); handler.call(this, e); }); },
          });
          const mark = (k) => { if (!(k in marks)) marks[k] = performance.now(); };
          new MutationObserver(() => {
            const state = document.querySelector('#circuit-state');
            if (state && state.dataset.interactive === 'true') mark('live');
            if (document.querySelector('[data-testid=matrix-grid]')) mark('table');
            if (document.querySelector('[data-testid=matrix-grid] select.mx-select')) mark('grid');
          }).observe(document, { subtree: true, childList: true, attributes: true });
        })();
        """;

    private const string ReadPhases = """
        () => {
          const nav = performance.getEntriesByType('navigation')[0];
          const script = performance.getEntriesByType('resource').find(r => r.name.includes('blazor.web'));
          const negotiate = performance.getEntriesByType('resource').filter(r => r.name.includes('_blazor/negotiate')).pop();
          return [performance.timeOrigin, nav.responseStart, nav.responseEnd, nav.domContentLoadedEventEnd, nav.loadEventEnd,
                  script ? script.responseEnd : -1, negotiate ? negotiate.startTime : -1,
                  window.__mx.live ?? -1, window.__mx.table ?? -1, window.__mx.grid ?? -1];
        }
        """;

    private static readonly string[] TracePhases =
    [
        "Paint", "Layerize", "Layout", "UpdateLayoutTree", "PrePaint", "Commit", "Document::UpdateStyleAndLayout", "RunMicrotasks",
        "FunctionCall",
    ];

    /// <summary>
    /// The page's main thread in a Chromium trace of five cell changes: its busy time and the rendering phases in it.
    /// "Document::UpdateStyleAndLayout" is style and layout forced outside a frame (by script or the browser itself).
    /// </summary>
    private static string SummariseTrace(List<string> events)
    {
        var threads = new Dictionary<(long, long), string>();
        var spans = new List<(long Pid, long Tid, string Name, double Duration)>();
        foreach (var raw in events)
        {
            using var e = System.Text.Json.JsonDocument.Parse(raw);
            var root = e.RootElement;
            if (!root.TryGetProperty("pid", out var pid) || !root.TryGetProperty("tid", out var tid) || !root.TryGetProperty("ph", out var ph))
            {
                continue;
            }

            var name = root.GetProperty("name").GetString() ?? string.Empty;
            if (ph.GetString() == "M" && name == "thread_name")
            {
                threads[(pid.GetInt64(), tid.GetInt64())] = root.GetProperty("args").GetProperty("name").GetString() ?? string.Empty;
            }
            else if (ph.GetString() == "X" && root.TryGetProperty("dur", out var dur))
            {
                spans.Add((pid.GetInt64(), tid.GetInt64(), name, dur.GetDouble() / 1000));
            }
        }

        var main = spans
            .Where(x => threads.GetValueOrDefault((x.Pid, x.Tid)) == "CrRendererMain" && x.Name == "ThreadControllerImpl::RunTask")
            .GroupBy(x => (x.Pid, x.Tid))
            .OrderByDescending(g => g.Sum(x => x.Duration))
            .FirstOrDefault();
        if (main is null)
        {
            return "trace: no renderer main thread found";
        }

        var own = spans.Where(x => (x.Pid, x.Tid) == main.Key).ToList();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Browser trace, the page's main thread over five cell changes: busy {main.Sum(x => x.Duration):0} ms; ")
            + string.Join(", ", TracePhases.Select(phase => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{phase} {own.Where(x => x.Name == phase).Sum(x => x.Duration):0}")));
    }

    private static readonly string[] TraceCategories = ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "cc", "toplevel", "v8.execute"];

    private static readonly string[] PhaseNames =
    [
        "navigation starts (after Goto)", "first byte of the page", "page received", "DOM ready", "load event", "blazor.web.js received", "circuit negotiation starts",
        "circuit live (LivePage marker)", "grid's table, no rows yet", "grid's first cell rendered",
    ];

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(
        Chromium chromium, SignedInClient admin, SignedInClient operatorClient, int rounds, CancellationToken ct, string scale = "matrix")
    {
        var context = await chromium.SignedInContextAsync(admin.Http.BaseAddress!, admin.AuthCookie);
        // The counter page is the operator's (an administrator is not one): its own context, in the same browser.
        var counterContext = await chromium.SignedInContextAsync(operatorClient.Http.BaseAddress!, operatorClient.AuthCookie);
        var loads = new List<double>();
        var edits = new List<double>();
        var clicks = new List<double>();
        var saves = new List<double>();
        var phases = new List<double[]>();
        var cellPhases = new List<double[]>();
        try
        {
            // The floor of a cell change: a click on the trivial counter page of the same server, in the same browser.
            var counter = await counterContext.NewPageAsync();
            await counter.GotoAsync("/bench/counter");
            await InteractionBenchmark.WaitForCounterAsync(counter);
            var page = await context.NewPageAsync();
            await page.AddInitScriptAsync(PhaseMarks);
            for (var round = -1; round < rounds; round++)
            {
                ct.ThrowIfCancellationRequested();
                var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                await page.GotoAsync("/matrix");
                await Chromium.WaitForInteractiveAsync(page);
                await page.Locator("[data-testid=matrix-grid] select.mx-select").First.WaitForAsync();
                var marks = await page.EvaluateAsync<double[]>(ReadPhases);
                marks[0] -= started;

                // From the call to navigate until the grid's first cell was in the DOM: the navigation's start against
                // the wall clock, then the page's own clock (the locator waits above only confirm it).
                var load = marks[0] + marks[^1];

                var roundEdits = new List<double>();
                var roundClicks = new List<double>();
                var tracePath = round == 0 ? Environment.GetEnvironmentVariable("BENCH_TRACE") : null;
                ICDPSession? cdp = null;
                var traceEvents = new List<string>();
                var traceDone = new TaskCompletionSource();
                if (tracePath is not null)
                {
                    cdp = await context.NewCDPSessionAsync(page);
                    cdp.Event("Tracing.dataCollected").OnEvent += (_, e) =>
                    {
                        foreach (var item in e!.Value.GetProperty("value").EnumerateArray())
                        {
                            lock (traceEvents) { traceEvents.Add(item.GetRawText()); }
                        }
                    };
                    cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => traceDone.TrySetResult();
                    await cdp.SendAsync("Tracing.start", new Dictionary<string, object>
                    {
                        ["transferMode"] = "ReportEvents",
                        ["traceConfig"] = new Dictionary<string, object>
                        {
                            ["includedCategories"] = TraceCategories,
                        },
                    });
                }


                for (var cell = 0; cell < 5; cell++)
                {
                    roundEdits.Add(await page.EvaluateAsync<double>(ChangeCell, cell * 7 + (round + 3) % 3));
                    await page.WaitForFunctionAsync("() => window.__cell[3] > 0", null, new() { PollingInterval = 5 });
                    cellPhases.Add(await page.EvaluateAsync<double[]>("() => window.__cell"));
                    roundClicks.Add(await InteractionBenchmark.ClickAsync(counter, "[data-testid=increment]", "[data-testid=count]"));
                }

                if (cdp is not null)
                {
                    await cdp.SendAsync("Tracing.end");
                    await traceDone.Task;
                    await File.WriteAllTextAsync(tracePath!, "[" + string.Join(",\n", traceEvents) + "]");
                    Console.Error.WriteLine(SummariseTrace(traceEvents));
                }

                await page.Locator("[data-testid=save]").ClickAsync();
                await page.Locator("[data-testid=confirm-save]").WaitForAsync();
                var save = await page.EvaluateAsync<double>(ConfirmSave);
                if (round >= 0)
                {
                    loads.Add(load);
                    phases.Add(marks);
                    edits.AddRange(roundEdits);
                    clicks.AddRange(roundClicks);
                    saves.Add(save);
                }
            }
        }
        finally
        {
            await context.CloseAsync();
            await counterContext.CloseAsync();
        }

        // The load's phases, in the page's clock from the navigation's start (medians), on the console: the cause of
        // the load's figure, not a target of its own.
        Console.Error.WriteLine("Matrix load, phases (median ms from navigation start):");
        for (var i = 0; i < PhaseNames.Length; i++)
        {
            var values = phases.Select(p => p[i]).Where(v => v >= 0).ToList();
            Console.Error.WriteLine(values.Count == 0
                ? $"  {PhaseNames[i],-34} –"
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {PhaseNames[i],-34} {Sample.Of(values).Median,7:0} (p95 {Sample.Of(values).P95:0})"));
        }

        Console.Error.WriteLine("Matrix cell change, phases (median ms from the change event; message sent, first answer, DOM, next frame painted):");
        for (var i = 0; i < 4; i++)
        {
            var values = cellPhases.Select(p => p[i]).ToList();
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {i}: {Sample.Of(values).Median,7:0.0} (p95 {Sample.Of(values).P95:0.0})"));
        }

        var edit = Sample.Of(edits);
        return
        [
            new BenchRow("Matrix editor: load until interactive", scale, Sample.Of(loads), "ms", null, "p95 ≤ 1 s", Sample.Of(loads).P95 <= 1000),
            new BenchRow("Matrix editor: change a cell (→ DOM)", scale, edit, "ms", Sample.Of(clicks), "p95 ≤ 3× counter click",
                edit.P95 <= 3 * Sample.Of(clicks).P95),
            new BenchRow("Matrix editor: save 5 cells", scale, Sample.Of(saves), "ms", null, "≤ 300 ms", Sample.Of(saves).Median <= 300),
        ];
    }
}
