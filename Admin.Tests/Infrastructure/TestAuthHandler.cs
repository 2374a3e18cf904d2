using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// Stands in for the Entra ID cookie in integration tests: the request names a demo user in a header and gets the
/// same claims Entra ID would issue. Without the header the request is anonymous and meets the real challenge.
/// </summary>
public sealed class TestAuthHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string UserHeader = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(UserHeader, out var userName))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var user = DevUsers.Find(userName.ToString());
        if (user is null)
        {
            return Task.FromResult(AuthenticateResult.Fail($"Unknown test user '{userName}'"));
        }

        var identity = new ClaimsIdentity(user.ToPrincipal().Claims, SchemeName, UserClaims.Name, UserClaims.Roles);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
