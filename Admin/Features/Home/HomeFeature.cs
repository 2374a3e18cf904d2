namespace SocItConsole.Admin.Features.Home;

public static class HomeFeature
{
    public static WebApplicationBuilder AddHomeFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<HomeOverview>();
        return builder;
    }
}
