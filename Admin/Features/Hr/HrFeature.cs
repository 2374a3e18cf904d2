using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Shared.Hr;

namespace SocItConsole.Admin.Features.Hr;

public static class HrFeature
{
    /// <summary>
    /// The reconciliation with the HR system: the run, its notices, the upload page, the nightly job and <c>run-job</c>;
    /// the mappings administrators decide (HR-kopplingar); the findings operators confirm or dismiss.
    /// </summary>
    public static WebApplicationBuilder AddHrFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HrOptions>().Bind(builder.Configuration.GetSection(HrOptions.Section));
        builder.Services.AddHrRun();
        builder.Services.AddScoped<HrImportService>();
        builder.Services.AddScoped<HrMappings>();
        builder.Services.AddScoped<HrFindings>();

        // Nightly only where the HR system exports to a folder; elsewhere files are uploaded.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{HrOptions.Section}:{nameof(HrOptions.ImportFolder)}"]))
        {
            builder.Services.AddRecurringJob<HrReconciliationJob>(HrReconciliationJob.Id, HrReconciliationJob.DefaultCron);
        }

        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<DemoHrSeeder>();
        }

        return builder;
    }

    /// <summary>The run, its notices and <c>run-job hr-reconciliation</c>: what the console and the command line share.</summary>
    internal static IServiceCollection AddHrRun(this IServiceCollection services)
    {
        services.AddScoped<HrNoticeMail>();
        services.AddScoped<HrReconciliationRun>();
        services.AddCommandLineJob(HrReconciliationJob.Id, async (provider, asOf, dryRun, ct) =>
            await provider.GetRequiredService<HrReconciliationRun>().RunNewestFileAsync(asOf, dryRun, HrImportSource.CommandLine, ct));
        return services;
    }
}
