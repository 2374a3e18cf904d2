using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Orderers;

namespace SocItConsole.Admin.Features.Orderers;

/// <summary>
/// Meets "may order" for a person with an appointment valid today, read from the register on every check (one small
/// query, only for users without an ordering role): an appointment that ends, or is ended, takes the right away at
/// once, with no sign-out and no job.
/// </summary>
public sealed class AppointedOrdererAuthorization(IDbContextFactory<SocItDbContext> factory, TimeProvider clock)
    : AuthorizationHandler<MayOrderRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MayOrderRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (MayOrderRequirement.HasOrderingRole(context.User, requirement.IncludesOperators) || context.User.EmailAddress() is not { } email)
        {
            return;
        }

        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync();
        if (await db.AppointedOrderers.AsNoTracking().Where(AppointedOrderer.ValidOn(today)).AnyAsync(a => a.Email == email))
        {
            context.Succeed(requirement);
        }
    }
}
