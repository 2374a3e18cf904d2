using System.Globalization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Shared.Reviews;

/// <summary>
/// One line of a round's evidence: who had which access, what the manager answered, who answered and when, and what
/// became of a removal (the end order's case and status).
/// </summary>
public sealed record ReviewEvidenceLine(
    int LineId, int UnitId, string UnitName, string EmployeeName, string SystemName, string LevelName,
    DateOnly From, DateOnly? To, bool IsTemporary, bool IsFromOtherUnit, ReviewAnswer Answer, string? Comment,
    string? AnsweredByName, DateTimeOffset? AnsweredAt, int AnswerCount, string? RemovalCaseNumber, OrderStatus? RemovalStatus)
{
    /// <summary>What became of the line, in words for the report.</summary>
    public string Outcome => Answer switch
    {
        ReviewAnswer.Keep => "Behålls",
        ReviewAnswer.Remove when RemovalCaseNumber is null => "Tas bort – avslut ej beställt",
        ReviewAnswer.Remove when RemovalStatus == OrderStatus.Completed => $"Avslutad (ärende {RemovalCaseNumber})",
        ReviewAnswer.Remove when RemovalStatus == OrderStatus.Rejected => $"Avslut avvisat (ärende {RemovalCaseNumber})",
        ReviewAnswer.Remove => $"Avslut beställt (ärendet {RemovalCaseNumber} {OrderTexts.StatusPredicate(RemovalStatus ?? OrderStatus.Received)})",
        _ => "Ej besvarad",
    };
}

/// <summary>The evidence report of a review round as CSV: one row per line, for the audit file.</summary>
public static class ReviewEvidenceReport
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "Verksamhet", "Medarbetare", "System", "Nivå", "Från", "Till", "Tillfällig", "Från annan verksamhet",
        "Svar", "Kommentar", "Besvarad av", "Besvarad", "Antal svar", "Utfall", "Avslutsärende",
    ];


    /// <param name="lines">The lines, in the order the report shows them.</param>
    /// <param name="localTime">Turns an instant into Swedish local time, "yyyy-MM-dd HH:mm".</param>
    public static byte[] Export(IReadOnlyList<ReviewEvidenceLine> lines, Func<DateTimeOffset, string> localTime)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(localTime);
        return SpreadsheetText.Csv(Headers, lines.Select(line => new[]
        {
            SpreadsheetText.Cell(line.UnitName),
            SpreadsheetText.Cell(line.EmployeeName),
            SpreadsheetText.Cell(line.SystemName),
            SpreadsheetText.Cell(line.LevelName),
            Dates.Iso(line.From),
            line.To is { } to ? Dates.Iso(to) : string.Empty,
            line.IsTemporary ? "Ja" : "Nej",
            line.IsFromOtherUnit ? "Ja" : "Nej",
            ReviewTexts.AnswerName(line.Answer),
            SpreadsheetText.Cell(line.Comment),
            SpreadsheetText.Cell(line.AnsweredByName),
            line.AnsweredAt is { } at ? localTime(at) : string.Empty,
            line.AnswerCount.ToString(CultureInfo.InvariantCulture),
            line.Outcome,
            line.RemovalCaseNumber ?? string.Empty,
        }));
    }

}
