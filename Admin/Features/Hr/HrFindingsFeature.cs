namespace SocItConsole.Admin.Features.Hr;

/// <summary>The findings of the reconciliation with HR and the operators' confirmations (the run itself is <c>HrFeature</c>'s).</summary>
public static class HrFindingsFeature
{
    public static WebApplicationBuilder AddHrFindingsFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<HrFindings>();
        return builder;
    }
}
