namespace SocItConsole.Admin.Infrastructure.Jobs;

/// <summary>A recurring job: thin, constructor-injected (Hangfire gives each run a scope), one entry point.</summary>
public interface IRecurringJob
{
    Task RunAsync(CancellationToken ct);
}
