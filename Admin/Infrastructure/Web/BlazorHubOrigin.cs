namespace SocItConsole.Admin.Infrastructure.Web;

/// <summary>
/// Blazor's hub (<c>/_blazor</c>) sends no CORS headers, so a foreign page cannot read its answers; but a browser
/// opens a WebSocket to any origin, and SignalR does not check where it was asked from. A request that names a foreign
/// <c>Origin</c> is refused here, so no other site can start a circuit with a user's cookie. The host name is compared,
/// not scheme and port, so a reverse proxy that ends TLS in front of the app does not lock out its own pages.
/// </summary>
public static class BlazorHubOrigin
{
    public const string HubPath = "/_blazor";

    public static WebApplication UseSameOriginBlazorHub(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(HubPath)
                && context.Request.Headers.Origin is [{ } origin]
                && !IsSameHost(origin, context.Request.Host))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    private static bool IsSameHost(string origin, HostString host) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase);
}
