using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SocItConsole.Bench.Harness;

/// <summary>
/// The real app as a process of its own: a built <c>SocItConsole.Admin.dll</c> (the Release build for the benchmarks,
/// the copy next to the tests for the crash test), run by the same <c>dotnet</c> host, in Development on 127.0.0.1 and
/// a free port, on a given database file and work folder (data-protection keys, mail pickup, its log); further
/// settings as environment variables. <c>dotnet app.dll</c> hosts the runtime in its own process,
/// so the process started here is the app itself and <see cref="KillHardAsync"/> kills the app, not a wrapper.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StreamWriter _log;

    private AppProcess(Process process, Uri baseAddress, string logPath, StreamWriter log)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public int ProcessId => _process.Id;

    /// <summary>From process start to the first healthy answer of <c>/health/ready</c>.</summary>
    public TimeSpan StartupTime { get; private set; }

    public static async Task<AppProcess> StartAsync(
        string appDirectory, string databasePath, string workDirectory, IReadOnlyDictionary<string, string>? settings,
        CancellationToken ct)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var logPath = Path.Combine(workDirectory, $"app-{port}.log");
        var info = StartInfo(appDirectory, databasePath, workDirectory, settings);
        info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();

        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("The app did not start.");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, baseAddress, logPath, log);
        try
        {
            await app.WaitUntilReadyAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        app.StartupTime = stopwatch.Elapsed;
        return app;
    }

    /// <summary>
    /// The app run as a command, such as <c>run-job expiry-reminders --as-of 2026-11-27</c>, with the same settings as
    /// <see cref="StartAsync"/>: started now and not waited for, so that several can start at the same moment.
    /// </summary>
    public static AppCommand StartCommand(
        string appDirectory, string databasePath, string workDirectory, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? settings)
    {
        var info = StartInfo(appDirectory, databasePath, workDirectory, settings);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return AppCommand.Start(info);
    }

    private static ProcessStartInfo StartInfo(
        string appDirectory, string databasePath, string workDirectory, IReadOnlyDictionary<string, string>? settings)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(appDirectory, "SocItConsole.Admin.dll"));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__SocIt"] = $"Data Source={databasePath}";
        info.Environment["DataProtection__KeysPath"] = Path.Combine(workDirectory, "keys");
        info.Environment["Email__PickupDirectory"] = Path.Combine(workDirectory, "mail");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Hangfire"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>
    /// SIGKILL (what <see cref="Process.Kill(bool)"/> sends on Linux): no shutdown, no flush, no checkpoint. Returns the
    /// exit code, 137 (128 + 9) for a process that the signal ended.
    /// </summary>
    public async Task<int> KillHardAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>The last lines of the app's output, for a failure message.</summary>
    public string LogTail(int lines = 40)
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        // Waits for the output readers to reach the end of the pipes, so that no line arrives after the log is closed.
        _process.WaitForExit();
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The app exited with {_process.ExitCode} before it was ready:\n{LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // A slow first answer on a busy machine; ask again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The app was not ready within {ReadyTimeout.TotalSeconds} s:\n{LogTail()}");
            }

            await Task.Delay(25, ct);
        }
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
