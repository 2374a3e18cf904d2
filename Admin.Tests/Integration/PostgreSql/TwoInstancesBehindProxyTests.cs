extern alias bench;

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Web;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.Infrastructure.Email;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.FollowUps;
using bench::SocItConsole.Bench.Harness;

namespace SocItConsole.Admin.Tests.Integration.PostgreSql;

/// <summary>Runs alone: it starts the built app as two processes, nginx and a load of orders.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoInstancesGroup
{
    public const string Name = "Two instances";
}

/// <summary>
/// Issue 23's two instances, proven with the real parts: the built app started twice as processes on one PostgreSQL
/// database, behind Debian's nginx configured as docs/ops/several-instances.md says. Orders sent to either get
/// distinct case numbers, one Idempotency-Key sent to both stores one order, a sign-in made on one is valid on the
/// other, the proxy keeps a browser and its Blazor WebSocket on one instance, the expiry job started on both at once
/// sends each reminder once, and killing one instance in the middle of a load loses no acknowledged order while the
/// other keeps serving. The tests make their own PostgreSQL database whichever the pass, so they run in the first.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.OwnPostgreSql)]
[Collection(TwoInstancesGroup.Name)]
public class TwoInstancesBehindProxyTests
{
    private const string Job = "expiry-reminders";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheExpiryJobStartedOnBothAtOnce_SendsEachReminderOnce()
    {
        NginxProxy.Require();
        using var world = await PrepareAsync(withDueReminders: true);
        using var folder = new TempFolder();
        await using var smtp = GatedSmtpServer.Start();
        var settings = Settings(world.Database, smtp, catchUp: true);
        int Reminders()
        {
            using var db = world.Database.CreateDbContext();
            return db.ReminderMessages.Count();
        }

        var remindersBefore = Reminders();

        // A's start-up catch-up (the job has never run) queues the job in the shared Hangfire storage; its run takes the
        // lease and stops at the mail server's gate. B, started now, finds the job still overdue and queues it too:
        // two runs of one job are being processed on two instances at once. The second waits — at Hangfire's
        // distributed lock (DisableConcurrentExecution, in the same database) and, behind it, at the job's lease.
        await using var a = await AppProcess.StartAsync(AppContext.BaseDirectory, "", folder.Path, settings, Ct);
        await WaitUntilAsync(() => smtp.Waiting > 0, "the first run to reach the mail server", a);
        await using var b = await AppProcess.StartAsync(AppContext.BaseDirectory, "", folder.Path, settings, Ct);
        await WaitUntilAsync(() => QueuedCatchUps(a, b) == 2, "the second instance to queue the job", a, b);
        await WaitUntilAsync(() => ProcessingRuns(world.Database) == 2, "both runs to be processed at once", a, b);

        smtp.Open();
        await WaitUntilAsync(() => Runs(a, b).Count == 2, "both runs to finish", a, b);

        var runs = Runs(a, b);
        Assert.Single(runs, r => r.Contains("2 påminnelser skickade", StringComparison.Ordinal));
        Assert.Single(runs, r => r.Contains("0 påminnelser skickade", StringComparison.Ordinal));
        var perManager = smtp.Received.SelectMany(m => m.To).GroupBy(to => to, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(1, perManager[FollowUpWorld.Chef1Email]);
        Assert.Equal(1, perManager[FollowUpWorld.Chef2Email]);
        Assert.Equal(2, perManager.Count);
        Assert.Equal(remindersBefore + 2, Reminders());
    }

    [Fact]
    public async Task OrdersSentToEither_GetDistinctCaseNumbers_AndOneIdempotencyKeySentToBoth_StoresOneOrder()
    {
        NginxProxy.Require();
        using var world = await PrepareAsync(withDueReminders: false);
        using var folder = new TempFolder();
        var settings = Settings(world.Database, smtp: null, catchUp: false);
        var (a, b) = await StartBothAsync(folder, settings);
        await using (a)
        await using (b)
        {
            using var toA = OrderLoad.Client(a.BaseAddress);
            using var toB = OrderLoad.Client(b.BaseAddress);
            var ledger = new OrderLoad("alt-");

            // Four clients at once, each sending every other order to the other instance.
            var answers = new ConcurrentBag<(string Key, OrderOutcome Outcome)>();
            await Parallel.ForAsync(0, 4, Ct, async (client, token) =>
            {
                for (var i = 0; i < 10; i++)
                {
                    var order = ledger.NextOrder();
                    answers.Add((order.Key, await OrderLoad.PostAsync((client + i) % 2 == 0 ? toA : toB, order, token)));
                }
            });

            Assert.All(answers, a => Assert.True(a.Outcome.Status == HttpStatusCode.Created, $"{a.Key}: {(int)a.Outcome.Status} {a.Outcome.Text}"));
            Assert.Equal(40, answers.Select(a => a.Outcome.CaseNumber).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(answers.Select(a => a.Outcome.CaseNumber).Order(StringComparer.Ordinal), await StoredCaseNumbersAsync(world.Database, "alt-"));

            // The same order with one key to both instances at the same moment, as an e-service retrying after a
            // timeout through a proxy that picked the other instance: one stored, the other answered with it.
            for (var round = 0; round < 5; round++)
            {
                var order = ledger.NextOrder();
                var both = await Task.WhenAll(OrderLoad.PostAsync(toA, order, Ct), OrderLoad.PostAsync(toB, order, Ct));

                Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], both.Select(o => o.Status).Order());
                Assert.Equal(both[0].CaseNumber, both[1].CaseNumber);
                Assert.Equal([both[0].CaseNumber], await StoredCaseNumbersAsync(world.Database, order.Key));
            }
        }
    }

    [Fact]
    public async Task ASignInOnOne_IsValidOnTheOther_AndTheProxyKeepsABrowserAndItsWebSocketOnOneInstance()
    {
        NginxProxy.Require();
        using var world = await PrepareAsync(withDueReminders: false);
        using var folder = new TempFolder();
        var (a, b) = await StartBothAsync(folder, Settings(world.Database, smtp: null, catchUp: false));
        await using (a)
        await using (b)
        {
            // Signed in on A; the cookie, protected with the keys in the database, opens a page on B.
            var cookies = await SignInAsync(a.BaseAddress, "operator");
            Assert.Equal(HttpStatusCode.OK, await GetAsync(b.BaseAddress, "/cases", cookies));
            Assert.Equal(HttpStatusCode.Redirect, await GetAsync(b.BaseAddress, "/cases", cookie: null));

            await using var proxy = await NginxProxy.StartAsync([a.BaseAddress, b.BaseAddress], Ct);

            // A browser's first answer through the proxy sets its affinity cookie.
            using (var first = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }))
            {
                using var health = await first.GetAsync(new Uri(proxy.BaseAddress, "/health/ready"), Ct);
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                Assert.Contains(health.Headers.GetValues("Set-Cookie"), c => c.StartsWith(InstanceAffinity.CookieName + "=", StringComparison.Ordinal));
            }

            // Browsers, each with its own affinity token and the one sign-in: every request of a browser reaches one
            // instance, the browsers are spread over both, and the sign-in holds on whichever they reach.
            var browsers = Enumerable.Range(0, 24).Select(i => $"{cookies}; {InstanceAffinity.CookieName}=browser{i:D2}").ToList();
            foreach (var browser in browsers)
            {
                foreach (var path in new[] { "/cases", "/", "/cases" })
                {
                    Assert.Equal(HttpStatusCode.OK, await GetAsync(proxy.BaseAddress, path, browser));
                }
            }

            var perBrowser = proxy.Requests().Where(r => r.Affinity.StartsWith("browser", StringComparison.Ordinal))
                .GroupBy(r => r.Affinity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Instance).Distinct().ToList());
            Assert.Equal(browsers.Count, perBrowser.Count);
            Assert.All(perBrowser, p => Assert.True(p.Value.Count == 1, $"{p.Key} reached {string.Join(" and ", p.Value)}"));
            Assert.Equal(
                new[] { a.BaseAddress.Authority, b.BaseAddress.Authority }.Order(StringComparer.Ordinal),
                perBrowser.Values.Select(v => v[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

            // Blazor's connection through the proxy: negotiated on one instance, the WebSocket upgraded on the same.
            foreach (var browser in browsers.Take(4))
            {
                await ConnectBlazorAsync(proxy.BaseAddress, browser);
            }

            var blazor = proxy.Requests().Where(r => r.Path.StartsWith("/_blazor", StringComparison.Ordinal)).ToList();
            Assert.Contains(blazor, r => r.Status == 101);
            Assert.All(blazor.GroupBy(r => r.Affinity), g => Assert.Single(g.Select(r => r.Instance).Distinct()));
        }
    }

    [Fact]
    public async Task OneInstanceKilledUnderLoad_LosesNoAcknowledgedOrder_AndTheOtherKeepsServing()
    {
        NginxProxy.Require();
        using var world = await PrepareAsync(withDueReminders: false);
        using var folder = new TempFolder();
        var (a, b) = await StartBothAsync(folder, Settings(world.Database, smtp: null, catchUp: false));
        await using (a)
        await using (b)
        {
            await using var proxy = await NginxProxy.StartAsync([a.BaseAddress, b.BaseAddress], Ct);
            var ledger = new OrderLoad("load-");
            var retries = new StrongBox<int>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

            // Eight e-service clients, each with an affinity token of its own so that both instances get orders. A
            // client that gets no answer, or an error from the proxy, sends the same order again with the same key,
            // as the e-service does.
            var clients = Enumerable.Range(0, 8).Select(i => SendUntilStoppedAsync(proxy.BaseAddress, $"client{i}", ledger, retries, stop.Token)).ToArray();
            int CreatedBy(AppProcess app) =>
                proxy.Requests().Count(r => r.Method == "POST" && r.Status == 201 && r.Instance.EndsWith(app.BaseAddress.Authority, StringComparison.Ordinal));
            await WaitUntilAsync(() => CreatedBy(a) >= 15 && CreatedBy(b) >= 15, "both instances to acknowledge orders", a, b);

            Assert.Equal(137, await a.KillHardAsync());
            var killedAt = ledger.Acknowledged;
            var loggedAtKill = proxy.Requests().Count;
            await WaitUntilAsync(() => ledger.Acknowledged >= killedAt + 60, "60 more orders after A was killed", b);
            await stop.CancelAsync();
            await Task.WhenAll(clients);

            Assert.True(ledger.Refusals.IsEmpty, "Refused:\n" + string.Join('\n', ledger.Refusals.Take(20)));
            var stored = await StoredOrdersAsync(world.Database, "load-");
            var lost = ledger.AcknowledgedOrders()
                .Where(o => !stored.TryGetValue(o.Key, out var found) || found != o.CaseNumber)
                .Select(o => $"{o.Key} was acknowledged as {o.CaseNumber} and is {(stored.TryGetValue(o.Key, out var f) ? "stored as " + f : "missing")}")
                .ToList();
            Assert.True(lost.Count == 0, string.Join('\n', lost.Take(20)));
            Assert.Equal(stored.Count, stored.Values.Distinct(StringComparer.Ordinal).Count());
            Assert.All(stored.Keys, key => Assert.True(ledger.WasSent(key), $"{key} is stored but was never sent"));

            // After the kill B took the orders, also those of the clients whose token A had: nginx passes a request that
            // A's closed port refused on to B, and a client whose order died with A sends it again.
            var afterKill = proxy.Requests().Skip(loggedAtKill).Where(r => r.Method == "POST").ToList();
            var tokensOnB = afterKill.Where(r => r.Status == 201 && r.Instance.EndsWith(b.BaseAddress.Authority, StringComparison.Ordinal))
                .Select(r => r.Affinity).Distinct(StringComparer.Ordinal).Count();
            Assert.True(tokensOnB == 8, $"after the kill B created orders for {tokensOnB} of the 8 clients");
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{ledger.Acknowledged} orders acknowledged ({killedAt} before A was killed), {retries.Value} sent again after an error, "
                + $"{stored.Count} stored; the proxy logged {afterKill.Count} posts, {afterKill.Count(r => r.Status >= 500)} answered with an error");
        }
    }

    /// <summary>
    /// A migrated PostgreSQL database with the demo organisation; with due reminders, a temporary grant of chef1's
    /// staff and one of chef2's that ran out on 2026-11-20, whose receipts went out long ago.
    /// </summary>
    private static async Task<FollowUpWorld> PrepareAsync(bool withDueReminders)
    {
        var world = await FollowUpWorld.CreateAsync(DatabaseProvider.PostgreSql);
        if (withDueReminders)
        {
            await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
            await world.AddTemporaryGrantAsync("chef2", new DateOnly(2026, 11, 20), "Omar Ali", OrderRequests.Pnr1985);
        }

        await using var db = world.Database.CreateDbContext();
        await db.CaseMessages.ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, ReminderStatus.Sent), Ct);
        return world;
    }

    private static Dictionary<string, string> Settings(TestDatabase database, GatedSmtpServer? smtp, bool catchUp)
    {
        var settings = new Dictionary<string, string>(smtp?.AppSettings() ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__SocIt"] = database.ConnectionString,
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["OrdersApi__RateLimit__PermitLimit"] = "100000",
            ["FollowUps__CatchUpOnStartup"] = catchUp ? "true" : "false",
            [$"Logging__LogLevel__{typeof(JobRunner).FullName}"] = "Information",
            ["Logging__LogLevel__SocItConsole.Admin.Features.FollowUps.FollowUpRun"] = "Information",
            ["Logging__LogLevel__SocItConsole.Admin.Features.FollowUps.FollowUpCatchUp"] = "Information",
        };
        return settings;
    }

    private static async Task<(AppProcess A, AppProcess B)> StartBothAsync(TempFolder folder, Dictionary<string, string> settings)
    {
        var starting = new[]
        {
            AppProcess.StartAsync(AppContext.BaseDirectory, "", folder.Path, settings, Ct),
            AppProcess.StartAsync(AppContext.BaseDirectory, "", folder.Path, settings, Ct),
        };
        try
        {
            var both = await Task.WhenAll(starting);
            return (both[0], both[1]);
        }
        catch
        {
            foreach (var start in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await start.Result.DisposeAsync();
            }

            throw;
        }
    }

    private static string Logs(params AppProcess[] apps) => string.Join('\n', apps.Select(app => app.LogTail(400)));

    private static int QueuedCatchUps(params AppProcess[] apps) =>
        Logs(apps).Split('\n').Count(l => l.Contains($"Job {Job} has not succeeded for over 24 hours: queued now", StringComparison.Ordinal));

    /// <summary>Runs of the expiry job that Hangfire's servers are processing now, by its PostgreSQL storage.</summary>
    private static long ProcessingRuns(TestDatabase database)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM hangfire.job WHERE statename = 'Processing' AND invocationdata::text LIKE '%FollowUpRemindersJob%'", connection);
        return (long)command.ExecuteScalar()!;
    }

    private static List<string> Runs(params AppProcess[] apps) =>
        [.. Logs(apps).Split('\n').Where(l => l.Contains("Expiry check: Körning", StringComparison.Ordinal))];

    /// <summary>One e-service client behind the proxy, sending new orders until stopped and each until it is answered.</summary>
    private static async Task SendUntilStoppedAsync(Uri proxy, string affinity, OrderLoad ledger, StrongBox<int> retries, CancellationToken stop)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", OrderLoad.ApiKey);
        http.DefaultRequestHeaders.Add("Cookie", $"{InstanceAffinity.CookieName}={affinity}");
        while (!stop.IsCancellationRequested)
        {
            var order = ledger.NextOrder();
            for (var attempt = 1; ; attempt++)
            {
                OrderOutcome outcome;
                try
                {
                    // Once sent, an order is followed to its answer even if the test is stopping: stopping only ends
                    // the sending of new ones.
                    outcome = await OrderLoad.PostAsync(http, order, Ct);
                }
                catch (HttpRequestException) when (attempt < 20)
                {
                    Interlocked.Increment(ref retries.Value);
                    continue;
                }
                catch (TaskCanceledException) when (attempt < 20 && !Ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref retries.Value);
                    continue;
                }

                if (outcome.Status is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    ledger.Acknowledge(order, outcome);
                    break;
                }

                if ((int)outcome.Status >= 500 && attempt < 20)
                {
                    Interlocked.Increment(ref retries.Value);
                    continue;
                }

                ledger.Refusals.Enqueue($"{order.Key}: {(int)outcome.Status} {outcome.Text}");
                return;
            }
        }
    }

    private static async Task<string> SignInAsync(Uri instance, string user)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = instance };
        using var response = await http.GetAsync(new Uri($"/account/dev-sign-in?userName={user}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Where(c => c.StartsWith("socit.auth", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(auth);
        return string.Join("; ", auth);
    }

    private static async Task<HttpStatusCode> GetAsync(Uri baseAddress, string path, string? cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    /// <summary>SignalR's negotiation for Blazor's hub and the WebSocket it names, both through the proxy.</summary>
    private static async Task ConnectBlazorAsync(Uri proxy, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = proxy };
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        negotiate.Headers.Add("Cookie", cookie);
        using var answer = await http.SendAsync(negotiate, Ct);
        var text = await answer.Content.ReadAsStringAsync(Ct);
        Assert.True(answer.IsSuccessStatusCode, $"negotiate: {(int)answer.StatusCode} {text}");
        var token = JsonNode.Parse(text)!["connectionToken"]!.GetValue<string>();

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookie);
        var address = new UriBuilder(proxy) { Scheme = "ws", Path = "/_blazor", Query = "id=" + Uri.EscapeDataString(token) }.Uri;
        await socket.ConnectAsync(address, Ct);
        Assert.Equal(WebSocketState.Open, socket.State);

        // SignalR's handshake in Blazor's protocol: the server answers an empty object, which it can only do for a
        // connection it negotiated.
        await socket.SendAsync("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"u8.ToArray(), WebSocketMessageType.Text, true, Ct);
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, Ct);
        Assert.Equal("{}\u001e", Encoding.UTF8.GetString(buffer, 0, received.Count));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", Ct);
    }

    private static async Task<List<string>> StoredCaseNumbersAsync(TestDatabase database, string keyPrefix) =>
        [.. (await StoredOrdersAsync(database, keyPrefix)).Values.Order(StringComparer.Ordinal)];

    /// <summary>The orders in the database whose Idempotency-Key starts with <paramref name="keyPrefix"/>: key → case number.</summary>
    private static async Task<Dictionary<string, string>> StoredOrdersAsync(TestDatabase database, string keyPrefix)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""SELECT "IdempotencyKey", "CaseNumber" FROM "Orders" WHERE "IdempotencyKey" LIKE @prefix""", connection);
        command.Parameters.AddWithValue("prefix", keyPrefix + "%");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Ct))
        {
            Assert.True(stored.TryAdd(reader.GetString(0), reader.GetString(1)), $"{reader.GetString(0)} is stored twice");
        }

        return stored;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, params AppProcess[] apps)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience)
            {
                Assert.Fail($"Waited {Patience.TotalMinutes} minutes for {what}.\n{string.Join("\n---\n", apps.Select(app => app.LogTail()))}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), Ct);
        }
    }
}
