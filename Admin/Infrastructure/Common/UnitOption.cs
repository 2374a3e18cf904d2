using System.Linq.Expressions;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Infrastructure.Common;

/// <summary>
/// A unit (verksamhet) as a page offers it to choose from or to filter by: in a picker, a filter or a dialog's list.
/// One type for every feature, projected in the query by <see cref="FromUnit"/>.
/// </summary>
public sealed record UnitOption(int Id, string Name, string Area, string CostCentre, bool IsActive, bool UsesDigitalKeys)
{
    /// <summary>The projection a query selects (EF translates it), so that no feature loads whole units for a list.</summary>
    public static readonly Expression<Func<Unit, UnitOption>> FromUnit =
        u => new UnitOption(u.Id, u.Name, u.Area, u.CostCentre, u.IsActive, u.UsesDigitalKeys);

    public override string ToString() => Name;
}
