using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// Every request the authorization middleware refuses writes exactly one <c>RequestDenied</c> (4031) warning in the
/// security category, naming the user's object id, the route pattern and the outcome — never a name, a personnummer
/// or the query string.
/// </summary>
public class DeniedRequestLoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("utanroll", "GET", "/admin", "/admin", HttpStatusCode.Forbidden, "forbid")]
    [InlineData("admin", "GET", "/my-orders?search=" + OrderRequests.Pnr1990, "/my-orders", HttpStatusCode.Forbidden, "forbid")]
    [InlineData(null, "GET", "/cases/7?search=" + OrderRequests.Pnr1990, "/cases/{Id:int}", HttpStatusCode.Redirect, "challenge")]
    [InlineData("utanroll", "GET", "/access/export.csv?unit=1&search=" + OrderRequests.Pnr1990, "/access/export.csv", HttpStatusCode.Forbidden, "forbid")]
    [InlineData(null, "GET", "/access/export.csv?unit=1", "/access/export.csv", HttpStatusCode.Redirect, "challenge")]
    [InlineData(null, "POST", "/api/v1/orders", "/api/v1/orders", HttpStatusCode.Unauthorized, "challenge")]
    [InlineData("chef1", "GET", "/api/v1/orders/1?x=" + OrderRequests.Pnr1990, "/api/v1/orders/{id:int}", HttpStatusCode.Unauthorized, "challenge")]
    [InlineData("chef2", "GET", "/hangfire", "/hangfire/{**path}", HttpStatusCode.Forbidden, "forbid")]
    public async Task DeniedRequest_WritesExactlyOneSecurityEvent(
        string? user, string method, string path, string routePattern, HttpStatusCode status, string outcome)
    {
        var log = new CapturedLog();
        await using var app = AdminAppFactory.EntraId().WithTestServices(s => s.AddSingleton<ILoggerProvider>(log));
        using var client = app.CreateTestClient(user);

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(status, response.StatusCode);
        var denied = Assert.Single(log.Events, e => e.EventId.Id == SecurityLog.RequestDeniedId);
        Assert.Equal(SecurityLog.Category, denied.Category);
        Assert.Equal("RequestDenied", denied.EventId.Name);
        Assert.Equal(LogLevel.Warning, denied.Level);
        Assert.Equal(routePattern, denied.State["RoutePattern"]);
        Assert.Equal(outcome, denied.State["Outcome"]);
        Assert.Equal(method, denied.State["Method"]);
        // The intake API authenticates with its own schemes only: a console user is anonymous there.
        var expectedUser = user is null || routePattern.StartsWith("/api/", StringComparison.Ordinal) ? "(anonym)" : ObjectId(user);
        Assert.Equal(expectedUser, denied.State["UserObjectId"]);
        Assert.DoesNotContain(OrderRequests.Pnr1990, denied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("?", denied.Message, StringComparison.Ordinal);
        if (user is not null)
        {
            Assert.DoesNotContain(DevUsers.Find(user)!.DisplayName, denied.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("operator", "/units")]
    [InlineData("chef1", "/access/export.csv")]
    [InlineData(null, "/health")]
    [InlineData("utanroll", "/")]
    public async Task AllowedRequest_WritesNoSecurityEvent(string? user, string path)
    {
        var log = new CapturedLog();
        await using var app = AdminAppFactory.EntraId().WithTestServices(s => s.AddSingleton<ILoggerProvider>(log));
        using var client = app.CreateTestClient(user);

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(log.Events, e => e.EventId.Id == SecurityLog.RequestDeniedId);
    }

    private static string ObjectId(string user) =>
        DevUsers.Find(user)!.ToPrincipal().FindFirst(UserClaims.ObjectId)!.Value;

    internal sealed record LoggedEvent(
        string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> State);

    /// <summary>Captures every log event with its id and structured values, for the security category's assertions.</summary>
    internal sealed class CapturedLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<LoggedEvent> _events = new();

        public IReadOnlyList<LoggedEvent> Events => [.. _events];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _events);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<LoggedEvent> events) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                    : new Dictionary<string, object?>(StringComparer.Ordinal);
                events.Enqueue(new LoggedEvent(category, logLevel, eventId, formatter(state, exception), values));
            }
        }
    }
}
