namespace SocItConsole.Admin.Features.Cases;

public static class CasesFeature
{
    public static WebApplicationBuilder AddCasesFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseWork>();
        builder.Services.AddScoped<CaseList>();
        return builder;
    }
}
