namespace SocItConsole.Shared.Grants;

/// <summary>
/// One employee's access to one system at one level in one unit, from a date, maybe to a date, with the case it came
/// from. It belongs to one of the person's employments (<see cref="EmploymentId"/>), and when it is access to another
/// unit for a while, also to the temporary assignment there (<see cref="AssignmentId"/>). The record the nightly expiry
/// check and any audit rely on.
/// </summary>
public sealed class Grant
{
    private Grant()
    {
        SystemName = LevelName = UnitName = SourceCaseNumber = string.Empty;
    }

    public Grant(
        int employeeId, int systemId, string systemName, int levelId, string levelName, int unitId, string unitName,
        DateOnly from, DateOnly? to, int sourceOrderId, string sourceCaseNumber, GrantOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (to is { } end && end < from)
        {
            throw new ArgumentException("A grant cannot end before it starts.", nameof(to));
        }

        EmployeeId = employeeId;
        SystemId = systemId;
        SystemName = systemName;
        LevelId = levelId;
        LevelName = levelName;
        UnitId = unitId;
        UnitName = unitName;
        From = from;
        To = to;
        SourceOrderId = sourceOrderId;
        SourceCaseNumber = sourceCaseNumber;
        EmploymentId = owner.EmploymentId;
        AssignmentId = owner.AssignmentId;
    }

    public int Id { get; private set; }

    public int EmployeeId { get; private set; }

    /// <summary>The employment the access belongs to: ending the employment ends it.</summary>
    public int EmploymentId { get; private set; }

    /// <summary>The temporary assignment to another unit it belongs to, if it is access there for a while.</summary>
    public int? AssignmentId { get; private set; }

    public int SystemId { get; private set; }

    public string SystemName { get; private set; }

    public int LevelId { get; private set; }

    public string LevelName { get; private set; }

    public int UnitId { get; private set; }

    public string UnitName { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>The last day of access; null while it runs until further notice.</summary>
    public DateOnly? To { get; private set; }

    public int SourceOrderId { get; private set; }

    public string SourceCaseNumber { get; private set; }

    /// <summary>The end order that ended it, if one did.</summary>
    public int? EndedByOrderId { get; private set; }

    public bool IsTemporary => To is not null && EndedByOrderId is null;

    /// <summary>Active on <paramref name="date"/>: started, not ended before it, and not ended by an order (<see cref="GrantRules.IsActive"/>).</summary>
    public bool IsActiveOn(DateOnly date) => GrantRules.IsActive(From, To, EndedByOrderId, date);

    /// <summary>
    /// The access moves to another employment (a change of title or unit kept it): same system and level, now in
    /// <paramref name="unitId"/> under <paramref name="owner"/>. One grant continues; it is not ended and given again.
    /// </summary>
    public void MoveTo(GrantOwner owner, int unitId, string unitName)
    {
        ArgumentNullException.ThrowIfNull(owner);
        EmploymentId = owner.EmploymentId;
        AssignmentId = owner.AssignmentId;
        UnitId = unitId;
        UnitName = unitName;
    }

    /// <summary>Ends the grant on <paramref name="lastDay"/>, unless it already ends earlier.</summary>
    public void EndOn(DateOnly lastDay, int endedByOrderId)
    {
        if (To is { } end && end <= lastDay)
        {
            return;
        }

        To = lastDay < From ? From : lastDay;
        EndedByOrderId = endedByOrderId;
    }

    /// <summary>
    /// Ends the grant by order <paramref name="endedByOrderId"/>: on <paramref name="lastDay"/>, or on its own last day
    /// if that is earlier. Unlike <see cref="EndOn"/> it is marked as ended even when it had already run out, so that
    /// an expired grant somebody decided on stops being followed up.
    /// </summary>
    public void Close(DateOnly lastDay, int endedByOrderId)
    {
        if (To is not { } end || end > lastDay)
        {
            To = lastDay < From ? From : lastDay;
        }

        EndedByOrderId = endedByOrderId;
    }
}

/// <summary>What a grant belongs to: an employment, and for access to another unit for a while, the assignment there.</summary>
public sealed record GrantOwner(int EmploymentId, int? AssignmentId = null);
