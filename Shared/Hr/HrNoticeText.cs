using System.Text;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Shared.Hr;

/// <summary>One finding as a notice tells of it: the person's shown name (never a personnummer), title, unit and dates.</summary>
public sealed record HrNoticeLine(
    HrFindingKind Kind, string ShownName, string? TitleName, string? HrTitleName, string? HrUnitName, DateOnly? HrFrom,
    DateOnly? EffectiveDate);

/// <summary>The e-mail of a reconciliation run, in plain Swedish: a manager's digest and an appointed orderer's joiner notice.</summary>
public static class HrNoticeText
{
    /// <summary>The section headings of a digest, per kind.</summary>
    public static string Heading(HrFindingKind kind) => kind switch
    {
        HrFindingKind.Leaver => "Slutat enligt HR",
        HrFindingKind.Mover => "Ny titel eller enhet",
        HrFindingKind.Joiner => "Börjar snart utan beställning",
        _ => "Okänd i HR",
    };

    /// <summary>One manager's digest of their units' findings, unit by unit and kind by kind.</summary>
    public static ReminderContent Digest(
        string managerName, DateOnly asOf, IReadOnlyList<(string UnitName, IReadOnlyList<HrNoticeLine> Lines)> units,
        Uri myOrdersLink, Uri orderFormLink, string senderName)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(myOrdersLink);
        ArgumentNullException.ThrowIfNull(orderFormLink);
        var count = units.Sum(u => u.Lines.Count);
        var body = new StringBuilder();
        body.Append("Hej ").Append(managerName).AppendLine("!").AppendLine();
        body.Append("Avstämningen mot HR-systemets anställningar per ").Append(Dates.Iso(asOf))
            .Append(" hittade ").Append(count == 1 ? "en avvikelse" : $"{count} avvikelser")
            .AppendLine(" i dina verksamheter. Soc-IT går igenom dem och lägger beställningarna för den som har slutat eller bytt titel eller enhet.");
        foreach (var (unitName, lines) in units)
        {
            body.AppendLine().AppendLine(unitName);
            foreach (var group in lines.GroupBy(l => l.Kind).OrderBy(g => g.Key))
            {
                body.Append("  ").Append(Heading(group.Key)).AppendLine(":");
                foreach (var line in group.OrderBy(l => l.ShownName, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false)))
                {
                    body.Append("  - ").AppendLine(Describe(line));
                }
            }
        }

        body.AppendLine().AppendLine("Stämmer något inte, kontakta Soc-IT.");
        if (units.Any(u => u.Lines.Any(l => l.Kind == HrFindingKind.Joiner)))
        {
            body.AppendLine("Beställ behörighet för den som börjar snart:").AppendLine(orderFormLink.ToString());
        }

        body.AppendLine("Dina beställningar:").AppendLine(myOrdersLink.ToString());
        CaseMailText.AppendSignature(body, senderName);
        var subject = $"Avstämning mot HR {Dates.Iso(asOf)}: {(count == 1 ? "1 avvikelse" : $"{count} avvikelser")} i dina verksamheter";
        return new ReminderContent(subject, body.ToString());
    }

    /// <summary>An appointed orderer's notice of those starting soon in their units without an order.</summary>
    public static ReminderContent Joiners(
        string ordererName, DateOnly asOf, IReadOnlyList<(string UnitName, IReadOnlyList<HrNoticeLine> Lines)> units, Uri orderFormLink,
        string senderName)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(orderFormLink);
        var count = units.Sum(u => u.Lines.Count);
        var body = new StringBuilder();
        body.Append("Hej ").Append(ordererName).AppendLine("!").AppendLine();
        body.Append("Enligt HR-systemet (per ").Append(Dates.Iso(asOf)).Append(") börjar ")
            .Append(count == 1 ? "en person" : $"{count} personer")
            .AppendLine(" snart i verksamheter du beställer för, och ingen beställning av behörighet finns ännu.");
        foreach (var (unitName, lines) in units)
        {
            body.AppendLine().AppendLine(unitName);
            foreach (var line in lines)
            {
                body.Append("  - ").AppendLine(Describe(line));
            }
        }

        body.AppendLine().AppendLine("Beställ behörighet i konsolen:").AppendLine(orderFormLink.ToString());
        CaseMailText.AppendSignature(body, senderName);
        var subject = $"Börjar snart utan beställning: {(count == 1 ? "1 person" : $"{count} personer")}";
        return new ReminderContent(subject, body.ToString());
    }

    private static string Describe(HrNoticeLine line) => line.Kind switch
    {
        HrFindingKind.Leaver => $"{line.ShownName}, {line.TitleName ?? "titel saknas"}, sista dag {Dates.Iso(line.EffectiveDate)}",
        HrFindingKind.Mover =>
            $"{line.ShownName}, {line.TitleName ?? "titel saknas"} – enligt HR {line.HrTitleName} i {line.HrUnitName} från {Dates.Iso(line.EffectiveDate)}",
        HrFindingKind.Joiner => $"{line.ShownName}, {line.HrTitleName}, börjar {Dates.Iso(line.HrFrom)}",
        _ => $"{line.ShownName}, {line.TitleName ?? "titel saknas"}",
    };
}
