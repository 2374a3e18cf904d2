using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Infrastructure.Audit;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// A database brought to the current schema by the real migrations, with a context factory over it: a SQLite file,
/// or, when the run is on PostgreSQL (<see cref="PostgresServer.RunOnPostgreSql"/>), a database of its own on the
/// run's server, made from the PostgreSQL migration set and dropped afterwards.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<SocItDbContext>, IDisposable
{
    private readonly TempFolder? _folder;
    private readonly PostgresServer? _server;

    private TestDatabase()
    {
        _folder = new TempFolder();
        ConnectionString = $"Data Source={_folder.File("socit.db")};Pooling=False";
        Options = new DbContextOptionsBuilder<SocItDbContext>().UseSqlite(ConnectionString).Options;
    }

    private TestDatabase(PostgresServer server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
        Options = new DbContextOptionsBuilder<SocItDbContext>().UsePostgreSqlModel(connectionString).Options;
    }

    public string ConnectionString { get; }

    public DatabaseProvider Provider => _server is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;

    public bool IsPostgreSql => _server is not null;

    /// <summary>The SQLite file; a test that reads or writes the file itself is a SQLite test.</summary>
    public string FilePath => _server is null
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : throw new InvalidOperationException("A PostgreSQL test database has no file.");

    public DbContextOptions<SocItDbContext> Options { get; }

    /// <summary>On the run's provider (SQLite unless the run is on PostgreSQL).</summary>
    public static Task<TestDatabase> CreateMigratedAsync() =>
        PostgresServer.RunOnPostgreSql ? CreateMigratedAsync(DatabaseProvider.PostgreSql) : CreateMigratedAsync(DatabaseProvider.Sqlite);

    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            var server = PostgresServer.Require();
            var connectionString = await server.CreateMigratedDatabaseAsync("test", MigrateAsync);
            return new TestDatabase(server, connectionString);
        }

        var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>An empty database with no schema, for tests of the migrations themselves.</summary>
    public static Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql ? CreateEmptyPostgreSqlAsync() : Task.FromResult(CreateEmpty());

    /// <summary>An empty SQLite file with no schema, for tests of the migrations themselves.</summary>
    public static TestDatabase CreateEmpty()
    {
        var database = new TestDatabase();
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        return database;
    }

    /// <summary>Brings the PostgreSQL database <paramref name="connectionString"/> to the current schema.</summary>
    public static async Task MigrateAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SocItDbContext>().UsePostgreSqlModel(connectionString).Options;
        await using var db = SocItDbContextFactory.Create(options, postgreSql: true);
        await db.Database.MigrateAsync();
    }

    public SocItDbContext CreateDbContext() => SocItDbContextFactory.Create(Options, IsPostgreSql);

    /// <summary>A database of its own with this one's rows: a copy of the file, or a database made from this one.</summary>
    public TestDatabase Copy()
    {
        if (_server is not null)
        {
            return new TestDatabase(_server, _server.CopyDatabase(ConnectionString));
        }

        var copy = CreateEmpty();
        SqliteConnection.ClearAllPools();
        File.Copy(FilePath, copy.FilePath, overwrite: true);
        if (File.Exists(FilePath + "-wal"))
        {
            File.Copy(FilePath + "-wal", copy.FilePath + "-wal", overwrite: true);
        }

        return copy;
    }

    /// <summary>Options over this database with <paramref name="interceptors"/>, as the app would add them.</summary>
    public DbContextOptions<SocItDbContext> OptionsWith(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<SocItDbContext>();
        (IsPostgreSql ? builder.UsePostgreSqlModel(ConnectionString) : builder.UseSqlite(ConnectionString)).AddInterceptors(interceptors);
        return builder.Options;
    }

    /// <summary>A context of this database's provider over <paramref name="options"/> (see <see cref="OptionsWith"/>).</summary>
    public SocItDbContext CreateDbContext(DbContextOptions<SocItDbContext> options) => SocItDbContextFactory.Create(options, IsPostgreSql);

    /// <summary>The development demo organisation and its matrix (version 1), as the app seeds it.</summary>
    public Task SeedDemoDataAsync(TimeProvider? clock = null) =>
        CreateDemoDataSeeder(clock).SeedAsync(CancellationToken.None);

    public DemoDataSeeder CreateDemoDataSeeder(TimeProvider? clock = null)
    {
        var time = clock ?? TimeProvider.System;
        return new DemoDataSeeder(this, new MatrixWriter(new AuditTrail(time), time), time, NullLogger<DemoDataSeeder>.Instance);
    }

    public void Dispose()
    {
        _folder?.Dispose();
        _server?.DropDatabase(ConnectionString);
    }

    private static async Task<TestDatabase> CreateEmptyPostgreSqlAsync()
    {
        var server = PostgresServer.Require();
        return new TestDatabase(server, await server.CreateDatabaseAsync("empty"));
    }
}
