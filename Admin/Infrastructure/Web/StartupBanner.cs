using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Infrastructure.Web;

public static partial class StartupBanner
{
    /// <summary>Once listening, says where to open the console (and, in Development, where to sign in).</summary>
    public static WebApplication AnnounceAddresses(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var url = addresses?.FirstOrDefault(a => a.StartsWith("http", StringComparison.Ordinal));
            if (url is null)
            {
                return;
            }

            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SocItConsole");
            var mode = app.Services.GetRequiredService<SignInSettings>().Mode;
            if (mode == SignInMode.Development)
            {
                var signInUrl = url.TrimEnd('/') + AdminAuthentication.DevSignInPath;
                LogDevelopmentReady(logger, url, signInUrl);
            }
            else
            {
                LogReady(logger, url);
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "SocItConsole is ready: open {Url} in a browser; sign in as a demo user at {SignInUrl}")]
    private static partial void LogDevelopmentReady(ILogger logger, string url, string signInUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "SocItConsole is ready at {Url} (sign-in through Entra ID)")]
    private static partial void LogReady(ILogger logger, string url);
}
