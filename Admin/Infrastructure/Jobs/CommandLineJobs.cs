using System.Globalization;

namespace SocItConsole.Admin.Infrastructure.Jobs;

/// <summary>A job that can also be run from the command line: given the services, the date, dry run and where to print.</summary>
public sealed record CommandLineJob(
    string Id, Func<IServiceProvider, DateOnly?, bool, TextWriter, CancellationToken, Task<int>> Run);

/// <summary><c>run-job &lt;id&gt; [--as-of YYYY-MM-DD] [--dry-run]</c>, parsed.</summary>
public sealed record JobCommand(string JobId, DateOnly? AsOf, bool DryRun)
{
    public const string Verb = "run-job";
    public const string Usage = "Användning: run-job <jobb-id> [--as-of ÅÅÅÅ-MM-DD] [--dry-run]";

    /// <summary>
    /// Null with no error when the arguments are not a job command (the console starts as usual); an error message
    /// when they are one but malformed.
    /// </summary>
    public static JobCommand? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        if (args.Count == 0 || args[0] != Verb)
        {
            return null;
        }

        if (args.Count < 2 || args[1].StartsWith('-'))
        {
            error = $"Ange vilket jobb som ska köras. {Usage}";
            return null;
        }

        DateOnly? asOf = null;
        var dryRun = false;
        for (var i = 2; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--as-of" when i + 1 < args.Count
                    && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    asOf = date;
                    i++;
                    break;
                case "--as-of":
                    error = $"--as-of kräver ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-11-27. {Usage}";
                    return null;
                default:
                    error = $"Okänt argument: {args[i]}. {Usage}";
                    return null;
            }
        }

        return new JobCommand(args[1], asOf, dryRun);
    }
}

public static class CommandLineJobs
{
    public static IServiceCollection AddCommandLineJob(
        this IServiceCollection services, string id, Func<IServiceProvider, DateOnly?, bool, TextWriter, CancellationToken, Task<int>> run)
    {
        services.AddSingleton(new CommandLineJob(id, run));
        return services;
    }

    /// <summary>Runs the job in a scope of its own, printing to standard output; returns the process exit code.</summary>
    public static async Task<int> RunJobCommandAsync(this WebApplication app, JobCommand command)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(command);
        var jobs = app.Services.GetServices<CommandLineJob>().ToList();
        var job = jobs.FirstOrDefault(j => j.Id == command.JobId);
        if (job is null)
        {
            await Console.Error.WriteLineAsync(
                $"Det finns inget jobb som heter \"{command.JobId}\". Jobb: {string.Join(", ", jobs.Select(j => j.Id))}.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        return await job.Run(scope.ServiceProvider, command.AsOf, command.DryRun, Console.Out, app.Lifetime.ApplicationStopping);
    }
}
