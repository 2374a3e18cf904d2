using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SocItConsole.Admin.Data;

/// <summary>
/// Sets SQLite's own busy timeout on every connection the app opens. Without it, a writer that finds the database
/// locked by another writer is retried by Microsoft.Data.Sqlite in steps of 150 ms; SQLite's busy handler instead waits
/// in steps of a few milliseconds, so concurrent orders queue for the write lock instead of stalling behind it.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 30_000;

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
