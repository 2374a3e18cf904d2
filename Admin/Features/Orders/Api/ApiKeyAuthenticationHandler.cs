using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SocItConsole.Admin.Features.Orders.Api;

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The accepted keys (<c>Intake:ApiKeys</c>); secrets, never logged.</summary>
    public IReadOnlyList<string> ApiKeys { get; set; } = [];
}

/// <summary>
/// Accepts a request whose <c>X-Api-Key</c> header holds one of the configured keys. The SHA-256 of the presented key
/// is compared with that of every configured key in constant time, so neither the timing nor a log line gives a key
/// away. A challenge answers 401 with <c>WWW-Authenticate: ApiKey</c> and a problem body, never a redirect.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(IntakeApiAuth.ApiKeyHeader, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.Fail("The X-Api-Key header must hold exactly one key."));
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!));
        var match = false;
        foreach (var key in Options.ApiKeys)
        {
            // No early exit: every key is compared, whichever matches.
            match |= CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        return Task.FromResult(match
            ? AuthenticateResult.Success(new AuthenticationTicket(IntakeApiAuth.ApiKeyPrincipal(), Scheme.Name))
            : AuthenticateResult.Fail("The API key is not valid."));
    }

    // The intake policy lists this scheme last: it writes the problem body, after which no other scheme could still
    // add its WWW-Authenticate header.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.Append(HeaderNames.WWWAuthenticate, IntakeApiAuth.ApiKeyScheme);
        return ApiProblems.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "Autentisering krävs",
            $"Ange en giltig API-nyckel i {IntakeApiAuth.ApiKeyHeader}"
            + (Context.RequestServices.GetService<IntakeApiSchemes>()?.AcceptsBearer == true
                ? $" eller en Entra ID-token med app-rollen {IntakeApiAuth.Role}."
                : "."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(
            Context,
            StatusCodes.Status403Forbidden,
            "Behörighet saknas",
            $"Token saknar app-rollen {IntakeApiAuth.Role}.");
}
