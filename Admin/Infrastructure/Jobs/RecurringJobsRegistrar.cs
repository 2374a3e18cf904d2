using Hangfire;

namespace SocItConsole.Admin.Infrastructure.Jobs;

/// <summary>The one place recurring jobs are put on the schedule, at start-up, with an explicit time zone.</summary>
internal sealed partial class RecurringJobsRegistrar(
    IEnumerable<RecurringJobDefinition> definitions,
    IRecurringJobManager manager,
    IConfiguration configuration,
    ILogger<RecurringJobsRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Jobs:TimeZone"] ?? AdminJobs.DefaultTimeZone);
        foreach (var definition in definitions)
        {
            var cron = configuration[$"Jobs:{definition.Id}:Cron"] ?? definition.DefaultCron;
            definition.AddOrUpdate(manager, definition.Id, cron, new RecurringJobOptions { TimeZone = timeZone });
            LogScheduled(logger, definition.Id, cron, timeZone.Id);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring job {JobId} scheduled at '{Cron}' ({TimeZone})")]
    private static partial void LogScheduled(ILogger logger, string jobId, string cron, string timeZone);
}
