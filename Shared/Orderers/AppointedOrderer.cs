using System.Linq.Expressions;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Shared.Orderers;

/// <summary>
/// An appointed orderer (utsedd beställare): a person a unit's manager (or an administrator) lets order access for
/// that unit's staff, from a first day to an optional last day. A signed-in user is matched to it by e-mail, as
/// managers are to their units. It ends by itself after its last day; ending it earlier sets the last day.
/// </summary>
public sealed class AppointedOrderer
{
    private AppointedOrderer()
    {
        Name = UnitName = AppointedById = AppointedByName = string.Empty;
    }

    public AppointedOrderer(int unitId, string unitName, Contact person, DateOnly from, DateOnly? to, Actor appointedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(appointedBy);
        if (to is { } last && last < from)
        {
            throw new DomainException("Sista dagen kan inte vara före första dagen.");
        }

        UnitId = unitId;
        UnitName = unitName;
        Name = person.Name;
        Email = person.Email;
        From = from;
        To = to;
        AppointedById = appointedBy.Id;
        AppointedByName = appointedBy.Name;
        AppointedAt = at.ToUniversalTime();
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>The unit's name when appointed, for history.</summary>
    public string UnitName { get; private set; }

    public string Name { get; private set; }

    public EmailAddress Email { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>The last day the person may order; null until further notice.</summary>
    public DateOnly? To { get; private set; }

    public string AppointedById { get; private set; }

    public string AppointedByName { get; private set; }

    public DateTimeOffset AppointedAt { get; private set; }

    /// <summary>Set when someone ended the appointment before its last day.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndedByName { get; private set; }

    /// <summary>
    /// <see cref="IsValidOn"/> as a query the database runs (the authorization check reads the register on every
    /// request). The same rule: a test holds the two to agree.
    /// </summary>
    public static Expression<Func<AppointedOrderer, bool>> ValidOn(DateOnly day) =>
        a => a.From <= day && (a.To == null || day <= a.To);

    /// <summary>
    /// Appointments that give, or will give, the right on or after <paramref name="day"/>: not past their last day and
    /// not withdrawn before they began (a withdrawn one ends the day before its first).
    /// </summary>
    public static Expression<Func<AppointedOrderer, bool>> CurrentOrComingOn(DateOnly day) =>
        a => a.To == null || (a.To >= day && a.To >= a.From);

    /// <summary>The opposite of <see cref="CurrentOrComingOn"/>: run their course, or withdrawn.</summary>
    public static Expression<Func<AppointedOrderer, bool>> EndedBy(DateOnly day) =>
        a => a.To != null && (a.To < day || a.To < a.From);

    /// <summary>Whether the person may order for the unit on <paramref name="day"/>.</summary>
    public bool IsValidOn(DateOnly day) => From <= day && (To is null || day <= To);

    /// <summary>Whether the appointment has run its course by <paramref name="day"/> (its last day has passed).</summary>
    public bool HasEndedBy(DateOnly day) => To is { } last && last < day;

    /// <summary>
    /// Ends the appointment: <paramref name="lastDay"/> becomes its last day (today, to end it at once). Refused when
    /// it has already ended, or when the day is before its first.
    /// </summary>
    public void End(DateOnly lastDay, DateOnly today, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (HasEndedBy(today))
        {
            throw new DomainException($"Uppdraget för {Name} har redan upphört.");
        }

        if (lastDay < today.AddDays(-1))
        {
            throw new DomainException("Uppdraget kan inte avslutas bakåt i tiden.");
        }

        // Ending before the first day withdraws an appointment that never began: its last day is the day before.
        To = lastDay < From ? From.AddDays(-1) : lastDay;
        EndedAt = at.ToUniversalTime();
        EndedByName = by.Name;
    }
}
