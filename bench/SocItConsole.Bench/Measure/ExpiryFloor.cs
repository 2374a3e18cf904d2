using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// The raw floor of the expiry job's flagging: plain ADO.NET, with the connection set up as EF Core sets up its own,
/// reading the same due grants (the job's own SQL) and inserting the same follow-up rows, chunk by chunk in
/// transactions of the job's batch size, then the follow-ups of the ends of fixed-term employments and placements in one
/// transaction. Two ways for the grants, each on its own fresh copy; the faster is the floor.
/// </summary>
internal static class ExpiryFloor
{
    private const string InsertSql = """
        INSERT INTO "FollowUps" ("GrantId", "EmployeeId", "EmployeeName", "SystemName", "LevelName", "UnitId", "UnitName",
            "HomeUnitId", "EndDate", "ManagerName", "ManagerEmail", "Status", "FlaggedAt", "OverdueReminders", "Version")
        VALUES ($grantId, $employeeId, $employeeName, $systemName, $levelName, $unitId, $unitName,
            $homeUnitId, $endDate, $managerName, $managerEmail, $status, $flaggedAt, 0, 0)
        """;

    // The ends of fixed-term employments and placements the job follows up as well (FlagEndsAsync): not ended by an
    // order, last day by the cutoff, not followed up for that day, with a grant that ends with it and has no follow-up
    // of its own; the manager is the one of the order that started it. Run after the grants, as the job does. The unary
    // + keeps SQLite off the EndedByOrderId index for the grants (it read nearly all of them per placement: 82 s).
    private const string RunningGrant = """
        AND +g."EndedByOrderId" IS NULL AND g."From" <= {0}."To" AND (g."To" IS NULL OR g."To" >= {0}."To")
        AND NOT EXISTS (SELECT 1 FROM "FollowUps" AS fg WHERE fg."GrantId" = g."Id" AND fg."Status" <> 'Replaced')
        """;

    private const string EndColumns = """
        INSERT INTO "FollowUps" ("EmploymentId", "AssignmentId", "EmployeeId", "EmployeeName", "TitleName", "UnitId", "UnitName",
            "HomeUnitId", "EndDate", "ManagerName", "ManagerEmail", "SystemName", "LevelName", "Status", "FlaggedAt",
            "OverdueReminders", "Version")
        """;

    private static readonly string EmploymentEndsSql = EndColumns + """
        SELECT m."Id", NULL, m."EmployeeId", e."FullName", m."TitleName", m."UnitId", m."UnitName", m."UnitId", m."To",
            o."ManagerName", o."ManagerEmail", '', '', $status, $flaggedAt, 0, 0
        FROM "Employments" AS m
        JOIN "Employees" AS e ON e."Id" = m."EmployeeId"
        JOIN "Orders" AS o ON o."Id" = coalesce(m."StartedByOrderId",
            (SELECT min(s."SourceOrderId") FROM "Grants" AS s WHERE s."EmploymentId" = m."Id"))
        WHERE m."EndedByOrderId" IS NULL AND m."To" IS NOT NULL AND m."To" <= $cutoff
          AND NOT EXISTS (SELECT 1 FROM "FollowUps" AS f WHERE f."EmploymentId" = m."Id" AND f."EndDate" = m."To")
          AND EXISTS (SELECT 1 FROM "Grants" AS g WHERE g."AssignmentId" IS NULL AND g."EmploymentId" = m."Id"
        """ + RunningGrant.Replace("{0}", "m", StringComparison.Ordinal) + ")";

    private static readonly string PlacementEndsSql = EndColumns + """
        SELECT NULL, a."Id", a."EmployeeId", e."FullName", NULL, a."UnitId", a."UnitName", o."UnitId", a."To",
            o."ManagerName", o."ManagerEmail", '', '', $status, $flaggedAt, 0, 0
        FROM "TemporaryAssignments" AS a
        JOIN "Employees" AS e ON e."Id" = a."EmployeeId"
        JOIN "Orders" AS o ON o."Id" = a."OrderId"
        WHERE a."EndedByOrderId" IS NULL AND a."To" <= $cutoff
          AND NOT EXISTS (SELECT 1 FROM "FollowUps" AS f WHERE f."AssignmentId" = a."Id" AND f."EndDate" = a."To")
          AND EXISTS (SELECT 1 FROM "Grants" AS g WHERE g."AssignmentId" = a."Id"
        """ + RunningGrant.Replace("{0}", "a", StringComparison.Ordinal) + ")";

    private static readonly string[] InsertParameters =
    [
        "$grantId", "$employeeId", "$employeeName", "$systemName", "$levelName", "$unitId", "$unitName",
        "$homeUnitId", "$endDate", "$managerName", "$managerEmail",
    ];

    /// <summary>Reads each chunk of due grants into memory and inserts its follow-ups with one prepared statement.</summary>
    public static Task<FloorRun> ReadThenInsertAsync(string databasePath, DateOnly cutoff, int batchSize, CancellationToken ct) =>
        TimeAsync(databasePath, cutoff, (connection, transaction, afterTo, afterId, flaggedAt) =>
        {
            using var select = DueGrants(connection, transaction, cutoff, afterTo, afterId, batchSize);
            var rows = new List<object[]>(batchSize);
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    var row = new object[InsertParameters.Length];
                    reader.GetValues(row);
                    rows.Add(row);
                }
            }

            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = InsertSql;
            var parameters = InsertParameters.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            insert.Parameters.AddWithValue("$status", FollowUpStatus.Open.ToString());
            insert.Parameters.AddWithValue("$flaggedAt", flaggedAt);
            insert.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = row[i];
                }

                insert.ExecuteNonQuery();
            }

            // The query reads in (To, Id) order: its last row is the next chunk's key.
            return rows.Count == 0 ? null : ((string)rows[^1][8], (long)rows[^1][0]);
        }, ct);

    /// <summary>Inserts each chunk's follow-ups with one INSERT … SELECT over the same due-grant query.</summary>
    public static Task<FloorRun> InsertSelectAsync(string databasePath, DateOnly cutoff, int batchSize, CancellationToken ct) =>
        TimeAsync(databasePath, cutoff, (connection, transaction, afterTo, afterId, flaggedAt) =>
        {
            using var command = DueGrants(connection, transaction, cutoff, afterTo, afterId, batchSize);
            command.CommandText = $"""
                INSERT INTO "FollowUps" ("GrantId", "EmployeeId", "EmployeeName", "SystemName", "LevelName", "UnitId", "UnitName",
                    "HomeUnitId", "EndDate", "ManagerName", "ManagerEmail", "Status", "FlaggedAt", "OverdueReminders", "Version")
                SELECT d.*, $status, $flaggedAt, 0, 0 FROM ({FollowUpRun.DueGrantsSql}) AS d
                RETURNING "EndDate", "GrantId"
                """;
            command.Parameters.AddWithValue("$status", FollowUpStatus.Open.ToString());
            command.Parameters.AddWithValue("$flaggedAt", flaggedAt);
            (string To, long Id)? last = null;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = (To: reader.GetString(0), Id: reader.GetInt64(1));
                var order = last is { } l ? string.CompareOrdinal(l.To, key.To) : -1;
                last = order > 0 || (order == 0 && last!.Value.Id > key.Id) ? last : key;
            }

            return last;
        }, ct);

    /// <summary>Opens the copy as EF Core opens it (foreign keys on) and times the chunks until one finds nothing.</summary>
    private static async Task<FloorRun> TimeAsync(
        string databasePath, DateOnly cutoff, Func<SqliteConnection, SqliteTransaction, string, long, long, (string To, long Id)?> chunk,
        CancellationToken ct)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA foreign_keys=1;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        var stopwatch = Stopwatch.StartNew();
        var flaggedAt = DateTimeOffset.UtcNow.UtcTicks;
        var (afterTo, afterId) = ("0001-01-01", 0L);
        var chunks = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            using var transaction = connection.BeginTransaction();
            if (chunk(connection, transaction, afterTo, afterId, flaggedAt) is not { } last)
            {
                break;
            }

            transaction.Commit();
            (afterTo, afterId) = last;
            chunks++;
        }

        using (var transaction = connection.BeginTransaction())
        {
            foreach (var sql in new[] { EmploymentEndsSql, PlacementEndsSql })
            {
                await using var ends = connection.CreateCommand();
                ends.Transaction = transaction;
                ends.CommandText = sql;
                ends.Parameters.AddWithValue("@cutoff", cutoff);
                ends.Parameters.AddWithValue("$status", FollowUpStatus.Open.ToString());
                ends.Parameters.AddWithValue("$flaggedAt", flaggedAt);
                await ends.ExecuteNonQueryAsync(ct);
            }

            transaction.Commit();
        }

        stopwatch.Stop();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM \"FollowUps\" WHERE \"FlaggedAt\" = $flaggedAt";
        count.Parameters.AddWithValue("$flaggedAt", flaggedAt);
        var followUps = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return new FloorRun(stopwatch.Elapsed.TotalMilliseconds, followUps, chunks);
    }

    private static SqliteCommand DueGrants(
        SqliteConnection connection, SqliteTransaction transaction, DateOnly cutoff, string afterTo, long afterId, int limit)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = FollowUpRun.DueGrantsSql;
        command.Parameters.AddWithValue("@cutoff", cutoff);
        command.Parameters.AddWithValue("@afterTo", afterTo);
        command.Parameters.AddWithValue("@afterId", afterId);
        command.Parameters.AddWithValue("@limit", limit);
        return command;
    }
}

/// <summary>One timed floor run: its wall time, the follow-ups it inserted and the chunks it took.</summary>
internal sealed record FloorRun(double Ms, int FollowUps, int Chunks);
