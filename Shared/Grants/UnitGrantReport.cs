using System.Globalization;
using System.Text;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Grants;

/// <summary>One grant in a unit as the access view ("Behörigheter i min verksamhet") lists and exports it.</summary>
public sealed record UnitGrantLine(
    string EmployeeName,
    string HomeUnitName,
    string UnitName,
    string SystemName,
    string LevelName,
    DateOnly From,
    DateOnly? To,
    string SourceCaseNumber,
    bool IsTemporary,
    bool IsFromOtherUnit,
    bool EndsSoon);

/// <summary>
/// The rules of the access view: what stands out and the CSV file a manager takes away (which grants count as someone's
/// access today is <see cref="GrantRules.ActiveOn"/>). Written for Swedish Excel like the other exports: UTF-8 with a byte order mark, semicolons,
/// and no cell that Excel would run as a formula.
/// </summary>
public static class UnitGrantReport
{
    /// <summary>A grant whose last day is at most this many days away "slutar snart".</summary>
    public const int EndsSoonDays = 14;

    public static readonly IReadOnlyList<string> Headers =
    [
        "Medarbetare", "Hemverksamhet", "Verksamhet", "System", "Nivå", "Från", "Till", "Tillfällig",
        "Från annan verksamhet", $"Slutar inom {EndsSoonDays} dagar", "Ärende",
    ];


    /// <summary>A last day from today to <see cref="EndsSoonDays"/> days ahead.</summary>
    public static bool EndsSoon(DateOnly? to, DateOnly today) =>
        to is { } end && end >= today && end.DayNumber - today.DayNumber <= EndsSoonDays;

    public static byte[] Export(IReadOnlyList<UnitGrantLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return SpreadsheetText.Csv(Headers, lines.Select(line => new[]
        {
            SpreadsheetText.Cell(line.EmployeeName),
            SpreadsheetText.Cell(line.HomeUnitName),
            SpreadsheetText.Cell(line.UnitName),
            SpreadsheetText.Cell(line.SystemName),
            SpreadsheetText.Cell(line.LevelName),
            Dates.Iso(line.From),
            line.To is { } to ? Dates.Iso(to) : "tills vidare",
            YesNo(line.IsTemporary),
            YesNo(line.IsFromOtherUnit),
            YesNo(line.EndsSoon),
            SpreadsheetText.Cell(line.SourceCaseNumber),
        }));
    }

    /// <summary>
    /// "behorigheter-hemtjanst-centrum-2026-11-27.csv": the scope in plain ASCII letters, digits and hyphens, so that
    /// the name survives every browser and mail client.
    /// </summary>
    public static string FileName(string scope, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var slug = new StringBuilder();
        foreach (var c in scope.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString().Trim('-');
        return $"behorigheter-{(name.Length == 0 ? "verksamhet" : name)}-{Dates.Iso(day)}.csv";
    }


    private static string YesNo(bool value) => value ? "Ja" : "Nej";
}
