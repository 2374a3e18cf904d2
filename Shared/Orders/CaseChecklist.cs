using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Organisation;

namespace SocItConsole.Shared.Orders;

/// <summary>The operator's checklist for a case, made when the case is first taken.</summary>
public static class CaseChecklist
{
    /// <summary>
    /// One item per system the order concerns; the Swedlock step when the order makes a key choice; for an end order,
    /// one item per grant still running and the three returns the routine names (phone — factory reset by the unit's
    /// mobile representative —, digital key, Falkenbergskort/SITHS card).
    /// </summary>
    public static IReadOnlyList<ChecklistItem> For(Order order, IReadOnlyCollection<Grant> employeeGrants, Contact? mobileRepresentative)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(employeeGrants);
        var items = new List<ChecklistItem>();
        if (order.Type == OrderType.Terminate)
        {
            var lastDay = order.EndDate ?? DateOnly.MaxValue;
            items.AddRange(employeeGrants
                .Where(g => g.To is null || g.To > lastDay)
                .OrderBy(g => g.SystemName, StringComparer.Ordinal)
                .Select(g => new ChecklistItem(ChecklistItemKind.System, $"Avsluta {g.SystemName} ({g.LevelName}) i {g.UnitName}", g.SystemId)));
            var resetBy = mobileRepresentative is null ? "verksamhetens mobilombud" : $"mobilombud {mobileRepresentative.Name}";
            items.Add(new ChecklistItem(ChecklistItemKind.Return, $"Telefonen återlämnad och fabriksåterställd av {resetBy}"));
            items.Add(new ChecklistItem(ChecklistItemKind.Return, "Digital nyckel (Swedlock) återlämnad"));
            items.Add(new ChecklistItem(ChecklistItemKind.Return, "Falkenbergskort/SITHS-kort återlämnat"));
            return items;
        }

        if (order.Type == OrderType.EndTemporary)
        {
            items.AddRange(order.Systems.Select(s =>
                new ChecklistItem(ChecklistItemKind.System, $"Avsluta {s.SystemName} ({s.LevelName}) i {order.UnitName}", s.SystemId)));
            return items;
        }

        items.AddRange(order.Systems.Select(s => new ChecklistItem(ChecklistItemKind.System, $"{s.SystemName}: {s.LevelName}", s.SystemId)));
        var key = order.KeyKind switch
        {
            KeyChoiceKind.PersonalKey => $"Swedlock: koppla personlig nyckel {order.KeyNumber} och ge personlig kod",
            KeyChoiceKind.BuyNewKey => "Swedlock: köp ny nyckel (verksamheten betalar), koppla den och ge personlig kod",
            KeyChoiceKind.Pool => "Swedlock: lägg till i verksamhetens nyckelpool och ge personlig kod",
            _ => null,
        };
        if (key is not null)
        {
            items.Add(new ChecklistItem(ChecklistItemKind.Key, key));
        }

        return items;
    }
}
