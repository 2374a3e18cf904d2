using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Shared.Cases;

/// <summary>The operator's checklist for a case, made when the case is first taken.</summary>
public static class CaseChecklist
{
    private const string EndVerb = "Avsluta ";
    private const string KeyReturnPrefix = "Digital nyckel (Swedlock) ";

    /// <summary>The return item of the last employment's end: the person's personal code is revoked in Swedlock.</summary>
    public const string RevokeCodeLabel = "Personlig kod (Swedlock) spärrad";

    private const string GiveCodeSuffix = " och ge personlig kod";

    /// <summary>
    /// One item per system the order concerns; the Swedlock step when the order makes a key choice; for an end order,
    /// one item per grant still running and the returns the routine names (see <see cref="EndItems"/>).
    /// <paramref name="hasPersonalCode"/> says whether the employee already has a personal code (see <see cref="KeyLabel"/>).
    /// <paramref name="keysToReturn"/> are the personal keys the register says the person holds (see <see cref="KeyReturns"/>);
    /// null when unknown, which asks for "the digital key" without a number. <paramref name="ending"/> is what an
    /// end-of-employment order ends (<see cref="EmploymentEnd.Of"/>); without it the end order is taken to end everything.
    /// </summary>
    public static IReadOnlyList<ChecklistItem> For(
        Order order,
        IReadOnlyCollection<Grant> employeeGrants,
        Contact? mobileRepresentative,
        bool hasPersonalCode,
        IReadOnlyCollection<KeyToReturn>? keysToReturn,
        EmploymentEnd? ending = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(employeeGrants);
        var items = new List<ChecklistItem>();
        if (order.Type == OrderType.Terminate)
        {
            return EndItems(order, employeeGrants, mobileRepresentative, hasPersonalCode, keysToReturn, ending);
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
    /// An end of employment's checklist: one item per grant of the ended employment (and of its temporary assignments)
    /// still running after the last working day — not the person's other grants —; then the returns of the unit left,
    /// per employment: the phone, factory reset by that unit's mobile representative, and the digital key of that unit
    /// (each personal key of that unit by its number, <see cref="KeyReturns"/>; none when the person stays in the unit in another employment); and only when the last employment ends the
    /// whole-person items: the Falkenbergskort/SITHS card, and the personal code revoked (when the person has one).
    /// Without <paramref name="ending"/> every grant and every return is listed, as for an order naming no employment.
    /// </summary>
    public static IReadOnlyList<ChecklistItem> EndItems(
        Order order, IReadOnlyCollection<Grant> employeeGrants, Contact? mobileRepresentative, bool hasPersonalCode,
        IReadOnlyCollection<KeyToReturn>? keysToReturn, EmploymentEnd? ending)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(employeeGrants);
        var lastDay = order.EndDate ?? DateOnly.MaxValue;
        var items = new List<ChecklistItem>();
        items.AddRange(employeeGrants
            .Where(g => (ending is null || ending.Covers(g)) && (g.To is null || g.To > lastDay))
            .OrderBy(g => g.SystemName, StringComparer.Ordinal)
            .Select(g => new ChecklistItem(ChecklistItemKind.System, EndLabel(g.SystemName, g.LevelName, g.UnitName), g.SystemId)));
        if (ending is null || ending.ReturnsPhoneAndKey)
        {
            var resetBy = mobileRepresentative is null ? "verksamhetens mobilombud" : $"mobilombud {mobileRepresentative.Name}";
            items.Add(new ChecklistItem(ChecklistItemKind.Return, $"Telefonen återlämnad och fabriksåterställd av {resetBy}"));
            items.AddRange(keysToReturn is null
                ? [new ChecklistItem(ChecklistItemKind.Return, "Digital nyckel (Swedlock) återlämnad")]
                : KeyReturns(keysToReturn.Where(k => ending is null || ending.ReturnsKeysOf(k.UnitId))));
        }

        if (ending is null || ending.IsLast)
        {
            items.Add(new ChecklistItem(ChecklistItemKind.Return, "Falkenbergskort/SITHS-kort återlämnat"));
            if (hasPersonalCode)
            {
                items.Add(new ChecklistItem(ChecklistItemKind.Return, RevokeCodeLabel));
            }
        }

        return items;
    }

    /// <summary>
    /// True when the operator marked the personal code's revocation "Ej aktuell" on an end case: completing it then
    /// leaves the code as it is, as a system item marked so ends no grant.
    /// </summary>
    public static bool IsCodeRevocationNotApplicable(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Checklist.Any(i =>
            i.Kind == ChecklistItemKind.Return && i.Label == RevokeCodeLabel && i.State == ChecklistState.NotApplicable);
    }

    /// <summary>
    /// The Swedlock step for a key choice, or null for none. A personal code belongs to the person and survives moves
    /// between a personal key and a pool, so the step says "ge personlig kod" only to someone who has none yet.
    /// </summary>
    public static string? KeyLabel(KeyChoiceKind kind, string? keyNumber, bool hasPersonalCode)
    {
        var code = hasPersonalCode ? " (har redan personlig kod)" : GiveCodeSuffix;
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

    /// <summary>The case gave the person their personal code: its Swedlock step said so and is done.</summary>
    public static bool GavePersonalCode(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Checklist.Any(i =>
            i.Kind == ChecklistItemKind.Key && i.State == ChecklistState.Done && i.Label.EndsWith(GiveCodeSuffix, StringComparison.Ordinal));
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
