using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Orderers;

/// <summary>Why a person may order for a unit on a day.</summary>
public enum OrderingRight
{
    None,

    /// <summary>A registered manager of the unit.</summary>
    Manager,

    /// <summary>Appointed by the unit's manager (or an administrator) for a period that includes the day.</summary>
    Appointed,
}

/// <summary>A unit's registered manager, by mailbox: what <see cref="OrderingRights"/> needs of master data.</summary>
public sealed record UnitManagerRef(int UnitId, EmailAddress Email);

/// <summary>
/// Who may order for which unit (the routine: "av dig som chef, eller av dig utsedd person", for the manager's own
/// units only). A manager may order for the units that name them among their managers; an appointed orderer for the
/// units they are appointed for, on the days of the appointment. Managership is today's register, not dated.
/// </summary>
public static class OrderingRights
{
    public static OrderingRight Of(
        EmailAddress person,
        int unitId,
        DateOnly day,
        IEnumerable<UnitManagerRef> managers,
        IEnumerable<AppointedOrderer> appointments)
    {
        ArgumentNullException.ThrowIfNull(managers);
        ArgumentNullException.ThrowIfNull(appointments);
        if (person.Value is null)
        {
            return OrderingRight.None;
        }

        if (managers.Any(m => m.UnitId == unitId && m.Email == person))
        {
            return OrderingRight.Manager;
        }

        return appointments.Any(a => a.UnitId == unitId && a.Email == person && a.IsValidOn(day))
            ? OrderingRight.Appointed
            : OrderingRight.None;
    }

    /// <summary>The units <paramref name="person"/> may order for on <paramref name="day"/>.</summary>
    public static IReadOnlySet<int> UnitsFor(
        EmailAddress person,
        DateOnly day,
        IEnumerable<UnitManagerRef> managers,
        IEnumerable<AppointedOrderer> appointments)
    {
        ArgumentNullException.ThrowIfNull(managers);
        ArgumentNullException.ThrowIfNull(appointments);
        if (person.Value is null)
        {
            return new HashSet<int>();
        }

        return managers.Where(m => m.Email == person).Select(m => m.UnitId)
            .Concat(appointments.Where(a => a.Email == person && a.IsValidOn(day)).Select(a => a.UnitId))
            .ToHashSet();
    }

    /// <summary>
    /// The unit whose manager answers for an order, and so the unit its orderer must have the right to order for:
    /// the employee's unit (for temporary access, the home unit; the receiving unit consents separately), or for a
    /// change of title or unit the unit of the employment that changes.
    /// </summary>
    public static int OrderingUnit(int orderUnitId, int? changedEmploymentUnitId) => changedEmploymentUnitId ?? orderUnitId;
}
