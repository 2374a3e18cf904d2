using System.Security.Cryptography;
using SocItConsole.Admin.Data;

namespace SocItConsole.Admin.Infrastructure.Web;

/// <summary>
/// A browser's own random token, <c>socit.affinity</c>, for a reverse proxy to keep the browser on one console
/// instance (<c>hash $cookie_socit_affinity consistent;</c> in nginx, docs/ops/several-instances.md). A Blazor circuit
/// lives in one process, so its connection must reach the instance that holds it; the proxy cannot read the sign-in
/// cookie's name (it has a dot) nor rely on an address that a whole municipality shares behind one NAT. Set only when
/// the console runs on PostgreSQL, where there can be several instances; it says nothing about the user and is a
/// session cookie, HttpOnly and Secure outside Development.
/// </summary>
public static class InstanceAffinity
{
    public const string CookieName = "socit_affinity";

    public static WebApplication UseInstanceAffinity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<DatabaseProviderInfo>().IsPostgreSql)
        {
            return app;
        }

        var secure = !app.Environment.IsDevelopment();
        app.Use((context, next) =>
        {
            if (!context.Request.Cookies.ContainsKey(CookieName))
            {
                context.Response.Cookies.Append(CookieName, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), new CookieOptions
                {
                    HttpOnly = true,
                    Secure = secure,
                    SameSite = SameSiteMode.Lax,
                    IsEssential = true,
                    Path = "/",
                });
            }

            return next(context);
        });
        return app;
    }
}
