using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Orderers;

namespace SocItConsole.Admin.Features.Orderers;

/// <summary>
/// Meets "may order" for a person with an appointment valid today, read from the register (one small query, only for
/// users without an ordering role): an appointment that ends, or is ended, takes the right away at once, with no
/// sign-out and no job. Within one HTTP request (a static page checks the policy once per menu item and view) the
/// answer is read once; a circuit, which lives for as long as the tab, reads it on every check.
/// </summary>
public sealed class AppointedOrdererAuthorization(
    IDbContextFactory<SocItDbContext> factory, TimeProvider clock, IHttpContextAccessor httpContextAccessor)
    : AuthorizationHandler<MayOrderRequirement>
{
    private static readonly object AnswerKey = new();

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MayOrderRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (MayOrderRequirement.HasOrderingRole(context.User, requirement.IncludesOperators) || context.User.EmailAddress() is not { } email)
        {
            return;
        }

        var today = AdminTimeZone.Today(clock);
        // A circuit's checks run under the WebSocket request that carries it: that context lasts too long to keep an answer.
        var request = httpContextAccessor.HttpContext is { WebSockets.IsWebSocketRequest: false } http ? http : null;
        if (request?.Items[AnswerKey] is Answer kept && kept.Email == email && kept.Day == today)
        {
            if (kept.MayOrder)
            {
                context.Succeed(requirement);
            }

            return;
        }

        await using var db = await factory.CreateDbContextAsync();
        var mayOrder = await db.AppointedOrderers.AsNoTracking().Where(AppointedOrderer.ValidOn(today)).AnyAsync(a => a.Email == email);
        if (request is not null)
        {
            request.Items[AnswerKey] = new Answer(email, today, mayOrder);
        }

        if (mayOrder)
        {
            context.Succeed(requirement);
        }
    }

    private sealed record Answer(SocItConsole.Shared.Common.EmailAddress Email, DateOnly Day, bool MayOrder);
}
