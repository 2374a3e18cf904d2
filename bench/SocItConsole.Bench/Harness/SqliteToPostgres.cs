using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Data.PostgreSql;

namespace SocItConsole.Bench.Harness;

/// <summary>
/// Puts a generated SQLite data set on PostgreSQL, so that the same rows can be measured on both: the console's own
/// PostgreSQL migrations build the schema (nothing seeded but what the migrations insert), then every table the two
/// share is emptied and filled with the SQLite rows by binary COPY, with triggers off for the copy
/// (<c>session_replication_role = replica</c>: the audit trail's append-only guard and the reference-data stamp), the
/// identity sequences set past the highest id, the reference-data stamp advanced once and the statistics gathered.
/// The model is the same on both providers, so the columns are too; the values are converted by PostgreSQL's column
/// type (SQLite keeps booleans as integers and dates as text).
/// </summary>
internal static class SqliteToPostgres
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "__EFMigrationsHistory", ReferenceDataStamp.Table };

    /// <summary>Returns the number of rows copied and the time the copy took.</summary>
    public static async Task<(long Rows, TimeSpan Elapsed)> CopyAsync(string sqlitePath, string connectionString, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<SocItDbContext>().UsePostgreSqlModel(connectionString).Options;
        await using (var db = new PostgreSqlSocItDbContext(options))
        {
            await db.Database.MigrateAsync(ct);
        }

        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await source.OpenAsync(ct);
        await using var target = new NpgsqlConnection(connectionString);
        await target.OpenAsync(ct);

        var sourceTables = await SqliteTablesAsync(source, ct);
        var targetColumns = await PostgresColumnsAsync(target, ct);
        var tables = targetColumns.Keys.Where(t => sourceTables.ContainsKey(t) && !Skipped.Contains(t)).Order(StringComparer.Ordinal).ToList();

        await ExecuteAsync(target, "SET session_replication_role = replica", ct);
        await ExecuteAsync(target, $"TRUNCATE {string.Join(", ", tables.Select(Quote))} RESTART IDENTITY CASCADE", ct);
        long rows = 0;
        foreach (var table in tables)
        {
            var columns = targetColumns[table].Where(c => sourceTables[table].Contains(c.Name)).ToList();
            var missing = targetColumns[table].Where(c => !c.Nullable && !c.HasDefault && !sourceTables[table].Contains(c.Name)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{table}: PostgreSQL's column(s) {string.Join(", ", missing.Select(c => c.Name))} have no SQLite counterpart");
            }

            rows += await CopyTableAsync(source, target, table, columns, ct);
        }

        await ExecuteAsync(target, "SET session_replication_role = origin", ct);
        foreach (var (table, columns) in targetColumns.Where(t => tables.Contains(t.Key)))
        {
            foreach (var identity in columns.Where(c => c.IsIdentity))
            {
                await ExecuteAsync(target, $"""
                    SELECT setval(pg_get_serial_sequence('{Quote(table)}', '{identity.Name}'), COALESCE(MAX({Quote(identity.Name)}), 0) + 1, false)
                    FROM {Quote(table)}
                    """, ct);
            }
        }

        // The triggers that advance the stamp were off during the copy: one step tells every reader the reference data changed.
        await ExecuteAsync(target, $"UPDATE {Quote(ReferenceDataStamp.Table)} SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1", ct);
        await ExecuteAsync(target, "ANALYZE", ct);
        return (rows, stopwatch.Elapsed);
    }

    private static async Task<long> CopyTableAsync(
        SqliteConnection source, NpgsqlConnection target, string table, List<Column> columns, CancellationToken ct)
    {
        var list = string.Join(", ", columns.Select(c => Quote(c.Name)));
        await using var read = source.CreateCommand();
        read.CommandText = $"SELECT {list} FROM {Quote(table)}";
        await using var reader = await read.ExecuteReaderAsync(ct);
        await using var copy = await target.BeginBinaryImportAsync($"COPY {Quote(table)} ({list}) FROM STDIN (FORMAT BINARY)", ct);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            await copy.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (reader.IsDBNull(i))
                {
                    await copy.WriteNullAsync(ct);
                    continue;
                }

                var column = columns[i];
                await (column.Type switch
                {
                    "integer" => copy.WriteAsync(checked((int)reader.GetInt64(i)), NpgsqlDbType.Integer, ct),
                    "bigint" => copy.WriteAsync(reader.GetInt64(i), NpgsqlDbType.Bigint, ct),
                    "smallint" => copy.WriteAsync(checked((short)reader.GetInt64(i)), NpgsqlDbType.Smallint, ct),
                    "boolean" => copy.WriteAsync(reader.GetInt64(i) != 0, NpgsqlDbType.Boolean, ct),
                    "date" => copy.WriteAsync(
                        DateOnly.ParseExact(reader.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Date, ct),
                    "double precision" => copy.WriteAsync(reader.GetDouble(i), NpgsqlDbType.Double, ct),
                    "numeric" => copy.WriteAsync(reader.GetDecimal(i), NpgsqlDbType.Numeric, ct),
                    "uuid" => copy.WriteAsync(reader.GetGuid(i), NpgsqlDbType.Uuid, ct),
                    "bytea" => copy.WriteAsync((byte[])reader.GetValue(i), NpgsqlDbType.Bytea, ct),
                    "text" or "character varying" => copy.WriteAsync(reader.GetString(i), NpgsqlDbType.Text, ct),
                    _ => throw new InvalidOperationException($"{table}.{column.Name}: no conversion to PostgreSQL's {column.Type}"),
                });
            }

            rows++;
        }

        await copy.CompleteAsync(ct);
        return rows;
    }

    private static async Task<Dictionary<string, HashSet<string>>> SqliteTablesAsync(SqliteConnection connection, CancellationToken ct)
    {
        var tables = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.name, p.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var table = reader.GetString(0);
            if (!tables.TryGetValue(table, out var columns))
            {
                tables[table] = columns = new HashSet<string>(StringComparer.Ordinal);
            }

            columns.Add(reader.GetString(1));
        }

        return tables;
    }

    private static async Task<Dictionary<string, List<Column>>> PostgresColumnsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var tables = new Dictionary<string, List<Column>>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name, c.data_type, c.is_nullable = 'YES', c.column_default IS NOT NULL, c.is_identity = 'YES'
            FROM information_schema.columns AS c
            JOIN information_schema.tables AS t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
            ORDER BY c.table_name, c.ordinal_position
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var table = reader.GetString(0);
            if (!tables.TryGetValue(table, out var columns))
            {
                tables[table] = columns = [];
            }

            columns.Add(new Column(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4) || reader.GetBoolean(5), reader.GetBoolean(5)));
        }

        return tables;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(string Name, string Type, bool Nullable, bool HasDefault, bool IsIdentity);
}
