using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using SocItConsole.Bench.Harness;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// Where a page's server time goes: the real app on a copy of the data, GET of one page over 16 concurrent connections
/// for some seconds while the runtime's sample profiler (EventPipe, as <c>dotnet-trace</c> does) records every
/// thread's stack each millisecond. Samples whose thread is waiting (idle pool threads, socket polling, locks) are left
/// out. Each remaining sample is charged to the part of its newest frame that belongs to one (System.* and runtime frames
/// go to the part that called them), so the parts add up to the whole: SQLite that EF Core runs is SQLite, EF Core's own
/// work is EF Core, a page's render is rendering. It prints the share of busy samples per part, and the SocItConsole
/// methods and MudBlazor types on the most busy stacks (inclusive). Run by hand: it is for finding a cause, not for pass or fail.
/// </summary>
internal static class CpuProfile
{
    private const int Concurrency = 16;

    // The parts a request's time can be in, by the namespace of a frame on its stack.
    private static readonly (string Part, string[] Prefixes)[] Parts =
    [
        ("SQLite (Microsoft.Data.Sqlite and the native engine)", ["Microsoft.Data.Sqlite", "SQLitePCL"]),
        ("EF Core (queries, materialisation, change tracking)", ["Microsoft.EntityFrameworkCore"]),
        ("Razor components: rendering and diffing", ["Microsoft.AspNetCore.Components.Rendering", "Microsoft.AspNetCore.Components.RenderTree", "Microsoft.AspNetCore.Components.ComponentBase"]),
        ("Endpoint rendering: HTML written out (HtmlRenderer, streaming)", ["Microsoft.AspNetCore.Components.Endpoints", "Microsoft.AspNetCore.Components.Web.HtmlRendering", "Microsoft.AspNetCore.Components.HtmlRendering"]),
        ("MudBlazor components (their code)", ["MudBlazor"]),
        ("SocItConsole code (pages, services)", ["SocItConsole"]),
        ("Authentication, authorization, data protection", ["Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.DataProtection"]),
        ("Antiforgery", ["Microsoft.AspNetCore.Antiforgery"]),
        ("Kestrel and HTTP", ["Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.IO.Pipelines"]),
        ("Logging", ["Microsoft.Extensions.Logging"]),
    ];

    // A thread whose newest frame is one of these is waiting, not working.
    private static readonly string[] Waits =
    [
        "WaitHandle.Wait", "LowLevelLifoSemaphore", "Monitor.Wait", "Thread.Sleep", "SocketAsyncEngine", "WaitForSocketEvents",
        "ManualResetEventSlim.Wait", "SemaphoreSlim.Wait", "LowLevelMonitor", "WaitOneNoCheck", "WaitForSignal", "Thread.Join",
        "TimerQueue", "PortableThreadPool.GateThread", "WaitSubsystem", "Interop+Sys.Poll", "Interop+Sys.Read", "ReadFromFile",
        "ConsoleStream", "FileSystemWatcher", "Interop+Sys.WaitPid", "SignalHandler",
    ];

    public static async Task<string> RunAsync(
        string appDirectory, string database, string workDirectory, string path, string user, int seconds, CancellationToken ct)
    {
        Directory.CreateDirectory(workDirectory);
        var copy = Path.Combine(workDirectory, "profile.db");
        File.Copy(database, copy, overwrite: true);
        await using var app = await AppProcess.StartAsync(
            appDirectory, copy, workDirectory, BenchRunner.Quiet, ct);
        using var client = await SignedInClient.SignInAsync(app.BaseAddress, user, ct);
        var url = new Uri(path, UriKind.Relative);
        await DashboardBenchmark.LoadAsync(client, url, 5, ct);

        var trace = Path.Combine(workDirectory, "profile.nettrace");
        var diagnostics = new DiagnosticsClient(app.ProcessId);
        var providers = new[]
        {
            new EventPipeProvider("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, 0x1 | 0x8 | 0x10 | 0x20000),
        };
        var requests = 0;
        using (var session = diagnostics.StartEventPipeSession(providers, requestRundown: true))
        {
            await using (var file = File.Create(trace))
            {
                var copying = session.EventStream.CopyToAsync(file, ct);
                var until = DateTime.UtcNow.AddSeconds(seconds);
                if (path == "/matrix")
                {
                    // The matrix editor is measured in Chromium (load, five cell changes, a save per round), so its
                    // profile is of those rounds: the circuit's work is what an HTTP load would not reach.
                    await using var chromium = await Chromium.LaunchAsync();
                    using var operatorClient = await SignedInClient.SignInAsync(app.BaseAddress, "operator", ct);
                    while (DateTime.UtcNow < until)
                    {
                        await MatrixBenchmark.RunAsync(chromium, client, operatorClient, rounds: 1, ct);
                        requests++;
                    }
                }
                else
                {
                    while (DateTime.UtcNow < until)
                    {
                        requests += (await DashboardBenchmark.LoadAsync(client, url, 2, ct)).Count;
                    }
                }

                await session.StopAsync(ct);
                await copying;
            }
        }

        return Analyse(trace, path, requests, seconds);
    }

    /// <summary>
    /// A trace the runtime wrote by itself (<c>DOTNET_EnableEventPipe=1</c> with the sample profiler in
    /// <c>DOTNET_EventPipeConfig</c>), e.g. of a command such as the expiry job's <c>measure-expiry</c> child.
    /// </summary>
    public static string AnalyseFile(string trace) => Analyse(trace, Path.GetFileName(trace), 1, 0);

    private static string Analyse(string trace, string path, int requests, int seconds)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(trace);
        using var log = new TraceLog(etlx);
        var total = 0;
        var busy = 0;
        var parts = new Dictionary<string, int>();
        var ours = new Dictionary<string, int>();
        var mud = new Dictionary<string, int>();
        var ef = new Dictionary<string, int>();
        foreach (var sample in log.Events.Where(e => e.ProviderName == "Microsoft-DotNETCore-SampleProfiler" && e.EventName.Contains("Sample", StringComparison.Ordinal)))
        {
            total++;
            var frames = new List<string>();
            for (var frame = sample.CallStack(); frame is not null; frame = frame.Caller)
            {
                frames.Add(frame.CodeAddress.FullMethodName ?? string.Empty);
            }

            var newest = frames.FirstOrDefault(f => f.Length > 0) ?? string.Empty;
            if (frames.Count == 0 || Waits.Any(w => newest.Contains(w, StringComparison.Ordinal)))
            {
                continue;
            }

            busy++;
            var charged = frames
                .Select(f => Parts.FirstOrDefault(p => p.Prefixes.Any(prefix => f.StartsWith(prefix, StringComparison.Ordinal))).Part)
                .FirstOrDefault(part => part is not null) ?? "Other (runtime and System.* with no part above them)";
            parts[charged] = parts.GetValueOrDefault(charged) + 1;

            foreach (var method in frames.Where(f => f.StartsWith("SocItConsole", StringComparison.Ordinal)).Select(Shorten).Distinct())
            {
                ours[method] = ours.GetValueOrDefault(method) + 1;
            }

            foreach (var type in frames.Where(f => f.StartsWith("MudBlazor", StringComparison.Ordinal)).Select(TypeOf).Distinct())
            {
                mud[type] = mud.GetValueOrDefault(type) + 1;
            }

            // EF Core's own work, by its newest method on the stack: compiling or looking up a query, running it,
            // materialising rows, creating contexts.
            if (charged.StartsWith("EF Core", StringComparison.Ordinal)
                && frames.FirstOrDefault(f => f.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)) is { } efFrame)
            {
                var method = Shorten(efFrame);
                ef[method] = ef.GetValueOrDefault(method) + 1;
            }
        }

        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"CPU profile of GET {path}, {Concurrency} concurrent, {seconds} s: {requests} requests, {total} samples, {busy} busy");
        text.AppendLine(culture, $"({(double)busy / Math.Max(1, requests):F1} busy samples of about 1 ms per request)");
        text.AppendLine();
        text.AppendLine("| Part (newest frame that belongs to one) | Share of busy samples |");
        text.AppendLine("|---|---:|");
        foreach (var (part, count) in parts.OrderByDescending(p => p.Value))
        {
            text.AppendLine(culture, $"| {part} | {100.0 * count / Math.Max(1, busy):F0} % |");
        }

        Top(text, "SocItConsole methods (inclusive)", ours, busy);
        Top(text, "MudBlazor types (inclusive)", mud, busy);
        Top(text, "EF Core's own samples, by its newest method", ef, busy);
        return text.ToString();
    }

    private static void Top(StringBuilder text, string title, Dictionary<string, int> counts, int busy)
    {
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| {title} | Share |");
        text.AppendLine("|---|---:|");
        foreach (var (name, count) in counts.OrderByDescending(c => c.Value).Take(12))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{name}` | {100.0 * count / Math.Max(1, busy):F0} % |");
        }
    }

    // "Ns.Type+<Method>d__12.MoveNext()" → "Ns.Type.Method"; "Ns.Type.Method(args)" → "Ns.Type.Method".
    private static string Shorten(string frame)
    {
        var name = frame.Split('(')[0];
        var state = name.IndexOf("+<", StringComparison.Ordinal);
        if (state >= 0)
        {
            var end = name.IndexOf('>', state);
            return name[..state] + "." + name[(state + 2)..end];
        }

        return name;
    }

    private static string TypeOf(string frame)
    {
        var name = Shorten(frame);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }
}
