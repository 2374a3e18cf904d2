using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Shared.Cases;

/// <summary>The operator's checklist for a case, made when the case is first taken.</summary>
public static class CaseChecklist
{
    private const string EndVerb = "Avsluta ";
    private const string KeyReturnPrefix = "Digital nyckel (Swedlock) ";

    /// <summary>
    /// One item per system the order concerns; the Swedlock step when the order makes a key choice; for an end order,
    /// one item per grant still running and the returns the routine names (phone — factory reset by the unit's mobile
    /// representative —, each personal key in <paramref name="keysToReturn"/> (see <see cref="KeyReturns"/>),
    /// Falkenbergskort/SITHS card). <paramref name="hasPersonalCode"/> says whether the employee already has a
    /// personal code (see <see cref="KeyLabel"/>).
    /// </summary>
    public static IReadOnlyList<ChecklistItem> For(
        Order order,
        IReadOnlyCollection<Grant> employeeGrants,
        Contact? mobileRepresentative,
        bool hasPersonalCode,
        IReadOnlyCollection<KeyToReturn> keysToReturn)
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
            items.AddRange(KeyReturns(keysToReturn));
            items.Add(new ChecklistItem(ChecklistItemKind.Return, "Falkenbergskort/SITHS-kort återlämnat"));
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
    /// One return item per personal key the employee is to hand back, by key number, naming the unit that owns it:
    /// "Digital nyckel (Swedlock) 4110003 från Hemtjänst Centrum återlämnad". Nobody is asked for a key the register
    /// does not say they hold, so a person without one gets no item. Ticking the item returns the key in the register
    /// (<see cref="KeyNumberOf"/> reads the number back).
    /// </summary>
    public static IReadOnlyList<ChecklistItem> KeyReturns(IEnumerable<KeyToReturn> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return [.. keys
            .OrderBy(k => k.Number.Value, StringComparer.Ordinal)
            .Select(k => new ChecklistItem(ChecklistItemKind.KeyReturn, $"{KeyReturnPrefix}{k.Number} från {k.UnitName} återlämnad"))];
    }

    /// <summary>The key number a key return item names, or null for any other item.</summary>
    public static KeyNumber? KeyNumberOf(ChecklistItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind != ChecklistItemKind.KeyReturn || !item.Label.StartsWith(KeyReturnPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = item.Label[KeyReturnPrefix.Length..];
        var end = rest.IndexOf(' ', StringComparison.Ordinal);
        return KeyNumber.TryParse(end < 0 ? rest : rest[..end], out var number, out _) ? number : null;
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
