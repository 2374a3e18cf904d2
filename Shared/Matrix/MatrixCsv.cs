using CsvHelper;

namespace SocItConsole.Shared.Matrix;

/// <summary>
/// The matrix as a file that administrators edit in Swedish Excel: UTF-8 with a byte order mark (without it Excel
/// reads å, ä and ö wrongly), semicolon-separated (Swedish Excel's list separator), a header "Titel" followed by one
/// column per system, one row per title, and in each cell a level name of that system or nothing.
/// </summary>
public static class MatrixCsv
{
    public const string TitleHeader = "Titel";

    internal const char Separator = ';';

    private static readonly CsvWriterOptions WriterOptions = new()
    {
        Separator = Separator,
        WriteByteOrderMark = true,
    };

    /// <summary>
    /// Writes every title and system of <paramref name="schema"/>, systems as columns and titles as rows, both in
    /// <paramref name="order"/> of name, so that the file opens in Excel as the editor shows the matrix. A cell whose
    /// title or system is not in the schema is left out, and one whose level no longer exists in its system is written
    /// empty: the derivation rule ignores such a cell too.
    /// </summary>
    public static byte[] Export(MatrixCsvSchema schema, IEnumerable<MatrixCell> cells, StringComparer order)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(order);

        var systems = schema.Systems.OrderBy(s => s.Name, order).ThenBy(s => s.SystemId).ToList();
        var titles = schema.Titles.OrderBy(t => t.Name, order).ThenBy(t => t.TitleId).ToList();
        var levelNames = schema.Systems
            .SelectMany(s => s.Levels.Select(l => (Key: (s.SystemId, l.LevelId), l.Name)))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.First().Name);
        var filled = new Dictionary<CellKey, int>();
        foreach (var cell in cells)
        {
            filled[cell.Key] = cell.LevelId;
        }

        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, WriterOptions, leaveOpen: true))
        {
            var record = new string[systems.Count + 1];
            record[0] = TitleHeader;
            for (var i = 0; i < systems.Count; i++)
            {
                record[i + 1] = systems[i].Name;
            }

            writer.WriteHeader(record);
            foreach (var title in titles)
            {
                record[0] = title.Name;
                for (var i = 0; i < systems.Count; i++)
                {
                    var systemId = systems[i].SystemId;
                    record[i + 1] =
                        filled.TryGetValue(new CellKey(title.TitleId, systemId), out var levelId)
                        && levelNames.TryGetValue((systemId, levelId), out var levelName)
                            ? levelName
                            : string.Empty;
                }

                writer.WriteRecord(record);
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// Reads a file that <see cref="Export"/> wrote and an administrator may have edited, matching titles, systems and
    /// levels by name (ignoring case and surrounding whitespace) against <paramref name="schema"/>. Every problem is
    /// collected, with its line, so that the administrator can fix them all in one go; only a file that cannot be read
    /// as a matrix at all (not UTF-8, no header, the wrong separator, a broken header line) stops at its first problem.
    /// Rows may be left out and columns removed: the result says which titles and systems the file covers, and
    /// <see cref="Diff"/> changes nothing outside them. Never throws for bad content. The stream is read to its end
    /// synchronously, so a stream that only reads asynchronously (a browser upload) must be buffered first.
    /// </summary>
    public static MatrixCsvParseResult Parse(Stream content, MatrixCsvSchema schema)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(schema);

        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        return new MatrixCsvReader(schema).Read(bytes);
    }

    /// <summary>
    /// The changes that applying <paramref name="parsed"/> to <paramref name="current"/> makes, ordered by title id and
    /// then system id. Only cells inside the file's covered titles × systems change: there a cell the file fills is
    /// added or gets its level changed, and a cell the file leaves empty is removed. A file with errors cannot be
    /// applied, since a rejected cell would read as empty and so be removed.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="parsed"/> has errors.</exception>
    public static IReadOnlyList<CellChange> Diff(IEnumerable<MatrixCell> current, MatrixCsvParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(parsed);
        if (!parsed.IsValid)
        {
            throw new ArgumentException(
                "A file with errors cannot be applied; show its errors instead.", nameof(parsed));
        }

        bool IsCovered(CellKey key) =>
            parsed.CoveredTitleIds.Contains(key.TitleId) && parsed.CoveredSystemIds.Contains(key.SystemId);

        var before = new Dictionary<CellKey, int>();
        foreach (var cell in current.Where(c => IsCovered(c.Key)))
        {
            before[cell.Key] = cell.LevelId;
        }

        var after = new Dictionary<CellKey, int>();
        foreach (var cell in parsed.Cells.Where(c => IsCovered(c.Key)))
        {
            after[cell.Key] = cell.LevelId;
        }

        return
        [
            .. before.Keys.Union(after.Keys)
                .Select(key => new CellChange(
                    key,
                    before.TryGetValue(key, out var levelBefore) ? levelBefore : null,
                    after.TryGetValue(key, out var levelAfter) ? levelAfter : null))
                .Where(change => change.LevelBefore != change.LevelAfter)
                .OrderBy(change => change.Key.TitleId)
                .ThenBy(change => change.Key.SystemId),
        ];
    }
}
