using System.Globalization;
using System.Text;
using CsvHelper;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Orders;

/// <summary>The columns of an order for many (beställning för flera), in the template's order.</summary>
public enum BatchColumn
{
    Name,
    Personnummer,
    Title,
    Unit,
    StartDate,
    EndDate,
    Key,
    KeyNumber,
    Manager,
}

/// <summary>
/// One person's row of an order for many, as typed: text in every cell, checked only when the batch is checked. The
/// grid edits it in place.
/// </summary>
public sealed class BatchOrderRow
{
    public string? Name { get; set; }

    public string? Personnummer { get; set; }

    public string? Title { get; set; }

    public string? Unit { get; set; }

    public string? StartDate { get; set; }

    /// <summary>Empty for an employment until further notice; a date makes it fixed-term.</summary>
    public string? EndDate { get; set; }

    /// <summary>The key choice in words (<see cref="BatchOrderRows.KeyChoice"/>); empty where the unit has no digital keys.</summary>
    public string? Key { get; set; }

    public string? KeyNumber { get; set; }

    /// <summary>The responsible manager's name or e-mail; empty: the orderer if they manage the unit, else its only manager.</summary>
    public string? Manager { get; set; }

    public string? this[BatchColumn column]
    {
        get => column switch
        {
            BatchColumn.Name => Name,
            BatchColumn.Personnummer => Personnummer,
            BatchColumn.Title => Title,
            BatchColumn.Unit => Unit,
            BatchColumn.StartDate => StartDate,
            BatchColumn.EndDate => EndDate,
            BatchColumn.Key => Key,
            BatchColumn.KeyNumber => KeyNumber,
            BatchColumn.Manager => Manager,
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
        set
        {
            var text = value?.Trim();
            switch (column)
            {
                case BatchColumn.Name: Name = text; break;
                case BatchColumn.Personnummer: Personnummer = text; break;
                case BatchColumn.Title: Title = text; break;
                case BatchColumn.Unit: Unit = text; break;
                case BatchColumn.StartDate: StartDate = text; break;
                case BatchColumn.EndDate: EndDate = text; break;
                case BatchColumn.Key: Key = text; break;
                case BatchColumn.KeyNumber: KeyNumber = text; break;
                case BatchColumn.Manager: Manager = text; break;
                default: throw new ArgumentOutOfRangeException(nameof(column));
            }
        }
    }

    public bool IsEmpty => Enum.GetValues<BatchColumn>().All(c => string.IsNullOrWhiteSpace(this[c]));
}

/// <summary>What reading pasted or uploaded rows gave: the rows, or why the text could not be read.</summary>
public sealed record BatchOrderRowsResult(IReadOnlyList<BatchOrderRow> Rows, IReadOnlyList<string> Errors, bool HadHeader)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads the rows of an order for many: cells copied from Excel (tab-separated, with or without the header row) or a
/// CSV file (semicolon or comma, UTF-8 or Windows-1252). A header row may name the columns in any order; without one
/// the columns are taken in the template's order (<see cref="Headers"/>). Nothing here judges the cells: that is the
/// order rules' work.
/// </summary>
public static class BatchOrderRows
{
    /// <summary>More than this many persons at once is refused: split the list.</summary>
    public const int MaxRows = 500;

    /// <summary>The template's header row, one per <see cref="BatchColumn"/>.</summary>
    public static readonly IReadOnlyList<string> Headers =
        ["Namn", "Personnummer", "Titel", "Verksamhet", "Startdatum", "Slutdatum", "Nyckel", "Nyckelnummer", "Ansvarig chef"];

    private static readonly Dictionary<string, BatchColumn> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["namn"] = BatchColumn.Name,
        ["fullständigt namn"] = BatchColumn.Name,
        ["medarbetare"] = BatchColumn.Name,
        ["personnummer"] = BatchColumn.Personnummer,
        ["pnr"] = BatchColumn.Personnummer,
        ["titel"] = BatchColumn.Title,
        ["befattning"] = BatchColumn.Title,
        ["verksamhet"] = BatchColumn.Unit,
        ["enhet"] = BatchColumn.Unit,
        ["startdatum"] = BatchColumn.StartDate,
        ["start"] = BatchColumn.StartDate,
        ["från"] = BatchColumn.StartDate,
        ["slutdatum"] = BatchColumn.EndDate,
        ["slut"] = BatchColumn.EndDate,
        ["till"] = BatchColumn.EndDate,
        ["nyckel"] = BatchColumn.Key,
        ["nyckelval"] = BatchColumn.Key,
        ["nyckelnummer"] = BatchColumn.KeyNumber,
        ["ansvarig chef"] = BatchColumn.Manager,
        ["chef"] = BatchColumn.Manager,
    };

    private static readonly (string Text, KeyChoiceKind Kind)[] KeyWords =
    [
        ("personlig nyckel", KeyChoiceKind.PersonalKey),
        ("personlig", KeyChoiceKind.PersonalKey),
        ("köp ny nyckel", KeyChoiceKind.BuyNewKey),
        ("köp ny", KeyChoiceKind.BuyNewKey),
        ("ny nyckel", KeyChoiceKind.BuyNewKey),
        ("köp", KeyChoiceKind.BuyNewKey),
        ("nyckelpool", KeyChoiceKind.Pool),
        ("pool", KeyChoiceKind.Pool),
        ("ingen", KeyChoiceKind.None),
        ("ingen nyckel", KeyChoiceKind.None),
    ];

    /// <summary>The words the key column takes, for help texts.</summary>
    public static readonly IReadOnlyList<string> KeyChoiceNames =
        [OrderTexts.KeyChoiceName(KeyChoiceKind.PersonalKey), OrderTexts.KeyChoiceName(KeyChoiceKind.BuyNewKey), OrderTexts.KeyChoiceName(KeyChoiceKind.Pool)];

    /// <summary>Rows copied from Excel: one line per row, cells separated by tabs.</summary>
    public static BatchOrderRowsResult ReadPasted(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? new BatchOrderRowsResult([], ["Klistra in minst en rad."], false)
            : Read(text, '\t');

    /// <summary>An uploaded CSV file: semicolon or comma by its first line, UTF-8 (with or without BOM) or Windows-1252.</summary>
    public static BatchOrderRowsResult ReadCsv(ReadOnlyMemory<byte> bytes)
    {
        var text = Decode(bytes.Span);
        return string.IsNullOrWhiteSpace(text)
            ? new BatchOrderRowsResult([], ["Filen är tom."], false)
            : Read(text, DetectSeparator(text));
    }

    /// <summary>
    /// The key choice a cell names, ignoring case: Personlig nyckel, Köp ny nyckel or Nyckelpool (or their first word);
    /// empty or "Ingen" is no key. Null when the words mean none of them.
    /// </summary>
    public static KeyChoiceKind? KeyChoice(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return KeyChoiceKind.None;
        }

        foreach (var (word, kind) in KeyWords)
        {
            if (string.Equals(word, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>A date as the template writes it, 2026-12-07 (or 20261207); null for anything else.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>The template: the header row and one example row, as Excel opens it.</summary>
    public static byte[] Template() =>
        Common.SpreadsheetText.Csv(
            [.. Headers],
            [["Lisa Andersson", "19900101-1239", "Undersköterska", "Hemtjänst Centrum", "2026-12-07", "", "Nyckelpool", "", ""]]);

    private static BatchOrderRowsResult Read(string text, char separator)
    {
        var records = new List<string[]>();
        try
        {
            using var reader = CsvReader.Create(Encoding.UTF8.GetBytes(text).AsMemory(), new CsvReaderOptions
            {
                Separator = separator,
                HasHeader = false,
                Mode = CsvMode.Rfc4180,
                TrimWhitespace = true,
                SkipEmptyLines = true,
                FieldCountMismatch = CsvFieldCountHandling.Allow,
            });
            while (reader.Read())
            {
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i);
                }

                if (!fields.All(string.IsNullOrWhiteSpace))
                {
                    records.Add(fields);
                }
            }
        }
        catch (CsvFormatException)
        {
            return new BatchOrderRowsResult([], ["Raderna kunde inte läsas. Kontrollera att citattecknen är parade."], false);
        }

        if (records.Count == 0)
        {
            return new BatchOrderRowsResult([], ["Det finns inga rader att läsa."], false);
        }

        var header = HeaderColumns(records[0]);
        var columns = header ?? [.. Enum.GetValues<BatchColumn>().Select(c => (BatchColumn?)c)];
        var rows = new List<BatchOrderRow>();
        foreach (var fields in records.Skip(header is null ? 0 : 1))
        {
            var row = new BatchOrderRow();
            for (var i = 0; i < fields.Length && i < columns.Length; i++)
            {
                if (columns[i] is { } column)
                {
                    row[column] = fields[i];
                }
            }

            rows.Add(row);
        }

        return rows.Count == 0
            ? new BatchOrderRowsResult([], ["Det finns bara en rubrikrad: lägg till en rad per person."], true)
            : new BatchOrderRowsResult(rows, [], header is not null);
    }

    /// <summary>The columns a header row names; null when the first row is not a header (it names no known column).</summary>
    private static BatchColumn?[]? HeaderColumns(string[] fields)
    {
        var columns = fields.Select(f => Aliases.TryGetValue(f.Trim().TrimEnd(':'), out var c) ? c : (BatchColumn?)null).ToArray();
        return columns.Any(c => c is not null) ? columns : null;
    }

    private static string Decode(ReadOnlySpan<byte> bytes) => SpreadsheetText.Decode(bytes).Text;

    private static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
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
            else if (!quoted)
            {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return tabs > semicolons && tabs > commas ? '\t' : commas > semicolons ? ',' : ';';
    }
}
