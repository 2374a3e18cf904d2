namespace SocItConsole.Shared.Reviews;

/// <summary>One unit's progress in a round.</summary>
public sealed record UnitReviewProgress(
    int UnitId, string UnitName, int Total, int Answered, int Kept, int Removed, int Unanswered, bool IsOverdue)
{
    public bool IsComplete => Unanswered == 0;
}

public static class ReviewProgress
{
    /// <summary>
    /// Counts per unit, in the order the lines come. A unit is overdue when <paramref name="today"/> is after the due
    /// date (the due date itself is the last day to answer) and it still has unanswered lines.
    /// </summary>
    public static IReadOnlyList<UnitReviewProgress> PerUnit(IEnumerable<ReviewLine> lines, DateOnly dueDate, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines
            .GroupBy(l => l.UnitId)
            .Select(g =>
            {
                var total = g.Count();
                var kept = g.Count(l => l.Answer == ReviewAnswer.Keep);
                var removed = g.Count(l => l.Answer == ReviewAnswer.Remove);
                var unanswered = total - kept - removed;
                return new UnitReviewProgress(
                    g.Key, g.First().UnitName, total, kept + removed, kept, removed, unanswered,
                    unanswered > 0 && today > dueDate);
            })
            .ToList();
    }
}
