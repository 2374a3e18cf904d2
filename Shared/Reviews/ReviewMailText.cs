using System.Globalization;
using System.Text;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Reviews;

/// <summary>One of the manager's units as a review e-mail lists it: a name and counts, never a person.</summary>
public sealed record ReviewMailUnit(string UnitName, int Lines, int Unanswered);

/// <summary>The review round's e-mails in plain Swedish: the invitation when it starts, the reminder before the due date.</summary>
public static class ReviewMailText
{
    public static ReminderContent Invitation(
        string managerName, string roundName, DateOnly dueDate, string? message, IReadOnlyList<ReviewMailUnit> units,
        Uri taskLink, string senderName)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(taskLink);
        var body = new StringBuilder();
        body.Append("Hej ").Append(managerName).AppendLine("!").AppendLine();
        body.Append("Soc-IT har startat uppföljningen \"").Append(roundName).AppendLine("\" av vilka som har behörighet i dina verksamheter.");
        body.AppendLine("Som chef ansvarar du för att ingen obehörig har åtkomst till verksamhetens uppgifter i våra system.");
        body.AppendLine("Gå igenom varje rad och svara \"Behålls\" eller \"Tas bort\". Det som tas bort avslutar Soc-IT.");
        if (!string.IsNullOrWhiteSpace(message))
        {
            body.AppendLine().AppendLine("Meddelande från Soc-IT:").AppendLine(message.Trim());
        }

        body.AppendLine().AppendLine("Att gå igenom:");
        foreach (var unit in units)
        {
            body.Append("- ").Append(unit.UnitName).Append(": ").AppendLine(Rows(unit.Lines));
        }

        body.AppendLine().Append("Svara senast ").Append(Dates.Iso(dueDate)).AppendLine(". Du kan svara i omgångar; varje svar sparas direkt.");
        body.AppendLine("Uppföljningen finns i konsolen (logga in först):").AppendLine(taskLink.ToString());
        AppendSignature(body, senderName);
        return new ReminderContent($"Uppföljning av behörigheter: svara senast {Dates.Iso(dueDate)}", body.ToString());
    }

    public static ReminderContent Reminder(
        string managerName, string roundName, DateOnly dueDate, DateOnly today, IReadOnlyList<ReviewMailUnit> units,
        Uri taskLink, string senderName)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(taskLink);
        var days = dueDate.DayNumber - today.DayNumber;
        var when = days switch { 0 => "i dag", 1 => "i morgon", _ => $"om {days.ToString(CultureInfo.InvariantCulture)} dagar" };
        var body = new StringBuilder();
        body.Append("Hej ").Append(managerName).AppendLine("!").AppendLine();
        body.Append("Uppföljningen \"").Append(roundName).Append("\" ska vara besvarad senast ").Append(Dates.Iso(dueDate))
            .Append(" (").Append(when).AppendLine("), och det finns rader kvar att svara på:");
        foreach (var unit in units)
        {
            body.Append("- ").Append(unit.UnitName).Append(": ").Append(unit.Unanswered.ToString(CultureInfo.InvariantCulture))
                .Append(" av ").Append(Rows(unit.Lines)).AppendLine(" obesvarade");
        }

        body.AppendLine().AppendLine("Efter sista svarsdagen går obesvarade verksamheter vidare till Soc-IT.");
        body.AppendLine("Svara i konsolen (logga in först):").AppendLine(taskLink.ToString());
        AppendSignature(body, senderName);
        return new ReminderContent($"Påminnelse: uppföljning av behörigheter senast {Dates.Iso(dueDate)}", body.ToString());
    }

    private static void AppendSignature(StringBuilder body, string senderName)
    {
        body.AppendLine().AppendLine("Med vänlig hälsning").AppendLine(senderName).AppendLine();
        body.AppendLine("Meddelandet skickades automatiskt från SocItConsole. Svara inte på det.");
    }

    private static string Rows(int n) => n == 1 ? "1 rad" : $"{n.ToString(CultureInfo.InvariantCulture)} rader";

}
