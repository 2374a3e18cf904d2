using SocItConsole.Shared.Reviews;
using static SocItConsole.Admin.Tests.TestData.ReviewData;

namespace SocItConsole.Admin.Tests.Shared.Reviews;

public class ReviewProgressTests
{
    [Fact]
    public void Progress_CountsPerUnit()
    {
        var round = Round();
        round.Answer(1, ReviewAnswer.Keep, null, Manager, Later);
        round.Answer(2, ReviewAnswer.Remove, null, Manager, Later);

        var progress = round.Progress(Day("2026-11-20"));

        Assert.Equal(
            [
                new UnitReviewProgress(Centrum, "Hemtjänst Centrum", Total: 3, Answered: 2, Kept: 1, Removed: 1, Unanswered: 1, IsOverdue: false),
                new UnitReviewProgress(Solgarden, "Solgården", Total: 1, Answered: 0, Kept: 0, Removed: 0, Unanswered: 1, IsOverdue: false),
            ],
            progress);
    }

    [Theory]
    [InlineData("2026-11-29", false, false)] // before the due date
    [InlineData("2026-11-30", false, false)] // the due date is still a day to answer
    [InlineData("2026-12-01", false, true)]  // the day after, with lines left
    [InlineData("2026-12-01", true, false)]  // the day after, all answered
    public void Progress_IsOverdue_OnlyAfterTheDueDate_WithUnansweredLines(string today, bool allAnswered, bool overdue)
    {
        var round = Round(grants: [Grant(1), Grant(2, system: "Combine")], unitIds: [Centrum]);
        round.Answer(1, ReviewAnswer.Keep, null, Manager, Later);
        if (allAnswered)
        {
            round.Answer(2, ReviewAnswer.Keep, null, Manager, Later);
        }

        var unit = Assert.Single(round.Progress(Day(today)));

        Assert.Equal(overdue, unit.IsOverdue);
        Assert.Equal(allAnswered, unit.IsComplete);
    }
}
