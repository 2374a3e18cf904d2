using System.Security.Cryptography;
using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Infrastructure.Web;

/// <summary>
/// The browser-side security headers on every response: pages, the API, static files and error pages alike. The
/// reasons for each directive are in docs/decisions/0012-web-security-and-role-recheck.md.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "Content-Security-Policy";

    private const string NonceKey = "socit.csp-nonce";

    /// <summary>
    /// The one inline script the console has is the import map Blazor writes into the page head; it carries this
    /// request's nonce, so <c>script-src</c> needs neither <c>'unsafe-inline'</c> nor a hash that changes per build.
    /// </summary>
    public static string Nonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    /// <summary>
    /// First in the pipeline, so that the headers are written when the response starts, whichever part answers it
    /// (the exception handler clears headers set earlier, but not the callback).
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var signIn = app.Services.GetRequiredService<SignInSettings>();
        var formTargets = signIn.Mode == SignInMode.EntraId
            ? "'self' " + OriginOf(app.Configuration[$"{AzureAdSettings.SectionName}:Instance"])
            : "'self'";

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers[ContentSecurityPolicy] = PolicyFor(context, formTargets);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    // One policy for every path, Hangfire's dashboard included: its pages load their scripts from files.
    private static string PolicyFor(HttpContext context, string formTargets) =>
        "default-src 'self'; "
            + $"script-src 'self' 'nonce-{Nonce(context)}'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + $"form-action {formTargets}; "
            + "frame-ancestors 'none'";

    private static string OriginOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : string.Empty;
}
