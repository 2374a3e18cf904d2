namespace SocItConsole.Admin.Features.Administration;

public static class AdministrationFeature
{
    public static WebApplicationBuilder AddAdministrationFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MasterDataQueries>();
        builder.Services.AddScoped<MasterDataService>();
        return builder;
    }
}
