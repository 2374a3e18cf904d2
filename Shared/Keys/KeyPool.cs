using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Keys;

/// <summary>A unit's shared Swedlock keys and the employees who may take one at the start of a shift.</summary>
public sealed class KeyPool
{
    public const int NameMaxLength = 80;

    private readonly List<PoolMembership> _members = [];

    private KeyPool()
    {
        Name = string.Empty;
    }

    public KeyPool(int unitId, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitId);
        UnitId = unitId;
        Name = Text.Required(name, NameMaxLength, "Poolens namn");
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public string Name { get; private set; }

    public IReadOnlyList<PoolMembership> Members => _members;

    public void Rename(string name) => Name = Text.Required(name, NameMaxLength, "Poolens namn");

    /// <summary>
    /// Adds the employee from <paramref name="from"/>. Refused while a membership is still open or ends on or after
    /// that day, so that no one is a member twice over.
    /// </summary>
    public PoolMembership AddMember(int employeeId, DateOnly from)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(employeeId);
        if (_members.Any(m => m.EmployeeId == employeeId && (m.To is null || m.To >= from)))
        {
            throw new DomainException($"Personen är redan med i nyckelpoolen {Name}.");
        }

        var membership = new PoolMembership(employeeId, from);
        _members.Add(membership);
        return membership;
    }

    /// <summary>Ends the employee's open membership with <paramref name="lastDay"/> as the last day.</summary>
    public void EndMembership(int employeeId, DateOnly lastDay)
    {
        var open = _members.SingleOrDefault(m => m.EmployeeId == employeeId && m.To is null)
            ?? throw new DomainException($"Personen är inte med i nyckelpoolen {Name}.");
        if (lastDay < open.From)
        {
            throw new DomainException(
                $"Sista dagen i nyckelpoolen kan inte vara före första dagen ({open.From:yyyy-MM-dd}).");
        }

        open.End(lastDay);
    }

    /// <summary>
    /// The employment ends with <paramref name="lastDay"/>: every membership of the employee that runs past it, open or
    /// ending later (a temporary one), ends then; one that starts later ends on its first day. True if any changed.
    /// </summary>
    public bool EndEmployment(int employeeId, DateOnly lastDay)
    {
        var running = _members.Where(m => m.EmployeeId == employeeId && (m.To is null || m.To > lastDay)).ToList();
        foreach (var membership in running)
        {
            membership.End(membership.From > lastDay ? membership.From : lastDay);
        }

        return running.Count > 0;
    }

    public bool IsMember(int employeeId, DateOnly date) =>
        _members.Any(m => m.EmployeeId == employeeId && m.IsActiveOn(date));
}
