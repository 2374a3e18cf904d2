using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using SocItConsole.Shared.Audit;

namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>
/// The signed-in user as services see them. Services check the policy they need themselves — a page's
/// <c>[Authorize]</c> and <c>AuthorizeView</c> are the first line, not the only one. Every refusal is one security
/// event (<see cref="SecurityLog.OperationDenied"/>) naming the user's object id and the policy, never a name.
/// </summary>
public sealed partial class CurrentUser(
    AuthenticationStateProvider authenticationState,
    IHttpContextAccessor httpContext,
    IAuthorizationService authorization,
    ILoggerFactory loggers)
{
    private readonly ILogger _security = loggers.CreateLogger(SecurityLog.Category);

    public async Task<ClaimsPrincipal> GetPrincipalAsync()
    {
        try
        {
            return (await authenticationState.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a Blazor circuit (a plain HTTP endpoint) the state provider has no state; the request has.
            return httpContext.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        }
    }

    /// <summary>The actor for the audit trail, after checking <paramref name="policy"/>; throws when it fails.</summary>
    public async Task<Actor> RequireAsync(string policy)
    {
        var user = await GetPrincipalAsync();
        var result = await authorization.AuthorizeAsync(user, policy);
        if (!result.Succeeded)
        {
            LogOperationDenied(_security, SecurityLog.ObjectIdOf(user), policy);
            throw new UnauthorizedAccessException("Du saknar behörighet för den här åtgärden.");
        }

        return ToActor(user);
    }

    /// <summary>
    /// Whether the user meets <paramref name="policy"/>, for a part of an operation that only some of its callers
    /// see. Not a refusal, so nothing is logged; an operation a user may not call at all uses <see cref="RequireAsync"/>.
    /// </summary>
    public async Task<bool> SatisfiesAsync(string policy)
    {
        var user = await GetPrincipalAsync();
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }

    public static Actor ToActor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirst(UserClaims.ObjectId)?.Value
            ?? user.EmailAddress()?.Value
            ?? user.Identity?.Name
            ?? "okänd";
        return new Actor(id, user.DisplayName());
    }

    [LoggerMessage(EventId = SecurityLog.OperationDeniedId, EventName = nameof(SecurityLog.OperationDenied), Level = LogLevel.Warning,
        Message = "Operation denied: user {UserObjectId} does not meet policy {Policy}")]
    private static partial void LogOperationDenied(ILogger logger, string userObjectId, string policy);
}
