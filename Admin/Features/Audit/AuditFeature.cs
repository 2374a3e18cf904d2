namespace SocItConsole.Admin.Features.Audit;

public static class AuditFeature
{
    public static WebApplicationBuilder AddAuditFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }
}
