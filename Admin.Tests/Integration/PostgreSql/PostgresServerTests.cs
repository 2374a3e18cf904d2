using Npgsql;
using SocItConsole.Admin.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace SocItConsole.Admin.Tests.Integration.PostgreSql;

/// <summary>
/// The test run's PostgreSQL (issue 23): Debian's server in a temporary directory, a database per test class, Swedish
/// text kept as written.
/// </summary>
public class PostgresServerTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachDatabaseIsItsOwn_OnTheLoopbackServer_AndKeepsSwedishText()
    {
        var first = await server.CreateDatabaseAsync(nameof(PostgresServerTests), Ct);
        var second = await server.CreateDatabaseAsync(nameof(PostgresServerTests), Ct);
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync(Ct);
            await using var write = new NpgsqlCommand("CREATE TABLE people (name text); INSERT INTO people VALUES ('Åsa Öberg-Ängström')", connection);
            await write.ExecuteNonQueryAsync(Ct);
            await using var read = new NpgsqlCommand("SELECT name FROM people", connection);
            Assert.Equal("Åsa Öberg-Ängström", await read.ExecuteScalarAsync(Ct));
            await using var address = new NpgsqlCommand("SELECT host(inet_server_addr())", connection);
            Assert.Equal("127.0.0.1", await address.ExecuteScalarAsync(Ct));
        }

        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync(Ct);
            await using var exists = new NpgsqlCommand("SELECT to_regclass('public.people') IS NULL", connection);
            Assert.Equal(true, await exists.ExecuteScalarAsync(Ct));
        }
    }
}
