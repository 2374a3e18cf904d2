using System.Globalization;
using SocItConsole.Shared.Grants;

namespace SocItConsole.Shared.Reviews;

/// <summary>Which grants a review round asks the managers about.</summary>
public static class ReviewScope
{
    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    /// <summary>
    /// One line per grant in one of <paramref name="unitIds"/> that is active on <paramref name="startDay"/>
    /// (<see cref="GrantRules.IsActive"/>: started, and its last day not before it). Left out: grants that have run out, grants that have not started yet, and
    /// grants an end order has already ended (their end is decided; a "Tas bort" would only order it twice).
    /// Temporary grants and grants held by people from other units are included and flagged on the line.
    /// Lines come in unit, person, system and level order (Swedish sorting); a grant listed twice gives one line.
    /// </summary>
    public static IReadOnlyList<ReviewLine> LinesFor(IEnumerable<ReviewGrantSnapshot> grants, IReadOnlySet<int> unitIds, DateOnly startDay)
    {
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(unitIds);
        return grants
            .Where(g => unitIds.Contains(g.UnitId) && GrantRules.IsActive(g.From, g.To, g.EndedByOrderId, startDay))
            .DistinctBy(g => g.GrantId)
            .OrderBy(g => g.UnitName, Swedish)
            .ThenBy(g => g.UnitId)
            .ThenBy(g => g.EmployeeName, Swedish)
            .ThenBy(g => g.EmployeeId)
            .ThenBy(g => g.SystemName, Swedish)
            .ThenBy(g => g.LevelName, Swedish)
            .Select(g => new ReviewLine(g))
            .ToList();
    }
}
