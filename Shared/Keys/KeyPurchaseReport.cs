using System.Globalization;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Keys;

/// <summary>One received key on a unit's invoice.</summary>
public sealed record KeyPurchaseLine(
    DateOnly Received,
    string UnitName,
    string CostCentre,
    string KeyNumber,
    string? CaseNumber,
    string? EmployeeName,
    decimal Price);

/// <summary>
/// The keys a unit is billed for in a period: received purchases only (one still ordered is not yet a cost, a
/// cancelled one never is). Written for Swedish Excel like the matrix file: UTF-8 with a byte order mark, semicolons,
/// decimal comma.
/// </summary>
public static class KeyPurchaseReport
{
    public static readonly IReadOnlyList<string> Headers =
        ["Mottagen", "Verksamhet", "Kostnadsställe", "Nyckelnummer", "Ärende", "Medarbetare", "Pris (kr)"];

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");


    /// <summary>
    /// The lines received from <paramref name="from"/> to <paramref name="to"/>, both included, oldest first. A
    /// period that ends before it starts is refused rather than read as empty.
    /// </summary>
    public static IReadOnlyList<KeyPurchaseLine> For(IEnumerable<KeyPurchaseLine> lines, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (to < from)
        {
            throw new DomainException("Periodens slut kan inte vara före dess början.");
        }

        return [.. lines.Where(l => l.Received >= from && l.Received <= to).OrderBy(l => l.Received).ThenBy(l => l.KeyNumber, StringComparer.Ordinal)];
    }

    public static decimal Total(IEnumerable<KeyPurchaseLine> lines) => lines.Sum(l => l.Price);

    /// <summary>The lines as the CSV file the unit's invoice is made from, with a total on the last line.</summary>
    public static byte[] Export(IReadOnlyList<KeyPurchaseLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return SpreadsheetText.Csv(Headers, lines.Select(line => new[]
        {
            Dates.Iso(line.Received),
            SpreadsheetText.Cell(line.UnitName),
            SpreadsheetText.Cell(line.CostCentre),
            line.KeyNumber,
            SpreadsheetText.Cell(line.CaseNumber),
            SpreadsheetText.Cell(line.EmployeeName),
            line.Price.ToString("0.00", Swedish),
        }).Append(["Summa", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, Total(lines).ToString("0.00", Swedish)]));
    }
}
