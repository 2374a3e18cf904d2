using Hangfire;
using Hangfire.InMemory;
using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Infrastructure.Jobs;

public static class AdminJobs
{
    public const string DashboardPath = "/hangfire";
    public const string DefaultTimeZone = "Europe/Stockholm";

    /// <summary>Hangfire with in-memory storage and a server in the app; the recurring jobs come from the features.</summary>
    public static WebApplicationBuilder AddAdminJobs(this WebApplicationBuilder builder)
    {
        // Job state that must survive a restart (reminders sent, follow-ups) lives in the app's own database; Hangfire's
        // storage only drives the schedule, so in-memory storage loses nothing that matters.
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) }));
        builder.Services.AddHangfireServer(options =>
        {
            options.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            options.ServerName = "socit-" + Environment.MachineName;
        });
        builder.Services.AddHostedService<RecurringJobsRegistrar>();
        return builder;
    }

    /// <summary>Declares a recurring job; call it from the feature's registration.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string defaultCron)
        where TJob : IRecurringJob
    {
        services.AddScoped(typeof(TJob));
        services.AddSingleton(new RecurringJobDefinition(id, defaultCron, static (manager, jobId, cron, options) =>
            manager.AddOrUpdate<TJob>(jobId, job => job.RunAsync(CancellationToken.None), cron, options)));
        return services;
    }

    /// <summary>The dashboard through the app's own authentication, for Administrators only.</summary>
    public static IEndpointRouteBuilder MapAdminJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(Policies.Administrator, DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AppPath = "/",
            DashboardTitle = "SocItConsole – bakgrundsjobb",
            DisplayStorageConnectionString = false,
        });
        return endpoints;
    }
}
