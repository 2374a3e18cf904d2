using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using SocItConsole.Admin.Data;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// The database of a test that runs the built app as processes (<c>AppProcess</c>), on the run's provider: a SQLite
/// file in the test's folder, or, when the run is on PostgreSQL, a database of its own on the run's server, dropped
/// afterwards. <see cref="Settings"/> points a process at it; the test reads it back with plain SQL whose quoted
/// names both providers take.
/// </summary>
public sealed class ProcessDatabase : IDisposable
{
    private readonly PostgresServer? _server;
    private readonly TestDatabase? _owned;

    private ProcessDatabase(string path, string connectionString, PostgresServer? server, TestDatabase? owned)
    {
        Path = path;
        ConnectionString = connectionString;
        _server = server;
        _owned = owned;
    }

    /// <summary>
    /// The file to give <c>AppProcess</c>: the SQLite database; on PostgreSQL a path that is never made, since
    /// <see cref="Settings"/> replaces the connection string.
    /// </summary>
    public string Path { get; }

    public string ConnectionString { get; }

    public bool IsPostgreSql => _server is not null;

    /// <summary>The run's server, for a test that uses its tools.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("A SQLite process database has no server.");

    /// <summary>
    /// On the run's provider, with nothing in it: on SQLite a file the first process migrates and seeds; on
    /// PostgreSQL a migrated, empty database the first process seeds (both in Development).
    /// </summary>
    public static async Task<ProcessDatabase> CreateAsync(TempFolder folder, CancellationToken ct)
    {
        var path = folder.File("socit.db");
        if (!PostgresServer.RunOnPostgreSql)
        {
            return new ProcessDatabase(path, $"Data Source={path};Pooling=False", null, null);
        }

        var server = PostgresServer.Require();
        return new ProcessDatabase(path, await server.CreateMigratedDatabaseAsync("process", TestDatabase.MigrateAsync, ct), server, null);
    }

    /// <summary>
    /// A copy of <paramref name="database"/>'s rows for the processes: the file copied into <paramref name="folder"/>
    /// and put in WAL mode (as the console leaves it), or a database made from it on the same server.
    /// </summary>
    public static async Task<ProcessDatabase> CopyOfAsync(TestDatabase database, TempFolder folder, CancellationToken ct)
    {
        var path = folder.File("socit.db");
        if (database.IsPostgreSql)
        {
            var copy = database.Copy();
            return new ProcessDatabase(path, copy.ConnectionString, PostgresServer.Require(), copy);
        }

        SqliteConnection.ClearAllPools();
        File.Copy(database.FilePath, path);
        var copied = new ProcessDatabase(path, $"Data Source={path};Pooling=False", null, null);
        await using var connection = await copied.OpenAsync(ct);
        await using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        await wal.ExecuteNonQueryAsync(ct);
        return copied;
    }

    /// <summary><paramref name="settings"/> for a process, with the provider and connection string when on PostgreSQL.</summary>
    public IReadOnlyDictionary<string, string> Settings(IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (IsPostgreSql)
        {
            all["Database__Provider"] = nameof(DatabaseProvider.PostgreSql);
            all["ConnectionStrings__SocIt"] = ConnectionString;
        }

        return all;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = IsPostgreSql ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>Each row of <paramref name="sql"/>, read by <paramref name="read"/>.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public async Task<long> CountAsync(string sql, CancellationToken ct) =>
        Convert.ToInt64(Assert.Single(await QueryAsync(sql, r => r.GetValue(0), ct)), CultureInfo.InvariantCulture);

    /// <summary>
    /// The database's own checks: on SQLite <c>PRAGMA integrity_check</c> says ok and <c>foreign_key_check</c> finds
    /// nothing; on PostgreSQL, which enforces foreign keys as it writes, <c>pg_amcheck</c> finds every table and index
    /// of the database sound. Returns what was checked, for the test's report.
    /// </summary>
    public async Task<string> AssertIntactAsync(CancellationToken ct)
    {
        if (!IsPostgreSql)
        {
            Assert.Equal(["ok"], await QueryAsync("PRAGMA integrity_check;", r => r.GetString(0), ct));
            Assert.Empty(await QueryAsync("PRAGMA foreign_key_check;", r => r.GetValue(0), ct));
            return "integrity_check ok and no foreign-key violation";
        }

        await AmcheckAsync(Server, ConnectionString, ct);
        return "pg_amcheck clean";
    }

    /// <summary>
    /// <c>pg_amcheck</c> over every table and B-tree index of the database, with each index checked against its table
    /// (<c>--heapallindexed</c>); the amcheck extension is put in pg_catalog if it is missing, so the app's schema is
    /// untouched. Fails with its output unless it exits 0.
    /// </summary>
    public static async Task AmcheckAsync(PostgresServer server, string connectionString, CancellationToken ct)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var check = await CommandLine.RunAsync(server.Tool("pg_amcheck"),
            ["-h", PostgresServer.Host, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
             "--install-missing", "--heapallindexed", "-d", database], ct);
        Assert.True(check.ExitCode == 0, $"pg_amcheck on {database} exited {check.ExitCode}:\n{check.Output}");
    }

    public void Dispose()
    {
        if (_owned is not null)
        {
            _owned.Dispose();
        }
        else
        {
            _server?.DropDatabase(ConnectionString);
        }
    }
}
