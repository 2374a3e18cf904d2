using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Data;

/// <summary>The SQLite settings that docs/decisions/0011-sqlite-durability.md promises, on the connections the app opens.</summary>
[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
public class SqliteDurabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryConnectionTheAppOpens_IsInWalMode_WithFullSync_AndSQLitesBusyTimeout()
    {
        await using var app = AdminAppFactory.Development().OnSqlite();
        using var _ = app.CreateTestClient();
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);

        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors ?? [];
        Assert.Contains(interceptors, i => i is SqliteConnectionPragmas);
        await db.Database.OpenConnectionAsync(Ct);
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal(SqliteConnectionPragmas.SynchronousFull.ToString(CultureInfo.InvariantCulture), await PragmaAsync(connection, "synchronous"));
        Assert.Equal(SqliteConnectionPragmas.BusyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture), await PragmaAsync(connection, "busy_timeout"));
    }

    [Fact]
    public async Task Interceptor_RaisesAWeakerSynchronousSettingToFull()
    {
        using var database = TestDatabase.CreateEmpty();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
        Assert.Equal("0", await PragmaAsync(connection, "synchronous"));

        await new SqliteConnectionPragmas().ConnectionOpenedAsync(connection, null!, Ct);

        Assert.Equal("2", await PragmaAsync(connection, "synchronous"));
    }

    private static async Task<string?> PragmaAsync(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
