using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Infrastructure.Audit;

public static class AuditRegistration
{
    /// <summary>The audit trail and the current user that services record as the actor.</summary>
    public static WebApplicationBuilder AddAdminAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<AuditTrail>();
        return builder;
    }
}
