using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SocItConsole.Bench.Harness;
using SocItConsole.Shared.Hr;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// The HR reconciliation over the regional data (issue 21): a 40,000-line HR file made from the console's own
/// employments, reconciled by the app's real command (<c>run-job hr-reconciliation</c>) in a child process on a fresh
/// copy of the database, against a floor measured in the same run: reading the file with <see cref="HrFile.Read"/>
/// and one indexed join of its personnummer against Employees and Employments. Memory is the child's peak resident
/// set (VmHWM) minus the same command's on a one-line file.
/// </summary>
internal static class HrBenchmark
{
    private const double TargetMs = 30_000;
    private const double TargetGrowthMb = 200;

    internal static async Task<IReadOnlyList<BenchRow>> RunAsync(
        string regionalDbPath, string appDirectory, string workDir, CancellationToken ct, int lines = 40_000)
    {
        Directory.CreateDirectory(workDir);
        var (scale, today) = ExpiryBenchmark.ReadSidecar(regionalDbPath);
        var large = Path.Combine(workDir, "hr-large");
        var small = Path.Combine(workDir, "hr-small");
        var mix = await HrFileGenerator.WriteAsync(regionalDbPath, today, Path.Combine(large, HrFileGenerator.FileName), lines, ct);
        await HrFileGenerator.WriteAsync(regionalDbPath, today, Path.Combine(small, HrFileGenerator.FileName), 1, ct);
        Console.WriteLine($"HR file: {mix}");

        var floors = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            floors.Add(await FloorAsync(Path.Combine(large, HrFileGenerator.FileName), regionalDbPath, today, ct));
        }

        var floor = Sample.Of(floors);
        var baseline = await RunJobAsync(appDirectory, regionalDbPath, small, today, workDir, ct);
        var job = baseline.ExitCode == 0 ? await RunJobAsync(appDirectory, regionalDbPath, large, today, workDir, ct) : baseline;
        if (job.ExitCode != 0)
        {
            var why = string.Create(CultureInfo.InvariantCulture,
                $"run-job hr-reconciliation failed (exit {job.ExitCode}): {FirstLine(job.Error) ?? FirstLine(job.Output) ?? "no output"}");
            Console.Error.WriteLine(why);
            return
            [
                new BenchRow("HR reconciliation, 40,000 lines over regional data", scale, Sample.Of([double.NaN]), "ms", floor,
                    "≤ 30 s", false, Note: why),
                new BenchRow("HR reconciliation floor (read + one indexed join)", scale, floor, "ms", null, "", null,
                    Note: mix.ToString()),
            ];
        }

        var growth = Math.Max(0, job.PeakRssMb - baseline.PeakRssMb);
        var summary = FirstLine(job.Output) ?? string.Empty;
        return
        [
            new BenchRow("HR reconciliation, 40,000 lines over regional data", scale, Sample.Of([job.WallMs]), "ms", floor,
                "≤ 30 s", job.WallMs <= TargetMs, Note: $"{mix}; {summary}"),
            new BenchRow("HR reconciliation, peak memory growth (RSS)", scale, Sample.Of([growth]), "MB", null,
                "≤ 200 MB", growth <= TargetGrowthMb,
                Note: string.Create(CultureInfo.InvariantCulture,
                    $"peak RSS {job.PeakRssMb:0} MB against {baseline.PeakRssMb:0} MB for a one-line file ({baseline.WallMs:0} ms)")),
        ];
    }

    /// <summary>The floor: the file read and checked, then one indexed join of its personnummer, in plain ADO.NET.</summary>
    internal static async Task<double> FloorAsync(string file, string databasePath, DateOnly today, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var read = HrFile.Read(await File.ReadAllBytesAsync(file, ct), today);
        if (!read.IsValid)
        {
            throw new InvalidOperationException($"The generated HR file does not read: {read.Errors[0]}");
        }

        await using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TEMP TABLE HrPeople (Personnummer TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync(ct);
        }

        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO HrPeople VALUES ($p)";
            var parameter = insert.Parameters.Add(new SqliteParameter { ParameterName = "$p" });
            insert.Prepare();
            foreach (var line in read.Lines)
            {
                parameter.Value = line.Personnummer.Value;
                await insert.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        await using var join = connection.CreateCommand();
        join.CommandText = """
            SELECT e."Personnummer", m."Id", m."UnitId", m."TitleId", m."From", m."To"
            FROM HrPeople h
            JOIN "Employees" e ON e."Personnummer" = h."Personnummer"
            JOIN "Employments" m ON m."EmployeeId" = e."Id"
            """;
        var rows = 0;
        await using (var reader = await join.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows++;
            }
        }

        clock.Stop();
        return rows >= 0 ? clock.Elapsed.TotalMilliseconds : double.NaN;
    }

    private static async Task<JobRun> RunJobAsync(
        string appDirectory, string regionalDbPath, string folder, DateOnly today, string workDir, CancellationToken ct)
    {
        var copy = Path.Combine(workDir, $"hr-run-{Guid.NewGuid():N}.db");
        File.Copy(regionalDbPath, copy);
        try
        {
            var clock = Stopwatch.StartNew();
            await using var command = AppProcess.StartCommand(
                appDirectory, copy, workDir,
                ["run-job", "hr-reconciliation", "--as-of", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                new Dictionary<string, string> { ["Hr__ImportFolder"] = folder });
            var peakKb = 0L;
            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested && !command.HasExited)
                {
                    peakKb = Math.Max(peakKb, HighWaterMarkKb(command.ProcessId));
                    await Task.Delay(20, CancellationToken.None);
                }
            }, CancellationToken.None);
            var (exitCode, output, error) = await command.WaitForExitAsync(ct);
            clock.Stop();
            await sampling.CancelAsync();
            await sampler;
            return new JobRun(exitCode, clock.Elapsed.TotalMilliseconds, peakKb / 1024.0, output, error);
        }
        finally
        {
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The process's peak resident set so far (VmHWM), 0 once it has gone.</summary>
    private static long HighWaterMarkKb(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    private sealed record JobRun(int ExitCode, double WallMs, double PeakRssMb, string Output, string Error);
}

/// <summary>What the generated HR file holds, line by line.</summary>
internal sealed record HrFileMix(int Lines, int Unchanged, int Ended, int Leavers, int Movers, int Joiners, int UnknownToHr, int Unmapped)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Lines} lines: {Unchanged} unchanged, {Ended} ended before, {Leavers} leavers, {Movers} movers, {Joiners} joiners, " +
        $"{UnknownToHr} console employments left out (unknown to HR), {Unmapped} with an unmapped unit or title");
}

/// <summary>
/// An HR file made from the console's employments as HR would export them: every current employment (most as they
/// are; some ended in HR, some with another unit or title, a few with a unit or title HR spells its own way), some
/// people HR does not know, new people starting within the joiner window, and ended employments to fill the file to
/// its size. The unit column is the unit's cost centre and the title column the title's name, so they map by themselves.
/// </summary>
internal static class HrFileGenerator
{
    public const string FileName = "hr-export.csv";

    public static async Task<HrFileMix> WriteAsync(string databasePath, DateOnly today, string path, int size, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var random = new Random(21);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        var units = await ListAsync(connection, "SELECT \"CostCentre\" FROM \"Units\" WHERE \"IsActive\" = 1", r => r.GetString(0), ct);
        var titles = await ListAsync(connection, "SELECT \"Name\" FROM \"JobTitles\" WHERE \"IsActive\" = 1", r => r.GetString(0), ct);
        var rows = await ListAsync(connection, $"""
            SELECT e."Personnummer", e."FullName", u."CostCentre", t."Name", m."From", m."To",
                   (m."To" IS NULL OR m."To" >= '{day}') AS Current
            FROM "Employments" m
            JOIN "Employees" e ON e."Id" = m."EmployeeId"
            JOIN "Units" u ON u."Id" = m."UnitId"
            JOIN "JobTitles" t ON t."Id" = m."TitleId"
            ORDER BY (m."To" IS NULL OR m."To" >= '{day}') DESC, m."Id"
            """, r => (Pnr: r.GetString(0), Name: r.GetString(1), Unit: r.GetString(2), Title: r.GetString(3),
                From: r.GetString(4), To: r.IsDBNull(5) ? null : r.GetString(5), Current: r.GetInt64(6) == 1), ct);

        var text = new StringBuilder("Personnummer;Namn;Kostnadsställe;Befattning;Startdatum;Slutdatum\r\n");
        int lines = 0, unchanged = 0, ended = 0, leavers = 0, movers = 0, joiners = 0, unknown = 0, unmapped = 0;
        var seen = new HashSet<(string, string, string, string, string?)>();
        void Line(string pnr, string name, string unit, string title, string from, string? to)
        {
            if (lines < size && seen.Add((pnr, unit, title, from, to)))
            {
                text.Append(CultureInfo.InvariantCulture, $"{pnr};\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";{unit};{title};{from};{to}\r\n");
                lines++;
            }
        }

        foreach (var row in rows.Where(r => r.Current))
        {
            var dice = random.NextDouble();
            if (dice < 0.005)
            {
                unknown++;
                continue;
            }

            if (dice < 0.025)
            {
                leavers++;
                var from = DateOnly.ParseExact(row.From, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var lastDay = today.AddDays(-random.Next(1, 30));
                Line(row.Pnr, row.Name, row.Unit, row.Title, row.From, (lastDay < from ? from : lastDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else if (dice < 0.045)
            {
                movers++;
                var toUnit = random.Next(2) == 0;
                Line(row.Pnr, row.Name, toUnit ? units[random.Next(units.Count)] : row.Unit, toUnit ? row.Title : titles[random.Next(titles.Count)], row.From, row.To);
            }
            else if (dice < 0.047)
            {
                unmapped++;
                var unitSpelling = random.Next(2) == 0;
                Line(row.Pnr, row.Name, unitSpelling ? $"ORG-{row.Unit}" : row.Unit, unitSpelling ? row.Title : $"{row.Title} (HR)", row.From, row.To);
            }
            else
            {
                unchanged++;
                Line(row.Pnr, row.Name, row.Unit, row.Title, row.From, row.To);
            }
        }

        // New people starting within the joiner window, each with a personnummer the console does not have.
        var joinerTarget = Math.Min(size / 100, Math.Max(0, size - lines));
        for (var i = 0; joiners < joinerTarget && i < 100_000; i++)
        {
            var birth = new DateOnly(1990, 1, 1).AddDays(random.Next(0, 7000));
            var nine = string.Create(CultureInfo.InvariantCulture, $"{birth:yyMMdd}{900 + (i % 100):D3}");
            var pnr = $"{birth:yyyy}"[..2] + nine + Check(nine);
            var before = lines;
            Line(pnr, $"Ny Medarbetare {i + 1}", units[random.Next(units.Count)], titles[random.Next(titles.Count)],
                today.AddDays(random.Next(1, 14)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
            joiners += lines > before ? 1 : 0;
        }

        foreach (var row in rows.Where(r => !r.Current))
        {
            if (lines >= size)
            {
                break;
            }

            var before = lines;
            Line(row.Pnr, row.Name, row.Unit, row.Title, row.From, row.To);
            ended += lines > before ? 1 : 0;
        }

        await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), ct);
        return new HrFileMix(lines, unchanged, ended, leavers, movers, joiners, unknown, unmapped);
    }

    private static string Check(string nine)
    {
        var sum = 0;
        for (var i = 0; i < nine.Length; i++)
        {
            var product = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += (product / 10) + (product % 10);
        }

        return ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<List<T>> ListAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(read(reader));
        }

        return list;
    }
}
