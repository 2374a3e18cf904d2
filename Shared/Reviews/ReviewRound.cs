using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Reviews;

/// <summary>
/// A periodic access review (regelbunden uppföljning): an administrator asks the managers of some units to attest,
/// line by line, who has access to their units. Open → Closed; closing freezes every answer, and the lines become the
/// evidence kept for later audits.
/// </summary>
public sealed class ReviewRound
{
    public const int NameMaxLength = 120;
    public const int MessageMaxLength = 2000;
    public const int CloseReasonMaxLength = 500;

    private readonly List<ReviewRoundUnit> _units = [];
    private readonly List<ReviewLine> _lines = [];

    private ReviewRound()
    {
        Name = StartedById = StartedByName = string.Empty;
    }

    private ReviewRound(string name, string? message, DateOnly startDay, DateOnly dueDate, Actor by, DateTimeOffset at)
    {
        Name = name;
        Message = message;
        StartDay = startDay;
        DueDate = dueDate;
        StartedById = by.Id;
        StartedByName = by.Name;
        StartedAt = at.ToUniversalTime();
        Status = ReviewRoundStatus.Open;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The administrator's optional words to the managers, sent with the e-mail.</summary>
    public string? Message { get; private set; }

    public IReadOnlyList<int> UnitIds => [.. _units.Select(u => u.UnitId)];

    /// <summary>The round's units, each with what the job has done about it (reminded, escalated).</summary>
    public IReadOnlyList<ReviewRoundUnit> Units => _units;

    /// <summary>The day the round started; its lines are the grants active on this day.</summary>
    public DateOnly StartDay { get; private set; }

    /// <summary>The last day to answer.</summary>
    public DateOnly DueDate { get; private set; }

    public string StartedById { get; private set; }

    public string StartedByName { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public ReviewRoundStatus Status { get; private set; }

    public string? ClosedByName { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Why the round was closed before its due date; null when it was closed on or after it.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>One more for every change: an answer based on an old view is refused.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ReviewLine> Lines => _lines;

    public bool IsOpen => Status == ReviewRoundStatus.Open;

    /// <summary>
    /// Starts a round on <paramref name="startDay"/> (today) over <paramref name="unitIds"/>, with one line for every
    /// grant <see cref="ReviewScope.LinesFor"/> picks out of <paramref name="grants"/>. The due date must be after the
    /// start day: a due date in the past, or today, leaves the managers no time and is refused.
    /// </summary>
    public static ReviewRound Start(
        string? name, IEnumerable<int> unitIds, DateOnly startDay, DateOnly dueDate, string? message,
        IEnumerable<ReviewGrantSnapshot> grants, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(by);
        var validName = Text.Required(name, NameMaxLength, "Omgångens namn");
        var units = unitIds.Distinct().ToHashSet();
        if (units.Count == 0)
        {
            throw new DomainException("Välj minst en verksamhet.");
        }

        if (units.Any(u => u <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(unitIds), "Unit ids are positive.");
        }

        if (dueDate < startDay)
        {
            throw new DomainException($"Sista svarsdag {Dates.Iso(dueDate)} har redan passerat.");
        }

        if (dueDate == startDay)
        {
            throw new DomainException("Sista svarsdag måste vara efter i dag.");
        }

        var round = new ReviewRound(
            validName, Text.Optional(message, MessageMaxLength, "Meddelandet"), startDay, dueDate, by, at) { Version = 1 };
        round._units.AddRange(units.Order().Select(u => new ReviewRoundUnit(u)));
        round._lines.AddRange(ReviewScope.LinesFor(grants, units, startDay));
        return round;
    }

    /// <summary>Answers the line of grant <paramref name="grantId"/>; changing an earlier answer is allowed while open.</summary>
    public void Answer(int grantId, ReviewAnswer answer, string? comment, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureOpen();
        var line = LineFor(grantId);
        line.Record(answer, comment, by, at);
        Version++;
    }

    /// <summary>
    /// "Behåll alla för den här personen": gives <paramref name="answer"/> to the person's lines in the unit — the
    /// unanswered ones, or with <paramref name="includeAnswered"/> every one. Lines that already have the answer, and
    /// removals whose end order exists, are left as they are. Returns the number of lines answered.
    /// </summary>
    public int AnswerAllFor(
        int employeeId, int unitId, ReviewAnswer answer, string? comment, Actor by, DateTimeOffset at, bool includeAnswered = false)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureOpen();
        var lines = _lines.Where(l => l.EmployeeId == employeeId && l.UnitId == unitId).ToList();
        if (lines.Count == 0)
        {
            throw new DomainException("Personen har inga rader i verksamheten i den här omgången.");
        }

        var text = Text.Optional(comment, ReviewLine.CommentMaxLength, "Kommentaren");
        var changed = lines
            .Where(l => (includeAnswered || !l.IsAnswered) && l.RemovalOrderId is null && !l.IsSameAnswer(answer, text))
            .ToList();
        foreach (var line in changed)
        {
            line.Record(answer, text, by, at);
        }

        if (changed.Count > 0)
        {
            Version++;
        }

        return changed.Count;
    }

    /// <summary>Links the end order created for the "Tas bort" on grant <paramref name="grantId"/>'s line.</summary>
    public void LinkRemovalOrder(int grantId, int orderId)
    {
        LineFor(grantId).LinkRemovalOrder(orderId);
        Version++;
    }

    /// <summary>
    /// Closes and freezes the round. On or after the due date it closes as it is (unanswered lines stay unanswered in
    /// the evidence). Before the due date the managers still have time, so closing early needs a
    /// <paramref name="earlyReason"/>, which is kept; without one it is refused.
    /// </summary>
    public void Close(Actor by, DateTimeOffset at, DateOnly today, string? earlyReason = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!IsOpen)
        {
            throw new DomainException($"Omgången \"{Name}\" är redan stängd.");
        }

        string? reason = null;
        if (today < DueDate)
        {
            reason = Text.Optional(earlyReason, CloseReasonMaxLength, "Anledningen")
                ?? throw new DomainException($"Sista svarsdag är {Dates.Iso(DueDate)}. Ange varför omgången stängs i förtid.");
        }

        Status = ReviewRoundStatus.Closed;
        ClosedByName = by.Name;
        ClosedAt = at.ToUniversalTime();
        CloseReason = reason;
        Version++;
    }

    /// <summary>The state the reminder rule judges one unit by, given how many of its lines are unanswered.</summary>
    public ReviewUnitState StateOf(int unitId, int unanswered)
    {
        var unit = UnitFor(unitId);
        return new ReviewUnitState(Status, DueDate, unanswered, unit.LastRemindedOn, unit.EscalatedOn);
    }

    /// <summary>Records that the managers of <paramref name="unitId"/> were reminded on <paramref name="day"/>.</summary>
    public void RecordReminder(int unitId, DateOnly day) => UnitFor(unitId).RecordReminder(day);

    /// <summary>Records that <paramref name="unitId"/> went on Soc-IT's dashboard on <paramref name="day"/>.</summary>
    public void RecordEscalation(int unitId, DateOnly day) => UnitFor(unitId).RecordEscalation(day);

    /// <summary>Progress per unit on <paramref name="today"/>; see <see cref="ReviewProgress.PerUnit"/>.</summary>
    public IReadOnlyList<UnitReviewProgress> Progress(DateOnly today) => ReviewProgress.PerUnit(_lines, DueDate, today);

    /// <summary>The person's lines in one unit, for the bulk answer and the manager's view.</summary>
    public IReadOnlyList<ReviewLine> LinesFor(int employeeId, int unitId) =>
        _lines.Where(l => l.EmployeeId == employeeId && l.UnitId == unitId).ToList();

    private ReviewRoundUnit UnitFor(int unitId) =>
        _units.FirstOrDefault(u => u.UnitId == unitId)
        ?? throw new DomainException("Verksamheten ingår inte i den här omgången.");

    private ReviewLine LineFor(int grantId) =>
        _lines.FirstOrDefault(l => l.GrantId == grantId)
        ?? throw new DomainException("Raden finns inte i den här omgången.");

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException($"Omgången \"{Name}\" är stängd. Svaren kan inte längre ändras.");
        }
    }

}
