using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// The intake floor on PostgreSQL: the statements of <see cref="IntakeBenchmark"/>'s SQLite floor in PostgreSQL's
/// syntax (the same rows: the employee, the order, its systems, the audit entry, the case-number counter), prepared
/// once, one transaction per order, on one pooled connection over loopback TCP as the app's connections are.
/// </summary>
internal static class PostgresIntakeFloor
{
    public static async Task<double> RawInsertsAsync(
        string connectionString, int orders, Func<(string Name, string Personnummer)> nextPerson, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var (unit, systems) = await ReferenceIdsAsync(connection, ct);
        var year = DateTime.UtcNow.Year;

        await using var findEmployee = await PrepareAsync(connection, """SELECT "Id" FROM "Employees" WHERE "Personnummer" = @p LIMIT 2""", ct, "p");
        await using var findCounter = await PrepareAsync(connection, """SELECT "LastNumber" FROM "CaseNumberCounters" WHERE "Year" = @y LIMIT 2""", ct, "y");
        await using var audit = await PrepareAsync(connection, """
            INSERT INTO "AuditEntries" ("Action", "ActorId", "ActorName", "After", "Before", "EntityId", "EntityType", "OccurredAt", "Summary")
            VALUES ('Order.Created', 'api:e-tjanst', 'E-tjänsten', @after, NULL, @case, 'Order', @at, @summary) RETURNING "Id"
            """, ct, "after", "case", "at", "summary");
        await using var counter = await PrepareAsync(connection,
            """UPDATE "CaseNumberCounters" SET "LastNumber" = @n WHERE "Year" = @y AND "LastNumber" = @old RETURNING 1""", ct, "n", "y", "old");
        await using var employee = await PrepareAsync(connection,
            """INSERT INTO "Employees" ("FullName", "Personnummer", "IsProtected") VALUES (@fullName, @p, FALSE) RETURNING "Id" """, ct, "fullName", "p");
        await using var order = await PrepareAsync(connection, """
            INSERT INTO "Orders" ("AssignedToId", "AssignedToName", "CaseNumber", "Channel", "CompletedAt", "EmployeeId", "EmployeeName", "EndDate",
              "IdempotencyKey", "KeyKind", "KeyNumber", "Note", "PlacedById", "PlacedByName", "ReceivedAt", "RejectionReason", "RequestHash", "StartDate",
              "Status", "TakenAt", "TargetUnitId", "TargetUnitName", "TitleId", "TitleName", "Type", "UnitId", "UnitName", "Version", "ManagerEmail",
              "ManagerName", "OrdererEmail", "OrdererName", "HasNewAnswer", "OrdererCheck", "QuestionCount")
            VALUES (NULL, NULL, @case, 'EService', NULL, @employee, @name, @end, @key, 'None', NULL, NULL, 'api:e-tjanst', 'E-tjänsten',
              @at, NULL, @hash, @start, 'Received', NULL, NULL, NULL, NULL, NULL, 'Extend', @unit, @unitName, 0, @email, @manager,
              @email, @manager, FALSE, 'NotNeeded', 0) RETURNING "Id"
            """, ct, "case", "employee", "name", "end", "key", "at", "hash", "start", "unit", "unitName", "email", "manager");
        await using var system = await PrepareAsync(connection, """
            INSERT INTO "OrderSystems" ("LevelId", "LevelName", "OrderId", "SystemId", "SystemName") VALUES (@level, @levelName, @order, @system, @systemName)
            RETURNING "Id"
            """, ct, "level", "levelName", "order", "system", "systemName");

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < orders; i++)
        {
            var (name, personnummer) = nextPerson();
            var digits = personnummer.Replace("-", "", StringComparison.Ordinal);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            Set(findEmployee, ("p", digits));
            var existing = await findEmployee.ExecuteScalarAsync(ct);
            Set(findCounter, ("y", year));
            var last = Convert.ToInt32(await findCounter.ExecuteScalarAsync(ct) ?? 0, CultureInfo.InvariantCulture);
            var caseNumber = string.Create(CultureInfo.InvariantCulture, $"SOC-{year}-{last + 1:D5}");
            var now = DateTimeOffset.UtcNow.UtcTicks;
            Set(audit, ("after", $$"""{"CaseNumber":"{{caseNumber}}","Type":"Extend","Employee":"{{name}}","Unit":"{{IntakeBenchmark.Unit}}"}"""),
                ("case", caseNumber), ("at", now), ("summary", $"Utökad behörighet {caseNumber} togs emot (E-tjänsten) i {IntakeBenchmark.Unit}."));
            await audit.ExecuteScalarAsync(ct);
            Set(counter, ("n", last + 1), ("y", year), ("old", last));
            await counter.ExecuteScalarAsync(ct);
            var employeeId = existing;
            if (employeeId is null)
            {
                Set(employee, ("fullName", name), ("p", digits));
                employeeId = await employee.ExecuteScalarAsync(ct);
            }

            Set(order, ("case", caseNumber), ("employee", employeeId!), ("name", name), ("end", Date(60)), ("key", "raw-" + Guid.NewGuid()),
                ("at", now), ("hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(personnummer)))), ("start", Date(3)),
                ("unit", unit), ("unitName", IntakeBenchmark.Unit), ("email", IntakeBenchmark.ManagerEmail), ("manager", IntakeBenchmark.Manager));
            var orderId = await order.ExecuteScalarAsync(ct);
            foreach (var (systemId, systemName, levelId, levelName) in systems)
            {
                Set(system, ("level", levelId), ("levelName", levelName), ("order", orderId!), ("system", systemId), ("systemName", systemName));
                await system.ExecuteScalarAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        return orders / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<(int Unit, List<(int, string, int, string)> Systems)> ReferenceIdsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""SELECT "Id" FROM "Units" WHERE "Name" = @unit""", connection);
        command.Parameters.AddWithValue("unit", IntakeBenchmark.Unit);
        var unit = (int)(await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"no unit {IntakeBenchmark.Unit}"));
        command.CommandText = """
            SELECT s."Id", s."Name", l."Id", l."Name" FROM "ItSystems" s JOIN "SystemLevels" l ON l."ItSystemId" = s."Id"
            WHERE (s."Name" = 'Qlikview' AND l."Name" = 'Standard') OR (s."Name" = 'Lifecare' AND l."Name" = 'Handläggare')
            """;
        command.Parameters.Clear();
        var systems = new List<(int, string, int, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            systems.Add((reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3)));
        }

        return (unit, systems);
    }

    /// <summary>
    /// A command prepared on the server with typed parameters (Npgsql needs the types before it can prepare), so that
    /// each order sends only bind and execute messages, as a prepared SQLite statement skips its parse.
    /// </summary>
    private static async Task<NpgsqlCommand> PrepareAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params string[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var name in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, TypeOf(name)));
        }

        await command.PrepareAsync(ct);
        return command;
    }

    private static NpgsqlTypes.NpgsqlDbType TypeOf(string parameter) => parameter switch
    {
        "at" => NpgsqlTypes.NpgsqlDbType.Bigint,
        "y" or "n" or "old" or "employee" or "unit" or "level" or "order" or "system" => NpgsqlTypes.NpgsqlDbType.Integer,
        "start" or "end" => NpgsqlTypes.NpgsqlDbType.Date,
        _ => NpgsqlTypes.NpgsqlDbType.Text,
    };

    private static void Set(NpgsqlCommand command, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value;
        }
    }

    private static DateOnly Date(int days) => DateOnly.FromDateTime(DateTime.Today).AddDays(days);
}
