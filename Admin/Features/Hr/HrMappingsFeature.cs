namespace SocItConsole.Admin.Features.Hr;

/// <summary>The HR mappings administrators decide (HR-kopplingar); the reconciliation itself registers in its own feature.</summary>
public static class HrMappingsFeature
{
    public static WebApplicationBuilder AddHrMappingsFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<HrMappings>();
        return builder;
    }
}
