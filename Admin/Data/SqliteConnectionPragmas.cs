using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SocItConsole.Admin.Data;

/// <summary>
/// The per-connection settings of SQLite, set in one statement on every connection the app opens:
/// <list type="bullet">
/// <item><c>busy_timeout</c>: without it, a writer that finds the database locked by another writer is retried by
/// Microsoft.Data.Sqlite in steps of 150 ms; SQLite's busy handler waits in steps of a few milliseconds, so concurrent
/// orders queue for the write lock instead of stalling behind it.</item>
/// <item><c>synchronous = FULL</c>: in WAL mode each commit is synced to disk before it returns, so an order
/// acknowledged to the e-service survives a process crash and also a power loss or OS crash. The bundled SQLite
/// already defaults to FULL, but that is a compile-time choice of whichever build is loaded (NORMAL is common), and
/// NORMAL may lose the last commits on power loss. See docs/decisions/0011-sqlite-durability.md.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>SQLite's number for FULL, as <c>PRAGMA synchronous</c> reports it.</summary>
    public const int SynchronousFull = 2;

    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
