using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Jobs;

namespace SocItConsole.Admin.Tests.Infrastructure.Jobs;

/// <summary><c>run-job</c> as the command line runs it, in this process: what it prints and the exit code it ends with.</summary>
public sealed class CommandLineJobsTests : IAsyncLifetime
{
    private const string JobId = "expiry-reminders";

    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private int _runs;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _services = new ServiceCollection()
            .AddSingleton<IDbContextFactory<SocItDbContext>>(_database)
            .AddSingleton<TimeProvider>(AppServices.Clock())
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<JobLeases>()
            .AddSingleton<JobRunner>()
            .AddCommandLineJob(JobId, (_, asOf, dryRun, _) =>
            {
                Interlocked.Increment(ref _runs);
                IJobReport report = new Report(
                    [$"{(dryRun ? "Skulle skicka" : "Skickade")} 1 påminnelse för {asOf:yyyy-MM-dd}."], dryRun ? "Provkörning klar." : "Körning klar.");
                return Task.FromResult(report);
            })
            .BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task RunJob_PrintsWhatItDid_RecordsTheRun_AndExitsZero()
    {
        var (exit, output, error) = await RunAsync(new JobCommand(JobId, new DateOnly(2026, 11, 27), DryRun: false));

        Assert.Equal(JobCommand.ExitOk, exit);
        Assert.Equal($"Skickade 1 påminnelse för 2026-11-27.{Environment.NewLine}Körning klar.{Environment.NewLine}", output);
        Assert.Empty(error);
        await using var db = _database.CreateDbContext();
        var row = await db.JobRuns.SingleAsync(Ct);
        Assert.Equal(("Körning klar.", null), (row.LastSummary, row.LeaseHolder));
    }

    [Fact]
    public async Task RunJob_WhileAnotherRunHoldsTheLease_EndsAtOnce_WithItsOwnExitCode_SayingWhoAndSince()
    {
        await new JobLeases(_database, _services.GetRequiredService<TimeProvider>())
            .TryClaimAsync(JobId, new JobLeaseHolder("socit-app01", 4711, Guid.NewGuid()), Ct);

        var (exit, output, error) = await RunAsync(new JobCommand(JobId, null, DryRun: false));

        Assert.Equal(75, exit);
        Assert.Equal(JobCommand.ExitBusy, exit);
        Assert.Empty(output);
        Assert.Equal(
            $"En annan körning av expiry-reminders pågår sedan 10:00 (värd socit-app01, process 4711). Försök igen senare.{Environment.NewLine}", error);
        Assert.Equal(0, _runs);
    }

    [Fact]
    public async Task DryRun_NeedsNoLease_AndRunsBesideARunGoingOn()
    {
        await new JobLeases(_database, _services.GetRequiredService<TimeProvider>())
            .TryClaimAsync(JobId, new JobLeaseHolder("socit-app01", 4711, Guid.NewGuid()), Ct);

        var (exit, output, _) = await RunAsync(new JobCommand(JobId, new DateOnly(2026, 11, 27), DryRun: true));

        Assert.Equal(JobCommand.ExitOk, exit);
        Assert.EndsWith($"Provkörning klar.{Environment.NewLine}", output, StringComparison.Ordinal);
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task RunJob_Unknown_ListsTheJobs_AndExitsWithTheUsageCode()
    {
        var (exit, _, error) = await RunAsync(new JobCommand("okänt-jobb", null, DryRun: false));

        Assert.Equal(JobCommand.ExitUsage, exit);
        Assert.Contains("Det finns inget jobb som heter \"okänt-jobb\". Jobb: expiry-reminders.", error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(JobCommand command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLineJobs.RunJobCommandAsync(_services, command, output, error, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    private sealed record Report(IReadOnlyList<string> Lines, string Summary) : IJobReport
    {
        public bool Succeeded => true;
    }
}
