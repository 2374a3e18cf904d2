using MudBlazor;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>How a follow-up reads on the page: its situation in words and colour.</summary>
public static class FollowUpDisplay
{
    public static string Situation(FollowUpRow row, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!row.IsUndecided)
        {
            return row.ExtendedTo is { } to
                ? $"Förlängning till {Dates.Iso(to)} beställd"
                : FollowUpTexts.StatusName(row.Status);
        }

        var overdue = FollowUpPolicy.DaysOverdue(row.EndDate, today);
        if (overdue > 0)
        {
            return overdue == 1 ? "Utgången i går" : $"Utgången sedan {overdue} dagar";
        }

        var left = row.EndDate.DayNumber - today.DayNumber;
        return left switch
        {
            0 => "Sista dag i dag",
            1 => "Går ut i morgon",
            _ => $"Går ut om {left} dagar",
        };
    }

    public static Color SituationColor(FollowUpRow row, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row switch
        {
            { Status: FollowUpStatus.Extended or FollowUpStatus.Ended } => Color.Success,
            _ when row.EndDate < today => Color.Error,
            _ => Color.Warning,
        };
    }

    /// <summary>"Avsluta", "Avsluta anställningen", "Avsluta placeringen".</summary>
    public static string EndLabel(FollowUpKind kind) => kind switch
    {
        FollowUpKind.FixedTermEmployment => "Avsluta anställningen",
        FollowUpKind.Placement => "Avsluta placeringen",
        _ => "Avsluta",
    };

    /// <summary>"Förläng", "Förläng anställningen", "Förläng placeringen"; the dialog's button adds "till &lt;datum&gt;".</summary>
    public static string ExtendLabel(FollowUpKind kind) => kind switch
    {
        FollowUpKind.FixedTermEmployment => "Förläng anställningen",
        FollowUpKind.Placement => "Förläng placeringen",
        _ => "Förläng",
    };

    public static string EndQuestion(FollowUpKind kind) => kind switch
    {
        FollowUpKind.FixedTermEmployment => "Avsluta anställningen?",
        FollowUpKind.Placement => "Avsluta placeringen?",
        _ => "Avsluta behörigheten?",
    };

    public static string EndConfirm(FollowUpKind kind) => kind switch
    {
        FollowUpKind.FixedTermEmployment => "Avsluta anställningen",
        FollowUpKind.Placement => "Avsluta placeringen",
        _ => "Avsluta behörigheten",
    };

    public static string FilterName(FollowUpFilter filter) => filter switch
    {
        FollowUpFilter.Undecided => "Väntar på beslut",
        FollowUpFilter.Escalated => "Eskalerade",
        FollowUpFilter.Decided => "Hanterade",
        FollowUpFilter.All => "Alla",
        _ => filter.ToString(),
    };
}
