using System.Globalization;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Bench.Generate;
using SocItConsole.Bench.Harness;
using SocItConsole.Bench.Measure;

namespace SocItConsole.Bench;

/// <summary>
/// The whole benchmark: data at both scales (generated once, then reused), the Release app started on a copy of it,
/// each measurement with its floor from the same run, and one Markdown table at the end.
/// </summary>
internal sealed class BenchRunner(string appDirectory, string dataDirectory, string workDirectory, IReadOnlySet<string> only)
{
    /// <summary>The app as every benchmark starts it: with the benchmark switch (its floors and probes) on.</summary>
    public static readonly IReadOnlyDictionary<string, string> BenchSettings =
        new Dictionary<string, string> { ["Bench__Enabled"] = "true" };

    private static readonly Dictionary<string, string> Quiet =
        new(BenchSettings) { ["FollowUps__CatchUpOnStartup"] = "false" };

    private readonly List<BenchRow> _rows = [];

    public static readonly string[] All = ["dashboard", "interaction", "circuits", "intake", "matrix", "startup", "expiry", "hr", "pages"];

    public async Task<string> RunAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(workDirectory);
        // Only what the chosen benchmarks use is generated: the regional data alone takes minutes.
        var municipal = Wants("dashboard", "interaction", "circuits", "intake", "pages") ? await DataAsync(Scale.Municipal, ct) : string.Empty;
        var regional = Wants("dashboard", "circuits", "startup", "expiry", "hr", "pages") ? await DataAsync(Scale.Regional, ct) : string.Empty;
        var matrix = Wants("matrix") ? await DataAsync(Scale.Matrix, ct) : string.Empty;

        await using var chromium = await Chromium.LaunchAsync();
        if (Wants("dashboard", "interaction", "circuits", "intake", "pages"))
        {
            await using var app = await StartAsync(municipal, "municipal", ct);
            using var operatorClient = await SignedInClient.SignInAsync(app.BaseAddress, "operator", ct);
            if (Wants("dashboard"))
            {
                Report(await DashboardBenchmark.RunAsync(operatorClient, "municipal", rounds: 6, ct));
            }

            if (Wants("interaction"))
            {
                Report(await InteractionBenchmark.RunAsync(chromium, app.BaseAddress, operatorClient.AuthCookie, "municipal", clicks: 30, ct));
            }

            if (Wants("circuits"))
            {
                Report(await CircuitBenchmark.RunAsync(chromium, operatorClient, "municipal", [50, 100], ct));
            }

            if (Wants("intake"))
            {
                Report(await new IntakeBenchmark(app.BaseAddress, app.DatabasePath).RunAsync("municipal", rounds: 3, ct));
            }

            if (Wants("pages"))
            {
                using var adminClient = await SignedInClient.SignInAsync(app.BaseAddress, "admin", ct);
                Report(await PageLoadBenchmark.RunAsync(operatorClient, adminClient, app.DatabasePath, "municipal", rounds: 3, ct));
            }
        }

        if (Wants("matrix"))
        {
            await using var app = await StartAsync(matrix, "matrix", ct);
            using var admin = await SignedInClient.SignInAsync(app.BaseAddress, "admin", ct);
            Report(await MatrixBenchmark.RunAsync(chromium, admin, rounds: 10, ct));
        }

        if (Wants("startup"))
        {
            var copy = Copy(regional, "regional-startup");
            Report([await StartupBenchmark.RunAsync(appDirectory, copy, workDirectory, starts: 5, ct)]);
        }

        if (Wants("dashboard", "circuits", "pages"))
        {
            await using var app = await StartAsync(regional, "regional", ct);
            using var operatorClient = await SignedInClient.SignInAsync(app.BaseAddress, "operator", ct);
            if (Wants("dashboard"))
            {
                Report(await DashboardBenchmark.RunAsync(operatorClient, "regional", rounds: 3, ct));
            }

            if (Wants("circuits"))
            {
                Report(await CircuitBenchmark.RunAsync(chromium, operatorClient, "regional", [50], ct, trivialToo: false));
            }

            if (Wants("pages"))
            {
                using var adminClient = await SignedInClient.SignInAsync(app.BaseAddress, "admin", ct);
                Report(await PageLoadBenchmark.RunAsync(operatorClient, adminClient, app.DatabasePath, "regional", rounds: 3, ct));
            }
        }

        if (Wants("expiry"))
        {
            Report(await ExpiryBenchmark.RunAsync(regional, workDirectory, ct));
        }

        if (Wants("hr"))
        {
            Report(await HrBenchmark.RunAsync(regional, appDirectory, workDirectory, ct));
        }

        return ResultsTable.ToMarkdown(_rows);
    }

    private bool Wants(params string[] names) => names.Any(only.Contains);

    private void Report(IEnumerable<BenchRow> rows)
    {
        foreach (var row in rows)
        {
            _rows.Add(row);
            Console.WriteLine(ResultsTable.ToMarkdown([row]).Split('\n')[^1]);
        }
    }

    private async Task<string> DataAsync(Scale scale, CancellationToken ct)
    {
        var path = Path.Combine(dataDirectory, scale.Name + ".db");
        if (!DataGenerator.IsReusable(scale, path, AdminTimeZone.DateOf(DateTimeOffset.UtcNow)))
        {
            Console.WriteLine($"Generating the {scale.Name} data into {path} …");
            await DataGenerator.GenerateAsync(scale, path, force: true, progress: true, ct);
        }
        else
        {
            Console.WriteLine($"Reusing {path}");
        }

        return path;
    }

    private async Task<StartedApp> StartAsync(string data, string name, CancellationToken ct)
    {
        var copy = Copy(data, name);
        var app = await AppProcess.StartAsync(appDirectory, copy, workDirectory, Quiet, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"App on {name} data at {app.BaseAddress} (pid {app.ProcessId}, ready in {app.StartupTime.TotalMilliseconds:0} ms)"));
        return new StartedApp(app, copy);
    }

    /// <summary>Each run works on its own copy: the app and the measurements change the data.</summary>
    private string Copy(string source, string name)
    {
        var target = Path.Combine(workDirectory, name + ".db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(target + suffix);
            if (File.Exists(source + suffix))
            {
                File.Copy(source + suffix, target + suffix);
            }
        }

        return target;
    }

    private sealed class StartedApp(AppProcess app, string databasePath) : IAsyncDisposable
    {
        public Uri BaseAddress => app.BaseAddress;

        public string DatabasePath => databasePath;

        public int ProcessId => app.ProcessId;

        public TimeSpan StartupTime => app.StartupTime;

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
