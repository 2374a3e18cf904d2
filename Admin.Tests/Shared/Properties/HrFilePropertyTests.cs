using System.Globalization;
using System.Text;
using CsCheck;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Shared.Properties;

/// <summary>
/// The HR file reader against generated files: random rows (quotes, separators, line breaks, å/ä/ö, text that Excel
/// would read as a formula) written in every combination of encoding, separator, quoting, line ending, header spelling
/// and date form read back to the same lines; one corrupted line is reported with its own line number and the file
/// gives no lines.
/// </summary>
public class HrFilePropertyTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    /// <summary>Letters Windows-1252 has (none of them a UTF-8 continuation byte there), and text that breaks naive CSV.</summary>
    private const string Latin = "abcxyzABC åäöÅÄÖéÉü0123456789\"';,.-=+@()\r\n";

    /// <summary>Letters only UTF-8 can carry.</summary>
    private const string Beyond = "łőЖ€";

    private static readonly string[][] HeaderSpellings =
    [
        ["Personnummer", "personnr", "PNR"],
        ["Namn", "Fullständigt namn", "namn"],
        ["Enhet", "Kostnadsställe", "KST"],
        ["Titel", "Befattning", "BEFATTNING"],
        ["Startdatum", "Fr.o.m.", "Från"],
        ["Slutdatum", "T.o.m.", "till"],
    ];

    private static readonly string[] DateForms = ["yyyy-MM-dd", "yyyyMMdd", "yyyy-MM-dd' 00:00:00'"];

    private enum Corruption
    {
        CheckDigit,
        BadDate,
        EmptyName,
        ExtraField,
        EndBeforeStart,
        UnclosedQuote,
        TextAfterQuote,
        Repeat,
    }

    private sealed record Row(string Personnummer, string Name, string Unit, string Title, DateOnly From, DateOnly? To);

    private sealed record Layout(int Encoding, char Separator, bool QuoteAll, string LineEnd, int[] Order, int Spelling, string DateForm, bool Protect, bool FinalLineEnd);

    private static Gen<string> Value(bool latinOnly) =>
        Gen.Frequency<char>((12, Gen.Char[Latin]), (latinOnly ? 0 : 1, Gen.Char[Beyond].Select(c => c)))
            .Array[1, 30]
            .Select(chars =>
            {
                var text = new string(chars).Trim();
                // An apostrophe before a formula character is the console's own protection, read back without it.
                return text.Length == 0 || text[0] == '\'' ? "X" + text : text;
            });

    private static readonly Gen<(Row[] Rows, bool LatinOnly)> Rows =
        Gen.Bool.SelectMany(latinOnly =>
            Gen.Select(Value(latinOnly), Value(latinOnly), Value(latinOnly), Gen.Int[0, 3000], Gen.Int[-1, 900], Gen.Bool)
                .Array[1, 12]
                .Select(parts => (parts.Select((p, i) => new Row(
                    PersonnummerFor(i, p.Item4),
                    p.Item1,
                    p.Item2,
                    p.Item3,
                    new DateOnly(2020, 1, 1).AddDays(p.Item4),
                    p.Item5 < 0 ? null : new DateOnly(2020, 1, 1).AddDays(p.Item4 + p.Item5))).ToArray(), latinOnly)));

    private static readonly Gen<Layout> Layouts =
        Gen.Select(
            Gen.Int[0, 3], Gen.OneOf(';', ','), Gen.Bool, Gen.OneOf("\r\n", "\n"), Gen.Int[0, 719],
            Gen.Int[0, 2], Gen.OneOf(DateForms), Gen.Select(Gen.Bool, Gen.Bool))
            .Select((encoding, separator, quoteAll, lineEnd, permutation, spelling, dateForm, flags) =>
                new Layout(encoding, separator, quoteAll, lineEnd, Permutation(permutation), spelling, dateForm, flags.Item1, flags.Item2));

    [Fact]
    public void RandomRows_WrittenInAnyLayout_ReadBackTheSame()
    {
        Hostile.Check(Gen.Select(Rows, Layouts), sample =>
        {
            var ((rows, latinOnly), layout) = sample;
            // Windows-1252 only where every character has a byte there; else the same file in UTF-8 with a BOM.
            var encoding = layout.Encoding == 3 && !latinOnly ? 1 : layout.Encoding;
            var (bytes, lineNumbers) = Write(rows, layout with { Encoding = encoding });

            var result = HrFile.Read(bytes, Today);

            Assert.True(result.IsValid, string.Join(" | ", result.Errors.Take(3)));
            Assert.Equal(layout.Separator, result.Separator);
            Assert.Equal(rows.Length, result.LinesRead);
            Assert.Equal(
                rows.Select((r, i) => new HrLine(lineNumbers[i], Personnummer.Parse(r.Personnummer, Today), r.Name, r.Unit, r.Title, r.From, r.To)),
                result.Lines);
        }, "HR file, random rows in every layout");
    }

    [Fact]
    public void RandomRows_WrittenByTheConsolesOwnCsvWriter_ReadBackTheSame()
    {
        Hostile.Check(Rows, sample =>
        {
            var (rows, _) = sample;
            var bytes = SpreadsheetText.Csv(
                ["Personnummer", "Namn", "Enhet", "Titel", "Startdatum", "Slutdatum"],
                rows.Select(r => new[]
                {
                    r.Personnummer, SpreadsheetText.Cell(r.Name), SpreadsheetText.Cell(r.Unit), SpreadsheetText.Cell(r.Title),
                    Dates.Iso(r.From), r.To is { } to ? Dates.Iso(to) : string.Empty,
                }));

            var result = HrFile.Read(bytes, Today);

            Assert.True(result.IsValid, string.Join(" | ", result.Errors.Take(3)));
            Assert.Equal(rows.Select(r => (r.Name, r.Unit, r.Title, r.From, r.To)), result.Lines.Select(l => (l.Name, l.Unit, l.Title, l.From, l.To)));
        }, "HR file, written by SpreadsheetText.Csv");
    }

    [Fact]
    public void OneCorruptedLine_IsReportedWithItsNumber_AndTheFileGivesNoLines()
    {
        var cases = Gen.Select(Rows, Layouts, Gen.Enum<Corruption>(), Gen.Int[0, 1000]);
        Hostile.Check(cases, sample =>
        {
            var ((rows, latinOnly), layout, corruption, pick) = sample;
            var encoding = layout.Encoding == 3 && !latinOnly ? 1 : layout.Encoding;
            layout = layout with { Encoding = encoding };
            var target = corruption == Corruption.Repeat && rows.Length == 1 ? -1 : pick % rows.Length;
            if (target < 0)
            {
                rows = [rows[0], rows[0]];
                target = 1;
            }
            else if (corruption == Corruption.Repeat && target == 0)
            {
                target = rows.Length - 1;
            }

            var (bytes, lineNumbers) = Write(rows, layout, target, corruption);

            var result = HrFile.Read(bytes, Today);

            Assert.False(result.IsValid, $"{corruption} on row {target} was not noticed");
            Assert.Empty(result.Lines);
            Assert.NotEmpty(result.Errors);
            Assert.Contains(result.Errors, e => e.LineNumber == lineNumbers[target]);
            if (corruption == Corruption.UnclosedQuote)
            {
                // A quote that never closes may close on a later line: what follows it cannot be read as the writer
                // meant, so later lines may be reported too, but never an earlier one.
                Assert.All(result.Errors, e => Assert.True(e.LineNumber >= lineNumbers[target]));
            }
            else
            {
                Assert.All(result.Errors, e => Assert.Equal(lineNumbers[target], e.LineNumber));
            }

            Assert.All(result.Errors, e => Hostile.AssertSwedish(e.Message));
        }, "HR file, one corrupted line");
    }

    /// <summary>The file's bytes and the line each row starts on.</summary>
    private static (byte[] Bytes, int[] LineNumbers) Write(Row[] rows, Layout layout, int corruptRow = -1, Corruption corruption = default)
    {
        var text = new StringBuilder();
        var line = 1;
        var lineNumbers = new int[rows.Length];

        void Record(IEnumerable<string> cells, bool last)
        {
            var record = string.Join(layout.Separator, cells) + (last && !layout.FinalLineEnd ? string.Empty : layout.LineEnd);
            text.Append(record);
            line += LineBreaks(record);
        }

        Record(layout.Order.Select(c => Field(HeaderSpellings[c][layout.Spelling], layout)), rows.Length == 0);
        for (var i = 0; i < rows.Length; i++)
        {
            lineNumbers[i] = line;
            var row = i == corruptRow && corruption == Corruption.Repeat ? rows[0] with { } : rows[i];
            if (i == corruptRow && corruption == Corruption.Repeat)
            {
                row = rows[(i + rows.Length - 1) % rows.Length];
                rows[i] = row;
            }

            var cells = Cells(row, layout);
            if (i == corruptRow)
            {
                cells = Corrupt(cells, row, layout, corruption);
            }

            Record(layout.Order.Select(c => cells[c]), i == rows.Length - 1);
        }

        var body = text.ToString();
        byte[] bytes = layout.Encoding switch
        {
            0 => Encoding.UTF8.GetBytes(body),
            1 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(body)],
            2 => Encoding.UTF8.GetBytes(body),
            _ => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(body),
        };
        return (bytes, lineNumbers);
    }

    private static string[] Cells(Row row, Layout layout)
    {
        string Text(string value) => Field(layout.Protect ? SpreadsheetText.Cell(value) : value, layout);
        return
        [
            Field(row.Personnummer, layout), Text(row.Name), Text(row.Unit), Text(row.Title),
            Field(row.From.ToString(layout.DateForm, CultureInfo.InvariantCulture), layout),
            Field(row.To?.ToString(layout.DateForm, CultureInfo.InvariantCulture) ?? string.Empty, layout),
        ];
    }

    private static string[] Corrupt(string[] cells, Row row, Layout layout, Corruption corruption)
    {
        var copy = (string[])cells.Clone();
        switch (corruption)
        {
            case Corruption.CheckDigit:
                var digits = row.Personnummer;
                copy[0] = Field(digits[..^1] + (char)('0' + ((digits[^1] - '0' + 1) % 10)), layout);
                break;
            case Corruption.BadDate:
                copy[4] = Field("2024-02-30", layout);
                break;
            case Corruption.EmptyName:
                copy[1] = Field(string.Empty, layout);
                break;
            case Corruption.ExtraField:
                copy[5] += layout.Separator + "x";
                break;
            case Corruption.EndBeforeStart:
                copy[5] = Field(row.From.AddDays(-1).ToString(layout.DateForm, CultureInfo.InvariantCulture), layout);
                break;
            case Corruption.UnclosedQuote:
                copy[0] = "\"" + row.Personnummer;
                break;
            case Corruption.TextAfterQuote:
                copy[4] = "\"" + row.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\"x";
                break;
            case Corruption.Repeat:
                break;
        }

        return copy;
    }

    private static string Field(string value, Layout layout) =>
        layout.QuoteAll || value.IndexOfAny([layout.Separator, '"', '\r', '\n']) >= 0 || (value.Length > 0 && value[0] == ' ')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    private static int LineBreaks(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A valid personnummer per row index, written with or without a dash.</summary>
    private static string PersonnummerFor(int index, int salt)
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(salt);
        var nine = string.Create(CultureInfo.InvariantCulture, $"{birth:yyMMdd}{index:D3}");
        var twelve = $"{birth:yyyy}"[..2] + nine + Personnummer.CheckDigit(nine).ToString(CultureInfo.InvariantCulture);
        return salt % 2 == 0 ? twelve : twelve[..8] + "-" + twelve[8..];
    }

    private static int[] Permutation(int index)
    {
        var pool = Enumerable.Range(0, 6).ToList();
        var result = new int[6];
        for (var i = 6; i > 0; i--)
        {
            var factorial = Enumerable.Range(1, i - 1).Aggregate(1, (a, b) => a * b);
            result[6 - i] = pool[index / factorial];
            pool.RemoveAt(index / factorial);
            index %= factorial;
        }

        return result;
    }
}
