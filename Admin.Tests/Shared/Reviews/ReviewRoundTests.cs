using SocItConsole.Shared.Common;
using SocItConsole.Shared.Reviews;
using static SocItConsole.Admin.Tests.TestData.ReviewData;

namespace SocItConsole.Admin.Tests.Shared.Reviews;

public class ReviewRoundTests
{
    [Fact]
    public void Start_OpensTheRound_WithALinePerGrantInItsUnits()
    {
        var round = Round(grants: [.. TwoUnits(), Grant(9, unitId: OtherUnit)]);

        Assert.Equal(ReviewRoundStatus.Open, round.Status);
        Assert.Equal("Höstens uppföljning 2026", round.Name);
        Assert.Equal("Gå igenom era behörigheter.", round.Message);
        Assert.Equal([Centrum, Solgarden], round.UnitIds);
        Assert.Equal((StartDay, DueDate), (round.StartDay, round.DueDate));
        Assert.Equal((Administrator.Id, Administrator.Name, StartedAt), (round.StartedById, round.StartedByName, round.StartedAt));
        Assert.Equal([1, 2, 3, 4], round.Lines.Select(l => l.GrantId).Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Start_IsRefused_WithoutAName(string? name)
    {
        var error = Assert.Throws<DomainException>(() =>
            ReviewRound.Start(name, [Centrum], StartDay, DueDate, null, TwoUnits(), Administrator, StartedAt));
        Assert.Equal("Omgångens namn måste anges.", error.Message);
    }

    [Theory]
    [InlineData(ReviewRound.NameMaxLength, false)]
    [InlineData(ReviewRound.NameMaxLength + 1, true)]
    public void Start_LimitsTheNameLength(int length, bool refused)
    {
        var start = () => ReviewRound.Start(new string('x', length), [Centrum], StartDay, DueDate, null, [], Administrator, StartedAt);

        if (refused)
        {
            Assert.Throws<DomainException>(start);
        }
        else
        {
            Assert.Equal(length, start().Name.Length);
        }
    }

    [Fact]
    public void Start_IsRefused_WithoutAUnit()
    {
        var error = Assert.Throws<DomainException>(() =>
            ReviewRound.Start("Vår", [], StartDay, DueDate, null, TwoUnits(), Administrator, StartedAt));
        Assert.Equal("Välj minst en verksamhet.", error.Message);
    }

    [Fact]
    public void Start_KeepsEachUnitOnce_AndNoEmptyMessage()
    {
        var round = ReviewRound.Start("Vår", [Solgarden, Centrum, Solgarden], StartDay, DueDate, "  ", TwoUnits(), Administrator, StartedAt);

        Assert.Equal([Centrum, Solgarden], round.UnitIds);
        Assert.Null(round.Message);
    }

    [Theory]
    [InlineData("2026-11-01", "Sista svarsdag 2026-11-01 har redan passerat.")]
    [InlineData("2025-12-31", "Sista svarsdag 2025-12-31 har redan passerat.")]
    [InlineData("2026-11-02", "Sista svarsdag måste vara efter i dag.")]
    public void Start_IsRefused_WhenTheDueDateIsNotAfterTheStartDay(string due, string message)
    {
        var error = Assert.Throws<DomainException>(() => Round(dueDate: Day(due)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Start_Accepts_TheDayAfterTheStartDayAsDueDate() =>
        Assert.Equal(Day("2026-11-03"), Round(dueDate: Day("2026-11-03")).DueDate);

    [Theory]
    [InlineData("2026-11-30")] // on the due date
    [InlineData("2026-12-15")] // after it
    public void Close_OnOrAfterTheDueDate_NeedsNoReason(string today)
    {
        var round = Round();

        round.Close(Administrator, Later, Day(today));

        Assert.Equal(ReviewRoundStatus.Closed, round.Status);
        Assert.Equal((Administrator.Name, Later.ToUniversalTime()), (round.ClosedByName, round.ClosedAt));
        Assert.Null(round.CloseReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Close_BeforeTheDueDate_IsRefused_WithoutAReason(string? reason)
    {
        var round = Round();

        var error = Assert.Throws<DomainException>(() => round.Close(Administrator, Later, Day("2026-11-29"), reason));

        Assert.Equal("Sista svarsdag är 2026-11-30. Ange varför omgången stängs i förtid.", error.Message);
        Assert.Equal(ReviewRoundStatus.Open, round.Status);
    }

    [Fact]
    public void Close_BeforeTheDueDate_WithAReason_KeepsTheReason()
    {
        var round = Round();

        round.Close(Administrator, Later, Day("2026-11-10"), " Alla chefer har svarat. ");

        Assert.Equal(ReviewRoundStatus.Closed, round.Status);
        Assert.Equal("Alla chefer har svarat.", round.CloseReason);
    }

    [Fact]
    public void Close_IsRefused_WhenAlreadyClosed()
    {
        var round = Round();
        round.Close(Administrator, Later, DueDate);

        var error = Assert.Throws<DomainException>(() => round.Close(Administrator, Later, DueDate));
        Assert.Equal("Omgången \"Höstens uppföljning 2026\" är redan stängd.", error.Message);
    }

    [Fact]
    public void Close_LeavesUnansweredLinesUnanswered()
    {
        var round = Round();
        round.Answer(1, ReviewAnswer.Keep, null, Manager, Later);

        round.Close(Administrator, Later, DueDate);

        Assert.Equal(3, round.Lines.Count(l => !l.IsAnswered));
    }

    [Theory]
    [InlineData(ReviewRoundStatus.Open, "Pågår")]
    [InlineData(ReviewRoundStatus.Closed, "Stängd")]
    public void Texts_NameTheStatusInSwedish(ReviewRoundStatus status, string expected) =>
        Assert.Equal(expected, ReviewTexts.StatusName(status));

    [Theory]
    [InlineData(ReviewAnswer.None, "Ej besvarad")]
    [InlineData(ReviewAnswer.Keep, "Behålls")]
    [InlineData(ReviewAnswer.Remove, "Tas bort")]
    public void Texts_NameTheAnswerInSwedish(ReviewAnswer answer, string expected) =>
        Assert.Equal(expected, ReviewTexts.AnswerName(answer));
}
