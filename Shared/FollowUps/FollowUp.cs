using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Shared.FollowUps;

/// <summary>
/// A temporary grant past or near its last day that a manager must decide on (uppföljning): end it or extend it.
/// One per grant — or, for the end of a fixed-term employment or of a placement in another unit, one for all the
/// access that ends with it (<see cref="Kind"/>, decision 0039). It keeps the names as they were, so reminders and the
/// page read true without joins, and the reminder history the nightly rule judges by.
/// </summary>
public sealed class FollowUp
{
    private FollowUp()
    {
        EmployeeName = SystemName = LevelName = UnitName = ManagerName = string.Empty;
    }

    public FollowUp(
        int grantId, int employeeId, string employeeName, string systemName, string levelName, int unitId, string unitName,
        int homeUnitId, DateOnly endDate, Contact manager, DateTimeOffset flaggedAt)
    {
        ArgumentNullException.ThrowIfNull(manager);
        GrantId = grantId;
        EmployeeId = employeeId;
        EmployeeName = employeeName;
        SystemName = systemName;
        LevelName = levelName;
        UnitId = unitId;
        UnitName = unitName;
        HomeUnitId = homeUnitId;
        EndDate = endDate;
        ManagerName = manager.Name;
        ManagerEmail = manager.Email;
        FlaggedAt = flaggedAt.ToUniversalTime();
        Status = FollowUpStatus.Open;
    }

    /// <summary>
    /// The end of fixed-term employment <paramref name="employmentId"/> (with <paramref name="titleName"/> in
    /// <paramref name="unitName"/>) or, with <paramref name="assignmentId"/>, of a placement in <paramref name="unitName"/>:
    /// one follow-up for all the access that ends on <paramref name="endDate"/>.
    /// </summary>
    public static FollowUp ForEnd(
        int employmentId, int? assignmentId, int employeeId, string employeeName, string? titleName, int unitId, string unitName,
        int homeUnitId, DateOnly endDate, Contact manager, DateTimeOffset flaggedAt)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return new FollowUp
        {
            EmploymentId = assignmentId is null ? employmentId : null,
            AssignmentId = assignmentId,
            EmployeeId = employeeId,
            EmployeeName = employeeName,
            TitleName = titleName,
            UnitId = unitId,
            UnitName = unitName,
            HomeUnitId = homeUnitId,
            EndDate = endDate,
            ManagerName = manager.Name,
            ManagerEmail = manager.Email,
            FlaggedAt = flaggedAt.ToUniversalTime(),
            Status = FollowUpStatus.Open,
        };
    }

    public int Id { get; private set; }

    /// <summary>The grant followed up; null for the end of a fixed-term employment or a placement.</summary>
    public int? GrantId { get; private set; }

    /// <summary>The fixed-term employment whose end is followed up.</summary>
    public int? EmploymentId { get; private set; }

    /// <summary>The placement (temporary assignment) whose end is followed up.</summary>
    public int? AssignmentId { get; private set; }

    /// <summary>A fixed-term employment's title, as it was.</summary>
    public string? TitleName { get; private set; }

    public FollowUpKind Kind => EmploymentId is not null ? FollowUpKind.FixedTermEmployment
        : AssignmentId is not null ? FollowUpKind.Placement
        : FollowUpKind.Grant;

    /// <summary>What it is about, in a sentence's middle (<see cref="FollowUpTexts.Subject"/>).</summary>
    public string Subject => FollowUpTexts.Subject(Kind, SystemName, LevelName, UnitName, TitleName);

    public int EmployeeId { get; private set; }

    public string EmployeeName { get; private set; }

    /// <summary>The grant's system; empty for the end of an employment or a placement.</summary>
    public string SystemName { get; private set; }

    public string LevelName { get; private set; }

    /// <summary>The unit the grant, employment or placement is in (the other unit for temporary access).</summary>
    public int UnitId { get; private set; }

    public string UnitName { get; private set; }

    /// <summary>The unit of the order the grant came from, or the employment's unit: its managers are the employee's.</summary>
    public int HomeUnitId { get; private set; }

    /// <summary>The grant's last day of access, or the employment's or placement's last day.</summary>
    public DateOnly EndDate { get; private set; }

    /// <summary>The responsible manager named on the order the grant came from; the reminders go to them.</summary>
    public string ManagerName { get; private set; }

    public EmailAddress ManagerEmail { get; private set; }

    public FollowUpStatus Status { get; private set; }

    public DateTimeOffset FlaggedAt { get; private set; }

    public DateOnly? HeadsUpSentOn { get; private set; }

    /// <summary>Reminders sent after the grant ran out; escalation counts these.</summary>
    public int OverdueReminders { get; private set; }

    public DateOnly? LastRemindedOn { get; private set; }

    public DateOnly? EscalatedOn { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedByName { get; private set; }

    /// <summary>The order the decision created for Soc-IT.</summary>
    public int? DecisionOrderId { get; private set; }

    public string? DecisionCaseNumber { get; private set; }

    /// <summary>For an extension: the new last day asked for.</summary>
    public DateOnly? ExtendedTo { get; private set; }

    /// <summary>Advances with every change: a decision based on an old view is refused.</summary>
    public int Version { get; private set; }

    /// <summary>Waiting for a decision, with the manager or escalated to Soc-IT.</summary>
    public bool IsUndecided => Status is FollowUpStatus.Open or FollowUpStatus.Escalated;

    public FollowUpState State => new(Status, EndDate, HeadsUpSentOn, OverdueReminders, LastRemindedOn);

    /// <summary>A reminder listing this follow-up was sent on <paramref name="day"/>.</summary>
    /// <remarks>The nightly run applies the same change in one UPDATE to all a reminder listed; a test holds the two together.</remarks>
    public void RecordReminder(DateOnly day)
    {
        if (EndDate >= day)
        {
            HeadsUpSentOn ??= day;
        }
        else
        {
            OverdueReminders++;
        }

        LastRemindedOn = day;
        Version++;
    }

    public void Escalate(DateOnly day)
    {
        if (Status != FollowUpStatus.Open)
        {
            throw new DomainException("Bara en öppen uppföljning kan eskaleras.");
        }

        Status = FollowUpStatus.Escalated;
        EscalatedOn = day;
        Version++;
    }

    /// <summary>The manager (or Soc-IT) decided to end the grant; <paramref name="caseNumber"/> is the case that does it.</summary>
    public void DecideEnd(Actor by, DateTimeOffset at, int orderId, string caseNumber) =>
        Decide(FollowUpStatus.Ended, by, at, orderId, caseNumber, null);

    /// <summary>The manager (or Soc-IT) ordered an extension to <paramref name="newLastDay"/>.</summary>
    public void DecideExtend(Actor by, DateTimeOffset at, int orderId, string caseNumber, DateOnly newLastDay)
    {
        if (newLastDay <= EndDate)
        {
            throw new DomainException("Det nya slutdatumet måste vara efter det nuvarande.");
        }

        Decide(FollowUpStatus.Extended, by, at, orderId, caseNumber, newLastDay);
    }

    /// <summary>
    /// The grant was ended some other way (an end of employment), or the employment or placement was ended or has no
    /// access left: nothing is left to decide.
    /// </summary>
    public void CloseAsEnded(DateTimeOffset at)
    {
        if (!IsUndecided)
        {
            return;
        }

        Status = FollowUpStatus.Ended;
        DecidedAt = at.ToUniversalTime();
        DecidedByName = Actor.System.Name;
        Version++;
    }

    /// <summary>
    /// The grant was extended some other way (an extend order from the access view, completed by Soc-IT): another grant
    /// continues it until <paramref name="continuedTo"/> (null: until further notice), so nothing is left to decide.
    /// </summary>
    public void CloseAsContinued(DateTimeOffset at, DateOnly? continuedTo)
    {
        if (!IsUndecided)
        {
            return;
        }

        Status = FollowUpStatus.Extended;
        DecidedAt = at.ToUniversalTime();
        DecidedByName = Actor.System.Name;
        ExtendedTo = continuedTo;
        Version++;
    }

    private void Decide(FollowUpStatus to, Actor by, DateTimeOffset at, int orderId, string caseNumber, DateOnly? extendedTo)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!IsUndecided)
        {
            throw new DomainException($"Uppföljningen är redan hanterad ({FollowUpTexts.StatusName(Status).ToLowerInvariant()}).");
        }

        Status = to;
        DecidedAt = at.ToUniversalTime();
        DecidedByName = by.Name;
        DecisionOrderId = orderId;
        DecisionCaseNumber = caseNumber;
        ExtendedTo = extendedTo;
        Version++;
    }
}
