using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SocItConsole.Bench.Harness;

/// <summary>
/// Debian's PostgreSQL for the benchmark: a server of its own in a folder under the work folder, on a free loopback
/// port, made with <c>initdb</c> and started with <c>pg_ctl</c> (as the <c>postgres</c> user when the bench runs as
/// root: PostgreSQL refuses to run as root). Unlike the tests' server it keeps PostgreSQL's durable defaults (fsync,
/// synchronous commit, full-page writes): SQLite syncs every commit in the same run, so the comparison is fair only if
/// PostgreSQL does too. Stopped and deleted on dispose.
/// </summary>
internal sealed class LocalPostgres : IAsyncDisposable
{
    private const string BinariesRoot = "/usr/lib/postgresql";

    private readonly string _bin;
    private readonly string _root;

    private LocalPostgres(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The newest installed version's <c>bin</c> folder, or null when there is none.</summary>
    public static string? FindBinaries() =>
        Directory.Exists(BinariesRoot)
            ? Directory.GetDirectories(BinariesRoot)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => bin, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    /// <summary>Why the PostgreSQL rows cannot run here, or null when they can.</summary>
    public static string? Unavailable => FindBinaries() is null
        ? $"no initdb and pg_ctl under {BinariesRoot}/*/bin (apt-get install -y postgresql)"
        : null;

    public static async Task<LocalPostgres> StartAsync(string workDirectory, CancellationToken ct)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(Unavailable);
        var root = Path.Combine(workDirectory, "postgres");
        Directory.CreateDirectory(root);
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["postgres:postgres", root], ct);
        }

        var data = Path.Combine(root, "data");
        await RunAsPostgresAsync(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], ct);
        var port = FreePort();
        var options = string.Join(' ', $"-p {port}", $"-k {root}", "-c listen_addresses=127.0.0.1");
        await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "120", "-o", options, "start"], ct);
        return new LocalPostgres(bin, root, port);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Username = "postgres",
            Database = database,
        }.ConnectionString;

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(ct);
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"),
                ["-D", Path.Combine(_root, "data"), "-m", "fast", "-w", "stop"], CancellationToken.None);
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string file, IReadOnlyList<string> arguments, CancellationToken ct) =>
        Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", "postgres", "--", file, .. arguments], ct)
            : RunAsync(file, arguments, ct);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
