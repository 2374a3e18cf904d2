using System.Globalization;
using Microsoft.Data.Sqlite;
using SocItConsole.Bench.Harness;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// The first load of the pages the employments, orderers and HR issues added — <c>/employees/{id}</c>,
/// <c>/orderers</c>, <c>/hr</c> and <c>/hr/mappings</c> — with a signed-in cookie over
/// <see cref="DashboardBenchmark.Concurrency"/> concurrent connections, each against the floor endpoint that runs the
/// page's own SQL statements through raw ADO.NET (<c>/bench/floor/…</c>). Page and floor alternate in rounds, as the
/// dashboard's do, so a noisy moment on the machine hits both. Target: p95 ≤ 3× the floor's p95.
/// </summary>
internal static class PageLoadBenchmark
{
    private const int PerWorker = 5;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(
        SignedInClient operatorClient, SignedInClient adminClient, string databasePath, string scale, int rounds, CancellationToken ct)
    {
        var rows = new List<BenchRow>();
        if (EmployeeWithGrants(databasePath) is { } employee)
        {
            rows.Add(await MeasureAsync(operatorClient, $"/employees/{employee}", $"/bench/floor/employee?id={employee}",
                "Employee page first load", scale, rounds, ct));
        }

        rows.Add(await MeasureAsync(adminClient, "/orderers", "/bench/floor/orderers", "Orderers page first load", scale, rounds, ct));
        rows.Add(await MeasureAsync(operatorClient, "/hr", "/bench/floor/hr", "HR findings page first load", scale, rounds, ct));
        rows.Add(await MeasureAsync(adminClient, "/hr/mappings", "/bench/floor/hr-mappings", "HR mappings page first load", scale, rounds, ct));
        return rows;
    }

    /// <summary>
    /// A real employee in the middle of the data who holds grants: the first with a grant from the middle employee id
    /// on (the ids follow the generation order, so this is an ordinary person, neither the first nor the last hired).
    /// </summary>
    private static long? EmployeeWithGrants(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "EmployeeId" FROM "Grants"
            WHERE "EmployeeId" >= (SELECT (min("Id") + max("Id")) / 2 FROM "Employees")
            ORDER BY "EmployeeId" LIMIT 1
            """;
        return command.ExecuteScalar() is long id ? id : null;
    }

    private static async Task<BenchRow> MeasureAsync(
        SignedInClient client, string pagePath, string floorPath, string name, string scale, int rounds, CancellationToken ct)
    {
        var page = new Uri(pagePath, UriKind.Relative);
        var floor = new Uri(floorPath, UriKind.Relative);
        await DashboardBenchmark.LoadAsync(client, page, 2, ct);
        await DashboardBenchmark.LoadAsync(client, floor, 2, ct);

        var pageTimes = new List<double>();
        var floorTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            pageTimes.AddRange(await DashboardBenchmark.LoadAsync(client, page, PerWorker, ct));
            floorTimes.AddRange(await DashboardBenchmark.LoadAsync(client, floor, PerWorker, ct));
        }

        var value = Sample.Of(pageTimes);
        var floorSample = Sample.Of(floorTimes);
        var label = pagePath.StartsWith("/employees/", StringComparison.Ordinal) ? "/employees/{id}" : pagePath;
        return new BenchRow(
            string.Create(CultureInfo.InvariantCulture, $"{name} ({label}), {DashboardBenchmark.Concurrency} concurrent"),
            scale, value, "ms", floorSample, "p95 ≤ 3× floor", value.P95 <= 3 * floorSample.P95);
    }
}
