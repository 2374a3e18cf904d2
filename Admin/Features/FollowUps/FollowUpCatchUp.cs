using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Data;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>
/// At start-up: when the expiry check has not succeeded within the last 24 hours (the server was down at 02:00, or
/// it never ran), it is queued at once instead of waiting for the next night.
/// </summary>
internal sealed partial class FollowUpCatchUp(
    IDbContextFactory<SocItDbContext> factory,
    IBackgroundJobClient jobs,
    IOptions<FollowUpOptions> options,
    TimeProvider clock,
    ILogger<FollowUpCatchUp> logger) : IHostedService
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.CatchUpOnStartup || !await IsOverdueAsync(cancellationToken))
        {
            return;
        }

        jobs.Enqueue<FollowUpRemindersJob>(job => job.RunAsync(CancellationToken.None));
        LogQueued(logger, FollowUpRemindersJob.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal async Task<bool> IsOverdueAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var last = await db.JobRuns.AsNoTracking().Where(j => j.JobId == FollowUpRemindersJob.Id)
            .Select(j => j.LastSucceededAt).SingleOrDefaultAsync(ct);
        return JobRunState.IsOverdue(last, clock.GetUtcNow(), MaxAge);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} has not succeeded for over 24 hours: queued now")]
    private static partial void LogQueued(ILogger logger, string jobId);
}
