using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Reviews;

public static class ReviewsFeature
{
    /// <summary>The evidence report's CSV download (the route of <see cref="MapReviewEvidenceExport"/>).</summary>
    public static string EvidenceCsvPath(int roundId) => FormattableString.Invariant($"/reviews/{roundId}/evidence.csv");

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

    /// <summary>
    /// The evidence report as a plain download for the static evidence page (decision 0049): the service checks the role
    /// again and writes the export to the audit trail; a round that does not exist answers 404.
    /// </summary>
    public static IEndpointRouteBuilder MapReviewEvidenceExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reviews/{RoundId:int}/evidence.csv", async (int roundId, ReviewRounds rounds, CancellationToken ct) =>
                await rounds.EvidenceCsvAsync(roundId, ct) is { } file
                    ? Results.File(file.Content, "text/csv; charset=utf-8", file.FileName)
                    : Results.NotFound())
            .RequireAuthorization(Policies.ReviewReaders);
        return endpoints;
    }
}
