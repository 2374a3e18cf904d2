namespace SocItConsole.Shared.Matrix;

/// <summary>A cell as some version of the matrix had it, with the names of that time.</summary>
public sealed record HistoricCell(CellKey Key, string TitleName, string SystemName, int LevelId, string LevelName);

/// <summary>One cell that differs between two versions; a null level is an empty cell.</summary>
public sealed record VersionDifference(CellKey Key, string TitleName, string SystemName, string? LevelA, string? LevelB);

/// <summary>Rebuilds the matrix of any version or date by replaying the change sets in version order.</summary>
public static class MatrixHistory
{
    /// <summary>The matrix as it stood after <paramref name="version"/> (0 is the empty matrix before the first save).</summary>
    public static IReadOnlyDictionary<CellKey, HistoricCell> AtVersion(IEnumerable<MatrixChangeSet> changeSets, int version)
    {
        ArgumentNullException.ThrowIfNull(changeSets);
        var cells = new Dictionary<CellKey, HistoricCell>();
        foreach (var set in changeSets.Where(s => s.Version <= version).OrderBy(s => s.Version))
        {
            foreach (var change in set.Changes)
            {
                if (change.LevelAfterId is { } levelId)
                {
                    cells[change.Key] = new HistoricCell(
                        change.Key, change.TitleName, change.SystemName, levelId, change.LevelAfterName ?? string.Empty);
                }
                else
                {
                    cells.Remove(change.Key);
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// The version in force at the end of <paramref name="date"/> in <paramref name="timeZone"/>: the last one saved
    /// before midnight that ends the day. 0 when nothing had been saved by then.
    /// </summary>
    public static int VersionInForceOn(IEnumerable<MatrixChangeSet> changeSets, DateOnly date, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(changeSets);
        ArgumentNullException.ThrowIfNull(timeZone);
        var nextMidnightLocal = date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var endOfDay = new DateTimeOffset(nextMidnightLocal, timeZone.GetUtcOffset(nextMidnightLocal));
        return changeSets.Where(s => s.SavedAt < endOfDay).Select(s => s.Version).DefaultIfEmpty(0).Max();
    }

    /// <summary>Every cell that differs between two rebuilt matrices, ordered by title then system name.</summary>
    public static IReadOnlyList<VersionDifference> Compare(
        IReadOnlyDictionary<CellKey, HistoricCell> a, IReadOnlyDictionary<CellKey, HistoricCell> b, StringComparer order)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return
        [
            .. a.Keys.Union(b.Keys)
                .Select(key => (A: a.GetValueOrDefault(key), B: b.GetValueOrDefault(key), Key: key))
                .Where(x => x.A?.LevelId != x.B?.LevelId)
                .Select(x => new VersionDifference(
                    x.Key,
                    (x.B ?? x.A)!.TitleName,
                    (x.B ?? x.A)!.SystemName,
                    x.A?.LevelName,
                    x.B?.LevelName))
                .OrderBy(d => d.TitleName, order)
                .ThenBy(d => d.SystemName, order),
        ];
    }
}
