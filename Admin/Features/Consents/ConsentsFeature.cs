using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Consents;

public static class ConsentsFeature
{
    /// <summary>The receiving unit's consent: <em>Att godkänna</em>, the case page's panel and the daily reminder job.</summary>
    public static WebApplicationBuilder AddConsentsFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConsentService>();
        builder.Services.AddScoped<ApprovalsChanged>();
        builder.Services.AddScoped<ConsentRun>();
        builder.Services.AddRecurringJob<ConsentRemindersJob>(ConsentRemindersJob.Id, ConsentRemindersJob.DefaultCron);
        builder.Services.AddCommandLineJob(ConsentRemindersJob.Id, async (services, asOf, dryRun, ct) =>
            await services.GetRequiredService<ConsentRun>().RunAsync(
                asOf ?? AdminTimeZone.Today(services.GetRequiredService<TimeProvider>()), dryRun, ct));
        return builder;
    }
}
