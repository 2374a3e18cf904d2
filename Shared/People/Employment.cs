using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.People;

/// <summary>
/// One employment (anställning) of a person in one unit with one title, from a first day, maybe to a last day. A
/// person may hold several at once (two part-time posts); every grant belongs to one, directly or through a
/// <see cref="TemporaryAssignment"/> that hangs off it. The orders behind it are its history: the one that started it
/// (<see cref="StartedByOrderId"/>) and the one that ended it (<see cref="EndedByOrderId"/>: an end of employment, or
/// a change of title or unit that replaced it with <see cref="ReplacedById"/>).
/// </summary>
public sealed class Employment
{
    private Employment()
    {
        UnitName = string.Empty;
    }

    public Employment(
        int employeeId, int unitId, string unitName, int? titleId, string? titleName, DateOnly from, DateOnly? to,
        int? startedByOrderId)
    {
        if (to is { } last && last < from)
        {
            throw new DomainException("En anställning kan inte sluta innan den börjar.");
        }

        EmployeeId = employeeId;
        UnitId = unitId;
        UnitName = unitName;
        TitleId = titleId;
        TitleName = titleName;
        From = from;
        To = to;
        StartedByOrderId = startedByOrderId;
    }

    public int Id { get; private set; }

    public int EmployeeId { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>The unit's name as it was when the employment began.</summary>
    public string UnitName { get; private set; }

    /// <summary>The title; null only for an employment the migration reconstructed from orders that named none.</summary>
    public int? TitleId { get; private set; }

    public string? TitleName { get; private set; }

    /// <summary>The first day of the employment.</summary>
    public DateOnly From { get; private set; }

    /// <summary>The last day: a fixed-term employment's end (visstid), or the day it was ended; null until further notice.</summary>
    public DateOnly? To { get; private set; }

    /// <summary>The order that started it: a new access order, a change of title or unit, or (reconstructed) the first order seen.</summary>
    public int? StartedByOrderId { get; private set; }

    /// <summary>The order that ended it: an end of employment, or a change of title or unit.</summary>
    public int? EndedByOrderId { get; private set; }

    /// <summary>When a change of title or unit ended it: the employment that took its place.</summary>
    public int? ReplacedById { get; private set; }

    /// <summary>A fixed-term employment (visstidsanställning) that no order has ended yet: its last day was known from the start.</summary>
    public bool IsFixedTerm => To is not null && EndedByOrderId is null;

    public bool IsEnded => EndedByOrderId is not null;

    /// <summary>Employed on <paramref name="day"/>: started, and its last day not passed.</summary>
    public bool IsActiveOn(DateOnly day) => From <= day && (To is null || To >= day);

    /// <summary>Current on <paramref name="day"/>: active, or starting later (an order for it is already complete).</summary>
    public bool IsCurrentOn(DateOnly day) => To is null || To >= day;

    /// <summary>
    /// Ends the employment on <paramref name="lastDay"/> by order <paramref name="orderId"/>; an end before the first
    /// day ends it on its first day (it never began), and a fixed-term end that comes earlier stays.
    /// </summary>
    public void End(DateOnly lastDay, int orderId)
    {
        if (To is not { } end || end > lastDay)
        {
            To = lastDay < From ? From : lastDay;
        }

        EndedByOrderId = orderId;
    }

    /// <summary>A change of title or unit replaced it, from the day after <paramref name="lastDay"/>.</summary>
    public void ReplaceWith(Employment next, DateOnly lastDay, int orderId)
    {
        ArgumentNullException.ThrowIfNull(next);
        End(lastDay, orderId);
        ReplacedById = next.Id;
    }

    /// <summary>A fixed-term employment is extended to <paramref name="newLastDay"/> (null: until further notice).</summary>
    public void ExtendTo(DateOnly? newLastDay)
    {
        if (IsEnded)
        {
            throw new DomainException("En avslutad anställning kan inte förlängas.");
        }

        if (newLastDay is { } last && last < From)
        {
            throw new DomainException("Anställningen kan inte sluta innan den börjar.");
        }

        To = newLastDay;
    }
}
