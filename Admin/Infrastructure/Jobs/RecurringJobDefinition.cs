using Hangfire;

namespace SocItConsole.Admin.Infrastructure.Jobs;

/// <summary>
/// One recurring job as a feature declares it: a stable id, the default cron and how to enqueue it. The schedule can
/// be overridden per id under <c>Jobs:&lt;id&gt;:Cron</c>; the time zone is <c>Jobs:TimeZone</c>.
/// </summary>
public sealed record RecurringJobDefinition(
    string Id,
    string DefaultCron,
    Action<IRecurringJobManager, string, string, RecurringJobOptions> AddOrUpdate);
