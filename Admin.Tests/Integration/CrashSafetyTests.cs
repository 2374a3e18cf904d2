extern alias bench;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.People;
using bench::SocItConsole.Bench.Harness;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>Runs alone: it starts and kills the real app many times and wants the machine's cores to itself.</summary>
[CollectionDefinition(nameof(CrashSafetyGroup), DisableParallelization = true)]
public sealed class CrashSafetyGroup;

/// <summary>
/// The real app as its own process on one database of the run's provider, orders arriving from several clients at
/// once through the e-service API, and SIGKILL at a random moment, over and over. After every restart the database
/// must pass its own checks (SQLite's integrity_check and foreign_key_check on the file the kill left; on PostgreSQL,
/// where the server outlives the app, pg_amcheck) and hold every order the API acknowledged, whole; a request whose
/// answer the kill swallowed, sent again with its Idempotency-Key, must give one order, never two.
/// <c>SOCIT_CRASH_SEED</c> repeats a run's kill moments, <c>SOCIT_CRASH_KILLS</c> asks for more kills.
/// </summary>
[Collection(nameof(CrashSafetyGroup))]
public class CrashSafetyTests
{
    private const string ApiKey = "dev-e-tjanst-nyckel";
    private const int Clients = 4;
    private const int ReplaysPerRestart = 5;
    private const string KeyPrefix = "crash-";

    private static readonly Dictionary<string, string> AppSettings = new(StringComparer.Ordinal)
    {
        // Another engineer's rate limit on the order API would otherwise refuse the load; unknown settings are ignored.
        ["OrdersApi__RateLimit__PermitLimit"] = "100000",
        // The start-up catch-up of the expiry job is not what this test is about and would only slow every restart.
        ["FollowUps__CatchUpOnStartup"] = "false",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcknowledgedOrders_SurviveSigkillAtRandomMoments_AndTheDatabaseStaysIntact()
    {
        var kills = Setting("SOCIT_CRASH_KILLS", 20);
        var seed = Setting("SOCIT_CRASH_SEED", Random.Shared.Next(1, 1_000_000));
        Directory.CreateDirectory(Path.GetDirectoryName(FiguresFile)!);
        File.Delete(FiguresFile);
        using var folder = new TempFolder();
        using var database = await ProcessDatabase.CreateAsync(folder, Ct);
        var provider = database.IsPostgreSql ? "PostgreSQL" : "SQLite";
        Report($"Crash safety on {provider}: seed {seed} (SOCIT_CRASH_SEED={seed} repeats the kill moments), {kills} kills, {Clients} clients");
        var random = new Random(seed);
        var settings = database.Settings(AppSettings);
        var checks = "";
        var ledger = new Ledger();
        var figures = new Figures();
        var elapsed = Stopwatch.StartNew();

        for (var round = 0; ; round++)
        {
            await using var app = await AppProcess.StartAsync(AppContext.BaseDirectory, database.Path, folder.Path, settings, Ct);
            figures.Startups.Add(app.StartupTime);
            using var http = ApiClient(app);

            // What the app found after the last kill, before anything new arrives.
            checks = await database.AssertIntactAsync(Ct);
            await VerifyDatabaseAsync(database, ledger, exact: false);
            await ResendUnansweredAsync(http, ledger, figures);
            await ReplayAcknowledgedAsync(http, ledger, random, figures);
            await VerifyDatabaseAsync(database, ledger, exact: true);
            if (round == kills)
            {
                break;
            }

            var load = Enumerable.Range(0, Clients).Select(_ => SendUntilTheAppDiesAsync(http, ledger)).ToArray();
            var moment = random.Next(150, 1500);
            await Task.Delay(moment, Ct);
            var inFlight = ledger.InFlight;
            var exitCode = await app.KillHardAsync();
            await Task.WhenAll(load);

            Assert.True(exitCode == 137, $"round {round}: the app ended with {exitCode}, not by SIGKILL (137)");
            Assert.True(ledger.Refusals.IsEmpty, "The API refused orders it should take:\n" + string.Join('\n', ledger.Refusals));
            figures.Kills++;
            figures.InFlightAtKill += inFlight;
            Report($"kill {figures.Kills}: after {moment} ms of load, {inFlight} order(s) in flight, {ledger.Acknowledged} acknowledged so far");
        }

        Report(string.Create(CultureInfo.InvariantCulture,
            $"Crash safety figures on {provider} (seed {seed}): {figures.Kills} SIGKILLs survived; {ledger.Acknowledged} orders acknowledged "
            + $"({ledger.AcknowledgedAfterResend} of them only on a resend after a kill); {figures.InFlightAtKill} requests in flight "
            + $"at the kills, of which {figures.ResentAlreadyStored} had been committed before the kill (200 on resend) and "
            + $"{figures.ResentStoredNow} had not (201 on resend); {figures.Replays} replays of acknowledged orders returned the "
            + $"same order; {checks} after every restart; start-up median "
            + $"{Median(figures.Startups):0} ms; {elapsed.Elapsed.TotalSeconds:0} s in all"));
        Assert.Equal(kills, figures.Kills);
        Assert.True(figures.InFlightAtKill > 0, "no kill hit an order in flight: the test did not test a crash during a write");
    }

    /// <summary>One client of the e-service: sends new orders one after the other until the app stops answering.</summary>
    private static async Task SendUntilTheAppDiesAsync(HttpClient http, Ledger ledger)
    {
        while (true)
        {
            var order = ledger.NextOrder();
            var outcome = await PostAsync(http, order);
            if (outcome is null)
            {
                return;
            }

            if (outcome.Status == HttpStatusCode.Created)
            {
                ledger.Acknowledge(order, outcome);
            }
            else
            {
                ledger.Refusals.Enqueue($"{order.Key}: {(int)outcome.Status} {outcome.Text}");
                return;
            }
        }
    }

    /// <summary>The requests the kill left without an answer: sent again, each is stored now or was stored then.</summary>
    private static async Task ResendUnansweredAsync(HttpClient http, Ledger ledger, Figures figures)
    {
        foreach (var order in ledger.TakeUnanswered())
        {
            var outcome = await PostAsync(http, order)
                ?? throw new InvalidOperationException($"{order.Key}: no answer from a running app");
            Assert.True(
                outcome.Status is HttpStatusCode.Created or HttpStatusCode.OK,
                $"{order.Key} sent again after a kill: {(int)outcome.Status} {outcome.Text}");
            if (outcome.Status == HttpStatusCode.OK)
            {
                figures.ResentAlreadyStored++;
            }
            else
            {
                figures.ResentStoredNow++;
            }

            ledger.Acknowledge(order, outcome, afterResend: true);
        }
    }

    /// <summary>Some acknowledged orders, sent again with their Idempotency-Key: the same order, not a second one.</summary>
    private static async Task ReplayAcknowledgedAsync(HttpClient http, Ledger ledger, Random random, Figures figures)
    {
        var acknowledged = ledger.AcknowledgedOrders();
        for (var i = 0; i < Math.Min(ReplaysPerRestart, acknowledged.Count); i++)
        {
            var order = acknowledged[random.Next(acknowledged.Count)];
            var outcome = await PostAsync(http, order)
                ?? throw new InvalidOperationException($"{order.Key}: no answer from a running app");
            Assert.True(outcome.Status == HttpStatusCode.OK, $"{order.Key} replayed: {(int)outcome.Status} {outcome.Text}");
            Assert.Equal((order.Id, order.CaseNumber), (outcome.Id, outcome.CaseNumber));
            figures.Replays++;
        }
    }

    /// <summary>
    /// Every acknowledged order whole: its row with the id and case number the API answered, its employee, its system
    /// lines as answered, its one Order.Created audit entry, its key purchase when it asked to buy a key, and a
    /// case-number counter that will not hand its number out again. Nothing is stored that was never sent; with
    /// <paramref name="exact"/> (every request answered), nothing beyond the acknowledged.
    /// </summary>
    private static async Task VerifyDatabaseAsync(ProcessDatabase database, Ledger ledger, bool exact)
    {
        var systems = (await database.QueryAsync("""
            SELECT o."IdempotencyKey", s."SystemName" || ': ' || s."LevelName"
            FROM "OrderSystems" s JOIN "Orders" o ON o."Id" = s."OrderId"
            WHERE o."IdempotencyKey" LIKE 'crash-%'
            """, r => (Key: r.GetString(0), System: r.GetString(1)), Ct))
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join('|', g.Select(r => r.System).Order(StringComparer.Ordinal)), StringComparer.Ordinal);
        var stored = (await database.QueryAsync("""
            SELECT o."IdempotencyKey", o."Id", o."CaseNumber", o."Status", e."Personnummer",
                   (SELECT COUNT(*) FROM "AuditEntries" a
                     WHERE a."Action" = 'Order.Created' AND a."EntityType" = 'Order' AND a."EntityId" = o."CaseNumber"),
                   (SELECT COUNT(*) FROM "KeyPurchases" p WHERE p."OrderId" = o."Id")
            FROM "Orders" o LEFT JOIN "Employees" e ON e."Id" = o."EmployeeId"
            WHERE o."IdempotencyKey" LIKE 'crash-%'
            """, r => (Key: r.GetString(0), Order: new StoredOrder(
                Number(r, 1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                Number(r, 5), Number(r, 6), systems.GetValueOrDefault(r.GetString(0), ""))), Ct))
            .ToDictionary(r => r.Key, r => r.Order, StringComparer.Ordinal);
        var counters = (await database.QueryAsync(
            """SELECT "Year", "LastNumber" FROM "CaseNumberCounters" """,
            r => (Year: Number(r, 0).ToString(CultureInfo.InvariantCulture), Last: Number(r, 1)), Ct))
            .ToDictionary(r => r.Year, r => r.Last, StringComparer.Ordinal);

        var problems = new List<string>();
        foreach (var order in ledger.AcknowledgedOrders())
        {
            if (!stored.TryGetValue(order.Key, out var found))
            {
                problems.Add($"{order.Key} ({order.CaseNumber}) was acknowledged and is gone");
                continue;
            }

            if (found.Id != order.Id || found.CaseNumber != order.CaseNumber)
            {
                problems.Add($"{order.Key}: acknowledged as {order.Id}/{order.CaseNumber}, stored as {found.Id}/{found.CaseNumber}");
            }

            if (found.Personnummer != order.Personnummer)
            {
                problems.Add($"{order.Key}: its employee is missing or another person");
            }

            if (found.Systems != order.Systems || found.Systems.Length == 0)
            {
                problems.Add($"{order.Key}: systems acknowledged [{order.Systems}], stored [{found.Systems}]");
            }

            if (found.AuditEntries != 1)
            {
                problems.Add($"{order.Key}: {found.AuditEntries} Order.Created audit entries, not 1");
            }

            if (found.KeyPurchases != (order.BuysKey ? 1 : 0))
            {
                problems.Add($"{order.Key}: {found.KeyPurchases} key purchases for an order that {(order.BuysKey ? "buys" : "does not buy")} a key");
            }

            if (found.Status != "Received")
            {
                problems.Add($"{order.Key}: status {found.Status}, nobody has worked on it");
            }

            var parts = order.CaseNumber.Split('-');
            if (!counters.TryGetValue(parts[1], out var last) || last < int.Parse(parts[2], CultureInfo.InvariantCulture))
            {
                problems.Add($"{order.Key}: the case-number counter for {parts[1]} is behind {order.CaseNumber}");
            }
        }

        problems.AddRange(stored.Keys.Where(k => !ledger.WasSent(k)).Select(k => $"{k} is stored but was never sent"));
        if (exact && stored.Count != ledger.Acknowledged)
        {
            problems.Add($"{stored.Count} orders stored, {ledger.Acknowledged} acknowledged: a resend made a second order");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    /// <summary>A whole number as either provider returns it (SQLite's integers are 64-bit, PostgreSQL's columns 32-bit, its counts 64-bit).</summary>
    private static int Number(System.Data.Common.DbDataReader row, int ordinal) =>
        Convert.ToInt32(row.GetValue(ordinal), CultureInfo.InvariantCulture);


    private static async Task<Outcome?> PostAsync(HttpClient http, SentOrder order)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/orders", UriKind.Relative))
        {
            Content = new StringContent(order.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", order.Key);
        try
        {
            using var response = await http.SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            if (!response.IsSuccessStatusCode)
            {
                return new Outcome(response.StatusCode, text, 0, "", "");
            }

            var body = JsonNode.Parse(text)!;
            var systems = string.Join('|', body["systems"]!.AsArray()
                .Select(s => $"{s!["name"]}: {s["level"]}")
                .Order(StringComparer.Ordinal));
            return new Outcome(response.StatusCode, text, body["id"]!.GetValue<int>(), body["caseNumber"]!.GetValue<string>(), systems);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!Ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static HttpClient ApiClient(AppProcess app)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return http;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;

    private static double Median(List<TimeSpan> values) =>
        values.Select(v => v.TotalMilliseconds).Order().ElementAt(values.Count / 2);

    /// <summary>One file per provider: CI's second pass, on PostgreSQL, must not replace the first pass's figures.</summary>
    private static string FiguresFile => Path.Combine(
        AppContext.BaseDirectory, "TestResults", PostgresServer.RunOnPostgreSql ? "crash-safety-postgresql.txt" : "crash-safety.txt");

    /// <summary>
    /// To the test's output, and to <c>TestResults/crash-safety.txt</c> (<c>crash-safety-postgresql.txt</c> in the
    /// PostgreSQL pass) beside the tests for CI to keep.
    /// </summary>
    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllLines(FiguresFile, [line]);
    }

    private sealed record Outcome(HttpStatusCode Status, string Text, int Id, string CaseNumber, string Systems);

    private sealed record StoredOrder(
        int Id, string CaseNumber, string Status, string? Personnummer, int AuditEntries, int KeyPurchases, string Systems);

    private sealed class SentOrder(int number, string key, string body, string personnummer, bool buysKey)
    {
        public int Number { get; } = number;

        public string Key { get; } = key;

        public string Body { get; } = body;

        /// <summary>Twelve digits, as the app stores it.</summary>
        public string Personnummer { get; } = personnummer;

        public bool BuysKey { get; } = buysKey;

        public int Id { get; set; }

        public string CaseNumber { get; set; } = "";

        public string Systems { get; set; } = "";
    }

    private sealed class Figures
    {
        public int Kills { get; set; }

        public int InFlightAtKill { get; set; }

        public int ResentAlreadyStored { get; set; }

        public int ResentStoredNow { get; set; }

        public int Replays { get; set; }

        public List<TimeSpan> Startups { get; } = [];
    }

    /// <summary>Every order sent, and what became of it as the clients saw it.</summary>
    private sealed class Ledger
    {
        private readonly ConcurrentDictionary<string, SentOrder> _sent = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, SentOrder> _acknowledged = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, SentOrder> _unanswered = new(StringComparer.Ordinal);
        private int _next;
        private int _inFlight;
        private int _afterResend;

        public ConcurrentQueue<string> Refusals { get; } = new();

        public int InFlight => Volatile.Read(ref _inFlight);

        public int Acknowledged => _acknowledged.Count;

        public int AcknowledgedAfterResend => Volatile.Read(ref _afterResend);

        public bool WasSent(string key) => _sent.ContainsKey(key);

        public List<SentOrder> AcknowledgedOrders() => [.. _acknowledged.Values.OrderBy(o => o.Number)];

        /// <summary>A new employee's order with a personnummer of its own; every fourth buys a new key.</summary>
        public SentOrder NextOrder()
        {
            var number = Interlocked.Increment(ref _next);
            var born = new DateOnly(1960, 1, 1).AddDays(number / 900);
            var nine = string.Create(CultureInfo.InvariantCulture, $"{born:yyMMdd}{100 + (number % 900)}");
            var check = Personnummer.CheckDigit(nine);
            var personnummer = string.Create(CultureInfo.InvariantCulture, $"{born:yyyy}{nine[2..]}{check}");
            var buysKey = number % 4 == 0;
            var body = OrderApiBodies.NewUndersköterska(
                string.Create(CultureInfo.InvariantCulture, $"{personnummer[..8]}-{personnummer[8..]}"));
            body["key"] = new JsonObject { ["kind"] = buysKey ? "buyNew" : "pool" };
            var order = new SentOrder(
                number, string.Create(CultureInfo.InvariantCulture, $"{KeyPrefix}{number}"), body.ToJsonString(), personnummer, buysKey);
            _sent[order.Key] = order;
            _unanswered[order.Key] = order;
            Interlocked.Increment(ref _inFlight);
            return order;
        }

        public void Acknowledge(SentOrder order, Outcome outcome, bool afterResend = false)
        {
            order.Id = outcome.Id;
            order.CaseNumber = outcome.CaseNumber;
            order.Systems = outcome.Systems;
            _acknowledged[order.Key] = order;
            if (afterResend)
            {
                Interlocked.Increment(ref _afterResend);
            }
            else
            {
                _unanswered.TryRemove(order.Key, out _);
                Interlocked.Decrement(ref _inFlight);
            }
        }

        /// <summary>The requests that got no answer, now that no client is sending.</summary>
        public List<SentOrder> TakeUnanswered()
        {
            var unanswered = _unanswered.Values.OrderBy(o => o.Number).ToList();
            _unanswered.Clear();
            _inFlight = 0;
            return unanswered;
        }
    }
}
