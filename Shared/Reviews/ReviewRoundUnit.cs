namespace SocItConsole.Shared.Reviews;

/// <summary>
/// One unit of a review round, and what the review job has done about it: the day its managers were reminded and the
/// day it went on Soc-IT's dashboard. The job judges by these, so a rerun or a missed night neither repeats nor skips.
/// </summary>
public sealed class ReviewRoundUnit
{
    private ReviewRoundUnit()
    {
    }

    internal ReviewRoundUnit(int unitId) => UnitId = unitId;

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public DateOnly? LastRemindedOn { get; private set; }

    public DateOnly? EscalatedOn { get; private set; }

    public bool IsEscalated => EscalatedOn is not null;

    internal void RecordReminder(DateOnly day) => LastRemindedOn = day;

    internal void RecordEscalation(DateOnly day) => EscalatedOn ??= day;
}
