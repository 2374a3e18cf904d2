using System.Security.Claims;

namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>
/// The security log: one category and one event per refusal, for those who alert on them. A refused HTTP request is
/// <see cref="RequestDeniedId"/> (<see cref="DeniedRequestLogging"/>), a refused service operation
/// <see cref="OperationDeniedId"/> (<see cref="CurrentUser.RequireAsync"/>).
/// </summary>
public static class SecurityLog
{
    public const string Category = "SocItConsole.Security";

    /// <summary>A request the authorization middleware refused (a challenge or a forbid).</summary>
    public const int RequestDeniedId = 4031;

    /// <summary>A service operation refused because the user does not meet its policy.</summary>
    public const int OperationDeniedId = 4032;

    public static readonly EventId OperationDenied = new(OperationDeniedId, nameof(OperationDenied));

    /// <summary>Only the object id: a security event names no one by name or e-mail address.</summary>
    public static string ObjectIdOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated != true
            ? "(anonym)"
            : user.FindFirst(UserClaims.ObjectId)?.Value ?? "(utan objekt-id)";
    }
}
