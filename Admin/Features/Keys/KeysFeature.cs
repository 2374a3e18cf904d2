namespace SocItConsole.Admin.Features.Keys;

public static class KeysFeature
{
    public static WebApplicationBuilder AddKeysFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<KeyChanges>();
        builder.Services.AddScoped<KeyRegister>();
        builder.Services.AddScoped<PoolRegister>();
        builder.Services.AddScoped<PersonalCodes>();
        builder.Services.AddScoped<KeyPurchases>();
        builder.Services.AddScoped<KeyQueries>();
        builder.Services.AddScoped<KeyPoolDirectory>();
        return builder;
    }
}
