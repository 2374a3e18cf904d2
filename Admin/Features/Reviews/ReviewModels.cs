using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Features.Reviews;

/// <summary>What an administrator fills in to start a round.</summary>
public sealed class ReviewRoundForm
{
    public string? Name { get; set; }

    public IReadOnlyCollection<int> UnitIds { get; set; } = [];

    public DateOnly? DueDate { get; set; }

    public string? Message { get; set; }
}

/// <summary>The outcome of a change to a round or an answer, in Swedish.</summary>
public abstract record ReviewResult(string Message)
{
    public sealed record Done(string Message, int? Id = null) : ReviewResult(Message);

    public sealed record Refused(string Message) : ReviewResult(Message);

    public sealed record Conflict(string Message) : ReviewResult(Message);
}

/// <summary>A unit the administrator can pick for a round, with how many lines it would give today.</summary>
public sealed record ReviewUnitChoice(int Id, string Name, string Area, int ActiveGrants, int Managers);

/// <summary>A round in the list, with its counts.</summary>
public sealed record ReviewRoundSummary(
    int Id, string Name, ReviewRoundStatus Status, DateOnly StartDay, DateOnly DueDate, string StartedByName,
    int Units, int Lines, int Answered, int Removed, int OverdueUnits)
{
    public int Unanswered => Lines - Answered;

    public int PercentAnswered => Lines == 0 ? 100 : (int)Math.Floor(100.0 * Answered / Lines);
}

/// <summary>One unit's row on the round's page.</summary>
public sealed record ReviewUnitRow(
    int UnitId, string UnitName, string Managers, int Total, int Answered, int Kept, int Removed, int RemovalsWithoutOrder,
    bool IsOverdue, DateOnly? LastRemindedOn, DateOnly? EscalatedOn)
{
    public int Unanswered => Total - Answered;
}

/// <summary>A round with its units, for the round's page and the evidence report.</summary>
public sealed record ReviewRoundDetails(
    int Id, string Name, string? Message, ReviewRoundStatus Status, DateOnly StartDay, DateOnly DueDate,
    string StartedByName, DateTimeOffset StartedAt, string? ClosedByName, DateTimeOffset? ClosedAt, string? CloseReason,
    int Version, IReadOnlyList<ReviewUnitRow> Units, DateOnly Today)
{
    public bool IsOpen => Status == ReviewRoundStatus.Open;

    public int Lines => Units.Sum(u => u.Total);

    public int Answered => Units.Sum(u => u.Answered);

    public int Kept => Units.Sum(u => u.Kept);

    public int Removed => Units.Sum(u => u.Removed);

    public int OverdueUnits => Units.Count(u => u.IsOverdue);

    public bool IsBeforeDueDate => Today <= DueDate;
}

/// <summary>The evidence of a round: its facts and every line, in unit, person and system order.</summary>
public sealed record ReviewEvidenceReportData(ReviewRoundDetails Round, IReadOnlyList<ReviewEvidenceLine> Lines);

/// <summary>A round as a manager sees it: only their own units' counts.</summary>
public sealed record MyReviewRound(
    int Id, string Name, string? Message, ReviewRoundStatus Status, DateOnly DueDate, int Lines, int Unanswered,
    IReadOnlyList<MyReviewUnit> Units)
{
    public bool IsOpen => Status == ReviewRoundStatus.Open;
}

public sealed record MyReviewUnit(int UnitId, string UnitName, int Lines, int Unanswered);

/// <summary>One line of a manager's task.</summary>
public sealed record ReviewTaskLine(
    int LineId, int EmployeeId, string EmployeeName, string SystemName, string LevelName, int UnitId, string UnitName,
    DateOnly From, DateOnly? To, bool IsTemporary, bool IsFromOtherUnit, ReviewAnswer Answer, string? Comment,
    string? AnsweredByName, DateTimeOffset? AnsweredAt, int? RemovalOrderId, string? RemovalCaseNumber)
{
    public bool IsAnswered => Answer != ReviewAnswer.None;

    /// <summary>"Tas bort" whose end order exists: the answer can no longer change.</summary>
    public bool IsLocked => RemovalOrderId is not null;
}

/// <summary>A page of a manager's lines.</summary>
public sealed record ReviewTaskPage(IReadOnlyList<ReviewTaskLine> Lines, int Total, int Unanswered);

public enum ReviewTaskFilter
{
    All,
    Unanswered,
    Answered,
}
