using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>
/// Writes one security log event for every request the authorization middleware refuses (a challenge or a forbid),
/// then lets the default handler answer it as before. The event names the user by object id, the route pattern and
/// the outcome; never a name, the path as requested or its query string, where a personnummer could appear.
/// </summary>
public sealed partial class DeniedRequestLogging(ILoggerFactory loggers) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _inner = new();
    private readonly ILogger _logger = loggers.CreateLogger(SecurityLog.Category);

    public Task HandleAsync(
        RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(ingen route)";
            LogRequestDenied(_logger, SecurityLog.ObjectIdOf(context.User), context.Request.Method, route, authorizeResult.Challenged ? "challenge" : "forbid");
        }

        return _inner.HandleAsync(next, context, policy, authorizeResult);
    }

    [LoggerMessage(EventId = SecurityLog.RequestDeniedId, EventName = "RequestDenied", Level = LogLevel.Warning,
        Message = "Request denied: user {UserObjectId}, {Method} {RoutePattern}, outcome {Outcome}")]
    private static partial void LogRequestDenied(ILogger logger, string userObjectId, string method, string routePattern, string outcome);
}

public static class DeniedRequestLoggingRegistration
{
    /// <summary>Replaces the default result handler with <see cref="DeniedRequestLogging"/>, which still answers through it.</summary>
    public static WebApplicationBuilder AddDeniedRequestLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, DeniedRequestLogging>();
        return builder;
    }
}
