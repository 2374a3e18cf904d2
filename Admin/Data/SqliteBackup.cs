using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Data;

/// <summary>What a backup file holds, read from the file itself after a clean integrity check.</summary>
public sealed record BackupContents(string Path, long Size, int Orders, IReadOnlyList<string> Migrations)
{
    /// <summary>"1,4 MB, 512 beställningar": the size and what an operator recognises the data by.</summary>
    public string Description => $"{SqliteBackup.Size(Size)}, {SwedishCount.Of(Orders, "beställning", "beställningar")}";
}

/// <summary>
/// Online backups of the console's SQLite file. <c>VACUUM INTO</c> writes a consistent snapshot (one read transaction:
/// every commit before it, none after) while the console goes on writing, as one self-contained file in rollback-journal
/// mode — no <c>-wal</c> beside it. It is written under a temporary name, synced to disk, opened on its own and
/// checked with <c>PRAGMA integrity_check</c>, and only then given its name: a file with a backup's name is whole.
/// </summary>
public static class SqliteBackup
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The console's SQLite file, or null when it runs on another database or on one in memory.</summary>
    public static string? DatabaseFile(SocItDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        var csb = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        return csb.Mode == SqliteOpenMode.Memory || csb.DataSource is "" or ":memory:" ? null : Path.GetFullPath(csb.DataSource);
    }

    /// <summary>
    /// Writes a backup of <paramref name="db"/>'s database to <paramref name="path"/>, which must not exist, and
    /// returns what it holds.
    /// </summary>
    /// <exception cref="BackupCheckException">The written copy failed its check; nothing was left at <paramref name="path"/>.</exception>
    public static async Task<BackupContents> WriteAsync(SocItDbContext db, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var partial = path + BackupFiles.PartialSuffix;
        File.Delete(partial);
        try
        {
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {partial}", ct);
            using (var written = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite, FileShare.Read))
            {
                // The rename below must never publish a name whose content is still in the page cache only.
                written.Flush(flushToDisk: true);
            }

            var contents = await InspectAsync(partial, Path.GetFileName(path), ct);
            File.Move(partial, path, overwrite: false);
            return contents with { Path = path };
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> on its own and reads what it holds: it must be a SQLite database that passes
    /// <c>PRAGMA integrity_check</c> and has the console's migration history.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="name">What the messages call it: the file's name, or the name of the file it was copied from.</param>
    /// <param name="ct">Cancels the reading.</param>
    /// <exception cref="BackupCheckException">It is not one, with the reason in Swedish.</exception>
    public static async Task<BackupContents> InspectAsync(string path, string name, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new BackupCheckException($"Filen {path} finns inte.");
        }

        // Read-write, not create: a missing file is an error, not a new empty database; a file in WAL mode (a copy made
        // another way) can be opened without its -shm. Unpooled, so the file is closed when this returns.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString();
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            var integrity = await ColumnAsync(connection, "PRAGMA integrity_check;", ct);
            if (integrity is not ["ok"])
            {
                throw new BackupCheckException(
                    $"Integritetskontrollen av {name} misslyckades: {string.Join("; ", integrity.Take(5))}.");
            }

            var history = await ColumnAsync(
                connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';", ct);
            if (history.Count == 0)
            {
                throw new BackupCheckException(
                    $"{name} saknar tabellen __EFMigrationsHistory: det är ingen databas från SocItConsole.");
            }

            var migrations = await ColumnAsync(connection, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\";", ct);
            var orders = await ColumnAsync(connection, "SELECT COUNT(*) FROM \"Orders\";", ct);
            return new BackupContents(path, new FileInfo(path).Length, int.Parse(orders[0], CultureInfo.InvariantCulture), migrations);
        }
        catch (SqliteException e)
        {
            throw new BackupCheckException($"{name} kan inte läsas som en databas från SocItConsole: {e.Message}", e);
        }
    }

    /// <summary>"512 kB", "1,4 MB", "2,1 GB", as the Swedish command line shows a file's size.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 * 1024 => $"{Math.Max(1, (bytes + 1023) / 1024)} kB",
        < 1024L * 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.0", Swedish) + " MB",
        _ => (bytes / (1024d * 1024 * 1024)).ToString("0.0", Swedish) + " GB",
    };

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }

        return values;
    }
}

/// <summary>A backup, written or given, is not a whole database of the console; the message says why, in Swedish.</summary>
public sealed class BackupCheckException : Exception
{
    public BackupCheckException()
    {
    }

    public BackupCheckException(string message)
        : base(message)
    {
    }

    public BackupCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
