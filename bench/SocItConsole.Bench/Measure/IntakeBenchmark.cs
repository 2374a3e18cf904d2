using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SocItConsole.Bench.Harness;
using SocItConsole.Shared.People;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// Orders per second through the real API path (<c>POST /api/v1/orders</c> with the e-service's key), with one client
/// and with eight, against the floor: the same rows (employee, order, its systems, the audit entry, the case-number
/// counter) written with prepared raw SQLite commands, one transaction per order, on the same database file with the
/// same PRAGMAs. Every order is an extended grant of two systems for a new person, as the e-service sends them. On
/// PostgreSQL (<see cref="OnPostgreSql"/>) the floor is the same rows through <see cref="PostgresIntakeFloor"/>.
/// </summary>
internal sealed class IntakeBenchmark
{
    public const string ApiKey = "dev-e-tjanst-nyckel";
    internal const string Unit = "Hemtjänst Centrum";
    internal const string Manager = "Anna Lindqvist";
    internal const string ManagerEmail = "anna.lindqvist@kommun.example";

    private readonly Uri _baseAddress;
    private readonly string _databasePath;
    private string? _postgreSql;
    private int _serial;

    public IntakeBenchmark(Uri baseAddress, string databasePath)
    {
        _baseAddress = baseAddress;
        _databasePath = databasePath;
    }

    /// <summary>The same measurement on an app that runs on PostgreSQL, with the floor on the same database.</summary>
    public static IntakeBenchmark OnPostgreSql(Uri baseAddress, string connectionString) =>
        new(baseAddress, string.Empty) { _postgreSql = connectionString };

    public async Task<IReadOnlyList<BenchRow>> RunAsync(string scale, int rounds, CancellationToken ct, bool quick = false)
    {
        var (rawOrders, oneClient, perClient) = quick ? (60, 30, 8) : (300, 150, 40);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = _baseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var failures = new Failures();
        await PostManyAsync(http, 1, 20, failures, ct);

        var raw = new List<double>();
        var one = new List<double>();
        var eight = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            raw.Add(_postgreSql is null
                ? await RawInsertsAsync(rawOrders, ct)
                : await PostgresIntakeFloor.RawInsertsAsync(_postgreSql, rawOrders, NextPerson, ct));
            one.Add(await PostManyAsync(http, 1, oneClient, failures, ct));
            eight.Add(await PostManyAsync(http, 8, perClient, failures, ct));
        }

        var rawSample = Sample.Of(raw);
        var oneSample = Sample.Of(one);
        var eightSample = Sample.Of(eight);
        var note = failures.Count == 0 ? "no errors" : $"{failures.Count} failed requests: {failures.First}";
        return
        [
            new BenchRow("Intake through the API, 1 client", scale, oneSample, "orders/s", rawSample,
                "≥ 0.25× raw inserts", oneSample.Median >= 0.25 * rawSample.Median, HigherIsBetter: true),
            new BenchRow("Intake through the API, 8 clients", scale, eightSample, "orders/s", rawSample,
                "≥ 1 client; no \"database is locked\"", eightSample.Median >= oneSample.Median && failures.Count == 0,
                HigherIsBetter: true, Note: note),
        ];
    }

    /// <summary>Orders per second for <paramref name="clients"/> clients each placing <paramref name="perClient"/> orders.</summary>
    private async Task<double> PostManyAsync(HttpClient http, int clients, int perClient, Failures failures, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, clients, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = ct },
            async (_, token) =>
            {
                for (var i = 0; i < perClient; i++)
                {
                    var (name, personnummer) = NextPerson();
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
                    {
                        Content = new StringContent(Body(name, personnummer), Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add("Idempotency-Key", "bench-" + Guid.NewGuid().ToString("N"));
                    using var response = await http.SendAsync(request, token);
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        failures.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
                    }
                }
            });
        return clients * perClient / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>The floor: orders per second for the same rows through prepared commands, one transaction per order.</summary>
    private async Task<double> RawInsertsAsync(int orders, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={_databasePath}");
        await connection.OpenAsync(ct);
        var ids = await ReferenceIdsAsync(connection, ct);
        var year = DateTime.UtcNow.Year;

        using var findEmployee = Prepare(connection, "SELECT Id FROM Employees WHERE Personnummer = $p LIMIT 2", "$p");
        using var findCounter = Prepare(connection, "SELECT LastNumber FROM CaseNumberCounters WHERE Year = $y LIMIT 2", "$y");
        using var audit = Prepare(connection, """
            INSERT INTO AuditEntries (Action, ActorId, ActorName, After, Before, EntityId, EntityType, OccurredAt, Summary)
            VALUES ('Order.Created', 'api:e-tjanst', 'E-tjänsten', $after, NULL, $case, 'Order', $at, $summary) RETURNING Id
            """, "$after", "$case", "$at", "$summary");
        using var counter = Prepare(connection,
            "UPDATE CaseNumberCounters SET LastNumber = $n WHERE Year = $y AND LastNumber = $old RETURNING 1", "$n", "$y", "$old");
        using var employee = Prepare(connection, "INSERT INTO Employees (FullName, Personnummer) VALUES ($n, $p) RETURNING Id", "$n", "$p");
        using var order = Prepare(connection, """
            INSERT INTO Orders (AssignedToId, AssignedToName, CaseNumber, Channel, CompletedAt, EmployeeId, EmployeeName, EndDate,
              IdempotencyKey, KeyKind, KeyNumber, Note, PlacedById, PlacedByName, ReceivedAt, RejectionReason, RequestHash, StartDate,
              Status, TakenAt, TargetUnitId, TargetUnitName, TitleId, TitleName, Type, UnitId, UnitName, Version, ManagerEmail,
              ManagerName, OrdererEmail, OrdererName, HasNewAnswer, OrdererCheck, QuestionCount)
            VALUES (NULL, NULL, $case, 'EService', NULL, $employee, $name, $end, $key, 'None', NULL, NULL, 'api:e-tjanst', 'E-tjänsten',
              $at, NULL, $hash, $start, 'Received', NULL, NULL, NULL, NULL, NULL, 'Extend', $unit, $unitName, 0, $email, $manager,
              $email, $manager, 0, 'NotNeeded', 0) RETURNING Id
            """, "$case", "$employee", "$name", "$end", "$key", "$at", "$hash", "$start", "$unit", "$unitName", "$email", "$manager");
        using var system = Prepare(connection, """
            INSERT INTO OrderSystems (LevelId, LevelName, OrderId, SystemId, SystemName) VALUES ($level, $levelName, $order, $system, $systemName)
            RETURNING Id
            """, "$level", "$levelName", "$order", "$system", "$systemName");

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < orders; i++)
        {
            var (name, personnummer) = NextPerson();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var command in new[] { findEmployee, findCounter, audit, counter, employee, order, system })
            {
                command.Transaction = (SqliteTransaction)transaction;
            }

            findEmployee.Parameters["$p"].Value = personnummer.Replace("-", "", StringComparison.Ordinal);
            var existing = await findEmployee.ExecuteScalarAsync(ct);
            findCounter.Parameters["$y"].Value = year;
            var last = Convert.ToInt64(await findCounter.ExecuteScalarAsync(ct) ?? 0L, CultureInfo.InvariantCulture);
            var caseNumber = string.Create(CultureInfo.InvariantCulture, $"SOC-{year}-{last + 1:D5}");
            var now = DateTimeOffset.UtcNow.UtcTicks;
            Set(audit, ("$after", $$"""{"CaseNumber":"{{caseNumber}}","Type":"Extend","Employee":"{{name}}","Unit":"{{Unit}}"}"""),
                ("$case", caseNumber), ("$at", now), ("$summary", $"Utökad behörighet {caseNumber} togs emot (E-tjänsten) i {Unit}."));
            await audit.ExecuteScalarAsync(ct);
            Set(counter, ("$n", last + 1), ("$y", year), ("$old", last));
            await counter.ExecuteScalarAsync(ct);
            var employeeId = existing;
            if (employeeId is null)
            {
                Set(employee, ("$n", name), ("$p", personnummer.Replace("-", "", StringComparison.Ordinal)));
                employeeId = await employee.ExecuteScalarAsync(ct);
            }

            Set(order, ("$case", caseNumber), ("$employee", employeeId!), ("$name", name), ("$end", Date(60)), ("$key", "raw-" + Guid.NewGuid()),
                ("$at", now), ("$hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(personnummer)))), ("$start", Date(3)),
                ("$unit", ids.Unit), ("$unitName", Unit), ("$email", ManagerEmail), ("$manager", Manager));
            var orderId = await order.ExecuteScalarAsync(ct);
            foreach (var (systemId, systemName, levelId, levelName) in ids.Systems)
            {
                Set(system, ("$level", levelId), ("$levelName", levelName), ("$order", orderId!), ("$system", systemId), ("$systemName", systemName));
                await system.ExecuteScalarAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        return orders / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<(long Unit, List<(long, string, long, string)> Systems)> ReferenceIdsAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id FROM Units WHERE Name = '{Unit}'";
        var unit = (long)(await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"no unit {Unit}"));
        command.CommandText = """
            SELECT s.Id, s.Name, l.Id, l.Name FROM ItSystems s JOIN SystemLevels l ON l.ItSystemId = s.Id
            WHERE (s.Name = 'Qlikview' AND l.Name = 'Standard') OR (s.Name = 'Lifecare' AND l.Name = 'Handläggare')
            """;
        var systems = new List<(long, string, long, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            systems.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return (unit, systems);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    private static void Set(SqliteCommand command, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value;
        }
    }

    private (string Name, string Personnummer) NextPerson()
    {
        // Born 1941–1948 on the 1st–28th: a range the generated organisation does not use; the serial makes them unique.
        var n = Interlocked.Increment(ref _serial) + Random.Shared.Next(0, 1000) * 10_000;
        var birth = new DateOnly(1941 + n % 8, 1 + n / 8 % 12, 1 + n / 96 % 28);
        var serial = 100 + n / 2688 % 900;
        var digits = string.Create(CultureInfo.InvariantCulture, $"{birth:yyMMdd}{serial:D3}");
        var personnummer = string.Create(CultureInfo.InvariantCulture, $"{birth:yyyyMMdd}-{serial:D3}{Personnummer.CheckDigit(digits)}");
        return ($"Testperson {n}", personnummer);
    }

    private static string Body(string name, string personnummer) => new JsonObject
    {
        ["type"] = "extend",
        ["employee"] = new JsonObject { ["fullName"] = name, ["personnummer"] = personnummer },
        ["unit"] = Unit,
        ["startDate"] = Date(3),
        ["endDate"] = Date(60),
        ["systems"] = new JsonArray("qlikview", new JsonObject { ["name"] = "Lifecare", ["level"] = "Handläggare" }),
        ["orderer"] = new JsonObject { ["name"] = Manager, ["email"] = ManagerEmail },
        ["manager"] = new JsonObject { ["name"] = Manager, ["email"] = ManagerEmail },
    }.ToJsonString();

    private static string Date(int days) =>
        DateOnly.FromDateTime(DateTime.Today).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Failures
    {
        private readonly object _gate = new();

        public int Count { get; private set; }

        public string? First { get; private set; }

        public void Add(string failure)
        {
            lock (_gate)
            {
                Count++;
                First ??= failure.Length > 200 ? failure[..200] : failure;
            }
        }
    }
}
