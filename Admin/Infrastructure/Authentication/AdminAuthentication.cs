using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Identity.Web;

namespace SocItConsole.Admin.Infrastructure.Authentication;

public static class AdminAuthentication
{
    public const string DevSignInPath = "/account/dev-sign-in";
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";
    private const string CookieName = "socit.auth";

    /// <summary>
    /// Entra ID when the AzureAd section is configured; the development sign-in when it is not and the environment is
    /// Development; anywhere else the app refuses to start, naming the missing settings.
    /// </summary>
    public static WebApplicationBuilder AddAdminAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AzureAdSettings.SectionName);
        var mode = ResolveMode(section, builder.Environment);
        builder.Services.AddSingleton(new SignInSettings(mode));

        if (mode == SignInMode.EntraId)
        {
            builder.Services
                .AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(section);
            builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.TokenValidationParameters.NameClaimType = UserClaims.Name;
                options.TokenValidationParameters.RoleClaimType = UserClaims.Roles;
            });
            builder.Services.Configure<CookieAuthenticationOptions>(
                CookieAuthenticationDefaults.AuthenticationScheme, options => ConfigureCookie(options, builder.Environment));
        }
        else
        {
            builder.Services
                .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(options =>
                {
                    ConfigureCookie(options, builder.Environment);
                    options.LoginPath = DevSignInPath;
                });
        }

        builder.Services.AddAuthorization(Policies.Configure);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddOptions<RoleRecheckSettings>()
            .Bind(builder.Configuration.GetSection(RoleRecheckSettings.SectionName))
            .Validate(
                s => s.RoleRecheckInterval > TimeSpan.Zero && s.RoleRecheckInterval <= RoleRecheckSettings.MaxInterval,
                "Access:RoleRecheckInterval must be longer than zero and at most 00:05:00.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RoleRevocations>();
        // Registered before Blazor's own (which only fills the slot when it is empty).
        builder.Services.AddScoped<AuthenticationStateProvider, RoleRecheckingAuthenticationStateProvider>();
        return builder;
    }

    public static SignInMode ResolveMode(IConfiguration azureAd, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (AzureAdSettings.IsConfigured(azureAd))
        {
            var problems = AzureAdSettings.Validate(azureAd);
            return problems.Count == 0
                ? SignInMode.EntraId
                : throw new InvalidOperationException(
                    "SocItConsole cannot start: the AzureAd (Entra ID) settings are incomplete: "
                    + string.Join("; ", problems) + ".");
        }

        return environment.IsDevelopment()
            ? SignInMode.Development
            : throw new InvalidOperationException(
                $"SocItConsole cannot start in the '{environment.EnvironmentName}' environment without sign-in: "
                + "configure the AzureAd section (AzureAd:Instance, AzureAd:TenantId, AzureAd:ClientId) for Entra ID. "
                + "The development sign-in exists only in the Development environment.");
    }

    /// <summary>Sign-in challenge and sign-out, for both sign-in modes.</summary>
    public static IEndpointRouteBuilder MapAdminAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SignInPath, (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrRoot(returnUrl) }))
            .AllowAnonymous();

        endpoints.MapPost(SignOutPath, ([FromForm] string? returnUrl, SignInSettings settings) =>
        {
            var properties = new AuthenticationProperties
            {
                RedirectUri = settings.Mode == SignInMode.Development ? DevSignInPath : LocalUrl.OrRoot(returnUrl),
            };
            string[] schemes = settings.Mode == SignInMode.EntraId
                ? [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]
                : [CookieAuthenticationDefaults.AuthenticationScheme];
            return Results.SignOut(properties, schemes);
        });

        return endpoints;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, IHostEnvironment environment)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        // Development runs on plain http; everywhere else the sign-in cookie travels only over https.
        options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        var validatePrincipal = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            await validatePrincipal(context);
            await RoleRevocations.DropWithdrawnRolesAsync(context);
        };
        options.Events.OnRedirectToAccessDenied = context =>
        {
            // A signed-in user without the role gets 403 (shown by the status page), not a redirect that hides it.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
