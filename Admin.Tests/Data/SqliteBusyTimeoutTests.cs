using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Data;

[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
public class SqliteBusyTimeoutTests
{
    [Fact]
    public async Task EveryConnectionTheAppOpens_WaitsForTheWriteLockInSQLite()
    {
        await using var app = AdminAppFactory.Development().OnSqlite();
        using var _ = app.CreateTestClient();
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);

        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        var timeout = Convert.ToInt32(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(SqliteConnectionPragmas.BusyTimeoutMilliseconds, timeout);
    }
}
