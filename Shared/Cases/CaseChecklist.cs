using SocItConsole.Shared.Grants;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Shared.Cases;

/// <summary>The operator's checklist for a case, made when the case is first taken.</summary>
public static class CaseChecklist
{
    private const string EndVerb = "Avsluta ";

    /// <summary>
    /// One item per system the order concerns; the Swedlock step when the order makes a key choice; for an end order,
    /// one item per grant still running and the three returns the routine names (phone — factory reset by the unit's
    /// mobile representative —, digital key, Falkenbergskort/SITHS card). <paramref name="hasPersonalCode"/> says
    /// whether the employee already has a personal code (see <see cref="KeyLabel"/>).
    /// </summary>
    public static IReadOnlyList<ChecklistItem> For(
        Order order, IReadOnlyCollection<Grant> employeeGrants, Contact? mobileRepresentative, bool hasPersonalCode)
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
                .Select(g => new ChecklistItem(ChecklistItemKind.System, EndLabel(g.SystemName, g.LevelName, g.UnitName), g.SystemId)));
            var resetBy = mobileRepresentative is null ? "verksamhetens mobilombud" : $"mobilombud {mobileRepresentative.Name}";
            items.Add(new ChecklistItem(ChecklistItemKind.Return, $"Telefonen återlämnad och fabriksåterställd av {resetBy}"));
            items.Add(new ChecklistItem(ChecklistItemKind.Return, "Digital nyckel (Swedlock) återlämnad"));
            items.Add(new ChecklistItem(ChecklistItemKind.Return, "Falkenbergskort/SITHS-kort återlämnat"));
            return items;
        }

        if (order.Type == OrderType.Change)
        {
            // Kept systems need no action: the case page lists them beside the checklist.
            items.AddRange(order.Changes
                .Where(l => l.Kind != ChangeKind.Kept)
                .Select(l => new ChecklistItem(ChecklistItemKind.System, ChangeLabel(order, l, employeeGrants), l.SystemId)));
            if (KeyLabel(order.KeyKind, order.KeyNumber, hasPersonalCode) is { } changeKey)
            {
                items.Add(new ChecklistItem(ChecklistItemKind.Key, changeKey));
            }

            return items;
        }

        if (order.Type == OrderType.EndTemporary)
        {
            items.AddRange(order.Systems.Select(s =>
                new ChecklistItem(ChecklistItemKind.System, EndLabel(s.SystemName, s.LevelName, order.UnitName), s.SystemId)));
            return items;
        }

        items.AddRange(order.Systems.Select(s => new ChecklistItem(ChecklistItemKind.System, $"{s.SystemName}: {s.LevelName}", s.SystemId)));
        if (KeyLabel(order.KeyKind, order.KeyNumber, hasPersonalCode) is { } key)
        {
            items.Add(new ChecklistItem(ChecklistItemKind.Key, key));
        }

        return items;
    }

    /// <summary>
    /// The Swedlock step for a key choice, or null for none. A personal code belongs to the person and survives moves
    /// between a personal key and a pool, so the step says "ge personlig kod" only to someone who has none yet.
    /// </summary>
    public static string? KeyLabel(KeyChoiceKind kind, string? keyNumber, bool hasPersonalCode)
    {
        var code = hasPersonalCode ? " (har redan personlig kod)" : " och ge personlig kod";
        return kind switch
        {
            KeyChoiceKind.PersonalKey => $"Swedlock: koppla personlig nyckel {keyNumber}{code}",
            KeyChoiceKind.BuyNewKey => $"Swedlock: köp ny nyckel (verksamheten betalar), koppla den{code}",
            KeyChoiceKind.Pool => $"Swedlock: lägg till i verksamhetens nyckelpool{code}",
            _ => null,
        };
    }

    /// <summary>
    /// The system items marked "Ej aktuell", in checklist order: for an order that gives access, the systems it does
    /// not give; for an end order, the grants it does not end. The note on each says why.
    /// </summary>
    public static IReadOnlyList<ChecklistItem> NotApplicableSystems(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return [.. order.Checklist.Where(i => i.Kind == ChecklistItemKind.System && i.State == ChecklistState.NotApplicable)];
    }

    /// <summary>
    /// True when the operator marked <paramref name="system"/> of the order "Ej aktuell". An order names each system
    /// once (the intake refuses a system twice), so its item is found by the system alone.
    /// </summary>
    public static bool IsNotApplicable(Order order, OrderSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return NotApplicableSystems(order).Any(i => i.SystemId == system.SystemId);
    }

    /// <summary>
    /// True when the operator marked the end of <paramref name="grant"/> "Ej aktuell" on an end-of-employment case.
    /// The employee may hold the same system in two units or at two levels, so the item is found by its system and
    /// its text, which names the level and unit as the grant recorded them (a grant never changes those names).
    /// </summary>
    public static bool IsNotApplicable(Order order, Grant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var label = EndLabel(grant.SystemName, grant.LevelName, grant.UnitName);
        return NotApplicableSystems(order).Any(i => i.SystemId == grant.SystemId && i.Label == label);
    }

    /// <summary>
    /// True when the operator marked the Swedlock step "Ej aktuell": completing the case then hands out no key, buys
    /// none and adds no pool membership, as a system marked so gives no grant.
    /// </summary>
    public static bool IsKeyStepNotApplicable(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Checklist.Any(i => i.Kind == ChecklistItemKind.Key && i.State == ChecklistState.NotApplicable);
    }

    /// <summary>
    /// The item a change order's line becomes: "Lägg till Appva (Standard) i Hemtjänst Skrea", "Avsluta Lifecare
    /// (Utförare) i Hemtjänst Centrum", "Ändra nivå i Lifecare: Utförare → Handläggare". The old unit is the one the
    /// line's grant is in.
    /// </summary>
    public static string ChangeLabel(Order order, ChangeLine line, IReadOnlyCollection<Grant> employeeGrants)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(employeeGrants);
        var oldUnit = employeeGrants.FirstOrDefault(g => g.Id == line.GrantId)?.UnitName ?? order.UnitName;
        return ChangeOrderRules.Describe(line, oldUnit, order.UnitName);
    }

    /// <summary>True when the operator marked a change order's line "Ej aktuell": the system is then neither added nor ended.</summary>
    public static bool IsNotApplicable(Order order, ChangeLine line, IReadOnlyCollection<Grant> employeeGrants)
    {
        var label = ChangeLabel(order, line, employeeGrants);
        return NotApplicableSystems(order).Any(i => i.SystemId == line.SystemId && i.Label == label);
    }

    /// <summary>What a system item concerns, without the verb: "Appva: Standard", "Lifecare (Utförare) i Hemtjänst Centrum".</summary>
    public static string Subject(ChecklistItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind == ChecklistItemKind.System && item.Label.StartsWith(EndVerb, StringComparison.Ordinal)
            ? item.Label[EndVerb.Length..]
            : item.Label;
    }

    private static string EndLabel(string systemName, string levelName, string unitName) =>
        $"{EndVerb}{systemName} ({levelName}) i {unitName}";
}
