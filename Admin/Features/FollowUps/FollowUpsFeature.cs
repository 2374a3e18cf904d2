using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Jobs;

namespace SocItConsole.Admin.Features.FollowUps;

public static class FollowUpsFeature
{
    /// <summary>The outbox (Utkorg) is for Soc-IT's own staff, the same people who read the audit trail.</summary>
    public const string OutboxPolicy = Policies.AuditReaders;

    public static WebApplicationBuilder AddFollowUpsFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FollowUpOptions>().Bind(builder.Configuration.GetSection(FollowUpOptions.Section))
            .Validate(o => o.HeadsUpDays >= 0 && o.RemindEveryDays >= 1 && o.EscalateAfterReminders >= 1 && o.BatchSize >= 1,
                "FollowUps: HeadsUpDays must be 0 or more; RemindEveryDays, EscalateAfterReminders and BatchSize 1 or more.")
            .ValidateOnStart();
        builder.Services.AddScoped<FollowUpRun>();
        builder.Services.AddScoped<FollowUpService>();
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddRecurringJob<FollowUpRemindersJob>(FollowUpRemindersJob.Id, FollowUpRemindersJob.DefaultCron);
        builder.Services.AddCommandLineJob(FollowUpRemindersJob.Id, async (services, asOf, dryRun, ct) =>
            await services.GetRequiredService<FollowUpRun>().RunAsync(
                asOf ?? Infrastructure.Localization.AdminTimeZone.Today(services.GetRequiredService<TimeProvider>()), dryRun, ct));
        if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue<bool>(DemoFollowUpsSeeder.SettingKey))
        {
            builder.Services.AddHostedService<DemoFollowUpsSeeder>();
        }

        builder.Services.AddHostedService<FollowUpCatchUp>();

        return builder;
    }
}
