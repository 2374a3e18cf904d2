using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>The units a signed-in manager manages: those that name the user's e-mail address among their managers.</summary>
public static class ManagedUnits
{
    /// <summary>The user's units; none when the sign-in carries no e-mail address.</summary>
    public static IQueryable<Unit> UnitsManagedBy(this SocItDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return user.EmailAddress() is { } email
            ? db.Units.AsNoTracking().Where(u => u.Managers.Any(m => m.Email == email))
            : db.Units.AsNoTracking().Where(_ => false);
    }
}
