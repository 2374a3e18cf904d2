namespace SocItConsole.Admin.Features.Keys;

public static class KeysFeature
{
    public static WebApplicationBuilder AddKeysFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KeyOptions>().Bind(builder.Configuration.GetSection(KeyOptions.Section))
            .Validate(o => o.ReturnOverdueAfterDays is >= 0 and <= 365, "Keys: ReturnOverdueAfterDays must be 0–365.")
            .ValidateOnStart();
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
