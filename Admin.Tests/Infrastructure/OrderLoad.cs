using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// The e-service's orders as write load on the app run as a process: clients that post new employees' orders through
/// <c>POST /api/v1/orders</c> one after the other until stopped, and a ledger of every order sent and of those the API
/// acknowledged (201), with when. Idempotency keys start with the test's own prefix, so the test finds its orders.
/// </summary>
public sealed class OrderLoad(string keyPrefix)
{
    public const string ApiKey = "dev-e-tjanst-nyckel";

    private readonly ConcurrentDictionary<string, SentOrder> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SentOrder> _acknowledged = new(StringComparer.Ordinal);
    private int _next;

    public string KeyPrefix { get; } = keyPrefix;

    /// <summary>What the API refused, or a client that got no answer: the load is then not what the test wants.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public int Acknowledged => _acknowledged.Count;

    public bool WasSent(string key) => _sent.ContainsKey(key);

    public List<SentOrder> AcknowledgedOrders() => [.. _acknowledged.Values.OrderBy(o => o.Number)];

    /// <summary>A client of the app at <paramref name="baseAddress"/> with the e-service's API key.</summary>
    public static HttpClient Client(Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return http;
    }

    /// <summary>A new employee's order with a personnummer of its own.</summary>
    public SentOrder NextOrder()
    {
        var number = Interlocked.Increment(ref _next);
        var born = new DateOnly(1970, 1, 1).AddDays(number / 900);
        var nine = string.Create(CultureInfo.InvariantCulture, $"{born:yyMMdd}{100 + (number % 900)}");
        var personnummer = string.Create(CultureInfo.InvariantCulture, $"{born:yyyy}{nine[2..]}{Personnummer.CheckDigit(nine)}");
        var body = OrderApiBodies.NewUndersköterska(string.Create(CultureInfo.InvariantCulture, $"{personnummer[..8]}-{personnummer[8..]}"));
        var order = new SentOrder(number, string.Create(CultureInfo.InvariantCulture, $"{KeyPrefix}{number}"), body.ToJsonString());
        _sent[order.Key] = order;
        return order;
    }

    /// <summary>Records the API's answer to <paramref name="order"/> (201, or 200 for an order it already had).</summary>
    public void Acknowledge(SentOrder order, OrderOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(outcome);
        order.Acknowledge(outcome);
        _acknowledged[order.Key] = order;
    }

    /// <summary>One client of the e-service: sends new orders one after the other until it is stopped.</summary>
    public async Task WriteUntilStoppedAsync(HttpClient http, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var order = NextOrder();
            OrderOutcome outcome;
            try
            {
                outcome = await PostAsync(http, order, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            if (outcome.Status == HttpStatusCode.Created)
            {
                Acknowledge(order, outcome);
            }
            else
            {
                Refusals.Enqueue($"{order.Key}: {(int)outcome.Status} {outcome.Text}");
                return;
            }
        }
    }

    public static async Task<OrderOutcome> PostAsync(HttpClient http, SentOrder order, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/orders", UriKind.Relative))
        {
            Content = new StringContent(order.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", order.Key);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            return new OrderOutcome(response.StatusCode, text, 0, "");
        }

        var body = JsonNode.Parse(text)!;
        return new OrderOutcome(response.StatusCode, text, body["id"]!.GetValue<int>(), body["caseNumber"]!.GetValue<string>());
    }
}

public sealed record OrderOutcome(HttpStatusCode Status, string Text, int Id, string CaseNumber);

public sealed class SentOrder(int number, string key, string body)
{
    public int Number { get; } = number;

    public string Key { get; } = key;

    public string Body { get; } = body;

    public int Id { get; private set; }

    public string CaseNumber { get; private set; } = "";

    /// <summary>When the client had the 201 in hand (<see cref="TimeProvider.GetTimestamp"/> of the system clock).</summary>
    public long AcknowledgedAt { get; private set; }

    public void Acknowledge(OrderOutcome outcome)
    {
        Id = outcome.Id;
        CaseNumber = outcome.CaseNumber;
        AcknowledgedAt = TimeProvider.System.GetTimestamp();
    }
}
