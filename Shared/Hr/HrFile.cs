using System.Globalization;
using System.Text;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.People;

namespace SocItConsole.Shared.Hr;

/// <summary>One employment as the HR file states it, read and checked but not yet mapped to the console.</summary>
public sealed record HrLine(
    int LineNumber, Personnummer Personnummer, string Name, string Unit, string Title, DateOnly From, DateOnly? To);

/// <summary>What is wrong with a line (0: the file as a whole), in Swedish.</summary>
public sealed record HrLineError(int LineNumber, string Message);

/// <summary>
/// An HR file read: its lines when every line is right, else every line's problem. A file with any error is used for
/// nothing (<see cref="IsValid"/>): it is never half applied.
/// </summary>
public sealed record HrFileReadResult(
    IReadOnlyList<HrLine> Lines, IReadOnlyList<HrLineError> Errors, int LinesRead, string EncodingName, char Separator)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads the HR system's employment file as Swedish Excel (or the HR system) writes it: semicolons or commas, UTF-8
/// with or without a byte order mark or Windows-1252, quoted fields (separators, doubled quotes and line breaks inside),
/// a header row naming the columns (personnummer, name, HR unit, title, start, end; in any order and case, with the
/// usual Swedish words). Every line is checked, the personnummer with its check digit as of <c>today</c>; a line's
/// number is the file's line where the record starts, as Excel's row number would show it.
/// </summary>
/// <remarks>
/// Cells that Excel would read as a formula are only ever text here: a name or unit starting with <c>=</c>, <c>+</c>,
/// <c>-</c> or <c>@</c> is taken literally and never evaluated. A leading apostrophe before such a character is the
/// protection <see cref="Common.SpreadsheetText.Cell"/> writes, and is removed, so that a file the console wrote reads
/// back to the same text. Dates are read as ISO dates (<c>2026-11-27</c>, <c>20261127</c>, or with Excel's time of day
/// <c>2026-11-27 00:00:00</c>); other spellings are refused rather than guessed. A file in UTF-16 or one that is not
/// text at all (an <c>.xlsx</c> workbook) is refused with one message for the whole file.
/// </remarks>
public static class HrFile
{
    /// <summary>At most this many problems are listed; the rest are counted in one last line.</summary>
    public const int MaxErrors = 1_000;

    private const string SaveAsCsv = "Spara den i Excel som \"CSV UTF-8 (kommaavgränsad)\" och försök igen.";

    private static readonly string[][] Columns =
    [
        ["personnummer", "personnr", "pnr", "person-nr", "personnr.", "födelsenummer"],
        ["namn", "fullständigt namn", "för- och efternamn", "anställd", "medarbetare"],
        ["enhet", "hr-enhet", "enhetskod", "kostnadsställe", "kst", "organisationsenhet", "org.enhet", "org-enhet", "verksamhet", "ansvar"],
        ["titel", "befattning", "yrkestitel", "befattningsbenämning", "befattningskod", "yrke"],
        ["start", "startdatum", "från", "fr.o.m.", "from", "fr o m", "anställd från", "anställningsdatum", "giltig från"],
        ["slut", "slutdatum", "till", "t.o.m.", "tom", "t o m", "anställd till", "giltig till"],
    ];

    private static readonly string[] ColumnNames = ["Personnummer", "Namn", "Enhet", "Titel", "Startdatum", "Slutdatum"];

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm",
        "yyyy-MM-ddTHH:mm:ss",
    ];

    public static HrFileReadResult Read(ReadOnlyMemory<byte> bytes, DateOnly today)
    {
        var errors = new ErrorList();
        if (Decode(bytes.Span, errors) is not { } decoded)
        {
            return new HrFileReadResult([], errors.ToList(), 0, "okänd", ';');
        }

        var (text, encodingName) = decoded;
        var records = new Records(text);
        if (!records.Next(errors))
        {
            errors.Add(1, "Filen är tom: rubrikraden saknas.");
            return new HrFileReadResult([], errors.ToList(), 0, encodingName, records.Separator);
        }

        // The header decides the separator; Excel's "sep=;" line before it says so outright.
        var columnOf = errors.Count == 0 ? MapHeader(records.Fields, records.Line, errors) : null;
        if (columnOf is null)
        {
            return new HrFileReadResult([], errors.ToList(), 0, encodingName, records.Separator);
        }

        var width = records.Fields.Count;
        var lines = new List<HrLine>();
        var seen = new Dictionary<(string, string, string, DateOnly, DateOnly?), int>();
        var linesRead = 0;
        while (records.Next(errors))
        {
            if (records.Broken || records.Fields.All(string.IsNullOrWhiteSpace))
            {
                linesRead += records.Broken ? 1 : 0;
                continue;
            }

            linesRead++;
            if (ReadLine(records.Line, records.Fields, columnOf, width, today, errors) is not { } line)
            {
                continue;
            }

            var key = (line.Personnummer.Value, HrMappingRules.Key(line.Unit), HrMappingRules.Key(line.Title), line.From, line.To);
            if (seen.TryGetValue(key, out var first))
            {
                errors.Add(line.LineNumber, $"Raden upprepar rad {first}.");
            }
            else
            {
                seen.Add(key, line.LineNumber);
                lines.Add(line);
            }
        }

        return new HrFileReadResult(errors.Count == 0 ? lines : [], errors.ToList(), linesRead, encodingName, records.Separator);
    }

    /// <summary>
    /// UTF-8 (with or without byte order mark) when the bytes are valid UTF-8, else Windows-1252; null (with the
    /// file's one error) for UTF-16 and for bytes that are no text.
    /// </summary>
    private static (string Text, string EncodingName)? Decode(ReadOnlySpan<byte> bytes, ErrorList errors)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            errors.Add(0, $"Filen är sparad som UTF-16 (Unicode-text), som inte kan läsas här. {SaveAsCsv}");
            return null;
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            errors.Add(0, $"Filen är en Excel-arbetsbok, inte en CSV-fil. {SaveAsCsv}");
            return null;
        }

        // A NUL or another control character is never in an HR file's text: UTF-16 without a byte order mark looks
        // like that, and so does any binary file.
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                errors.Add(0, b == 0 && LooksLikeUtf16(bytes)
                    ? $"Filen är sparad som UTF-16 (Unicode-text), som inte kan läsas här. {SaveAsCsv}"
                    : $"Filen innehåller tecken som inte är text och är inte en CSV-fil. {SaveAsCsv}");
                return null;
            }
        }

        return SpreadsheetText.Decode(bytes);
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 200)];
        var zeros = 0;
        foreach (var b in sample)
        {
            zeros += b == 0 ? 1 : 0;
        }

        return zeros * 3 >= sample.Length;
    }

    private static int[]? MapHeader(List<string> header, int line, ErrorList errors)
    {
        var columnOf = new int[Columns.Length];
        Array.Fill(columnOf, -1);
        for (var i = 0; i < header.Count; i++)
        {
            var name = string.Join(' ', header[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                .ToLower(CultureInfo.InvariantCulture);
            for (var c = 0; c < Columns.Length; c++)
            {
                if (!Columns[c].Contains(name))
                {
                    continue;
                }

                if (columnOf[c] >= 0)
                {
                    errors.Add(line, $"Rubrikraden har två kolumner för {ColumnNames[c]}: \"{header[columnOf[c]].Trim()}\" och \"{header[i].Trim()}\".");
                    return null;
                }

                columnOf[c] = i;
                break;
            }
        }

        var missing = Enumerable.Range(0, Columns.Length).Where(c => columnOf[c] < 0).Select(c => ColumnNames[c]).ToList();
        if (missing.Count == 0)
        {
            return columnOf;
        }

        errors.Add(line, missing.Count == 1
            ? $"Rubrikraden saknar kolumnen {missing[0]}. Kolumnerna ska vara: {string.Join(", ", ColumnNames)}."
            : $"Rubrikraden saknar kolumnerna {string.Join(", ", missing)}. Kolumnerna ska vara: {string.Join(", ", ColumnNames)}.");
        return null;
    }

    private static HrLine? ReadLine(int line, List<string> fields, int[] columnOf, int width, DateOnly today, ErrorList errors)
    {
        if (fields.Count != width)
        {
            errors.Add(line, $"Raden har {(fields.Count > width ? "fler" : "färre")} kolumner än rubrikraden ({fields.Count} i stället för {width}).");
            return null;
        }

        var before = errors.Total;
        string Cell(int column) => Unprotect(fields[columnOf[column]].Trim());

        if (!Personnummer.TryParse(Cell(0), today, out var personnummer, out var pnrError))
        {
            errors.Add(line, $"Personnummer: {pnrError}");
        }

        var name = Text(line, Cell(1), "Namn", Employee.FullNameMaxLength, errors);
        var unit = Text(line, Cell(2), "Enhet", HrMapping.ValueMaxLength, errors);
        var title = Text(line, Cell(3), "Titel", HrMapping.ValueMaxLength, errors);
        var start = Cell(4);
        var from = ReadDate(start);
        if (from is null)
        {
            errors.Add(line, start.Length == 0
                ? "Startdatum saknas."
                : $"Startdatum \"{start}\" är inte ett datum som ÅÅÅÅ-MM-DD.");
        }

        DateOnly? to = null;
        var end = Cell(5);
        if (end.Length > 0)
        {
            to = ReadDate(end);
            if (to is null)
            {
                errors.Add(line, $"Slutdatum \"{end}\" är inte ett datum som ÅÅÅÅ-MM-DD.");
            }
            else if (from is { } first && to < first)
            {
                errors.Add(line, "Slutdatum är före startdatum.");
            }
        }

        return errors.Total == before ? new HrLine(line, personnummer, name, unit, title, from!.Value, to) : null;
    }

    private static string Text(int line, string value, string column, int maxLength, ErrorList errors)
    {
        if (value.Length == 0)
        {
            errors.Add(line, $"{column} saknas.");
        }
        else if (value.Length > maxLength)
        {
            errors.Add(line, $"{column} är längre än {maxLength} tecken.");
        }

        return value;
    }

    /// <summary>The text without the apostrophe <see cref="Common.SpreadsheetText.Cell"/> puts before a formula character.</summary>
    private static string Unprotect(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;

    private static DateOnly? ReadDate(string text) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateOnly.FromDateTime(date)
            : null;

    /// <summary>The problems found, the first <see cref="MaxErrors"/> of them kept, the rest counted.</summary>
    private sealed class ErrorList
    {
        private readonly List<HrLineError> _errors = [];

        public int Total { get; private set; }

        public int Count => Total;

        public void Add(int line, string message)
        {
            Total++;
            if (_errors.Count < MaxErrors)
            {
                _errors.Add(new HrLineError(line, message));
            }
        }

        public List<HrLineError> ToList()
        {
            if (Total <= _errors.Count)
            {
                return _errors;
            }

            var more = Total - _errors.Count;
            return [.. _errors, new HrLineError(0, string.Create(CultureInfo.InvariantCulture, $"… och {more:N0} fel till.").Replace(",", "\u00A0", StringComparison.Ordinal))];
        }
    }

    /// <summary>
    /// The file's records, one at a time (RFC 4180 as Excel writes it): a quoted field may hold the separator, doubled
    /// quotes and line breaks; a quote inside an unquoted field is text. <see cref="Line"/> is the physical line where
    /// the record starts. A record whose quote never closes, or with text after a closing quote, is reported and
    /// marked <see cref="Broken"/>.
    /// </summary>
    private sealed class Records(string text)
    {
        private readonly List<string> _fields = [];
        private readonly StringBuilder _field = new();
        private int _at;
        private int _line = 1;
        private bool _first = true;

        public char Separator { get; private set; } = ';';

        public int Line { get; private set; }

        public List<string> Fields => _fields;

        public bool Broken { get; private set; }

        public bool Next(ErrorList errors)
        {
            do
            {
                if (_at >= text.Length)
                {
                    return false;
                }

                if (_first)
                {
                    _first = false;
                    if (SeparatorLine() is { } declared)
                    {
                        Separator = declared;
                    }
                    else
                    {
                        Separator = DetectSeparator();
                    }
                }

                ReadRecord(errors);
            }
            while (_fields.Count == 1 && _fields[0].Length == 0 && !Broken);

            return true;
        }

        /// <summary>Excel's "sep=;" first line: the separator named outright (the line is skipped).</summary>
        private char? SeparatorLine()
        {
            if (text.Length >= _at + 5 && text.AsSpan(_at, 4).Equals("sep=", StringComparison.OrdinalIgnoreCase)
                && text[_at + 4] is ';' or ',' && (text.Length == _at + 5 || text[_at + 5] is '\r' or '\n'))
            {
                var separator = text[_at + 4];
                _at += 5;
                SkipLineBreak();
                return separator;
            }

            return null;
        }

        /// <summary>The separator of the first line: the one of semicolon and comma that occurs more often outside quotes.</summary>
        private char DetectSeparator()
        {
            int semicolons = 0, commas = 0;
            var quoted = false;
            for (var i = _at; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (!quoted && c is '\n' or '\r')
                {
                    break;
                }
                else if (!quoted && c == ';')
                {
                    semicolons++;
                }
                else if (!quoted && c == ',')
                {
                    commas++;
                }
            }

            return commas > semicolons ? ',' : ';';
        }

        private void ReadRecord(ErrorList errors)
        {
            _fields.Clear();
            Broken = false;
            Line = _line;
            while (true)
            {
                _field.Clear();
                var start = _at;
                while (_at < text.Length && text[_at] is ' ' or '\t')
                {
                    _at++;
                }

                if (_at < text.Length && text[_at] == '"')
                {
                    _at++;
                    if (!ReadQuoted(errors))
                    {
                        return;
                    }
                }
                else
                {
                    _at = start;
                    while (_at < text.Length && text[_at] != Separator && text[_at] is not ('\r' or '\n'))
                    {
                        _field.Append(text[_at++]);
                    }
                }

                _fields.Add(_field.ToString());
                if (_at >= text.Length)
                {
                    return;
                }

                if (text[_at] == Separator)
                {
                    _at++;
                    continue;
                }

                SkipLineBreak();
                return;
            }
        }

        /// <summary>The rest of a quoted field, after its opening quote; false when the record is broken.</summary>
        private bool ReadQuoted(ErrorList errors)
        {
            while (true)
            {
                var quote = text.IndexOf('"', _at);
                if (quote < 0)
                {
                    errors.Add(Line, "Raden har ett citattecken som inte avslutas. Kontrollera raden i Excel.");
                    _at = text.Length;
                    Broken = true;
                    return false;
                }

                AppendCounting(_at, quote);
                _at = quote + 1;
                if (_at < text.Length && text[_at] == '"')
                {
                    _field.Append('"');
                    _at++;
                    continue;
                }

                while (_at < text.Length && text[_at] is ' ' or '\t')
                {
                    _at++;
                }

                if (_at < text.Length && text[_at] != Separator && text[_at] is not ('\r' or '\n'))
                {
                    // The record is reported, and read on to its end as written so that the next one starts in step.
                    errors.Add(Line, "Raden har text direkt efter ett avslutande citattecken. Kontrollera citattecknen på raden.");
                    Broken = true;
                    while (_at < text.Length && text[_at] != Separator && text[_at] is not ('\r' or '\n'))
                    {
                        _at++;
                    }
                }

                return true;
            }
        }

        private void AppendCounting(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var c = text[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    _line++;
                }
            }

            _field.Append(text, from, to - from);
        }

        private void SkipLineBreak()
        {
            if (_at < text.Length && text[_at] == '\r')
            {
                _at++;
            }

            if (_at < text.Length && text[_at] == '\n')
            {
                _at++;
            }

            _line++;
        }
    }
}
