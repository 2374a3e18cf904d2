using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SocItConsole.Bench.Harness;

/// <summary>
/// The real app, started as its own process from its Release build on 127.0.0.1 and a free port, on a given database
/// file, in Development (the development sign-in) with the benchmark switch on. Its output goes to a log file.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri baseAddress, string logPath)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public int ProcessId => _process.Id;

    /// <summary>The time from process start to the first healthy answer of <c>/health/ready</c>.</summary>
    public TimeSpan StartupTime { get; private set; }

    public static async Task<AppProcess> StartAsync(
        string appDirectory, string databasePath, string workDirectory, CancellationToken ct,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var logPath = Path.Combine(workDirectory, $"app-{port}.log");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(appDirectory, "SocItConsole.Admin.dll"));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        info.Environment["ConnectionStrings__SocIt"] = $"Data Source={databasePath}";
        info.Environment["DataProtection__KeysPath"] = Path.Combine(workDirectory, "keys");
        info.Environment["Bench__Enabled"] = "true";
        info.Environment["Email__PickupDirectory"] = Path.Combine(workDirectory, "mail");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Hangfire"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("the app did not start");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, baseAddress, logPath);
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {process.ExitCode}; see {logPath}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    app.StartupTime = stopwatch.Elapsed;
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                await app.DisposeAsync();
                throw new TimeoutException($"the app was not ready within 3 minutes; see {logPath}");
            }

            await Task.Delay(20, ct);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
