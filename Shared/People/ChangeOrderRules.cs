using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Matrix;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Shared.People;

/// <summary>What a change of title or unit does to one system the employment holds or will hold.</summary>
public enum ChangeKind
{
    /// <summary>Behålls: same system, same level; the grant moves to the new employment.</summary>
    Kept,

    /// <summary>Läggs till: the new title × unit gives it and the person does not hold it.</summary>
    Added,

    /// <summary>Avslutas: the new title × unit does not give it; it ends the day before the effective date.</summary>
    Ended,

    /// <summary>Ny nivå: same system, another level; the old grant ends the day before, the new level starts.</summary>
    LevelChanged,
}

/// <summary>
/// One line of a change order's difference, kept on the order as it was computed when the order came in: the system,
/// the level the person holds (<see cref="FromLevelId"/>, with the grant) and the level the new title × unit gives
/// (<see cref="ToLevelId"/>). Completing the case acts on these lines, as the checklist made from them says.
/// </summary>
public sealed class ChangeLine
{
    private ChangeLine()
    {
        SystemName = string.Empty;
    }

    public ChangeLine(
        ChangeKind kind, int systemId, string systemName, int? fromLevelId, string? fromLevelName, int? toLevelId,
        string? toLevelName, int? grantId)
    {
        Kind = kind;
        SystemId = systemId;
        SystemName = systemName;
        FromLevelId = fromLevelId;
        FromLevelName = fromLevelName;
        ToLevelId = toLevelId;
        ToLevelName = toLevelName;
        GrantId = grantId;
    }

    public int Id { get; private set; }

    public ChangeKind Kind { get; private set; }

    public int SystemId { get; private set; }

    public string SystemName { get; private set; }

    /// <summary>The level the person holds: null for a system that is added.</summary>
    public int? FromLevelId { get; private set; }

    public string? FromLevelName { get; private set; }

    /// <summary>The level after the change: null for a system that ends.</summary>
    public int? ToLevelId { get; private set; }

    public string? ToLevelName { get; private set; }

    /// <summary>The grant the line is about (kept, ended, or the one whose level changes); null for an added system.</summary>
    public int? GrantId { get; private set; }
}

/// <summary>One side of a change: the unit, the systems its title × unit gives on the effective date, and the systems the unit can use at all.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Systems">What the matrix gives the title in the unit on the effective date (<see cref="NewEmployeeSystems.Derive"/>).</param>
/// <param name="UnitSystemIds">The active systems the unit uses (a digital-key system only where the unit has digital keys).</param>
public sealed record ChangeSide(ReferenceUnit Unit, IReadOnlyList<DerivedSystem> Systems, IReadOnlySet<int> UnitSystemIds);

/// <summary>A change order's difference, and what it means for the digital key.</summary>
public sealed record ChangeDifference(IReadOnlyList<ChangeLine> Lines, bool LeavesKeyUnit, bool EntersKeyUnit)
{
    public IEnumerable<ChangeLine> OfKind(ChangeKind kind) => Lines.Where(l => l.Kind == kind);
}

/// <summary>
/// The rules of a change of title or unit (byte av titel eller verksamhet): which employment may be changed, and the
/// difference between what the person holds in it and what the new title × unit gives.
/// </summary>
public static class ChangeOrderRules
{
    /// <summary>
    /// The difference on <paramref name="effectiveDate"/> between the employment's grants and what the new title ×
    /// unit gives (<paramref name="to"/>), with <paramref name="from"/> saying what the old title × unit gave:
    /// <list type="bullet">
    /// <item>only grants of the employment itself count (not those of a temporary assignment hanging off it: they move
    /// with the assignment), and only those still running on the effective date;</item>
    /// <item>a system the new side gives: held at that level — kept; held at another level from the old matrix — level
    /// changed; not held — added (a grant from an extension at another level stays kept beside it);</item>
    /// <item>a system the new side does not give: a grant the old matrix gave ends; a grant the person got beyond the
    /// matrix (an extension) is kept when the new unit uses the system, and ends when it does not;</item>
    /// <item>the key: moving out of a unit with digital keys returns that unit's key, moving into one asks for a key
    /// choice; a change of title alone touches neither.</item>
    /// </list>
    /// Lines are in <paramref name="order"/> of the system's name.
    /// </summary>
    public static ChangeDifference Difference(
        ChangeSide from, ChangeSide to, IEnumerable<Grant> employmentGrants, DateOnly effectiveDate, StringComparer order)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(employmentGrants);
        ArgumentNullException.ThrowIfNull(order);
        var current = employmentGrants
            .Where(g => g.AssignmentId is null && (g.To is null || g.To >= effectiveDate))
            .OrderBy(g => g.From)
            .ThenBy(g => g.Id)
            .ToList();
        bool FromMatrix(Grant g) => from.Systems.Any(s => s.SystemId == g.SystemId && s.LevelId == g.LevelId);

        var lines = new List<ChangeLine>();
        foreach (var system in to.Systems)
        {
            var held = current.Where(g => g.SystemId == system.SystemId).ToList();
            var same = held.FirstOrDefault(g => g.LevelId == system.LevelId);
            var replaced = same is null ? held.FirstOrDefault(FromMatrix) : null;
            if (same is not null)
            {
                lines.Add(Line(ChangeKind.Kept, same, same.LevelId, same.LevelName));
            }
            else if (replaced is not null)
            {
                lines.Add(Line(ChangeKind.LevelChanged, replaced, system.LevelId, system.LevelName));
            }
            else
            {
                lines.Add(new ChangeLine(ChangeKind.Added, system.SystemId, system.SystemName, null, null, system.LevelId, system.LevelName, null));
            }

            foreach (var other in held.Where(g => g != same && g != replaced))
            {
                lines.Add(FromMatrix(other)
                    ? Line(ChangeKind.Ended, other, null, null)
                    : Line(ChangeKind.Kept, other, other.LevelId, other.LevelName));
            }
        }

        foreach (var grant in current.Where(g => to.Systems.All(s => s.SystemId != g.SystemId)))
        {
            lines.Add(!FromMatrix(grant) && to.UnitSystemIds.Contains(grant.SystemId)
                ? Line(ChangeKind.Kept, grant, grant.LevelId, grant.LevelName)
                : Line(ChangeKind.Ended, grant, null, null));
        }

        var unitChanges = from.Unit.Id != to.Unit.Id;
        return new ChangeDifference(
            [.. lines.OrderBy(l => l.SystemName, order).ThenBy(l => l.Kind)],
            unitChanges && from.Unit.UsesDigitalKeys,
            unitChanges && to.Unit.UsesDigitalKeys);
    }

    /// <summary>
    /// Why <paramref name="employment"/> cannot be changed from <paramref name="effectiveDate"/>, in Swedish, or null:
    /// it must be one of the person's (<paramref name="employment"/> is null otherwise), not ended, running on the
    /// effective date, and have begun before it (the old employment ends the day before).
    /// </summary>
    public static string? EmploymentRefusal(Employment? employment, DateOnly effectiveDate)
    {
        if (employment is null)
        {
            return "Anställningen finns inte hos medarbetaren. Välj en av medarbetarens pågående anställningar.";
        }

        var what = $"Anställningen i {employment.UnitName}";
        if (employment.IsEnded)
        {
            return $"{what} är avslutad och kan inte ändras.";
        }

        if (!employment.IsActiveOn(effectiveDate) && employment.From <= effectiveDate)
        {
            return $"{what} pågår inte {effectiveDate:yyyy-MM-dd}: den slutar {employment.To:yyyy-MM-dd}.";
        }

        return employment.From >= effectiveDate
            ? $"{what} börjar {employment.From:yyyy-MM-dd}. Bytet kan gälla tidigast dagen efter."
            : null;
    }

    /// <summary>A change must change something: the new title or the new unit differs from the employment's.</summary>
    public static bool ChangesNothing(Employment employment, int? newTitleId, int? newUnitId)
    {
        ArgumentNullException.ThrowIfNull(employment);
        return (newTitleId ?? employment.TitleId) == employment.TitleId && (newUnitId ?? employment.UnitId) == employment.UnitId;
    }

    /// <summary>The line as the console says it: "Lägg till Appva (Standard)", "Ändra nivå i Lifecare: Utförare → Handläggare".</summary>
    public static string Describe(ChangeLine line, string oldUnitName, string newUnitName)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Kind switch
        {
            ChangeKind.Kept => $"Behålls: {line.SystemName} ({line.FromLevelName})",
            ChangeKind.Added => $"Lägg till {line.SystemName} ({line.ToLevelName}) i {newUnitName}",
            ChangeKind.Ended => $"Avsluta {line.SystemName} ({line.FromLevelName}) i {oldUnitName}",
            _ => $"Ändra nivå i {line.SystemName}: {line.FromLevelName} → {line.ToLevelName}",
        };
    }

    /// <summary>The kind in a word or two: "Behålls", "Läggs till", "Avslutas", "Ny nivå".</summary>
    public static string KindName(ChangeKind kind) => kind switch
    {
        ChangeKind.Kept => "Behålls",
        ChangeKind.Added => "Läggs till",
        ChangeKind.Ended => "Avslutas",
        ChangeKind.LevelChanged => "Ny nivå",
        _ => kind.ToString(),
    };

    /// <summary>The line without units, for lists and the audit trail: "Ny nivå: Lifecare (Utförare → Handläggare)".</summary>
    public static string Summary(ChangeLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var levels = line.Kind switch
        {
            ChangeKind.Added => line.ToLevelName,
            ChangeKind.LevelChanged => $"{line.FromLevelName} → {line.ToLevelName}",
            _ => line.FromLevelName,
        };
        return $"{KindName(line.Kind)}: {line.SystemName} ({levels})";
    }

    private static ChangeLine Line(ChangeKind kind, Grant grant, int? toLevelId, string? toLevelName) =>
        new(kind, grant.SystemId, grant.SystemName, grant.LevelId, grant.LevelName, toLevelId, toLevelName, grant.Id);
}
