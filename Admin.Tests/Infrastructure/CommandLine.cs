using System.Diagnostics;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>A program run to its end, as an operator would run it from a shell, with what it printed.</summary>
public static class CommandLine
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; its exit code and its output and errors together.</summary>
    public static async Task<CommandResult> RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CommandResult(process.ExitCode, $"{Path.GetFileName(file)} {string.Join(' ', arguments)}\n{await output}{await error}");
    }
}

public sealed record CommandResult(int ExitCode, string Output);
