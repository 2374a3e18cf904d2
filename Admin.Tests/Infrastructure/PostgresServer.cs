using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// Debian's PostgreSQL for the tests: one server for the test run, in a temporary data directory on a free loopback
/// port, made with <c>initdb</c> and started with <c>pg_ctl</c> (as the <c>postgres</c> user when the tests run as root,
/// since PostgreSQL refuses to run as root), and a fresh database per test class. The server is stopped and its
/// directory deleted when the run ends. Where the binaries are missing a test that needs them fails under CI
/// (CI=true) and is skipped with the reason printed elsewhere, as the browser tests are.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string BinariesRoot = "/usr/lib/postgresql";

    /// <summary>The environment variable that runs the data-touching suites on PostgreSQL (<c>SOCIT_TEST_DATABASE=PostgreSql</c>).</summary>
    public const string ProviderVariable = "SOCIT_TEST_DATABASE";

    private const string TemplateName = "socit_migrated";

    private readonly string? _bin = FindBinaries();
    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private string? _root;
    private bool _templateReady;

    /// <summary>
    /// The run's server, for <see cref="TestDatabase"/> and <see cref="AdminAppFactory"/>, which tests make without
    /// the fixture at hand; set while the run's fixture lives, and only then.
    /// </summary>
    public static PostgresServer? Current { get; private set; }

    /// <summary>
    /// True when this test run puts the data-touching suites on PostgreSQL instead of SQLite (CI runs the suite once
    /// each way); set by <see cref="ProviderVariable"/> for the whole run, never changed by a test.
    /// </summary>
    public static bool RunOnPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The loopback port the server listens on (0 before it has started).</summary>
    public int Port { get; private set; }

    /// <summary>The host the server listens on, for the client tools' <c>-h</c>.</summary>
    public static string Host => IPAddress.Loopback.ToString();

    /// <summary>The path of one of the server's own programs (<c>pg_dump</c>, <c>pg_restore</c>, <c>pg_amcheck</c>, …).</summary>
    public string Tool(string name) =>
        Path.Combine(_bin ?? throw new InvalidOperationException(Unavailable), name);

    /// <summary>The server's data directory (its files are the postgres user's; root and that user read them).</summary>
    public string DataDirectory =>
        Path.Combine(_root ?? throw new InvalidOperationException("The server has not started."), "data");

    /// <summary>Why there is no server, or null when there is one.</summary>
    public string? Unavailable => _bin is null
        ? $"PostgreSQL's initdb and pg_ctl were not found under {BinariesRoot}/*/bin (install them with: apt-get install -y postgresql)"
        : null;

    public async ValueTask InitializeAsync()
    {
        if (_bin is null)
        {
            return;
        }

        _root = Directory.CreateTempSubdirectory("socit-pg-").FullName;
        var data = Path.Combine(_root, "data");
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["postgres:postgres", _root]);
        }

        await RunAsPostgresAsync(Path.Combine(_bin, "initdb"),
            ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
        Port = FreePort();
        // Durability is PostgreSQL's own business here, not the tests': no fsync, so that a database per class is cheap.
        var options = string.Join(' ',
            $"-p {Port}", $"-k {_root}", "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c synchronous_commit=off",
            "-c full_page_writes=off", "-c max_connections=600");
        await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "120", "-o", options, "start"]);
        Current = this;
    }

    /// <summary>The run's server, or a failure (under CI) or skip (elsewhere) when there is none.</summary>
    public static PostgresServer Require()
    {
        if (Current is { } server)
        {
            return server;
        }

        var missing = new PostgresServer();
        missing.EnsureAvailable();
        throw new InvalidOperationException("The test run's PostgreSQL server has not started.");
    }

    /// <summary>
    /// A new database already at the current schema: a copy of a template the real migrations built once for the
    /// run (PostgreSQL copies a database far faster than the migrations build one). Its connection string.
    /// </summary>
    public async Task<string> CreateMigratedDatabaseAsync(string owner, Func<string, Task> migrate, CancellationToken ct = default)
    {
        EnsureAvailable();
        await _templateLock.WaitAsync(ct);
        try
        {
            if (!_templateReady)
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)", ct);
                await ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"", ct);
                var template = ConnectionString(TemplateName);
                await migrate(template);
                NpgsqlConnection.ClearAllPools();
                _templateReady = true;
            }
        }
        finally
        {
            _templateLock.Release();
        }

        var name = DatabaseName(owner);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"", ct);
                return ConnectionString(name);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // Another copy of the template was being made at the same moment; PostgreSQL asks to try again.
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), ct);
            }
        }
    }

    /// <summary>A new database, a copy of <paramref name="sourceConnectionString"/>'s (closed first); its connection string.</summary>
    public string CopyDatabase(string sourceConnectionString)
    {
        var source = new NpgsqlConnectionStringBuilder(sourceConnectionString).Database;
        using (var pooled = new NpgsqlConnection(sourceConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = DatabaseName("copy");
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"", connection);
                create.ExecuteNonQuery();
                return ConnectionString(name);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // A connection to the source was still closing, or another copy was being made: PostgreSQL asks to retry.
                Thread.Sleep(20 * attempt);
            }
        }
    }

    /// <summary>Drops a database a test made, closing what still holds it (pooled connections included).</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string DatabaseName(string owner) =>
        new string([.. owner.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40)]) + "_" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Fails under CI and skips elsewhere when there is no server.</summary>
    public void EnsureAvailable()
    {
        if (Unavailable is not { } reason)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + "; PostgreSQL tests may not be skipped under CI.");
        }

        Console.Error.WriteLine("Skipping PostgreSQL test: " + reason);
        Assert.Skip(reason);
    }

    /// <summary>A new, empty database named after <paramref name="owner"/>; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string owner, CancellationToken ct = default)
    {
        EnsureAvailable();
        var name = DatabaseName(owner);
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", ct);
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Username = "postgres",
            Database = database,
            // Tests make many databases, each with its pool: idle connections are closed soon.
            ConnectionIdleLifetime = 15,
            ConnectionPruningInterval = 5,
        }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (_bin is null || _root is null)
        {
            return;
        }

        Current = null;
        NpgsqlConnection.ClearAllPools();
        _templateLock.Dispose();
        try
        {
            await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists(BinariesRoot)
            ? Directory.GetDirectories(BinariesRoot)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => bin, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string file, IReadOnlyList<string> arguments) =>
        Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", "postgres", "--", file, .. arguments])
            : RunAsync(file, arguments);

    /// <summary>Runs a setup step through <see cref="CommandLine"/>; a step that fails stops the fixture with its output.</summary>
    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var result = await CommandLine.RunAsync(file, arguments, CancellationToken.None);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"exited with {result.ExitCode}: {result.Output}");
        }
    }
}
