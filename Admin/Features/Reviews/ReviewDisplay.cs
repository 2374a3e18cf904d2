using System.Globalization;
using MudBlazor;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Features.Reviews;

/// <summary>How the review pages show dates, counts and states, in one place.</summary>
public static class ReviewDisplay
{
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Minute(DateTimeOffset at) => AdminTimeZone.Minute(at);

    public static string Rows(int n) => n == 1 ? "1 rad" : string.Create(CultureInfo.InvariantCulture, $"{n} rader");

    public static string Units(int n) => n == 1 ? "1 verksamhet" : string.Create(CultureInfo.InvariantCulture, $"{n} verksamheter");

    /// <summary>"7 dagar kvar", "Sista dagen i dag", "3 dagar sedan sista svarsdag".</summary>
    public static string DueText(DateOnly dueDate, DateOnly today)
    {
        var days = dueDate.DayNumber - today.DayNumber;
        return days switch
        {
            > 1 => string.Create(CultureInfo.InvariantCulture, $"{days} dagar kvar"),
            1 => "1 dag kvar",
            0 => "Sista svarsdag i dag",
            -1 => "Sista svarsdag passerades i går",
            _ => string.Create(CultureInfo.InvariantCulture, $"Sista svarsdag passerades för {-days} dagar sedan"),
        };
    }

    public static (string Text, Color Color) UnitState(ReviewUnitRow unit, ReviewRoundStatus status) =>
        unit.Total == 0 ? ("Inga rader", Color.Default)
        : unit.Unanswered == 0 ? ("Klar", Color.Success)
        : unit.EscalatedOn is not null && status == ReviewRoundStatus.Open ? ("Eskalerad", Color.Error)
        : unit.IsOverdue ? ("Försenad", Color.Error)
        : status == ReviewRoundStatus.Closed ? ("Ej klar vid stängning", Color.Warning)
        : ("Pågår", Color.Info);

    public static Color StatusColor(ReviewRoundStatus status) => status == ReviewRoundStatus.Open ? Color.Info : Color.Default;

    public static Color AnswerColor(ReviewAnswer answer) => answer switch
    {
        ReviewAnswer.Keep => Color.Success,
        ReviewAnswer.Remove => Color.Error,
        _ => Color.Default,
    };

    public static int Percent(int part, int whole) => whole == 0 ? 100 : (int)Math.Floor(100.0 * part / whole);
}
