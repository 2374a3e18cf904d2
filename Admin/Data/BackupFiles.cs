using System.Globalization;

namespace SocItConsole.Admin.Data;

/// <summary>
/// The nightly backups' file names and which of them to keep. A backup is named by the database and the instant it
/// was taken, in UTC so that the names sort in time across the changes to and from summer time:
/// <c>socit-20261127T020000Z.db</c>. The retention reads the instant from the name, not from the file's time, which a
/// copy or a restore of the folder changes; files with other names in the folder are never touched.
/// </summary>
public static class BackupFiles
{
    public const string Extension = ".db";

    /// <summary>A backup still being written (or left by a run that died): it never has a backup's name.</summary>
    public const string PartialSuffix = ".partial";

    private const string StampFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The name of a backup of <paramref name="databasePath"/> taken at <paramref name="takenAt"/>.</summary>
    public static string NameFor(string databasePath, DateTimeOffset takenAt) =>
        $"{Prefix(databasePath)}{takenAt.ToUniversalTime().ToString(StampFormat, CultureInfo.InvariantCulture)}{Extension}";

    /// <summary>When the backup named <paramref name="fileName"/> was taken; false for any other file.</summary>
    public static bool TryReadTakenAt(string databasePath, string fileName, out DateTimeOffset takenAt)
    {
        takenAt = default;
        var prefix = Prefix(databasePath);
        return fileName.StartsWith(prefix, StringComparison.Ordinal)
            && fileName.EndsWith(Extension, StringComparison.Ordinal)
            && DateTimeOffset.TryParseExact(
                fileName[prefix.Length..^Extension.Length], StampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out takenAt);
    }

    /// <summary>The backups of <paramref name="databasePath"/> in <paramref name="folder"/>, newest first.</summary>
    public static IReadOnlyList<StoredBackup> In(string folder, string databasePath)
    {
        var backups = new List<StoredBackup>();
        foreach (var path in Directory.EnumerateFiles(folder, Prefix(databasePath) + "*" + Extension))
        {
            if (TryReadTakenAt(databasePath, Path.GetFileName(path), out var takenAt))
            {
                backups.Add(new StoredBackup(path, takenAt));
            }
        }

        return [.. backups.OrderByDescending(b => b.TakenAt)];
    }

    /// <summary>
    /// The backups to delete: every one taken more than <paramref name="retentionDays"/> days before
    /// <paramref name="now"/>, except the <paramref name="keepAtLeast"/> newest, which stay whatever their age — so a
    /// console that was stopped for a month, or whose backups failed, still has its last good ones.
    /// </summary>
    public static IReadOnlyList<T> ToDelete<T>(
        IEnumerable<T> backups, Func<T, DateTimeOffset> takenAt, DateTimeOffset now, int retentionDays, int keepAtLeast)
    {
        ArgumentNullException.ThrowIfNull(backups);
        ArgumentNullException.ThrowIfNull(takenAt);
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(keepAtLeast, 1);
        var oldestKept = now - TimeSpan.FromDays(retentionDays);
        return [.. backups.OrderByDescending(takenAt).Skip(keepAtLeast).Where(b => takenAt(b) < oldestKept)];
    }

    private static string Prefix(string databasePath) => Path.GetFileNameWithoutExtension(databasePath) + "-";
}

/// <summary>One nightly backup in the folder.</summary>
public sealed record StoredBackup(string Path, DateTimeOffset TakenAt);
