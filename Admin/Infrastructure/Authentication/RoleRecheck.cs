using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>
/// Roles withdrawn from users after they signed in (<c>Access:RevokedRoles</c>: user → roles, <c>*</c> for all), read
/// through <see cref="IOptionsMonitor{TOptions}"/> so that an edited appsettings file takes effect without a restart.
/// A user is named by e-mail (UPN) or Entra object id. See docs/decisions/0012-web-security-and-role-recheck.md.
/// </summary>
public sealed class RoleRecheckSettings
{
    public const string SectionName = "Access";

    /// <summary>The longest the issue allows between two checks of a live circuit.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(5);

    public Dictionary<string, string[]> RevokedRoles { get; init; } = [];

    public TimeSpan RoleRecheckInterval { get; init; } = MaxInterval;
}

public sealed class RoleRevocations(IOptionsMonitor<RoleRecheckSettings> settings)
{
    private const string AllRoles = "*";

    /// <summary>The app roles <paramref name="user"/> holds that have been withdrawn since.</summary>
    public IReadOnlyList<string> WithdrawnFrom(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        string?[] names = [user.FindFirst(UserClaims.ObjectId)?.Value, user.EmailAddress()?.Value];
        var withdrawn = settings.CurrentValue.RevokedRoles
            .Where(entry => names.Any(name => string.Equals(name, entry.Key.Trim(), StringComparison.OrdinalIgnoreCase)))
            .SelectMany(entry => entry.Value)
            .ToHashSet(StringComparer.Ordinal);
        return [.. user.AppRolesOf().Where(role => withdrawn.Contains(role) || withdrawn.Contains(AllRoles))];
    }

    /// <summary>The same user without the withdrawn roles, or null when nothing was withdrawn.</summary>
    public ClaimsPrincipal? Reduce(ClaimsPrincipal user)
    {
        var withdrawn = WithdrawnFrom(user);
        if (withdrawn.Count == 0)
        {
            return null;
        }

        var identities = user.Identities.Select(identity => new ClaimsIdentity(
            identity.Claims.Where(claim => !(claim.Type == identity.RoleClaimType && withdrawn.Contains(claim.Value))),
            identity.AuthenticationType,
            identity.NameClaimType,
            identity.RoleClaimType));
        return new ClaimsPrincipal(identities);
    }

    /// <summary>
    /// Every request with the sign-in cookie: a withdrawn role is dropped from the principal and from the renewed
    /// cookie. The user stays signed in, so Entra ID's single sign-on cannot send them round a redirect loop.
    /// </summary>
    public static Task DropWithdrawnRolesAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is { } user
            && context.HttpContext.RequestServices.GetRequiredService<RoleRevocations>().Reduce(user) is { } reduced)
        {
            context.ReplacePrincipal(reduced);
            context.ShouldRenew = true;
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A live Blazor circuit keeps the principal it started with; this re-checks it every
/// <see cref="RoleRecheckSettings.RoleRecheckInterval"/> (at most 5 minutes) and drops withdrawn roles, so pages,
/// <c>AuthorizeView</c> and services (through <see cref="CurrentUser"/>) all see the reduced user.
/// </summary>
public sealed partial class RoleRecheckingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    RoleRevocations revocations,
    IOptionsMonitor<RoleRecheckSettings> settings) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RoleRecheckingAuthenticationStateProvider>();

    protected override TimeSpan RevalidationInterval => settings.CurrentValue.RoleRecheckInterval;

    /// <summary>Checks <paramref name="state"/> now; when a role was withdrawn, the circuit's state becomes the reduced user.</summary>
    public bool Recheck(AuthenticationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (revocations.Reduce(state.User) is not { } reduced)
        {
            return true;
        }

        LogRolesWithdrawn(_logger);
        // Setting the state restarts the base class's loop on the reduced user; this check stays valid.
        SetAuthenticationState(Task.FromResult(new AuthenticationState(reduced)));
        return true;
    }

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(Recheck(authenticationState));

    [LoggerMessage(Level = LogLevel.Information, Message = "A withdrawn role was dropped from a live circuit")]
    private static partial void LogRolesWithdrawn(ILogger logger);
}
