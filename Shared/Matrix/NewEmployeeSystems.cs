using SocItConsole.Shared.MasterData;

namespace SocItConsole.Shared.Matrix;

/// <summary>A system and level a new employee gets.</summary>
public sealed record DerivedSystem(int SystemId, string SystemName, int LevelId, string LevelName);

/// <summary>A system in the title's row that the employee does not get in this unit, and why (Swedish).</summary>
public sealed record ExcludedSystem(int SystemId, string SystemName, string Reason);

public sealed record SystemDerivation(IReadOnlyList<DerivedSystem> Included, IReadOnlyList<ExcludedSystem> Excluded);

/// <summary>
/// The rule that replaced the orderer's ticked boxes: the systems a new employee gets follow from their title and
/// their unit. Order intake calls this rule; nothing else may re-implement it.
/// </summary>
public static class NewEmployeeSystems
{
    /// <summary>
    /// Derives the systems and levels for a new employee with <paramref name="title"/> in <paramref name="unit"/>.
    /// <paramref name="matrix"/> is the matrix in force on the start date (see
    /// <see cref="MatrixHistory.VersionInForceOn"/>: the last version saved by the end of that day; for a date today
    /// or later, the current matrix). The semantics:
    /// <list type="number">
    /// <item>Only the title's row counts. An inactive title or an inactive unit gives nothing: every cell of the row
    /// is excluded with the reason.</item>
    /// <item>A system is included at the cell's level when the system is active, the unit uses it, and — for the
    /// digital-key system (<see cref="ItSystem.RequiresDigitalKeys"/>, Swedlock) — the unit uses digital keys.</item>
    /// <item>A cell whose level no longer exists in the system is excluded rather than guessed.</item>
    /// <item>Included and excluded systems are in Swedish alphabetical order of the system's name.</item>
    /// </list>
    /// </summary>
    public static SystemDerivation Derive(
        JobTitle title, Unit unit, IReadOnlyCollection<ItSystem> systems, IEnumerable<MatrixCell> matrix, StringComparer order)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(matrix);

        var byId = systems.ToDictionary(s => s.Id);
        var usedByUnit = unit.Systems.Select(s => s.Id).ToHashSet();
        var included = new List<DerivedSystem>();
        var excluded = new List<ExcludedSystem>();

        foreach (var cell in matrix.Where(c => c.TitleId == title.Id))
        {
            if (!byId.TryGetValue(cell.SystemId, out var system))
            {
                continue;
            }

            var level = system.Levels.FirstOrDefault(l => l.Id == cell.LevelId);
            var reason =
                !title.IsActive ? $"Titeln {title.Name} är inaktiverad."
                : !unit.IsActive ? $"{unit.Name} är inaktiverad."
                : !system.IsActive ? "Systemet är inaktiverat."
                : !usedByUnit.Contains(system.Id) ? $"{unit.Name} använder inte systemet."
                : system.RequiresDigitalKeys && !unit.UsesDigitalKeys ? $"{unit.Name} använder inte digitala nycklar."
                : level is null ? "Nivån i matrisen finns inte längre i systemet."
                : null;

            if (reason is null)
            {
                included.Add(new DerivedSystem(system.Id, system.Name, level!.Id, level.Name));
            }
            else
            {
                excluded.Add(new ExcludedSystem(system.Id, system.Name, reason));
            }
        }

        return new SystemDerivation(
            [.. included.OrderBy(s => s.SystemName, order)],
            [.. excluded.OrderBy(s => s.SystemName, order)]);
    }
}
