using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SocItConsole.Admin.Data;

/// <summary><c>backup --out FILE</c> or <c>restore --from FILE</c>, parsed.</summary>
public sealed record DatabaseFileCommand(string Verb, string File)
{
    public const string BackupVerb = "backup";
    public const string RestoreVerb = "restore";
    public const string BackupUsage = "Användning: backup --out FIL";
    public const string RestoreUsage = "Användning: restore --from FIL";

    /// <summary>Done.</summary>
    public const int ExitOk = 0;

    /// <summary>The backup could not be written or failed its check, or the console does not run on SQLite.</summary>
    public const int ExitFailed = 1;

    /// <summary>The arguments were wrong, or name a file that does not exist; nothing was done.</summary>
    public const int ExitUsage = 2;

    /// <summary>The file to restore is not a whole database of the console (EX_DATAERR of sysexits.h); nothing was changed.</summary>
    public const int ExitNotABackup = 65;

    /// <summary><c>--out</c> names a file that exists (EX_CANTCREAT); a backup never overwrites one.</summary>
    public const int ExitExists = 73;

    /// <summary>
    /// The console is running on the database (restore), or a restore of it is going on (backup); nothing was done.
    /// 75 is EX_TEMPFAIL, "try again later", as for <c>run-job</c> when another run is going on.
    /// </summary>
    public const int ExitInUse = 75;

    /// <summary>
    /// Null with no error when the arguments are not one of the two commands (the console starts as usual); an error
    /// message when they are one but malformed.
    /// </summary>
    public static DatabaseFileCommand? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        (string Option, string Usage, string What)? verb = args.Count == 0 ? null : args[0] switch
        {
            BackupVerb => ("--out", BackupUsage, "vilken fil säkerhetskopian ska skrivas till"),
            RestoreVerb => ("--from", RestoreUsage, "vilken säkerhetskopia som ska återställas"),
            _ => null,
        };
        if (verb is not { } known)
        {
            return null;
        }

        var (option, usage, what) = known;

        if (args.Count == 3 && args[1] == option && !string.IsNullOrWhiteSpace(args[2]) && !args[2].StartsWith('-'))
        {
            return new DatabaseFileCommand(args[0], args[2]);
        }

        error = args.Count > 1 && args[1] != option ? $"Okänt argument: {args[1]}. {usage}"
            : args.Count > 3 ? $"Okänt argument: {args[3]}. {usage}"
            : $"Ange {what}. {usage}";
        return null;
    }
}

/// <summary>
/// The two commands, run instead of serving and before the start-up migration: <c>backup</c> writes one checked backup
/// of the SQLite file, <c>restore</c> puts one in its place while no process of the console runs on it
/// (<see cref="DatabaseFileLock"/>), keeping the file it replaces. See docs/features/backup.md.
/// </summary>
public static class DatabaseFileCommands
{
    public static async Task<int> RunDatabaseFileCommandAsync(this WebApplication app, DatabaseFileCommand command)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(command);
        return await RunAsync(app.Services, command, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
    }

    internal static async Task<int> RunAsync(
        IServiceProvider services, DatabaseFileCommand command, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(ct);
        if (!db.Database.IsSqlite())
        {
            await error.WriteLineAsync(command.Verb == DatabaseFileCommand.BackupVerb
                ? "Konsolen kör på PostgreSQL: säkerhetskopiera med pg_dump -Fc (se docs/features/backup.md)."
                : "Konsolen kör på PostgreSQL: återställ med pg_restore --clean --if-exists (se docs/features/backup.md).");
            return DatabaseFileCommand.ExitFailed;
        }

        if (SqliteBackup.DatabaseFile(db) is not { } databasePath)
        {
            await error.WriteLineAsync("Databasen finns bara i minnet; det finns ingen fil att säkerhetskopiera eller återställa.");
            return DatabaseFileCommand.ExitFailed;
        }

        var file = Path.GetFullPath(command.File);
        return command.Verb == DatabaseFileCommand.BackupVerb
            ? await BackupAsync(db, databasePath, file, output, error, ct)
            : await RestoreAsync(db, databasePath, file, services.GetRequiredService<TimeProvider>(), output, error, ct);
    }

    private static async Task<int> BackupAsync(
        SocItDbContext db, string databasePath, string file, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (File.Exists(file))
        {
            await error.WriteLineAsync($"{file} finns redan. En säkerhetskopia skriver aldrig över en fil: välj ett annat namn.");
            return DatabaseFileCommand.ExitExists;
        }

        if (!File.Exists(databasePath))
        {
            await error.WriteLineAsync($"Databasen {databasePath} finns inte; det finns inget att säkerhetskopiera.");
            return DatabaseFileCommand.ExitFailed;
        }

        if (Path.GetDirectoryName(file) is { } folder && !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"Mappen {folder} finns inte. {DatabaseFileCommand.BackupUsage}");
            return DatabaseFileCommand.ExitUsage;
        }

        using var inUse = DatabaseFileLock.TryShared(databasePath);
        if (inUse is null)
        {
            await error.WriteLineAsync(
                $"Databasen {databasePath} återställs just nu (låset {DatabaseFileLock.PathFor(databasePath)} hålls). Försök igen när återställningen är klar.");
            return DatabaseFileCommand.ExitInUse;
        }

        try
        {
            var written = await SqliteBackup.WriteAsync(db, file, ct);
            await output.WriteLineAsync($"Säkerhetskopia skriven till {file}: {written.Description}, integritetskontrollen ok.");
            return DatabaseFileCommand.ExitOk;
        }
        catch (BackupCheckException failed)
        {
            await error.WriteLineAsync($"Säkerhetskopian blev inte hel och togs bort. {failed.Message}");
            return DatabaseFileCommand.ExitFailed;
        }
        catch (Exception e) when (IsFileProblem(e))
        {
            await error.WriteLineAsync($"Säkerhetskopian kunde inte skrivas till {file}: {e.Message}");
            return DatabaseFileCommand.ExitFailed;
        }
    }

    private static async Task<int> RestoreAsync(
        SocItDbContext db, string databasePath, string file, TimeProvider clock, TextWriter output, TextWriter error,
        CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"Filen {file} finns inte. {DatabaseFileCommand.RestoreUsage}");
            return DatabaseFileCommand.ExitUsage;
        }

        if (string.Equals(file, databasePath, StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"{file} är själva databasen; ange en säkerhetskopia. {DatabaseFileCommand.RestoreUsage}");
            return DatabaseFileCommand.ExitUsage;
        }

        if (new FileInfo(file + "-wal") is { Exists: true, Length: > 0 })
        {
            await error.WriteLineAsync(
                $"{file} har en transaktionslogg bredvid sig ({Path.GetFileName(file)}-wal): det är en kopia av en databas som användes, "
                + "inte en säkerhetskopia. Använd en fil från database-backup eller backup --out. Ingenting har ändrats.");
            return DatabaseFileCommand.ExitNotABackup;
        }

        using var exclusive = DatabaseFileLock.TryExclusive(databasePath);
        if (exclusive is null)
        {
            await error.WriteLineAsync(
                $"Konsolen kör på databasen {databasePath}: en annan process håller låset {DatabaseFileLock.PathFor(databasePath)} "
                + "(konsolen, ett jobb eller en säkerhetskopiering). Stoppa konsolen och jobb som körs mot databasen och försök igen. "
                + "Ingenting har ändrats.");
            return DatabaseFileCommand.ExitInUse;
        }

        // Copied beside the database first, so that the check reads exactly what will be put in place and the final
        // step is a rename on one file system.
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var incoming = $"{databasePath}.restoring-{stamp}";
        BackupContents contents;
        try
        {
            File.Copy(file, incoming, overwrite: true);
            contents = await SqliteBackup.InspectAsync(incoming, Path.GetFileName(file), ct);
        }
        catch (BackupCheckException notABackup)
        {
            DeleteWithJournals(incoming);
            await error.WriteLineAsync($"{file} återställs inte: {notABackup.Message} Ingenting har ändrats.");
            return DatabaseFileCommand.ExitNotABackup;
        }
        catch (Exception e) when (IsFileProblem(e))
        {
            DeleteWithJournals(incoming);
            await error.WriteLineAsync($"{file} kunde inte kopieras till {incoming}: {e.Message} Ingenting har ändrats.");
            return DatabaseFileCommand.ExitFailed;
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = contents.Migrations.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            DeleteWithJournals(incoming);
            await error.WriteLineAsync(
                $"{file} återställs inte: den kommer från en nyare version av konsolen (migreringen {unknown[^1]} finns inte i den här). "
                + "Återställ den med den version som skrev den. Ingenting har ändrats.");
            return DatabaseFileCommand.ExitNotABackup;
        }

        var keep = $"{databasePath}.before-restore-{stamp}";
        string? kept;
        try
        {
            kept = PutInPlace(incoming, databasePath, keep);
        }
        catch (Exception e) when (IsFileProblem(e))
        {
            DeleteWithJournals(incoming);
            await error.WriteLineAsync(
                $"Databasen {databasePath} kunde inte bytas ut: {e.Message} Den flyttades tillbaka; finns den inte där ligger den som {keep}.");
            return DatabaseFileCommand.ExitFailed;
        }

        var newer = known.Count(m => !contents.Migrations.Contains(m));
        await output.WriteLineAsync($"Databasen {databasePath} är återställd från {file} ({contents.Description}, integritetskontrollen ok).");
        await output.WriteLineAsync(kept is null
            ? "Det fanns ingen databas där sedan tidigare."
            : $"Den tidigare databasen finns kvar som {kept}.");
        await output.WriteLineAsync(newer == 0
            ? "Säkerhetskopian har alla migreringar som den här versionen av konsolen har."
            : $"Vid nästa start tillämpas {(newer == 1 ? "1 nyare migrering" : $"{newer} nyare migreringar")}.");
        return DatabaseFileCommand.ExitOk;
    }

    /// <summary>
    /// Moves the database aside as <paramref name="keep"/>, with its <c>-wal</c> and <c>-journal</c> under the same new
    /// name, so that it opens as it was, commits not yet checkpointed included; the <c>-shm</c> index is only a cache of
    /// the log and is deleted. No stale log is left for SQLite to replay into the restored file. Returns where the old
    /// database went, or null when there was none.
    /// </summary>
    private static string? PutInPlace(string incoming, string databasePath, string keep)
    {
        var hadDatabase = File.Exists(databasePath);
        string[] journals = ["-wal", "-journal"];
        if (hadDatabase)
        {
            File.Move(databasePath, keep);
        }

        foreach (var journal in journals.Where(j => File.Exists(databasePath + j)))
        {
            File.Move(databasePath + journal, keep + journal);
        }

        File.Delete(databasePath + "-shm");
        try
        {
            File.Move(incoming, databasePath);
        }
        catch
        {
            if (hadDatabase)
            {
                File.Move(keep, databasePath);
            }

            foreach (var journal in journals.Where(j => File.Exists(keep + j)))
            {
                File.Move(keep + journal, databasePath + journal);
            }

            throw;
        }

        return hadDatabase || journals.Any(j => File.Exists(keep + j)) ? keep : null;
    }

    /// <summary>A full disk, a missing permission, a file SQLite cannot write: told to the operator, not thrown.</summary>
    private static bool IsFileProblem(Exception e) => e is IOException or UnauthorizedAccessException or SqliteException;

    private static void DeleteWithJournals(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }
}
