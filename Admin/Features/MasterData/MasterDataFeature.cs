namespace SocItConsole.Admin.Features.MasterData;

public static class MasterDataFeature
{
    public static WebApplicationBuilder AddMasterDataFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReferenceDataCache>();
        builder.Services.AddScoped<UnitDirectory>();
        builder.Services.AddScoped<MasterDataQueries>();
        builder.Services.AddScoped<MasterDataService>();
        return builder;
    }
}
