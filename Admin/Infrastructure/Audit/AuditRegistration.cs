using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;

namespace SocItConsole.Admin.Infrastructure.Audit;

public static class AuditRegistration
{
    /// <summary>The audit trail, the current user that services record as the actor, and the audited-change runner.</summary>
    public static WebApplicationBuilder AddAdminAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddScoped<AuditedChange>();
        return builder;
    }
}
