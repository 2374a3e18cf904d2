namespace SocItConsole.Admin.Features.Units;

public static class UnitsFeature
{
    public static WebApplicationBuilder AddUnitsFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UnitDirectory>();
        return builder;
    }
}
