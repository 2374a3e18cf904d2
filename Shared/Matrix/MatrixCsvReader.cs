using System.Text.Unicode;
using CsvHelper;

namespace SocItConsole.Shared.Matrix;

/// <summary>One run of <see cref="MatrixCsv.Parse"/>: the file's rules and what has been found so far.</summary>
internal sealed class MatrixCsvReader
{
    private const string EncodingMessage =
        "Filen är inte sparad som UTF-8. " +
        "Spara den i Excel som \"CSV UTF-8 (kommaavgränsad)\" och importera den igen.";

    private readonly NameIndex<CsvTitle> _titles;
    private readonly NameIndex<CsvSystem> _systems;
    private readonly Dictionary<int, NameIndex<CsvLevel>> _levels;
    private readonly List<MatrixCsvError> _errors = [];
    private readonly List<CsvMalformedRecord> _malformed = [];
    private readonly List<MatrixCell> _cells = [];
    private readonly HashSet<int> _coveredTitleIds = [];
    private readonly HashSet<int> _coveredSystemIds = [];
    private readonly Dictionary<int, int> _lineOfTitle = [];

    // The system of each column after the first; null for a column that names no system, whose cells are not read.
    private CsvSystem?[] _columns = [];

    public MatrixCsvReader(MatrixCsvSchema schema)
    {
        _titles = new NameIndex<CsvTitle>(schema.Titles, t => t.Name);
        _systems = new NameIndex<CsvSystem>(schema.Systems, s => s.Name);
        _levels = schema.Systems
            .GroupBy(s => s.SystemId)
            .ToDictionary(g => g.Key, g => new NameIndex<CsvLevel>(g.First().Levels, l => l.Name));
    }

    public MatrixCsvParseResult Read(ReadOnlyMemory<byte> bytes)
    {
        // A NUL byte is valid UTF-8 but never text: it is how UTF-16 without a byte order mark looks.
        if (!Utf8.IsValid(bytes.Span) || bytes.Span.Contains((byte)0))
        {
            _errors.Add(new MatrixCsvError(0, EncodingMessage));
            return Result();
        }

        var lastLine = 0;
        try
        {
            using var reader = CsvReader.Create(bytes, Options());
            if (!ReadHeader(reader))
            {
                return Result();
            }

            lastLine = (int)reader.LineNumber;
            while (reader.Read())
            {
                lastLine = (int)reader.LineNumber;
                ReadRow(lastLine, Fields(reader));
            }
        }
        catch (CsvFormatException e)
        {
            var line = e.LineNumber > 0 ? (int)e.LineNumber : lastLine + 1;
            _errors.Add(new MatrixCsvError(
                line, "Filen kunde inte läsas härifrån. Kontrollera att raden är hel och sparad från Excel."));
        }

        return Result();
    }

    private CsvReaderOptions Options() => new()
    {
        Separator = MatrixCsv.Separator,
        HasHeader = false,
        Mode = CsvMode.Rfc4180,
        TrimWhitespace = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,

        // A record with broken quoting is reported once and not read further: its fields cannot be trusted.
        MalformedData = CsvMalformedDataHandling.Skip,
        OnMalformedRecord = _malformed.Add,

        // Field counts are checked here, against the header, with a message that says which way they differ.
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    private bool ReadHeader(CsvReader reader)
    {
        var hasRecord = reader.Read();
        var headerLine = hasRecord ? (int)reader.LineNumber : int.MaxValue;
        if (_malformed.Any(m => m.LineNumber <= headerLine))
        {
            // The header line itself is broken (or the first line that should have been it); nothing can be matched.
            return false;
        }

        if (!hasRecord)
        {
            _errors.Add(new MatrixCsvError(1, "Rubrikraden saknas: filen är tom."));
            return false;
        }

        var header = Fields(reader);
        if (header.Length == 1 && ForeignSeparator(header[0]) is { } separatedBy)
        {
            _errors.Add(new MatrixCsvError(
                headerLine,
                $"Filen är {separatedBy}, men kolumnerna ska skiljas åt med semikolon (;). " +
                "Spara filen i svenskt Excel som \"CSV UTF-8 (kommaavgränsad)\", " +
                "som skiljer kolumnerna åt med semikolon."));
            return false;
        }

        if (header.Length == 0
            || !string.Equals(header[0].Trim(), MatrixCsv.TitleHeader, StringComparison.OrdinalIgnoreCase))
        {
            _errors.Add(new MatrixCsvError(
                headerLine,
                $"Rubrikraden saknas: filens första rad ska börja med \"{MatrixCsv.TitleHeader}\" " +
                "och sedan ett systemnamn per kolumn."));
            return false;
        }

        _columns = new CsvSystem?[header.Length - 1];
        var columnOfSystem = new Dictionary<int, int>();
        for (var i = 1; i < header.Length; i++)
        {
            var name = header[i].Trim();
            var column = ColumnName(i);
            if (name.Length == 0)
            {
                _errors.Add(new MatrixCsvError(headerLine, $"Kolumn {column} i rubrikraden saknar systemnamn."));
            }
            else if (_systems.Find(name) is not { } match)
            {
                _errors.Add(new MatrixCsvError(headerLine, $"Okänt system \"{name}\" i kolumn {column}."));
            }
            else if (match.IsAmbiguous)
            {
                _errors.Add(new MatrixCsvError(
                    headerLine,
                    $"Systemnamnet \"{name}\" i kolumn {column} passar flera system i registret. " +
                    "Ge dem olika namn först."));
            }
            else if (columnOfSystem.TryGetValue(match.Item.SystemId, out var first))
            {
                _errors.Add(new MatrixCsvError(
                    headerLine, $"Systemet \"{name}\" i kolumn {column} står redan i kolumn {ColumnName(first)}."));
            }
            else
            {
                columnOfSystem.Add(match.Item.SystemId, i);
                _columns[i - 1] = match.Item;
                _coveredSystemIds.Add(match.Item.SystemId);
            }
        }

        return true;
    }

    private void ReadRow(int line, string[] fields)
    {
        // Excel writes a row it sees as empty as separators only; like an empty line it says nothing.
        if (fields.All(string.IsNullOrWhiteSpace))
        {
            return;
        }

        var width = _columns.Length + 1;
        if (fields.Length != width)
        {
            var comparison = fields.Length > width ? "fler" : "färre";
            _errors.Add(new MatrixCsvError(
                line, $"Raden har {comparison} kolumner än rubrikraden ({fields.Length} i stället för {width})."));
        }

        var title = ReadTitle(line, fields[0].Trim());
        for (var i = 1; i < Math.Min(fields.Length, width); i++)
        {
            var levelName = fields[i].Trim();
            if (_columns[i - 1] is not { } system || levelName.Length == 0)
            {
                continue;
            }

            var level = ReadLevel(line, system, levelName, ColumnName(i));
            if (title is not null && level is not null)
            {
                _cells.Add(new MatrixCell(title.TitleId, system.SystemId, level.LevelId));
            }
        }
    }

    /// <summary>The row's title, or null when it is missing, unknown or already had a row (errors reported).</summary>
    private CsvTitle? ReadTitle(int line, string name)
    {
        if (name.Length == 0)
        {
            _errors.Add(new MatrixCsvError(line, "Titel saknas i första kolumnen."));
            return null;
        }

        if (_titles.Find(name) is not { } match)
        {
            _errors.Add(new MatrixCsvError(line, $"Okänd titel \"{name}\"."));
            return null;
        }

        if (match.IsAmbiguous)
        {
            _errors.Add(new MatrixCsvError(
                line, $"Titeln \"{name}\" passar flera titlar i registret. Ge dem olika namn först."));
            return null;
        }

        if (!_lineOfTitle.TryAdd(match.Item.TitleId, line))
        {
            _errors.Add(new MatrixCsvError(
                line, $"Titeln \"{name}\" står redan på rad {_lineOfTitle[match.Item.TitleId]}."));
            return null;
        }

        _coveredTitleIds.Add(match.Item.TitleId);
        return match.Item;
    }

    private CsvLevel? ReadLevel(int line, CsvSystem system, string name, string column)
    {
        var levels = _levels[system.SystemId];
        if (levels.Find(name) is not { } match)
        {
            var valid = system.Levels.Count == 0
                ? $"{system.Name} har inga nivåer."
                : $"Giltiga nivåer: {string.Join(", ", system.Levels.Select(l => l.Name))}.";
            _errors.Add(new MatrixCsvError(
                line, $"Okänd nivå \"{name}\" för {system.Name} i kolumn {column}. {valid}"));
            return null;
        }

        if (match.IsAmbiguous)
        {
            _errors.Add(new MatrixCsvError(
                line, $"Nivånamnet \"{name}\" passar flera nivåer i {system.Name}. Ge dem olika namn först."));
            return null;
        }

        return match.Item;
    }

    private MatrixCsvParseResult Result()
    {
        foreach (var record in _malformed)
        {
            _errors.Add(new MatrixCsvError((int)record.LineNumber, Describe(record.Reason)));
        }

        return new MatrixCsvParseResult(
            _cells,
            _coveredTitleIds,
            _coveredSystemIds,
            [.. _errors.OrderBy(e => e.Line)]);
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote =>
            "Ett citattecken (\") inleder en cell som aldrig avslutas, så resten av filen kunde inte läsas. " +
            "Avsluta cellen med ett citattecken eller ta bort citattecknet.",
        _ =>
            "Raden har ett citattecken (\") på fel ställe. En cell med citattecken ska omges av citattecken, " +
            "och varje citattecken inuti ska skrivas dubbelt (\"\").",
    };

    private static string[] Fields(CsvReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = reader.GetString(i);
        }

        return fields;
    }

    private static string? ForeignSeparator(string field) =>
        field.Contains(',', StringComparison.Ordinal) ? "kommaavgränsad"
        : field.Contains('\t', StringComparison.Ordinal) ? "tabbavgränsad"
        : null;

    /// <summary>Excel's name of a column: A for the first, Z for the 26th, AA for the 27th.</summary>
    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
