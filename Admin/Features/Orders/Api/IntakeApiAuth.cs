using System.Security.Claims;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Shared.Audit;

namespace SocItConsole.Admin.Features.Orders.Api;

/// <summary>
/// Who may call the intake API: the e-service with an API key (<c>X-Api-Key</c>, from <c>Intake:ApiKeys</c>) or, where
/// Entra ID is configured, an application with a bearer token for this app that carries the app role
/// <see cref="Role"/>. Console users' cookies are not accepted here.
/// </summary>
public static class IntakeApiAuth
{
    public const string Policy = "IntakeApi";

    /// <summary>The app role (on the app registration, assigned to the e-service's application) a bearer token must carry.</summary>
    public const string Role = "Intake";

    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ApiKeysSetting = "Intake:ApiKeys";

    /// <summary>A key shorter than this is refused at start-up: it could be guessed.</summary>
    public const int ApiKeyMinLength = 16;

    /// <summary>The key in appsettings.Development.json; it is public, so no other environment may use it.</summary>
    public const string DevelopmentApiKey = "dev-e-tjanst-nyckel";

    private const string EServiceName = "E-tjänsten";
    private const string EServiceClient = "e-tjanst";

    /// <summary>The claims an API key stands for: the e-service, in the intake role.</summary>
    public static ClaimsPrincipal ApiKeyPrincipal()
    {
        var identity = new ClaimsIdentity(
            [new Claim(UserClaims.Name, EServiceName), new Claim(UserClaims.Roles, Role)],
            ApiKeyScheme,
            UserClaims.Name,
            UserClaims.Roles);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// The actor an order is placed as: <c>api:e-tjanst</c> for the API key; for a bearer token the calling
    /// application's client id (<c>azp</c>, or <c>appid</c> in a v1 token), with the user's name if it acts for one.
    /// </summary>
    public static Actor ActorFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == ApiKeyScheme))
        {
            return new Actor("api:" + EServiceClient, EServiceName);
        }

        var client = user.FindFirst("azp")?.Value ?? user.FindFirst("appid")?.Value ?? user.FindFirst(UserClaims.ObjectId)?.Value;
        return new Actor("api:" + (client ?? "okänd"), user.FindFirst(UserClaims.Name)?.Value ?? EServiceName);
    }

    /// <summary>Problems with the configured keys, naming the setting and the position, never the key.</summary>
    public static IReadOnlyList<string> ValidateApiKeys(IReadOnlyList<string> keys, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i].Trim().Length < ApiKeyMinLength)
            {
                problems.Add($"{ApiKeysSetting}:{i} must be at least {ApiKeyMinLength} characters");
            }
            else if (keys[i].Trim() == DevelopmentApiKey && !environment.IsDevelopment())
            {
                problems.Add($"{ApiKeysSetting}:{i} is the published development key; it works only in Development");
            }
        }

        return problems;
    }
}

/// <summary>The schemes the intake policy accepts, as chosen at start-up: the bearer only where Entra ID is configured.</summary>
public sealed record IntakeApiSchemes(bool AcceptsBearer)
{
    /// <summary>Bearer first and the API key last: see <see cref="ApiKeyAuthenticationHandler"/>.</summary>
    public string[] Names => AcceptsBearer
        ? [IntakeApiAuth.BearerScheme, IntakeApiAuth.ApiKeyScheme]
        : [IntakeApiAuth.ApiKeyScheme];
}
