using System.Globalization;
using SocItConsole.Bench.Generate;

namespace SocItConsole.Bench;

/// <summary>Parses the command line and dispatches to the generator or the benchmark run.</summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            return Usage();
        }

        var options = Options.Parse(args.Skip(1));
        switch (args[0])
        {
            case "generate":
                var scale = Scale.Named(options.Get("scale") ?? "municipal");
                var output = options.Get("out") ?? throw new ArgumentException("--out FILE is required");
                try
                {
                    var today = options.Get("today") is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
                    var generated = await DataGenerator.GenerateAsync(scale, output, options.Has("force"), progress: true, CancellationToken.None, today);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{scale.Name}: {output} ({generated.Bytes / 1024.0 / 1024.0:F1} MB) in {generated.Seconds:F1} s"));
                    return 0;
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return 1;
                }
            case "run":
                var only = options.Get("only") is { } list
                    ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet()
                    : BenchRunner.All.ToHashSet();
                var runner = new BenchRunner(
                    Path.GetFullPath(options.Get("app") ?? throw new ArgumentException("--app DIR is required")),
                    Path.GetFullPath(options.Get("data") ?? throw new ArgumentException("--data DIR is required")),
                    Path.GetFullPath(options.Get("work") ?? Path.Combine(Path.GetTempPath(), "socit-bench")),
                    only,
                    quick: options.Has("quick"));
                var table = await runner.RunAsync(CancellationToken.None);
                Console.WriteLine();
                Console.WriteLine(table);
                if (options.Get("markdown") is { } markdown)
                {
                    await File.WriteAllTextAsync(markdown, table + "\n");
                }

                return 0;
            case "profile":
                Console.WriteLine(await Measure.CpuProfile.RunAsync(
                    Path.GetFullPath(options.Get("app") ?? throw new ArgumentException("--app DIR is required")),
                    options.Get("db") ?? throw new ArgumentException("--db FILE is required"),
                    Path.GetFullPath(options.Get("work") ?? Path.Combine(Path.GetTempPath(), "socit-bench-profile")),
                    options.Get("path") ?? "/cases",
                    options.Get("user") ?? "operator",
                    int.Parse(options.Get("seconds") ?? "15", CultureInfo.InvariantCulture),
                    CancellationToken.None));
                return 0;
            case "analyse":
                Console.WriteLine(Measure.CpuProfile.AnalyseFile(options.Get("trace") ?? throw new ArgumentException("--trace FILE is required")));
                return 0;
            case "expiry":
                var expiryRows = await Measure.ExpiryBenchmark.RunAsync(
                    options.Get("db") ?? throw new ArgumentException("--db FILE is required"),
                    options.Get("work") ?? Path.Combine(Path.GetTempPath(), "socit-bench-expiry"),
                    CancellationToken.None);
                Console.WriteLine(Harness.ResultsTable.ToMarkdown(expiryRows));
                return 0;
            case "hr-file":
                var hrToday = options.Get("today") is { } hrDay
                    ? DateOnly.ParseExact(hrDay, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : Measure.ExpiryBenchmark.ReadSidecar(options.Get("db") ?? throw new ArgumentException("--db FILE is required")).Today;
                var hrMix = await Measure.HrFileGenerator.WriteAsync(
                    options.Get("db") ?? throw new ArgumentException("--db FILE is required"), hrToday,
                    options.Get("out") ?? throw new ArgumentException("--out FILE is required"),
                    int.Parse(options.Get("lines") ?? "40000", CultureInfo.InvariantCulture), CancellationToken.None);
                Console.WriteLine(hrMix);
                var hrFloor = await Measure.HrBenchmark.FloorAsync(options.Get("out")!, options.Get("db")!, hrToday, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor (HrFile.Read + one indexed join): {hrFloor:0} ms"));
                return 0;
            case "measure-expiry":
                return await Measure.ExpiryMeasurement.RunChildAsync(
                    options.Get("db") ?? throw new ArgumentException("--db FILE is required"),
                    Measure.ExpiryMeasurement.ParseDay(options.Get("today") ?? throw new ArgumentException("--today yyyy-MM-dd is required")),
                    CancellationToken.None);
            default:
                return Usage();
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage:
              generate --scale tiny|quick|municipal|regional|matrix --out FILE [--force] [--today yyyy-MM-dd]
              profile --app DIR --db FILE [--path /cases] [--user operator] [--seconds 15] [--work DIR]
              analyse --trace FILE.nettrace   the same breakdown of a trace the runtime wrote (DOTNET_EnableEventPipe=1)
              hr-file  --db FILE --out FILE [--lines 40000] [--today yyyy-MM-dd]   the HR file and its floor, no app
              run      --app DIR --data DIR [--work DIR] [--only dashboard,interaction,circuits,intake,postgres,matrix,startup,expiry,review,hr,pages] [--quick] [--markdown FILE]
            """);
        return 2;
    }
}

/// <summary><c>--name value</c> and <c>--flag</c> pairs.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    options._values[pending] = null;
                }

                pending = arg[2..];
            }
            else if (pending is not null)
            {
                options._values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }
        }

        if (pending is not null)
        {
            options._values[pending] = null;
        }

        return options;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public bool Has(string name) => _values.ContainsKey(name);
}
