using System.Text;
using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Shared.Orders;

/// <summary>
/// The case's e-mail to its orderer in plain Swedish (besked). It names the case number, the kind of order, the
/// person by the name that may be shown (<see cref="People.PersonName.Shown"/>) and the unit; never a personnummer.
/// </summary>
public static class CaseMailText
{
    /// <summary>The order is received: its case number and what was ordered.</summary>
    public static ReminderContent Received(
        string ordererName, string caseNumber, OrderType type, string personName, string unitName,
        IReadOnlyList<string> systems, Uri myCasesLink, string senderName)
    {
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(myCasesLink);
        var body = new StringBuilder();
        body.Append("Hej ").Append(ordererName).AppendLine("!").AppendLine();
        body.Append("Soc-IT har tagit emot din beställning ").Append(caseNumber).AppendLine(".").AppendLine();
        body.Append("Beställning: ").AppendLine(OrderTexts.TypeName(type));
        body.Append("Medarbetare: ").AppendLine(personName);
        body.Append("Verksamhet: ").AppendLine(unitName);
        if (systems.Count > 0)
        {
            body.AppendLine("System:");
            foreach (var system in systems)
            {
                body.Append("- ").AppendLine(system);
            }
        }

        body.AppendLine().AppendLine("Du får besked när ärendet är klart, eller om Soc-IT behöver fråga något.");
        body.AppendLine("Du kan följa ärendet under Mina ärenden i konsolen:").AppendLine(myCasesLink.ToString());
        AppendSignature(body, senderName);
        return new ReminderContent($"{caseNumber}: beställningen är mottagen", body.ToString());
    }

    /// <summary>Soc-IT asks the orderer a question; the case waits for the answer, given in the console.</summary>
    public static ReminderContent Question(
        string ordererName, string caseNumber, OrderType type, string personName, string question, Uri answerLink, string senderName)
    {
        ArgumentNullException.ThrowIfNull(answerLink);
        var body = new StringBuilder();
        body.Append("Hej ").Append(ordererName).AppendLine("!").AppendLine();
        body.Append("Soc-IT behöver ett svar från dig för att kunna gå vidare med ").Append(caseNumber)
            .Append(" (").Append(OrderTexts.TypeName(type)).Append(", ").Append(personName).AppendLine(").").AppendLine();
        body.AppendLine("Soc-IT:s fråga:").AppendLine(question.Trim()).AppendLine();
        body.AppendLine("Svara under Mina ärenden i konsolen (logga in först). Ärendet väntar på ditt svar:").AppendLine(answerLink.ToString());
        AppendSignature(body, senderName);
        return new ReminderContent($"{caseNumber}: Soc-IT har en fråga om din beställning", body.ToString());
    }

    /// <summary>The case is done: what was granted (or ended) and, for keys, the key or the pool.</summary>
    public static ReminderContent Completed(
        string ordererName, string caseNumber, OrderType type, string personName, string unitName,
        IReadOnlyList<string> lines, IReadOnlyList<string> notes, Uri myCasesLink, string senderName)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(myCasesLink);
        var body = new StringBuilder();
        body.Append("Hej ").Append(ordererName).AppendLine("!").AppendLine();
        body.Append("Soc-IT har slutfört ").Append(caseNumber).Append(" (").Append(OrderTexts.TypeName(type)).AppendLine(").").AppendLine();
        body.Append("Medarbetare: ").AppendLine(personName);
        body.Append("Verksamhet: ").AppendLine(unitName);
        if (lines.Count > 0)
        {
            body.AppendLine().AppendLine(OrderDays.IsEnd(type) ? "Avslutat:" : "Behörigheter:");
            foreach (var line in lines)
            {
                body.Append("- ").AppendLine(line);
            }
        }

        foreach (var note in notes)
        {
            body.AppendLine().AppendLine(note);
        }

        body.AppendLine().AppendLine("Ärendet finns under Mina ärenden i konsolen:").AppendLine(myCasesLink.ToString());
        AppendSignature(body, senderName);
        return new ReminderContent($"{caseNumber}: ärendet är klart", body.ToString());
    }

    /// <summary>The case is rejected: the reason, and that a new order is needed.</summary>
    public static ReminderContent Rejected(
        string ordererName, string caseNumber, OrderType type, string personName, string reason, Uri myCasesLink, string senderName)
    {
        ArgumentNullException.ThrowIfNull(myCasesLink);
        var body = new StringBuilder();
        body.Append("Hej ").Append(ordererName).AppendLine("!").AppendLine();
        body.Append("Soc-IT har avvisat ").Append(caseNumber).Append(" (").Append(OrderTexts.TypeName(type)).Append(", ")
            .Append(personName).AppendLine(").").AppendLine();
        body.AppendLine("Skäl:").AppendLine(reason.Trim()).AppendLine();
        body.AppendLine("Ingenting har ändrats. Behövs behörigheten fortfarande, gör en ny beställning.");
        body.AppendLine("Ärendet finns under Mina ärenden i konsolen:").AppendLine(myCasesLink.ToString());
        AppendSignature(body, senderName);
        return new ReminderContent($"{caseNumber}: ärendet är avvisat", body.ToString());
    }

    /// <summary>To the assigned operator: the orderer has answered, and the case is under way again.</summary>
    public static ReminderContent Answered(
        string operatorName, string caseNumber, string ordererName, string answer, Uri caseLink, string senderName)
    {
        ArgumentNullException.ThrowIfNull(caseLink);
        var body = new StringBuilder();
        body.Append("Hej ").Append(operatorName).AppendLine("!").AppendLine();
        body.Append(ordererName).Append(" har svarat på din fråga i ").Append(caseNumber).AppendLine(". Ärendet är under arbete igen.").AppendLine();
        body.AppendLine("Svar:").AppendLine(answer.Trim()).AppendLine();
        body.AppendLine("Ärendet:").AppendLine(caseLink.ToString());
        AppendSignature(body, senderName);
        return new ReminderContent($"{caseNumber}: beställaren har svarat", body.ToString());
    }

    internal static void AppendSignature(StringBuilder body, string senderName) =>
        body.AppendLine().AppendLine("Med vänlig hälsning").AppendLine(senderName).AppendLine()
            .AppendLine("Det här meddelandet skickades automatiskt och går inte att svara på.");
}
