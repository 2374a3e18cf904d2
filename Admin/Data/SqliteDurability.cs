using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SocItConsole.Admin.Data;

/// <summary>
/// Sets <c>PRAGMA synchronous = FULL</c> on every connection the app opens, so that in WAL mode each commit is synced
/// to disk before it returns: an order acknowledged to the e-service survives a process crash and also a power loss or
/// OS crash. The bundled SQLite already defaults to FULL, but that is a compile-time choice of whichever build is
/// loaded (NORMAL is common), and NORMAL may lose the last commits on power loss.
/// See docs/decisions/0011-sqlite-durability.md.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    /// <summary>SQLite's number for FULL, as <c>PRAGMA synchronous</c> reports it.</summary>
    public const int SynchronousFull = 2;

    private const string Pragma = "PRAGMA synchronous = FULL;";

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
