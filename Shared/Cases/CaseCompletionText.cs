using System.Globalization;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Shared.Cases;

/// <summary>
/// What a completed case did, in the words its orderer is told (<see cref="CaseMailText.Completed"/>): the grants
/// it gave or ended, the digital key or the pool, and the personal code. Never the code itself, never a personnummer.
/// </summary>
public static class CaseCompletionText
{
    /// <summary>
    /// One line per grant: for an order that gives access "Appva: Standard" (with its last day when temporary); for an
    /// end order the grants it ended with their last day; for a change of title or unit both, the ended ones marked.
    /// </summary>
    public static IReadOnlyList<string> GrantLines(OrderType type, IEnumerable<Grant> added, IEnumerable<Grant> ended)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(ended);
        var given = added.OrderBy(g => g.SystemName, StringComparer.Ordinal)
            .Select(g => $"{g.SystemName}: {g.LevelName}{(g.To is { } to ? $" (till och med {Iso(to)})" : string.Empty)}");
        var endedLines = ended.OrderBy(g => g.SystemName, StringComparer.Ordinal)
            .Select(g => $"{g.SystemName}: {g.LevelName} i {g.UnitName}{(g.To is { } to ? $", sista dag {Iso(to)}" : string.Empty)}");
        return type switch
        {
            _ when OrderDays.IsEnd(type) => [.. endedLines],
            OrderType.Change => [.. given, .. endedLines.Select(l => $"{l} (avslutas)")],
            _ => [.. given],
        };
    }

    /// <summary>
    /// The paragraphs after the grants: the key the person got (its number, a bought one and who pays, or the pool),
    /// that a new personal code is to be collected, and for an end order what was handed back.
    /// </summary>
    public static IReadOnlyList<string> Notes(Order order, string? keyNumber, string? poolName)
    {
        ArgumentNullException.ThrowIfNull(order);
        var notes = new List<string>();
        if (OrderDays.IsEnd(order.Type))
        {
            var returned = order.Checklist
                .Where(i => i.Kind is ChecklistItemKind.Return or ChecklistItemKind.KeyReturn && i.State == ChecklistState.Done)
                .Select(i => $"- {i.Label}")
                .ToList();
            if (returned.Count > 0)
            {
                notes.Add(string.Join(Environment.NewLine, ["Återlämnat och spärrat:", .. returned]));
            }

            return notes;
        }

        if (order.KeyKind != KeyChoiceKind.None && !CaseChecklist.IsKeyStepNotApplicable(order))
        {
            notes.Add(order.KeyKind switch
            {
                KeyChoiceKind.PersonalKey => $"Digital nyckel (Swedlock): personlig nyckel nummer {keyNumber ?? order.KeyNumber}.",
                KeyChoiceKind.BuyNewKey when keyNumber is not null =>
                    $"Digital nyckel (Swedlock): en ny nyckel är köpt, nummer {keyNumber}. Verksamheten betalar för nyckeln.",
                KeyChoiceKind.BuyNewKey => "Digital nyckel (Swedlock): en ny nyckel är köpt. Verksamheten betalar för nyckeln.",
                _ => poolName is null
                    ? "Digital nyckel (Swedlock): medarbetaren är med i verksamhetens nyckelpool."
                    : $"Digital nyckel (Swedlock): medarbetaren är med i nyckelpoolen {poolName}.",
            });
        }

        if (CaseChecklist.GavePersonalCode(order))
        {
            notes.Add(
                "Personlig kod: medarbetaren har fått en personlig kod till den digitala nyckeln. Koden skickas inte med e-post; "
                + "medarbetaren hämtar den hos Soc-IT. Koden är personlig och får inte lämnas ut till någon annan.");
        }

        return notes;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
