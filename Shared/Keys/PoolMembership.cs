namespace SocItConsole.Shared.Keys;

/// <summary>An employee's membership of a key pool, from a day, maybe to a last day.</summary>
public sealed class PoolMembership
{
    private PoolMembership()
    {
    }

    internal PoolMembership(int employeeId, DateOnly from)
    {
        EmployeeId = employeeId;
        From = from;
    }

    public int Id { get; private set; }

    public int EmployeeId { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>The last day of membership; null while it runs until further notice.</summary>
    public DateOnly? To { get; private set; }

    public bool IsActiveOn(DateOnly date) => From <= date && (To is null || To >= date);

    internal void End(DateOnly lastDay) => To = lastDay;
}
