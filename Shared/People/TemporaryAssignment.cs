using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.People;

/// <summary>
/// A temporary assignment (tillfällig placering) to another unit, from a day to a last day, that hangs off one
/// <see cref="Employment"/>: ending the employment ends it too. The grants a temporary-access order gives in the other
/// unit belong to it, so that the placement is followed up and ended as one, not system by system.
/// </summary>
public sealed class TemporaryAssignment
{
    private TemporaryAssignment()
    {
        UnitName = string.Empty;
    }

    public TemporaryAssignment(int employmentId, int employeeId, int unitId, string unitName, DateOnly from, DateOnly to, int orderId)
    {
        if (to < from)
        {
            throw new DomainException("En tillfällig placering kan inte sluta innan den börjar.");
        }

        EmploymentId = employmentId;
        EmployeeId = employeeId;
        UnitId = unitId;
        UnitName = unitName;
        From = from;
        To = to;
        OrderId = orderId;
    }

    public int Id { get; private set; }

    public int EmploymentId { get; private set; }

    public int EmployeeId { get; private set; }

    /// <summary>The other unit, where the person works for a while.</summary>
    public int UnitId { get; private set; }

    public string UnitName { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>The last day of the placement.</summary>
    public DateOnly To { get; private set; }

    /// <summary>The temporary-access order that made it.</summary>
    public int OrderId { get; private set; }

    /// <summary>The order that ended it before its time, or that decided its end (an end of the employment, an end of the placement).</summary>
    public int? EndedByOrderId { get; private set; }

    /// <summary>Names the employment once it is saved (a new employment and its first assignment are made together).</summary>
    public void BelongTo(int employmentId) => EmploymentId = employmentId;

    public bool IsActiveOn(DateOnly day) => From <= day && To >= day;

    /// <summary>Ends the placement on <paramref name="lastDay"/> (or on its own last day if earlier) by order <paramref name="orderId"/>.</summary>
    public void End(DateOnly lastDay, int orderId)
    {
        if (To > lastDay)
        {
            To = lastDay < From ? From : lastDay;
        }

        EndedByOrderId = orderId;
    }

    /// <summary>The placement is extended to <paramref name="newLastDay"/>.</summary>
    public void ExtendTo(DateOnly newLastDay)
    {
        if (newLastDay < From)
        {
            throw new DomainException("Placeringen kan inte sluta innan den börjar.");
        }

        To = newLastDay;
        EndedByOrderId = null;
    }
}
