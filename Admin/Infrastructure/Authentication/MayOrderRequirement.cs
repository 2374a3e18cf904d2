using Microsoft.AspNetCore.Authorization;

namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>
/// "May order" (<see cref="Policies.OrderIntake"/>). Met here by the Manager or Operator role; the orderers feature
/// registers a second handler for the same requirement that meets it for a person appointed to order for a unit today,
/// who may hold no app role at all. Either handler suffices. Where only this one runs (a test without the database),
/// the policy is the two roles, never more.
/// </summary>
public sealed class MayOrderRequirement : AuthorizationHandler<MayOrderRequirement>, IAuthorizationRequirement
{
    public static bool HasOrderingRole(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(AppRoles.Manager) || user.IsInRole(AppRoles.Operator);
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MayOrderRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HasOrderingRole(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
