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
                await DataGenerator.GenerateAsync(scale, output, options.Has("force"), progress: true, CancellationToken.None);
                return 0;
            case "expiry":
                var expiryRows = await Measure.ExpiryBenchmark.RunAsync(
                    options.Get("db") ?? throw new ArgumentException("--db FILE is required"),
                    options.Get("work") ?? Path.Combine(Path.GetTempPath(), "socit-bench-expiry"),
                    CancellationToken.None);
                Console.WriteLine(Harness.ResultsTable.ToMarkdown(expiryRows));
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
              generate --scale tiny|municipal|regional --out FILE [--force]
              run      --app DIR --data DIR [--only dashboard,interaction,circuits,intake,expiry,matrix,startup]
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
