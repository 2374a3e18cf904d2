using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SocItConsole.Bench.Harness;
using SocItConsole.Shared.People;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// What an operator feels in the case queue: in Chromium, the time from a click to the DOM showing its result, for
/// changing page, toggling a filter and taking a case, against a click on the trivial counter page of the same
/// server. The clock runs in the page: <c>performance.now()</c> before the click, and again when a MutationObserver
/// sees the watched text change. The queue is a static page (decision 0049): a click there is an enhanced
/// navigation or form post (a fetch and a DOM patch), the counter's a circuit message.
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
              // The queue streams: its first flush says "Hämtar ärenden …" (queue-loading); done when the rows are in.
              if (text() !== before && !document.querySelector('[data-testid=queue-loading]')) { const t = performance.now() - t0; clearTimeout(timer); observer.disconnect(); resolve(t); }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
            const t0 = performance.now();
            document.querySelector(click).click();
          });
        }
        """;

    private const string QueueRows = "[data-testid=cases] tbody";

    // The filter's result shows in the pager's "1–25 av N" too: at municipal scale the operator's own cases can be the
    // same first 25 rows as the whole queue's, and only the count tells the views apart.
    private const string QueueAndPager = "[data-testid=cases]";

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(
        Chromium chromium, Uri baseAddress, System.Net.Cookie cookie, string scale, int clicks, CancellationToken ct)
    {
        var context = await chromium.SignedInContextAsync(baseAddress, cookie);
        try
        {
            // Fresh orders on top of the queue, so that every round has a case to take (the e-service's way in).
            await PlaceOrdersAsync(baseAddress, clicks + 3, ct);
            var queue = await context.NewPageAsync();
            await queue.GotoAsync("/cases");
            await Chromium.WaitForCaseQueueAsync(queue);
            var taking = await context.NewPageAsync();
            await taking.GotoAsync("/cases?size=50");
            await Chromium.WaitForCaseQueueAsync(taking);

            var counter = await context.NewPageAsync();
            await counter.GotoAsync("/bench/counter");
            await WaitForCounterAsync(counter);

            var paging = new List<double>();
            var filtering = new List<double>();
            var takes = new List<double>();
            var counting = new List<double>();
            // Each round leaves the queue as it found it: first page, no filter.
            for (var i = -3; i < clicks; i++)
            {
                ct.ThrowIfCancellationRequested();
                var next = await ClickAsync(queue, ".mud-table-pagination-next-button", QueueRows);
                var back = await ClickAsync(queue, ".mud-table-pagination-before-button", QueueRows);
                var on = await ClickAsync(queue, "input[data-testid=only-mine]", QueueAndPager);
                var off = await ClickAsync(queue, "input[data-testid=only-mine]", QueueAndPager);
                var take = await ClickAsync(taking, "[data-testid=cases] [data-testid=take]", QueueRows);
                var count = await ClickAsync(counter, "[data-testid=increment]", "[data-testid=count]");
                if (i >= 0)
                {
                    paging.AddRange([next, back]);
                    filtering.AddRange([on, off]);
                    takes.Add(take);
                    counting.Add(count);
                }
            }

            var counterSample = Sample.Of(counting);
            return
            [
                Row("Case queue: change page", scale, Sample.Of(paging), counterSample),
                Row("Case queue: toggle filter (Bara mina)", scale, Sample.Of(filtering), counterSample),
                Row("Case queue: take a case (Ta ärendet)", scale, Sample.Of(takes), counterSample),
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

    /// <summary>New extension orders for people the generated organisation does not have, through the order API.</summary>
    private static async Task PlaceOrdersAsync(Uri baseAddress, int count, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", IntakeBenchmark.ApiKey);
        var start = Random.Shared.Next(0, 100_000);
        for (var i = 0; i < count; i++)
        {
            var (name, personnummer) = Person(start + i);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
            {
                Content = new StringContent(OrderBody(name, personnummer), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", "bench-take-" + Guid.NewGuid().ToString("N"));
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"placing an order answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
    }

    /// <summary>Born 1931–1938: a range neither the generated organisation nor the intake benchmark uses.</summary>
    private static (string Name, string Personnummer) Person(int n)
    {
        var birth = new DateOnly(1931 + n % 8, 1 + n / 8 % 12, 1 + n / 96 % 28);
        var serial = 100 + n / 2688 % 900;
        var digits = string.Create(CultureInfo.InvariantCulture, $"{birth:yyMMdd}{serial:D3}");
        var personnummer = string.Create(CultureInfo.InvariantCulture, $"{birth:yyyyMMdd}-{serial:D3}{Personnummer.CheckDigit(digits)}");
        return ($"Kötest {n}", personnummer);
    }

    private static string OrderBody(string name, string personnummer) => new JsonObject
    {
        ["type"] = "extend",
        ["employee"] = new JsonObject { ["fullName"] = name, ["personnummer"] = personnummer },
        ["unit"] = "Hemtjänst Centrum",
        ["startDate"] = Day(3),
        ["endDate"] = Day(60),
        ["systems"] = new JsonArray("qlikview", new JsonObject { ["name"] = "Lifecare", ["level"] = "Handläggare" }),
        ["orderer"] = new JsonObject { ["name"] = "Anna Lindqvist", ["email"] = "anna.lindqvist@kommun.example" },
        ["manager"] = new JsonObject { ["name"] = "Anna Lindqvist", ["email"] = "anna.lindqvist@kommun.example" },
    }.ToJsonString();

    private static string Day(int days) =>
        DateOnly.FromDateTime(DateTime.Today).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static async Task<double> ClickAsync(IPage page, string click, string watch) =>
        await page.EvaluateAsync<double>(ClickAndWait, new[] { click, watch });

    private static BenchRow Row(string name, string scale, Sample value, Sample counter) =>
        new(name + " (click → DOM)", scale, value, "ms", counter, "p95 ≤ 3× counter click and ≤ 250 ms",
            value.P95 <= 3 * counter.P95 && value.P95 <= 250);
}
