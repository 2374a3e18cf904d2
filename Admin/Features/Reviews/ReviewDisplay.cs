using System.Globalization;
using MudBlazor;
using SocItConsole.Shared.Reviews;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Features.Reviews;

/// <summary>How the review pages put dates, deadlines, progress, states and answers into words and colour.</summary>
public static class ReviewDisplay
{
    /// <summary>"14 dagar kvar", "Sista svarsdag i dag", "Sista svarsdag har passerat".</summary>
    public static string DueText(DateOnly dueDate, DateOnly today)
    {
        var left = dueDate.DayNumber - today.DayNumber;
        return left switch
        {
            < 0 => "Sista svarsdag har passerat",
            0 => "Sista svarsdag i dag",
            1 => "1 dag kvar",
            _ => $"{left.ToString(CultureInfo.InvariantCulture)} dagar kvar",
        };
    }

    public static Color DueColor(DateOnly dueDate, DateOnly today) => (dueDate.DayNumber - today.DayNumber) switch
    {
        < 0 => Color.Error,
        <= 3 => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>"12 av 40 rader besvarade".</summary>
    public static string AnsweredOf(int answered, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{answered} av {total} {(total == 1 ? "rad besvarad" : "rader besvarade")}");

    public static double Percent(int answered, int total) => total == 0 ? 100 : Math.Floor(100.0 * answered / total);

    /// <summary>"2026-10-28 – tills vidare" or "2026-10-28 – 2027-06-15".</summary>
    public static string Period(DateOnly from, DateOnly? to) => $"{Dates.Iso(from)} – {(to is { } last ? Dates.Iso(last) : "tills vidare")}";

    public static string FilterName(ReviewTaskFilter filter) => filter switch
    {
        ReviewTaskFilter.Unanswered => "Obesvarade",
        ReviewTaskFilter.Answered => "Besvarade",
        ReviewTaskFilter.All => "Alla",
        _ => filter.ToString(),
    };

    public static Color AnswerColor(ReviewAnswer answer) => answer switch
    {
        ReviewAnswer.Keep => Color.Success,
        ReviewAnswer.Remove => Color.Error,
        _ => Color.Default,
    };

    public static string Rows(int n) => n == 1 ? "1 rad" : string.Create(CultureInfo.InvariantCulture, $"{n} rader");

    public static string Units(int n) => n == 1 ? "1 verksamhet" : string.Create(CultureInfo.InvariantCulture, $"{n} verksamheter");

    /// <summary>A unit's state on the administrator's round page.</summary>
    public static (string Text, Color Color) UnitState(ReviewUnitRow unit, ReviewRoundStatus status) =>
        unit.Total == 0 ? ("Inga rader", Color.Default)
        : unit.Unanswered == 0 ? ("Klar", Color.Success)
        : unit.EscalatedOn is not null && status == ReviewRoundStatus.Open ? ("Eskalerad", Color.Error)
        : unit.IsOverdue ? ("Försenad", Color.Error)
        : status == ReviewRoundStatus.Closed ? ("Ej klar vid stängning", Color.Warning)
        : ("Pågår", Color.Info);

    public static Color StatusColor(ReviewRoundStatus status) => status == ReviewRoundStatus.Open ? Color.Info : Color.Default;
}
