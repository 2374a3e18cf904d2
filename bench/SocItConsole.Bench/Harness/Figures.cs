using System.Globalization;

namespace SocItConsole.Bench.Harness;

/// <summary>Median and 95th percentile of a set of measurements (nearest-rank).</summary>
public sealed record Sample(double Median, double P95, int Count)
{
    public static Sample Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("no measurements", nameof(values));
        }

        return new Sample(Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Length);
    }

    public static Sample One(double value) => new(value, value, 1);

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// One line of the results table: what was measured, its figures, the floor measured in the same run (if any), the
/// target and whether it was met. <see cref="HigherIsBetter"/> is true for rates (orders per second).
/// </summary>
public sealed record BenchRow(
    string Name,
    string Scale,
    Sample Value,
    string Unit,
    Sample? Floor,
    string Target,
    bool? Met,
    bool HigherIsBetter = false,
    string? Note = null)
{
    /// <summary>The p95 against the floor's p95; for a rate, the median against the floor's median.</summary>
    public double? Ratio => Floor is null ? null
        : HigherIsBetter ? Value.Median / Floor.Median
        : Value.P95 / Floor.P95;
}

/// <summary>Formats the rows as one Markdown table.</summary>
public static class ResultsTable
{
    public static string ToMarkdown(IEnumerable<BenchRow> rows)
    {
        var lines = new List<string>
        {
            "| Benchmark | Scale | Median | p95 | Floor median | Floor p95 | Ratio | Target | Met |",
            "|---|---|---:|---:|---:|---:|---:|---|:-:|",
        };
        foreach (var row in rows)
        {
            lines.Add(string.Join(" | ", [
                "| " + row.Name + (row.Note is null ? "" : $" ({row.Note})"),
                row.Scale,
                Format(row.Value.Median, row.Unit),
                row.Value.Count > 1 ? Format(row.Value.P95, row.Unit) : "–",
                row.Floor is null ? "–" : Format(row.Floor.Median, row.Unit),
                row.Floor is null || row.Floor.Count <= 1 ? "–" : Format(row.Floor.P95, row.Unit),
                row.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–",
                row.Target,
                row.Met switch { true => "yes", false => "**no**", null => "–" } + " |",
            ]));
        }

        return string.Join('\n', lines);
    }

    public static string Format(double value, string unit) => unit switch
    {
        "ms" when value >= 10_000 => (value / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s",
        "ms" => value.ToString(value < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + " ms",
        _ => value.ToString(value < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + " " + unit,
    };
}
