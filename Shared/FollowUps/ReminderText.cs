using System.Globalization;
using System.Text;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.FollowUps;

/// <summary>
/// One follow-up as a reminder lists it: no personnummer, only what the manager needs to recognise it. The end of a
/// fixed-term employment or a placement is one line with the number of grants that end with it.
/// </summary>
public sealed record ReminderLine(
    string EmployeeName, string SystemName, string LevelName, string UnitName, DateOnly EndDate,
    FollowUpKind Kind = FollowUpKind.Grant, string? TitleName = null, int GrantCount = 1);

public sealed record ReminderContent(string Subject, string Body);

/// <summary>The reminder e-mail in plain Swedish: one per manager, listing what has run out and what soon will.</summary>
public static class ReminderText
{
    public static ReminderContent Compose(
        string managerName, IReadOnlyList<ReminderLine> lines, DateOnly today, Uri followUpLink, string senderName, int remindEveryDays)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(followUpLink);
        var expired = lines.Where(l => l.EndDate < today).OrderBy(l => l.EndDate).ThenBy(l => l.EmployeeName, StringComparer.Ordinal).ToList();
        var ending = lines.Where(l => l.EndDate >= today).OrderBy(l => l.EndDate).ThenBy(l => l.EmployeeName, StringComparer.Ordinal).ToList();

        var onlyGrants = lines.All(l => l.Kind == FollowUpKind.Grant);
        var what = onlyGrants ? "att följa upp" : "väntar på ditt beslut";
        var subject = expired.Count > 0
            ? $"Påminnelse: {Count(expired.Count + ending.Count, onlyGrants)} {what}"
            : $"Snart slut: {Count(ending.Count, onlyGrants)} {what}";

        var body = new StringBuilder();
        body.Append("Hej ").Append(managerName).AppendLine("!").AppendLine();
        body.AppendLine("Du är ansvarig chef för medarbetare som har tillfälliga behörigheter som har gått ut eller snart går ut.");
        body.AppendLine("Behörigheterna avslutas inte av sig själva: du behöver bestämma om de ska avslutas eller förlängas.");
        if (expired.Count > 0)
        {
            body.AppendLine().AppendLine("Har gått ut:");
            foreach (var line in expired)
            {
                var days = FollowUpPolicy.DaysOverdue(line.EndDate, today);
                body.Append("- ").Append(Describe(line, ended: true)).Append(Dates.Iso(line.EndDate))
                    .Append(" (").Append(days == 1 ? "1 dag sedan" : $"{days} dagar sedan").Append(')').AppendLine(Extent(line));
            }
        }

        if (ending.Count > 0)
        {
            body.AppendLine().AppendLine("Går snart ut:");
            foreach (var line in ending)
            {
                var days = line.EndDate.DayNumber - today.DayNumber;
                body.Append("- ").Append(Describe(line, ended: false)).Append(Dates.Iso(line.EndDate))
                    .Append(" (").Append(days switch { 0 => "i dag", 1 => "i morgon", _ => $"om {days} dagar" }).Append(')')
                    .AppendLine(Extent(line));
            }
        }

        body.AppendLine().AppendLine(onlyGrants
            ? "Välj Avsluta eller Förläng för varje behörighet på sidan Uppföljning (logga in först):"
            : "Välj Avsluta eller Förläng för varje rad på sidan Uppföljning (logga in först). En anställning eller placering avslutar eller förlänger du med alla dess behörigheter på en gång:");
        body.AppendLine(followUpLink.ToString()).AppendLine();
        body.Append("Du får en ny påminnelse var ").Append(remindEveryDays.ToString(CultureInfo.InvariantCulture))
            .AppendLine(":e dag tills du har bestämt. Efter flera påminnelser utan beslut tar Soc-IT över ärendet.");
        body.AppendLine().AppendLine("Med vänlig hälsning").AppendLine(senderName).AppendLine();
        body.AppendLine("Meddelandet skickades automatiskt från SocItConsole. Svara inte på det.");
        return new ReminderContent(subject, body.ToString());
    }

    /// <summary>"Lisa Andersson: Lifecare (Utförare) i Hemtjänst Centrum, sista dag " or "Lisa Andersson: visstidsanställning som undersköterska i Hemtjänst Centrum slutar ".</summary>
    private static string Describe(ReminderLine line, bool ended) =>
        $"{line.EmployeeName}: {FollowUpTexts.Subject(line.Kind, line.SystemName, line.LevelName, line.UnitName, line.TitleName)}"
        + (line.Kind == FollowUpKind.Grant ? ", sista dag " : ended ? " slutade " : " slutar ");

    private static string Extent(ReminderLine line) =>
        line.Kind == FollowUpKind.Grant ? string.Empty : " — " + FollowUpTexts.Grants(line.GrantCount);

    private static string Count(int n, bool onlyGrants) => onlyGrants
        ? (n == 1 ? "1 tillfällig behörighet" : $"{n} tillfälliga behörigheter")
        : (n == 1 ? "1 uppföljning" : $"{n} uppföljningar");

}
