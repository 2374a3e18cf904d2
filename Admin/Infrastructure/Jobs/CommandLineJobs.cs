using System.Globalization;

namespace SocItConsole.Admin.Infrastructure.Jobs;

/// <summary>A job that can also be run from the command line: given the services, the date (or today) and dry run.</summary>
public sealed record CommandLineJob(
    string Id, Func<IServiceProvider, DateOnly?, bool, CancellationToken, Task<IJobReport>> Run);

/// <summary><c>run-job &lt;id&gt; [--as-of YYYY-MM-DD] [--dry-run]</c>, parsed.</summary>
public sealed record JobCommand(string JobId, DateOnly? AsOf, bool DryRun)
{
    public const string Verb = "run-job";
    public const string Usage = "Användning: run-job <jobb-id> [--as-of ÅÅÅÅ-MM-DD] [--dry-run]";

    /// <summary>The run did what it should.</summary>
    public const int ExitOk = 0;

    /// <summary>The run went through but some of it failed (an e-mail that could not be sent); running it again retries that.</summary>
    public const int ExitFailed = 1;

    /// <summary>The arguments were wrong; nothing ran.</summary>
    public const int ExitUsage = 2;

    /// <summary>
    /// Another run of the job was going on (in the console or another command); nothing ran. 75 is EX_TEMPFAIL of
    /// sysexits.h, "try again later", which schedulers and wrappers know.
    /// </summary>
    public const int ExitBusy = 75;

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
        this IServiceCollection services, string id, Func<IServiceProvider, DateOnly?, bool, CancellationToken, Task<IJobReport>> run)
    {
        services.AddSingleton(new CommandLineJob(id, run));
        return services;
    }

    /// <summary>
    /// Runs the job in a scope of its own, under its lease unless it is a dry run, printing what it did to standard
    /// output; returns the process exit code. When another run holds the lease it ends at once, saying so on standard
    /// error, with <see cref="JobCommand.ExitBusy"/>: a person at the command line is better told than kept waiting.
    /// </summary>
    public static async Task<int> RunJobCommandAsync(this WebApplication app, JobCommand command)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(command);
        return await RunJobCommandAsync(app.Services, command, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
    }

    internal static async Task<int> RunJobCommandAsync(
        IServiceProvider services, JobCommand command, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var jobs = services.GetServices<CommandLineJob>().ToList();
        var job = jobs.FirstOrDefault(j => j.Id == command.JobId);
        if (job is null)
        {
            await error.WriteLineAsync(
                $"Det finns inget jobb som heter \"{command.JobId}\". Jobb: {string.Join(", ", jobs.Select(j => j.Id))}.");
            return JobCommand.ExitUsage;
        }

        await using var scope = services.CreateAsyncScope();
        IJobReport report;
        try
        {
            report = command.DryRun
                ? await job.Run(scope.ServiceProvider, command.AsOf, true, ct)
                : await services.GetRequiredService<JobRunner>().RunAsync(
                    job.Id, TimeSpan.Zero, run => job.Run(scope.ServiceProvider, command.AsOf, false, run), ct);
        }
        catch (JobBusyException busy)
        {
            await error.WriteLineAsync(busy.Message);
            return JobCommand.ExitBusy;
        }

        foreach (var line in report.Lines)
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync(report.Summary);
        return report.Succeeded ? JobCommand.ExitOk : JobCommand.ExitFailed;
    }
}
