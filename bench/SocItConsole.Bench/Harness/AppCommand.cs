using System.Diagnostics;
using System.Text;

namespace SocItConsole.Bench.Harness;

/// <summary>
/// The app run as a command of its own (<see cref="AppProcess.StartCommand"/>): its standard output and error are
/// collected as it runs, and <see cref="WaitForExitAsync"/> gives them with the exit code. Disposing it kills a process
/// that is still running.
/// </summary>
internal sealed class AppCommand : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private AppCommand(Process process)
    {
        _process = process;
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    internal static AppCommand Start(ProcessStartInfo info)
    {
        var process = Process.Start(info) ?? throw new InvalidOperationException("The app did not start.");
        var command = new AppCommand(process);
        process.OutputDataReceived += (_, e) => Append(command._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(command._error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return command;
    }

    /// <summary>The exit code, standard output and standard error, once the process has ended and its pipes are read.</summary>
    public async Task<(int ExitCode, string Output, string Error)> WaitForExitAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct);
        // Waits for the output readers to reach the end of the pipes.
        _process.WaitForExit();
        lock (_output)
        {
            lock (_error)
            {
                return (_process.ExitCode, _output.ToString(), _error.ToString());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }
}
