namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// The suite runs once on SQLite (<c>dotnet test</c>) and once on PostgreSQL (<c>SOCIT_TEST_DATABASE=PostgreSql</c>,
/// see <see cref="PostgresServer.RunOnPostgreSql"/>). Tests of SQLite itself (its file, its pragmas, the SQLite
/// migration set's backfills) always run on SQLite and carry <c>[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]</c>,
/// so that the PostgreSQL pass can leave them out: <c>--filter "Database!=Sqlite"</c>.
/// </summary>
public static class TestDatabases
{
    public const string Trait = "Database";

    public const string Sqlite = "Sqlite";
}
