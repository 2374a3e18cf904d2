namespace SocItConsole.Shared.Matrix;

/// <summary>The one-line Swedish summary of a set of cell changes.</summary>
public static class MatrixChangeSummary
{
    /// <summary>
    /// E.g. "3 tillagda, 1 borttagen, 2 ändrad nivå"; kinds with no changes are left out, and no changes at all reads
    /// "Inga ändringar".
    /// </summary>
    public static string Describe(IEnumerable<CellChangeKind> kinds)
    {
        var list = kinds.ToList();
        return Describe(
            list.Count(k => k == CellChangeKind.Added),
            list.Count(k => k == CellChangeKind.Removed),
            list.Count(k => k == CellChangeKind.LevelChanged));
    }

    /// <summary>The same summary from counts, e.g. as the database counted them.</summary>
    public static string Describe(int added, int removed, int changed)
    {
        var parts = new List<string>(3);
        if (added > 0)
        {
            parts.Add(added == 1 ? "1 tillagd" : $"{added} tillagda");
        }

        if (removed > 0)
        {
            parts.Add(removed == 1 ? "1 borttagen" : $"{removed} borttagna");
        }

        if (changed > 0)
        {
            parts.Add($"{changed} ändrad nivå");
        }

        return parts.Count == 0 ? "Inga ändringar" : string.Join(", ", parts);
    }
}
