using System.Text;
using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Shared.Orders;

/// <summary>The request to the receiving unit's manager to approve temporary access to the unit, in plain Swedish.</summary>
public static class ConsentMailText
{
    public static ReminderContent Request(
        string managerName, string caseNumber, string personName, string homeUnitName, string unitName,
        DateOnly? from, DateOnly? to, string ordererName, Uri approvalsLink, string senderName)
    {
        ArgumentNullException.ThrowIfNull(approvalsLink);
        var body = new StringBuilder();
        body.Append("Hej ").Append(managerName).AppendLine("!").AppendLine();
        body.Append(ordererName).Append(" har beställt tillfällig behörighet till ").Append(unitName)
            .Append(" för ").Append(personName).Append(" från ").Append(homeUnitName).AppendLine(".");
        body.Append("Period: ").Append(Common.Dates.Iso(from)).Append(" – ").AppendLine(Common.Dates.Iso(to));
        body.AppendLine().AppendLine("Som chef för verksamheten avgör du om medarbetaren ska få ta del av verksamhetens uppgifter.");
        body.Append("Soc-IT ger behörigheten först när du har godkänt den (ärende ").Append(caseNumber).AppendLine(").");
        body.AppendLine("Godkänn eller avslå under Att godkänna i konsolen:").AppendLine(approvalsLink.ToString());
        CaseMailText.AppendSignature(body, senderName);
        return new ReminderContent($"{caseNumber}: godkänn tillfällig behörighet till {unitName}", body.ToString());
    }

    /// <summary>The one reminder, when the request has gone unanswered for <see cref="ConsentPolicy.WorkingDaysToAnswer"/> working days.</summary>
    public static ReminderContent Reminder(
        string managerName, string caseNumber, string personName, string homeUnitName, string unitName,
        DateOnly? from, DateOnly? to, string ordererName, DateOnly requestedOn, Uri approvalsLink, string senderName)
    {
        ArgumentNullException.ThrowIfNull(approvalsLink);
        var body = new StringBuilder();
        body.Append("Hej ").Append(managerName).AppendLine("!").AppendLine();
        body.Append("Den ").Append(Common.Dates.Iso(requestedOn)).Append(" bad vi dig godkänna att ").Append(personName)
            .Append(" från ").Append(homeUnitName).Append(" får tillfällig behörighet till ").Append(unitName)
            .Append(" (beställt av ").Append(ordererName).AppendLine("). Vi har inte fått något svar ännu.");
        body.Append("Period: ").Append(Common.Dates.Iso(from)).Append(" – ").AppendLine(Common.Dates.Iso(to));
        body.AppendLine().Append("Soc-IT kan inte ge behörigheten förrän du har svarat (ärende ").Append(caseNumber).AppendLine(").");
        body.AppendLine("Svarar du inte inom tre arbetsdagar går ärendet vidare till Soc-IT, som kontaktar dig.");
        body.AppendLine("Godkänn eller avslå under Att godkänna i konsolen:").AppendLine(approvalsLink.ToString());
        CaseMailText.AppendSignature(body, senderName);
        return new ReminderContent($"Påminnelse – {caseNumber}: godkänn tillfällig behörighet till {unitName}", body.ToString());
    }
}
