using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Reviews;

public static class ReviewsFeature
{
    public static WebApplicationBuilder AddReviewsFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReviewOptions>().Bind(builder.Configuration.GetSection(ReviewOptions.Section))
            .Validate(o => o.ReminderDaysBefore is >= 0 and <= 60, "Reviews: ReminderDaysBefore must be between 0 and 60.")
            .ValidateOnStart();
        builder.Services.AddScoped<ReviewMail>();
        builder.Services.AddScoped<ReviewRounds>();
        builder.Services.AddScoped<ReviewTasks>();
        builder.Services.AddScoped<ReviewRun>();
        builder.Services.AddRecurringJob<ReviewRemindersJob>(ReviewRemindersJob.Id, ReviewRemindersJob.DefaultCron);
        builder.Services.AddCommandLineJob(ReviewRemindersJob.Id, async (services, asOf, dryRun, ct) =>
            await services.GetRequiredService<ReviewRun>().RunAsync(
                asOf ?? AdminTimeZone.Today(services.GetRequiredService<TimeProvider>()), dryRun, ct));
        if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue<bool>(DemoGrantsSeeder.SettingKey))
        {
            builder.Services.AddHostedService<DemoGrantsSeeder>();
        }

        return builder;
    }
}
