using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Bench.Harness;
using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// The nightly expiry job's first run over the regional data (issue 9): the real <see cref="FollowUpRun"/> in a child
/// process for a clean heap, against the raw ADO.NET floor of its flagging, each on a fresh copy of the database,
/// and the query plan of its due-grant query.
/// </summary>
internal static class ExpiryBenchmark
{
    private const double TargetRatio = 3;
    private const double TargetMs = 10_000;
    private const double TargetHeapMb = 100;

    /// <summary>Three runs of each if the first pair says they fit in about two minutes, else one.</summary>
    private static readonly TimeSpan RepeatBudget = TimeSpan.FromMinutes(2);

    internal static async Task<IReadOnlyList<BenchRow>> RunAsync(string regionalDbPath, string workDir, CancellationToken ct)
    {
        if (!File.Exists(regionalDbPath))
        {
            throw new FileNotFoundException("No database to measure the expiry job on.", regionalDbPath);
        }

        Directory.CreateDirectory(workDir);
        var (scale, today) = ReadSidecar(regionalDbPath);
        var settings = new FollowUpOptions();
        var cutoff = FollowUpPolicy.FlagCutoff(today, settings.ToSettings());
        var master = Path.Combine(workDir, "expiry-master.db");
        await SnapshotAsync(regionalDbPath, master, ct);
        try
        {
            var plan = await QueryPlanAsync(master, cutoff, settings.BatchSize, ct);
            var jobs = new List<ExpiryMeasurement>();
            var floors = new List<(FloorRun ReadThenInsert, FloorRun InsertSelect)>();
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < 3; i++)
            {
                jobs.Add(await OnCopyAsync(master, workDir, copy => MeasureInChildAsync(copy, today, ct)));
                floors.Add((
                    await OnCopyAsync(master, workDir, copy => ExpiryFloor.ReadThenInsertAsync(copy, cutoff, settings.BatchSize, ct)),
                    await OnCopyAsync(master, workDir, copy => ExpiryFloor.InsertSelectAsync(copy, cutoff, settings.BatchSize, ct))));
                if (i == 0 && Stopwatch.GetElapsedTime(started) * 3 > RepeatBudget)
                {
                    break;
                }
            }

            return Rows(scale, jobs, floors, plan);
        }
        finally
        {
            Delete(master);
        }
    }

    private static List<BenchRow> Rows(
        string scale, List<ExpiryMeasurement> jobs, List<(FloorRun ReadThenInsert, FloorRun InsertSelect)> floors, QueryPlan plan)
    {
        var wall = Sample.Of(jobs.Select(j => j.WallMs));
        var floor = Sample.Of(floors.Select(f => Math.Min(f.ReadThenInsert.Ms, f.InsertSelect.Ms)));
        var heap = Sample.Of(jobs.Select(j => j.PeakHeapGrowthMb));
        var last = jobs[^1];
        var readThenInsert = Sample.Of(floors.Select(f => f.ReadThenInsert.Ms)).Median;
        var insertSelect = Sample.Of(floors.Select(f => f.InsertSelect.Ms)).Median;
        var done = string.Create(CultureInfo.InvariantCulture,
            $"{last.FollowUpsCreated} follow-ups created, {last.Emails} e-mails with {last.ItemsReminded} lines; " +
            $"floor {floors[^1].InsertSelect.FollowUps} follow-ups in {floors[^1].InsertSelect.Chunks} chunks, " +
            $"read-then-insert {ResultsTable.Format(readThenInsert, "ms")}, insert-select {ResultsTable.Format(insertSelect, "ms")}; " +
            $"due-grant query {(plan.UsesIndex ? "uses an index" : "does NOT use an index")}: {plan.Text}");
        var memory = string.Create(CultureInfo.InvariantCulture,
            $"allocated {Median(jobs, j => j.AllocatedMb):0} MB, GC pauses {Median(jobs, j => j.GcPauseMs):0} ms, " +
            $"collections gen0/1/2 {last.Gen0}/{last.Gen1}/{last.Gen2}, heap after {last.HeapAfterMb:0} MB");
        var ratio = wall.P95 / floor.P95;
        return
        [
            new BenchRow(
                "Expiry job, first run over regional data", scale, wall, "ms", floor, "≤ 3× floor and ≤ 10 s",
                ratio <= TargetRatio && wall.P95 <= TargetMs, Note: done),
            new BenchRow(
                "Expiry job, peak managed heap growth", scale, heap, "MB", null, "≤ 100 MB", heap.P95 <= TargetHeapMb,
                Note: memory),
        ];
    }

    /// <summary>The generator's sidecar says which day the data was made for; the job runs as of that day.</summary>
    internal static (string Scale, DateOnly Today) ReadSidecar(string databasePath)
    {
        var scale = Path.GetFileNameWithoutExtension(databasePath);
        var today = AdminTimeZone.Today(TimeProvider.System);
        var sidecar = databasePath + ".json";
        if (File.Exists(sidecar))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(sidecar));
            var root = json.RootElement;
            if (root.TryGetProperty("Today", out var day) && day.ValueKind == JsonValueKind.String)
            {
                today = ExpiryMeasurement.ParseDay(day.GetString()!);
            }

            if (root.TryGetProperty("Scale", out var named))
            {
                scale = named.ValueKind switch
                {
                    JsonValueKind.String => named.GetString()!,
                    JsonValueKind.Object when named.TryGetProperty("Name", out var name) => name.GetString()!,
                    _ => scale,
                };
            }
        }

        return (scale, today);
    }

    /// <summary>
    /// One checkpointed copy of the source to copy from for every run: the source is only ever read (its -wal is
    /// copied with it), and the copy is in WAL mode, as the app sets its database at start-up.
    /// </summary>
    private static async Task SnapshotAsync(string source, string master, CancellationToken ct)
    {
        Delete(master);
        File.Copy(source, master);
        if (File.Exists(source + "-wal"))
        {
            File.Copy(source + "-wal", master + "-wal");
        }

        await using var connection = new SqliteConnection(ConnectionString(master));
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> OnCopyAsync<T>(string master, string workDir, Func<string, Task<T>> measure)
    {
        var copy = Path.Combine(workDir, $"expiry-run-{Guid.NewGuid():N}.db");
        File.Copy(master, copy);
        try
        {
            return await measure(copy);
        }
        finally
        {
            Delete(copy);
        }
    }

    /// <summary>The job in a fresh process, so that its heap holds nothing but the job and the runtime.</summary>
    private static async Task<ExpiryMeasurement> MeasureInChildAsync(string copy, DateOnly today, CancellationToken ct)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo
        {
            FileName = host,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ExpiryBenchmark).Assembly.Location);
        }

        foreach (var argument in (string[])["measure-expiry", "--db", copy, "--today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the measuring process.");
        var output = child.StandardOutput.ReadToEndAsync(ct);
        var errors = child.StandardError.ReadToEndAsync(ct);
        await child.WaitForExitAsync(ct);
        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => l.StartsWith('{'));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"measure-expiry failed ({child.ExitCode}): {await errors}");
        }

        return JsonSerializer.Deserialize<ExpiryMeasurement>(line)
            ?? throw new InvalidOperationException("measure-expiry printed no figures.");
    }

    /// <summary>EXPLAIN QUERY PLAN of the job's due-grant query for its first chunk, one step per line.</summary>
    private static async Task<QueryPlan> QueryPlanAsync(string databasePath, DateOnly cutoff, int batchSize, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(ConnectionString(databasePath));
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + FollowUpRun.DueGrantsSql;
        command.Parameters.AddWithValue("@cutoff", cutoff);
        command.Parameters.AddWithValue("@afterTo", DateOnly.MinValue);
        command.Parameters.AddWithValue("@afterId", 0);
        command.Parameters.AddWithValue("@limit", batchSize);
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            steps.Add(reader.GetString(3));
        }

        var usesIndex = steps.Any(s => s.StartsWith("SEARCH g USING ", StringComparison.Ordinal) && s.Contains("INDEX", StringComparison.Ordinal))
            && !steps.Any(s => s.StartsWith("SCAN g", StringComparison.Ordinal));
        return new QueryPlan(string.Join("; ", steps), usesIndex);
    }

    private static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    private static double Median(List<ExpiryMeasurement> jobs, Func<ExpiryMeasurement, double> figure) =>
        Sample.Of(jobs.Select(figure)).Median;

    private static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private sealed record QueryPlan(string Text, bool UsesIndex);
}
