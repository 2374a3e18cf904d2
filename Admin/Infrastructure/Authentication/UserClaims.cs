using System.Security.Claims;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>
/// Reads the signed-in user from the claims Entra ID issues; the development sign-in issues the same claim types, so
/// everything downstream works the same with either.
/// </summary>
public static class UserClaims
{
    public const string Name = "name";
    public const string PreferredUserName = "preferred_username";
    public const string Roles = "roles";
    public const string ObjectId = "oid";
    private const string Upn = "upn";
    private const string Email = "email";

    public static string DisplayName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(Name)?.Value ?? user.Identity?.Name ?? "Okänd användare";
    }

    /// <summary>The user's e-mail: preferred_username (UPN) first, as Entra ID sends it.</summary>
    public static EmailAddress? EmailAddress(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var type in new[] { PreferredUserName, Upn, Email, ClaimTypes.Upn, ClaimTypes.Email })
        {
            if (Shared.Common.EmailAddress.TryParse(user.FindFirst(type)?.Value, out var email, out _))
            {
                return email;
            }
        }

        return null;
    }

    /// <summary>The app roles the user holds, in the order of <see cref="AppRoles.All"/>.</summary>
    public static IReadOnlyList<string> AppRolesOf(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. AppRoles.All.Where(user.IsInRole)];
    }
}
