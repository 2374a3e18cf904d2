using System.Globalization;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Bench.Generate;
using SocItConsole.Bench.Harness;
using SocItConsole.Bench.Measure;

namespace SocItConsole.Bench;

/// <summary>
/// The whole benchmark: data at both scales (generated once, then reused), the Release app started on a copy of it,
/// each measurement with its floor from the same run, and one Markdown table at the end. With <c>quick</c> every
/// benchmark runs once over <see cref="Scale.Quick"/> with few rounds: a check that they all still work, in about a
/// minute, not a measurement to compare with the targets.
/// </summary>
internal sealed class BenchRunner(string appDirectory, string dataDirectory, string workDirectory, IReadOnlySet<string> only, bool quick = false)
{
    /// <summary>
    /// The app as every benchmark starts it: with the benchmark switch (its floors and probes) on, and its static assets
    /// cached as in production. The app runs in Development for the development sign-in, and there MapStaticAssets
    /// serves even fingerprinted assets with <c>no-cache</c> (for hot reload): every page load had fetched and parsed
    /// MudBlazor's 627 KB stylesheet and four other files again, about 200 ms of a matrix load.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> BenchSettings =
        new Dictionary<string, string> { ["Bench__Enabled"] = "true", ["EnableStaticAssetsDevelopmentCaching"] = "true" };

    /// <summary>The benchmark switch on and no follow-up catch-up at start, so that nothing else runs while a page is measured.</summary>
    internal static readonly Dictionary<string, string> Quiet =
        new(BenchSettings) { ["FollowUps__CatchUpOnStartup"] = "false" };

    private readonly List<BenchRow> _rows = [];

    public static readonly string[] All = ["dashboard", "interaction", "circuits", "intake", "postgres", "matrix", "startup", "expiry", "review", "hr", "pages"];

    /// <summary>The scale a benchmark of <paramref name="full"/> runs on: <see cref="Scale.Quick"/> for every one in a quick run.</summary>
    public Scale ScaleFor(Scale full) => quick ? Scale.Quick : full;

    /// <summary>How many rounds (clicks, starts) a benchmark makes: fewer in a quick run.</summary>
    public int Rounds(int full, int inQuickRun) => quick ? inQuickRun : full;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(workDirectory);
        // Only what the chosen benchmarks use is generated: the regional data alone takes minutes.
        var municipal = Wants("dashboard", "interaction", "circuits", "intake", "pages", "postgres") ? await DataAsync(ScaleFor(Scale.Municipal), ct) : string.Empty;
        var regional = Wants("dashboard", "circuits", "startup", "expiry", "review", "hr", "pages") ? await DataAsync(ScaleFor(Scale.Regional), ct) : string.Empty;
        var matrix = Wants("matrix") ? await DataAsync(ScaleFor(Scale.Matrix), ct) : string.Empty;
        var (municipalName, regionalName, matrixName) = quick ? ("quick", "quick", "quick") : ("municipal", "regional", "matrix");

        await using var chromium = await Chromium.LaunchAsync();
        if (Wants("dashboard", "interaction", "circuits", "intake", "pages"))
        {
            await using var app = await StartAsync(municipal, municipalName, ct);
            using var operatorClient = await SignedInClient.SignInAsync(app.BaseAddress, "operator", ct);
            if (Wants("dashboard"))
            {
                Report(await DashboardBenchmark.RunAsync(operatorClient, municipalName, rounds: Rounds(6, 1), ct));
            }

            if (Wants("interaction"))
            {
                Report(await InteractionBenchmark.RunAsync(chromium, app.BaseAddress, operatorClient.AuthCookie, municipalName, clicks: Rounds(30, 5), ct));
            }

            if (Wants("circuits"))
            {
                Report(await CircuitBenchmark.RunAsync(chromium, operatorClient, municipalName, quick ? [5] : [50, 100], ct));
            }

            if (Wants("intake"))
            {
                Report(await new IntakeBenchmark(app.BaseAddress, app.DatabasePath).RunAsync(municipalName, rounds: Rounds(3, 1), ct, quick));
            }

            if (Wants("pages"))
            {
                using var adminClient = await SignedInClient.SignInAsync(app.BaseAddress, "admin", ct);
                Report(await PageLoadBenchmark.RunAsync(operatorClient, adminClient, app.DatabasePath, municipalName, rounds: Rounds(3, 1), ct));
            }
        }

        if (Wants("postgres"))
        {
            await RunOnPostgreSqlAsync(municipal, municipalName, ct);
        }

        if (Wants("matrix"))
        {
            await using var app = await StartAsync(matrix, matrixName, ct);
            using var admin = await SignedInClient.SignInAsync(app.BaseAddress, "admin", ct);
            using var operatorClient = await SignedInClient.SignInAsync(app.BaseAddress, "operator", ct);
            Report(await MatrixBenchmark.RunAsync(chromium, admin, operatorClient, rounds: Rounds(10, 2), ct, matrixName));
        }

        if (Wants("startup"))
        {
            var copy = Copy(regional, "regional-startup");
            Report([await StartupBenchmark.RunAsync(appDirectory, copy, workDirectory, starts: Rounds(5, 1), ct)]);
        }

        // A quick run has one scale: the municipal pass above measured it already.
        if (Wants("dashboard", "circuits", "pages") && !quick)
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

        if (Wants("review"))
        {
            Report(await ReviewStartBenchmark.RunAsync(
                regional, workDirectory, regionalName, minimumLines: Rounds(10_000, 200), rounds: Rounds(5, 1), ct));
        }

        if (Wants("hr"))
        {
            Report(await HrBenchmark.RunAsync(regional, appDirectory, workDirectory, ct, lines: Rounds(40_000, 200)));
        }

        return ResultsTable.ToMarkdown(_rows);
    }

    /// <summary>
    /// The dashboard and intake rows again with the app on PostgreSQL (a server of the bench's own, durable defaults),
    /// over the same municipal rows copied from the SQLite file, each with its floor on the same PostgreSQL database:
    /// the two providers side by side in one run. Skipped with the reason where PostgreSQL is not installed.
    /// </summary>
    private async Task RunOnPostgreSqlAsync(string data, string name, CancellationToken ct)
    {
        if (LocalPostgres.Unavailable is { } reason)
        {
            Console.WriteLine($"Skipping the PostgreSQL rows: {reason}");
            return;
        }

        await using var server = await LocalPostgres.StartAsync(workDirectory, ct);
        var connectionString = await server.CreateDatabaseAsync("socit_" + name, ct);
        var (rows, elapsed) = await SqliteToPostgres.CopyAsync(data, connectionString, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL on port {server.Port}: {rows:N0} rows of {Path.GetFileName(data)} copied in {elapsed.TotalSeconds:0.0} s"));

        var settings = new Dictionary<string, string>(Quiet)
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__SocIt"] = connectionString,
        };
        // The app is given a database file as always; with the provider set to PostgreSQL it never opens it.
        await using var app = await AppProcess.StartAsync(appDirectory, Path.Combine(workDirectory, name + "-unused.db"), workDirectory, settings, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"App on {name} data on PostgreSQL at {app.BaseAddress} (pid {app.ProcessId}, ready in {app.StartupTime.TotalMilliseconds:0} ms)"));
        var scale = name + ", PostgreSQL";
        using var operatorClient = await SignedInClient.SignInAsync(app.BaseAddress, "operator", ct);
        Report(await DashboardBenchmark.RunAsync(operatorClient, scale, rounds: Rounds(6, 1), ct));
        Report(await IntakeBenchmark.OnPostgreSql(app.BaseAddress, connectionString).RunAsync(scale, rounds: Rounds(3, 1), ct, quick));
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
