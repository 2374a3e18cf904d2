using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using SocItConsole.Admin.Data;
using Microsoft.AspNetCore.Diagnostics;
using MudBlazor.Services;
using SocItConsole.Admin.Components;

namespace SocItConsole.Admin.Infrastructure.Web;

public static class AdminWeb
{
    /// <summary>Blazor Server with MudBlazor, data-protection keys that survive restarts, and the clock.</summary>
    public static WebApplicationBuilder AddAdminWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(config => AdminSnackbars.Configure(config.SnackbarConfiguration));
        builder.Services.AddAdminSnackbars();
        builder.Services.AddScoped<SocItConsole.Admin.Components.Layout.LiveProviderClaim>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddAntiforgery(options =>
        {
            // Development runs on plain http; everywhere else the token cookie travels only over https.
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment()
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
        });
        // Swedish letters as they are in the HTML, not as &#xE4; entities: smaller pages, readable source.
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Sign-in cookies and antiforgery tokens are protected with these keys. On SQLite they are kept beside the
        // database, so that a restart does not sign everyone out (tests point them elsewhere); on PostgreSQL in the
        // database, so that every instance reads the same keys and a sign-in or a form from one is valid on another.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("SocItConsole");
        if (DatabaseProviderSetting.Read(builder.Configuration) == DatabaseProvider.PostgreSql)
        {
            dataProtection.PersistKeysToDbContext<SocItDbContext>();
        }
        else
        {
            var keysPath = builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } configured
                ? Path.GetFullPath(configured, builder.Environment.ContentRootPath)
                : Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys");
            Directory.CreateDirectory(keysPath);
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }

        // Without a certificate the keys are plain XML that only the folder's permissions protect (the framework warns
        // once per new key); with one they are encrypted at rest. Unprotecting names the certificate itself, because on
        // Linux it is in no certificate store where the framework would look it up.
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(certificatePath, builder.Environment.ContentRootPath),
                builder.Configuration["DataProtection:CertificatePassword"]);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return builder;
    }

    /// <summary>The request pipeline, in the order that matters.</summary>
    public static WebApplication UseAdminPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseInstanceAffinity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSameOriginBlazorHub();
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseErrorPagesAsGet();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: the order API's limiter partitions by the API client that authorization identified.
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// The error and status pages are pages: they are re-executed as GET. Re-executed with the failed request's own
    /// method, a POST whose antiforgery token was missing or forged made the status page read that refused form and
    /// throw, so the client got a 500 (or the re-executed error page failed too) instead of the 400.
    /// </summary>
    private static void UseErrorPagesAsGet(this WebApplication app) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null
                || context.Features.Get<IExceptionHandlerPathFeature>() is not null)
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });

    public static WebApplication MapAdminUi(this WebApplication app)
    {
        // Static assets (MudBlazor's CSS, the Blazor script) must load on the sign-in page too.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
