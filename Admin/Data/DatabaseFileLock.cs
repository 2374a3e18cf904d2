using Microsoft.EntityFrameworkCore;

namespace SocItConsole.Admin.Data;

/// <summary>
/// An operating-system lock on <c>&lt;database&gt;.lock</c>, the file beside the SQLite database, held for as long as
/// this object lives. Every process of the console that uses the database — the serving console, <c>run-job</c>,
/// <c>backup</c> — holds it shared, so that any number of them can run at once; <c>restore</c> takes it exclusively and
/// so cannot replace the file under any of them, nor they start while it does (decision 0052). .NET takes the lock
/// with <c>flock</c> on Linux and macOS (a share mode on Windows): the kernel releases it when the process ends, however
/// it ends, so a killed console never leaves a stale lock. The file itself stays; only the lock on it counts.
/// </summary>
public sealed class DatabaseFileLock : IDisposable
{
    public const string Suffix = ".lock";

    private readonly FileStream _file;

    private DatabaseFileLock(FileStream file) => _file = file;

    public string Path => _file.Name;

    public static string PathFor(string databasePath) => databasePath + Suffix;

    /// <summary>The lock shared with the console's other processes; null while a restore holds it exclusively.</summary>
    public static DatabaseFileLock? TryShared(string databasePath) => TryTake(databasePath, FileShare.ReadWrite);

    /// <summary>The lock for this process alone; null while any process of the console holds it.</summary>
    public static DatabaseFileLock? TryExclusive(string databasePath) => TryTake(databasePath, FileShare.None);

    public void Dispose() => _file.Dispose();

    private static DatabaseFileLock? TryTake(string databasePath, FileShare share)
    {
        try
        {
            // FileShare.None asks for flock's LOCK_EX, anything else for LOCK_SH; read access keeps the shared lock
            // available on every file system.
            return new DatabaseFileLock(new FileStream(PathFor(databasePath), FileMode.OpenOrCreate, FileAccess.Read, share));
        }
        catch (IOException e) when (e is not (DirectoryNotFoundException or PathTooLongException or FileNotFoundException))
        {
            // The lock is held: EWOULDBLOCK from flock, or a sharing violation on Windows.
            return null;
        }
    }
}

/// <summary>
/// This process's shared <see cref="DatabaseFileLock"/> on the console's SQLite file, taken before the start-up
/// migration and held until the app's services are disposed or the process ends; nothing on another database.
/// </summary>
public sealed class DatabaseInUse(IDbContextFactory<SocItDbContext> factory) : IDisposable
{
    private DatabaseFileLock? _held;

    /// <summary>The lock file, while it is held.</summary>
    public string? LockPath => _held?.Path;

    /// <exception cref="InvalidOperationException">A restore of the database is going on.</exception>
    public void Hold()
    {
        if (_held is not null)
        {
            return;
        }

        using var db = factory.CreateDbContext();
        if (SqliteBackup.DatabaseFile(db) is not { } databasePath)
        {
            return;
        }

        _held = DatabaseFileLock.TryShared(databasePath) ?? throw new InvalidOperationException(
            $"Databasen {databasePath} återställs just nu (restore håller låset {DatabaseFileLock.PathFor(databasePath)}). "
            + "Starta igen när återställningen är klar.");
    }

    public void Dispose() => _held?.Dispose();
}
