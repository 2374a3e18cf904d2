using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace SocItConsole.Admin.Features.Orders.Api;

/// <summary>
/// A cap on how fast one API client may place orders (<c>POST /api/v1/orders</c>): a fixed window per client, from
/// <c>OrdersApi:RateLimit:PermitLimit</c> and <c>OrdersApi:RateLimit:Window</c>. A client over its limit gets 429 with
/// Retry-After and a Swedish problem body; nothing reaches the intake. Other clients keep their own allowance.
/// </summary>
public static partial class OrderApiRateLimiting
{
    public const string Policy = "OrdersApi";
    public const string PermitLimitSetting = "OrdersApi:RateLimit:PermitLimit";
    public const string WindowSetting = "OrdersApi:RateLimit:Window";

    /// <summary>The e-service sends orders as people fill in a form: one a second, sustained, is far above that.</summary>
    public const int DefaultPermitLimit = 60;

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(1);

    public static WebApplicationBuilder AddOrderApiRateLimiting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var permitLimit = builder.Configuration.GetValue(PermitLimitSetting, DefaultPermitLimit);
        var window = builder.Configuration.GetValue(WindowSetting, DefaultWindow);
        if (permitLimit < 1 || window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"SocItConsole cannot start: {PermitLimitSetting} must be at least 1 and {WindowSetting} longer than zero "
                + $"(now {permitLimit} and {window.ToString("c", CultureInfo.InvariantCulture)}).");
        }

        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 }));
            options.OnRejected = (rejected, _) => new ValueTask(RejectAsync(rejected, window));
        });
        return builder;
    }

    /// <summary>
    /// The API client the request was authenticated as: the application (<c>azp</c>/<c>appid</c>) for a bearer token;
    /// for an API key a digest of the key, so that each configured key is its own client and the key is not kept.
    /// </summary>
    private static string ClientOf(HttpContext context)
    {
        var user = context.User;
        if (user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IntakeApiAuth.ApiKeyScheme))
        {
            var key = context.Request.Headers[IntakeApiAuth.ApiKeyHeader].ToString();
            return "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8);
        }

        return "app:" + (user.FindFirst("azp")?.Value ?? user.FindFirst("appid")?.Value ?? "okänd");
    }

    private static Task RejectAsync(OnRejectedContext rejected, TimeSpan window)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        LogRejected(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OrderApiRateLimiting)), seconds);
        return ApiProblems.WriteAsync(
            http,
            StatusCodes.Status429TooManyRequests,
            "För många beställningar",
            $"Klienten har skickat fler beställningar än tillåtet. Inget har sparats. Försök igen om {seconds} sekunder.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order API request refused by the rate limit; retry after {Seconds} s")]
    private static partial void LogRejected(ILogger logger, int seconds);
}
