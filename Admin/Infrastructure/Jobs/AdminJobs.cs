using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Infrastructure.Jobs;

public static class AdminJobs
{
    public const string DashboardPath = "/hangfire";
    public const string DefaultTimeZone = "Europe/Stockholm";

    /// <summary>The schema Hangfire.PostgreSql keeps its tables in, beside the console's own.</summary>
    public const string PostgreSqlSchema = "hangfire";

    /// <summary>
    /// Hangfire and a server in the app; the recurring jobs come from the features. On SQLite the storage is in memory
    /// (one instance); on PostgreSQL it is Hangfire.PostgreSql in the console's database, so that every instance shares
    /// the schedule, the retries and the dashboard, and a recurring job fires once however many instances run
    /// (decision 0051).
    /// </summary>
    public static WebApplicationBuilder AddAdminJobs(this WebApplicationBuilder builder)
    {
        var provider = DatabaseProviderSetting.Read(builder.Configuration);
        var connectionString = builder.Configuration.GetConnectionString(AdminDataRegistration.ConnectionStringName);
        // Job state that must survive a restart (reminders sent, follow-ups) lives in the app's own database; Hangfire's
        // storage only drives the schedule, so in-memory storage loses nothing that matters on one machine.
        // Hangfire keeps its configuration in process-wide statics (the log provider, JobStorage.Current,
        // JobActivator.Current), and AddHangfire reads a host's storage and activator back from them. The host's own are
        // registered first, so that no host takes another's (tests run several hosts in one process), and the statics
        // are left holding no host's services: the log provider forwards to live hosts only, the activator is the
        // plain default.
        builder.Services.AddSingleton<JobStorage>(services =>
        {
            services.GetRequiredService<IGlobalConfiguration>();
            if (provider == DatabaseProvider.PostgreSql)
            {
                var options = new PostgreSqlStorageOptions
                {
                    SchemaName = PostgreSqlSchema,
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                };
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString!, options), options);
            }

            return new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) });
        });
        builder.Services.AddSingleton<JobActivator>(services =>
            new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddSingleton<HangfireLogging.HostAttachment>();
        builder.Services.AddHangfire((services, config) =>
        {
            services.GetRequiredService<HangfireLogging.HostAttachment>();
            config
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(HangfireLogging.Provider)
                .UseActivator(new JobActivator());
        });
        builder.Services.AddHangfireServer(options =>
        {
            options.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            options.ServerName = "socit-" + Environment.MachineName;
        });
        builder.Services.AddHostedService<RecurringJobsRegistrar>();
        builder.Services.AddSingleton<JobLeases>();
        builder.Services.AddSingleton<JobRunner>();
        return builder;
    }

    /// <summary>Declares a recurring job; call it from the feature's registration.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string defaultCron)
        where TJob : ExclusiveJob
    {
        services.AddScoped<TJob>();
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
