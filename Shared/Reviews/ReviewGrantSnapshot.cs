using SocItConsole.Shared.Grants;

namespace SocItConsole.Shared.Reviews;

/// <summary>
/// A grant as a review round needs it, with the names as they are when the round starts, so that the evidence reads
/// true later without joins. <paramref name="HomeUnitId"/> is the person's own unit: a grant in another unit is
/// someone else's staff with access here.
/// </summary>
public sealed record ReviewGrantSnapshot(
    int GrantId, int EmployeeId, string EmployeeName, string SystemName, string LevelName, int UnitId, string UnitName,
    int HomeUnitId, DateOnly From, DateOnly? To, int? EndedByOrderId)
{
    public static ReviewGrantSnapshot Of(Grant grant, string employeeName, int homeUnitId)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return new(
            grant.Id, grant.EmployeeId, employeeName, grant.SystemName, grant.LevelName, grant.UnitId, grant.UnitName,
            homeUnitId, grant.From, grant.To, grant.EndedByOrderId);
    }
}
