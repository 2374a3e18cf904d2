using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace SocItConsole.Shared.Common;

/// <summary>Text written into a CSV file that people open in Excel, and the file itself.</summary>
public static class SpreadsheetText
{
    /// <summary>What Swedish Excel opens by a double click: semicolons between cells (the comma is the decimal sign) and a UTF-8 byte order mark.</summary>
    private static readonly CsvWriterOptions WriterOptions = new()
    {
        Separator = ';',
        WriteByteOrderMark = true,
    };

    /// <summary>
    /// Text that Excel would read as a formula (a name from an e-service form starting with =, +, - or @, or a tab or
    /// carriage return) is written with a leading apostrophe, so that opening the file cannot run anything.
    /// </summary>
    public static string Cell(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty
        : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text
        : text;

    /// <summary>
    /// A CSV file for Excel: the header, then one line per row. Free text in a row must already have gone through
    /// <see cref="Cell"/>; the writer quotes what needs quoting.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, WriterOptions, leaveOpen: true))
        {
            writer.WriteHeader([.. headers]);
            foreach (var row in rows)
            {
                writer.WriteRecord(row);
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// The text of a CSV file as Excel saves it: UTF-8 (with or without a byte order mark) when the bytes are valid
    /// UTF-8, else Windows-1252 (the older "CSV (semikolonavgränsad)"), with the encoding's Swedish name.
    /// </summary>
    public static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(bom))
        {
            var rest = bytes[3..];
            return Utf8.IsValid(rest) ? (Encoding.UTF8.GetString(rest), "UTF-8 med BOM") : (Windows1252.GetString(rest), "Windows-1252");
        }

        return Utf8.IsValid(bytes) ? (Encoding.UTF8.GetString(bytes), "UTF-8") : (Windows1252.GetString(bytes), "Windows-1252");
    }

    /// <summary>Windows-1252 from the code pages provider, used directly so that nothing process-wide changes.</summary>
    private static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is part of .NET's code pages.");
}
