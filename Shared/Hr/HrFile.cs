using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
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
/// with or without a byte order mark or Windows-1252, quoted fields, a header row naming the columns (personnummer,
/// name, HR unit, title, start, end; in any order, with the usual Swedish words). Every line is checked; the
/// personnummer with its check digit as of <c>today</c>.
/// </summary>
public static class HrFile
{
    private static readonly string[][] Columns =
    [
        ["personnummer", "personnr", "pnr", "person-nr"],
        ["namn", "fullständigt namn", "för- och efternamn"],
        ["enhet", "hr-enhet", "enhetskod", "kostnadsställe", "kst", "organisationsenhet", "org.enhet"],
        ["titel", "befattning", "yrkestitel", "befattningsbenämning"],
        ["start", "startdatum", "från", "fr.o.m.", "from", "anställd från"],
        ["slut", "slutdatum", "till", "t.o.m.", "tom", "anställd till"],
    ];

    private static readonly string[] ColumnNames = ["Personnummer", "Namn", "Enhet", "Titel", "Startdatum", "Slutdatum"];

    public static HrFileReadResult Read(ReadOnlyMemory<byte> bytes, DateOnly today)
    {
        var (text, encodingName) = Decode(bytes.Span);
        var separator = DetectSeparator(text);
        var lines = new List<HrLine>();
        var errors = new List<HrLineError>();
        var malformed = new List<CsvMalformedRecord>();
        var linesRead = 0;
        var lastLine = 0;
        try
        {
            using var reader = CsvReader.Create(Encoding.UTF8.GetBytes(text).AsMemory(), new CsvReaderOptions
            {
                Separator = separator,
                HasHeader = false,
                Mode = CsvMode.Rfc4180,
                TrimWhitespace = true,
                TrackLineNumbers = true,
                SkipEmptyLines = true,
                MalformedData = CsvMalformedDataHandling.Skip,
                OnMalformedRecord = malformed.Add,
                FieldCountMismatch = CsvFieldCountHandling.Allow,
            });
            if (!reader.Read())
            {
                return new HrFileReadResult([], [new HrLineError(1, "Filen är tom: rubrikraden saknas.")], 0, encodingName, separator);
            }

            var header = Fields(reader);
            var headerLine = (int)reader.LineNumber;
            var columnOf = MapHeader(header, headerLine, errors);
            if (columnOf is null)
            {
                return new HrFileReadResult([], errors, 0, encodingName, separator);
            }

            while (reader.Read())
            {
                lastLine = (int)reader.LineNumber;
                var fields = Fields(reader);
                if (fields.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                linesRead++;
                if (ReadLine(lastLine, fields, columnOf, header.Length, today, errors) is { } line)
                {
                    lines.Add(line);
                }
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(new HrLineError(
                e.LineNumber > 0 ? (int)e.LineNumber : lastLine + 1,
                "Raden kunde inte läsas. Kontrollera att citattecknen är parade och att raden är hel."));
        }

        foreach (var record in malformed)
        {
            errors.Add(new HrLineError((int)record.LineNumber, "Raden har ett citattecken som inte avslutas. Kontrollera raden i Excel."));
        }

        errors.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));
        return new HrFileReadResult(errors.Count == 0 ? lines : [], errors, linesRead, encodingName, separator);
    }

    /// <summary>UTF-8 (with or without byte order mark) when the bytes are valid UTF-8, else Windows-1252.</summary>
    private static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(bom))
        {
            return (Encoding.UTF8.GetString(bytes[3..]), "UTF-8 med BOM");
        }

        if (Utf8.IsValid(bytes))
        {
            return (Encoding.UTF8.GetString(bytes), "UTF-8");
        }

        // Not valid UTF-8: the older Excel "CSV (semikolonavgränsad)", which writes Windows-1252. The provider is used
        // directly, not registered, so that nothing process-wide changes.
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
            ?? throw new InvalidOperationException("Windows-1252 is part of .NET's code pages.");
        return (windows1252.GetString(bytes), "Windows-1252");
    }

    /// <summary>The separator of the first line: the one of semicolon and comma that occurs more often outside quotes.</summary>
    private static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
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

    private static int[]? MapHeader(string[] header, int line, List<HrLineError> errors)
    {
        var columnOf = new int[Columns.Length];
        Array.Fill(columnOf, -1);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF').ToLower(CultureInfo.InvariantCulture);
            for (var c = 0; c < Columns.Length; c++)
            {
                if (columnOf[c] < 0 && Columns[c].Contains(name))
                {
                    columnOf[c] = i;
                    break;
                }
            }
        }

        var missing = Enumerable.Range(0, Columns.Length).Where(c => columnOf[c] < 0).Select(c => ColumnNames[c]).ToList();
        if (missing.Count == 0)
        {
            return columnOf;
        }

        errors.Add(new HrLineError(line, missing.Count == 1
            ? $"Rubrikraden saknar kolumnen {missing[0]}. Kolumnerna ska vara: {string.Join(", ", ColumnNames)}."
            : $"Rubrikraden saknar kolumnerna {string.Join(", ", missing)}. Kolumnerna ska vara: {string.Join(", ", ColumnNames)}."));
        return null;
    }

    private static HrLine? ReadLine(int line, string[] fields, int[] columnOf, int width, DateOnly today, List<HrLineError> errors)
    {
        var before = errors.Count;
        if (fields.Length != width)
        {
            errors.Add(new HrLineError(line, $"Raden har {(fields.Length > width ? "fler" : "färre")} kolumner än rubrikraden ({fields.Length} i stället för {width})."));
            return null;
        }

        string Cell(int column) => fields[columnOf[column]].Trim();

        if (!Personnummer.TryParse(Cell(0), today, out var personnummer, out var pnrError))
        {
            errors.Add(new HrLineError(line, $"Personnummer: {pnrError}"));
        }

        var name = Cell(1);
        if (name.Length == 0)
        {
            errors.Add(new HrLineError(line, "Namn saknas."));
        }

        var unit = Cell(2);
        if (unit.Length == 0)
        {
            errors.Add(new HrLineError(line, "Enhet saknas."));
        }

        var title = Cell(3);
        if (title.Length == 0)
        {
            errors.Add(new HrLineError(line, "Titel saknas."));
        }

        var from = ReadDate(Cell(4));
        if (from is null)
        {
            errors.Add(new HrLineError(line, Cell(4).Length == 0
                ? "Startdatum saknas."
                : $"Startdatum \"{Cell(4)}\" är inte ett datum som ÅÅÅÅ-MM-DD."));
        }

        DateOnly? to = null;
        if (Cell(5).Length > 0)
        {
            to = ReadDate(Cell(5));
            if (to is null)
            {
                errors.Add(new HrLineError(line, $"Slutdatum \"{Cell(5)}\" är inte ett datum som ÅÅÅÅ-MM-DD."));
            }
            else if (from is { } first && to < first)
            {
                errors.Add(new HrLineError(line, "Slutdatum är före startdatum."));
            }
        }

        return errors.Count == before ? new HrLine(line, personnummer, name, unit, title, from!.Value, to) : null;
    }

    private static DateOnly? ReadDate(string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static string[] Fields(CsvReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = reader.GetString(i);
        }

        return fields;
    }
}
