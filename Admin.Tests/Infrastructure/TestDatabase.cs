using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Infrastructure.Audit;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>A SQLite file brought to the current schema by the real migrations, with a context factory over it.</summary>
public sealed class TestDatabase : IDbContextFactory<SocItDbContext>, IDisposable
{
    private readonly TempFolder _folder = new();

    private TestDatabase()
    {
        ConnectionString = $"Data Source={_folder.File("socit.db")};Pooling=False";
        Options = new DbContextOptionsBuilder<SocItDbContext>().UseSqlite(ConnectionString).Options;
    }

    public string ConnectionString { get; }

    public string FilePath => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    public DbContextOptions<SocItDbContext> Options { get; }

    public static async Task<TestDatabase> CreateMigratedAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>An empty file with no schema, for tests of the migrations themselves.</summary>
    public static TestDatabase CreateEmpty()
    {
        var database = new TestDatabase();
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        return database;
    }

    public SocItDbContext CreateDbContext() => new(Options);

    /// <summary>The development demo organisation and its matrix (version 1), as the app seeds it.</summary>
    public Task SeedDemoDataAsync(TimeProvider? clock = null) =>
        CreateDemoDataSeeder(clock).SeedAsync(CancellationToken.None);

    public DemoDataSeeder CreateDemoDataSeeder(TimeProvider? clock = null)
    {
        var time = clock ?? TimeProvider.System;
        return new DemoDataSeeder(this, new MatrixWriter(new AuditTrail(time), time), time, NullLogger<DemoDataSeeder>.Instance);
    }

    public void Dispose() => _folder.Dispose();
}
