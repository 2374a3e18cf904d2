using Microsoft.AspNetCore.Authorization;

namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>
/// "May order" (<see cref="Policies.OrderIntake"/>). Met here by the Manager or Operator role; the orderers feature
/// registers a second handler for the same requirement that meets it for a person appointed to order for a unit today,
/// who may hold no app role at all. Either handler suffices. Where only this one runs (a test without the database),
/// the policy is the two roles, never more.
/// </summary>
/// <remarks>
/// Without <see cref="IncludesOperators"/> it is the orderer's own side (<see cref="Policies.Orderer"/>): answering
/// Soc-IT's question about one's order is not Soc-IT's to do.
/// </remarks>
public sealed class MayOrderRequirement(bool includesOperators = true) : AuthorizationHandler<MayOrderRequirement>, IAuthorizationRequirement
{
    public bool IncludesOperators { get; } = includesOperators;

    public static bool HasOrderingRole(System.Security.Claims.ClaimsPrincipal user, bool includesOperators = true)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(AppRoles.Manager) || (includesOperators && user.IsInRole(AppRoles.Operator));
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MayOrderRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (HasOrderingRole(context.User, requirement.IncludesOperators))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
