namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// The suite runs once on SQLite (<c>dotnet test</c>) and once on PostgreSQL (<c>SOCIT_TEST_DATABASE=PostgreSql</c>,
/// see <see cref="PostgresServer.RunOnPostgreSql"/>). Tests of SQLite itself (its file, its pragmas, the SQLite
/// migration set's backfills) always run on SQLite and carry <c>[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]</c>,
/// so that the PostgreSQL pass can leave them out: <c>--filter "Database!=Sqlite"</c>. Tests that always run on a
/// PostgreSQL database of their own, whichever pass it is (several app processes on one server), carry
/// <see cref="OwnPostgreSql"/> and run in the first pass only: the second would repeat them unchanged.
/// </summary>
public static class TestDatabases
{
    public const string Trait = "Database";

    public const string Sqlite = "Sqlite";

    public const string OwnPostgreSql = "OwnPostgreSql";
}
