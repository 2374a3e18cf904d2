using System.Globalization;
using MudBlazor;

namespace SocItConsole.Admin.Infrastructure.Localization;

public static class AdminLocalization
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Swedish alphabetical order (å, ä, ö after z), ignoring case: how every list in the console sorts.</summary>
    public static readonly StringComparer SwedishOrder = StringComparer.Create(Swedish, ignoreCase: true);

    /// <summary>Swedish everywhere: request culture, circuits and MudBlazor's own texts.</summary>
    public static WebApplicationBuilder AddAdminLocalization(this WebApplicationBuilder builder)
    {
        CultureInfo.DefaultThreadCurrentCulture = Swedish;
        CultureInfo.DefaultThreadCurrentUICulture = Swedish;
        builder.Services.AddLocalization();
        builder.Services.AddTransient<MudLocalizer, SwedishMudLocalizer>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new(Swedish);
            options.SupportedCultures = [Swedish];
            options.SupportedUICultures = [Swedish];
            options.RequestCultureProviders.Clear();
        });
        return builder;
    }
}
