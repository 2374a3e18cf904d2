using SocItConsole.Shared.Common;
using SocItConsole.Shared.Reviews;
using static SocItConsole.Admin.Tests.TestData.ReviewData;

namespace SocItConsole.Admin.Tests.Shared.Reviews;

public class ReviewAnswerTests
{
    [Theory]
    [InlineData(ReviewAnswer.Keep)]
    [InlineData(ReviewAnswer.Remove)]
    public void Answer_RecordsTheAnswer_WhoAndWhen(ReviewAnswer answer)
    {
        var round = Round();

        round.Answer(3, answer, " Slutar i december ", Manager, Later);

        var line = round.Lines.Single(l => l.GrantId == 3);
        Assert.Equal(answer, line.Answer);
        Assert.Equal("Slutar i december", line.Comment);
        Assert.Equal((Manager.Id, Manager.Name, Later.ToUniversalTime()), (line.AnsweredById, line.AnsweredByName, line.AnsweredAt));
        Assert.Single(line.History);
        Assert.All(round.Lines.Where(l => l.GrantId != 3), l => Assert.False(l.IsAnswered));
    }

    [Fact]
    public void Answer_IsRefused_WithoutAChoice()
    {
        var round = Round();

        var error = Assert.Throws<DomainException>(() => round.Answer(1, ReviewAnswer.None, null, Manager, Later));
        Assert.Equal("Välj \"Behålls\" eller \"Tas bort\".", error.Message);
    }

    [Fact]
    public void Answer_IsRefused_ForALineNotInTheRound()
    {
        var round = Round();

        var error = Assert.Throws<DomainException>(() => round.Answer(99, ReviewAnswer.Keep, null, Manager, Later));
        Assert.Equal("Raden finns inte i den här omgången.", error.Message);
    }

    [Theory]
    [InlineData(ReviewLine.CommentMaxLength, false)]
    [InlineData(ReviewLine.CommentMaxLength + 1, true)]
    public void Answer_LimitsTheCommentLength(int length, bool refused)
    {
        var round = Round();
        var answer = () => round.Answer(1, ReviewAnswer.Keep, new string('k', length), Manager, Later);

        if (refused)
        {
            Assert.Equal("Kommentaren får vara högst 500 tecken.", Assert.Throws<DomainException>(answer).Message);
            Assert.False(round.Lines.Single(l => l.GrantId == 1).IsAnswered);
        }
        else
        {
            answer();
            Assert.Equal(length, round.Lines.Single(l => l.GrantId == 1).Comment!.Length);
        }
    }

    [Fact]
    public void Answer_IsRefused_AfterTheRoundIsClosed()
    {
        var round = Round();
        round.Close(Administrator, Later, DueDate);

        var error = Assert.Throws<DomainException>(() => round.Answer(1, ReviewAnswer.Keep, null, Manager, Later));

        Assert.Equal("Omgången \"Höstens uppföljning 2026\" är stängd. Svaren kan inte längre ändras.", error.Message);
        Assert.False(round.Lines.Single(l => l.GrantId == 1).IsAnswered);
    }

    [Fact]
    public void Answer_CanBeChanged_WhileOpen_AndKeepsTheHistory()
    {
        var round = Round();
        var changedAt = Later.AddHours(2);
        round.Answer(1, ReviewAnswer.Remove, "Slutat", Manager, Later);

        round.Answer(1, ReviewAnswer.Keep, null, OtherManager, changedAt);

        var line = round.Lines.Single(l => l.GrantId == 1);
        Assert.Equal((ReviewAnswer.Keep, (string?)null, OtherManager.Name, changedAt.ToUniversalTime()),
            (line.Answer, line.Comment, line.AnsweredByName, line.AnsweredAt));
        Assert.Equal(
            [(ReviewAnswer.Remove, "Anna Lindqvist", "Slutat"), (ReviewAnswer.Keep, "Bo Berg", null)],
            line.History.Select(h => (h.Answer, h.ByName, h.Comment)));
        Assert.False(line.NeedsRemovalOrder);
    }

    [Fact]
    public void Answer_TasBort_MarksThatAnEndOrderIsNeeded()
    {
        var round = Round();

        round.Answer(2, ReviewAnswer.Remove, null, Manager, Later);

        var line = round.Lines.Single(l => l.GrantId == 2);
        Assert.True(line.NeedsRemovalOrder);
        Assert.Null(line.RemovalOrderId);
    }

    [Fact]
    public void LinkRemovalOrder_RecordsTheOrder_AndTheNeedIsMet()
    {
        var round = Round();
        round.Answer(2, ReviewAnswer.Remove, null, Manager, Later);

        round.LinkRemovalOrder(2, 501);

        var line = round.Lines.Single(l => l.GrantId == 2);
        Assert.Equal(501, line.RemovalOrderId);
        Assert.False(line.NeedsRemovalOrder);
    }

    [Theory]
    [InlineData(ReviewAnswer.Keep)]
    [InlineData(ReviewAnswer.Remove)]
    public void Answer_IsRefused_AfterTheEndOrderOfARemovalWasCreated(ReviewAnswer newAnswer)
    {
        var round = Round();
        round.Answer(2, ReviewAnswer.Remove, null, Manager, Later);
        round.LinkRemovalOrder(2, 501);

        var error = Assert.Throws<DomainException>(() => round.Answer(2, newAnswer, "Ångrar", Manager, Later));

        Assert.Equal(
            "Eva Ek: Combine (Utförare) i Hemtjänst Centrum ska tas bort och avslutsbeställningen är redan skapad. Svaret kan inte ändras.",
            error.Message);
        Assert.Equal(ReviewAnswer.Remove, round.Lines.Single(l => l.GrantId == 2).Answer);
    }

    [Fact]
    public void LinkRemovalOrder_IsRefused_ForAKeptLine()
    {
        var round = Round();
        round.Answer(1, ReviewAnswer.Keep, null, Manager, Later);

        Assert.Throws<DomainException>(() => round.LinkRemovalOrder(1, 501));
    }

    [Fact]
    public void LinkRemovalOrder_IsRefused_ForAnUnansweredLine() =>
        Assert.Throws<DomainException>(() => Round().LinkRemovalOrder(1, 501));

    [Fact]
    public void LinkRemovalOrder_IsRefused_ForASecondOrder_ButTheSameOrderAgainIsHarmless()
    {
        var round = Round();
        round.Answer(2, ReviewAnswer.Remove, null, Manager, Later);
        round.LinkRemovalOrder(2, 501);

        round.LinkRemovalOrder(2, 501);

        Assert.Throws<DomainException>(() => round.LinkRemovalOrder(2, 502));
        Assert.Equal(501, round.Lines.Single(l => l.GrantId == 2).RemovalOrderId);
    }

    [Fact]
    public void LinkRemovalOrder_IsAllowed_AfterTheRoundIsClosed()
    {
        var round = Round();
        round.Answer(2, ReviewAnswer.Remove, null, Manager, Later);
        round.Close(Administrator, Later, DueDate);

        round.LinkRemovalOrder(2, 501);

        Assert.Equal(501, round.Lines.Single(l => l.GrantId == 2).RemovalOrderId);
    }

    [Fact]
    public void AnswerAllFor_AnswersThePersonsUnansweredLinesInTheUnit_Only()
    {
        var grants = TwoUnits().Append(Grant(5, employeeId: 100, employeeName: "Eva Ek", system: "Appva", unitId: Solgarden, homeUnitId: Centrum));
        var round = Round(grants);
        round.Answer(2, ReviewAnswer.Remove, "Behövs inte", Manager, Later);

        var count = round.AnswerAllFor(100, Centrum, ReviewAnswer.Keep, null, Manager, Later);

        Assert.Equal(1, count);
        Assert.Equal(
            [(1, ReviewAnswer.Keep), (2, ReviewAnswer.Remove), (3, ReviewAnswer.None), (4, ReviewAnswer.None), (5, ReviewAnswer.None)],
            round.Lines.OrderBy(l => l.GrantId).Select(l => (l.GrantId, l.Answer)));
    }

    [Fact]
    public void AnswerAllFor_WithIncludeAnswered_ChangesEveryLine_ExceptRemovalsWithAnEndOrder()
    {
        var grants = TwoUnits().Append(Grant(6, employeeId: 100, employeeName: "Eva Ek", system: "KOBE"));
        var round = Round(grants);
        round.Answer(2, ReviewAnswer.Remove, null, Manager, Later);
        round.Answer(6, ReviewAnswer.Remove, null, Manager, Later);
        round.LinkRemovalOrder(6, 501);

        var count = round.AnswerAllFor(100, Centrum, ReviewAnswer.Keep, "Alla behövs", Manager, Later, includeAnswered: true);

        Assert.Equal(2, count);
        Assert.Equal(
            [(1, ReviewAnswer.Keep), (2, ReviewAnswer.Keep), (6, ReviewAnswer.Remove)],
            round.LinesFor(100, Centrum).OrderBy(l => l.GrantId).Select(l => (l.GrantId, l.Answer)));
    }

    [Fact]
    public void AnswerAllFor_CountsNothing_WhenEveryLineIsAnswered()
    {
        var round = Round();
        round.AnswerAllFor(100, Centrum, ReviewAnswer.Keep, null, Manager, Later);

        Assert.Equal(0, round.AnswerAllFor(100, Centrum, ReviewAnswer.Keep, null, Manager, Later));
        Assert.All(round.LinesFor(100, Centrum), l => Assert.Single(l.History));
    }

    [Fact]
    public void AnswerAllFor_IsRefused_ForAPersonWithoutLinesInTheUnit() =>
        Assert.Throws<DomainException>(() => Round().AnswerAllFor(200, Centrum, ReviewAnswer.Keep, null, Manager, Later));

    [Fact]
    public void AnswerAllFor_IsRefused_AfterTheRoundIsClosed()
    {
        var round = Round();
        round.Close(Administrator, Later, DueDate);

        Assert.Throws<DomainException>(() => round.AnswerAllFor(100, Centrum, ReviewAnswer.Keep, null, Manager, Later));
        Assert.All(round.Lines, l => Assert.False(l.IsAnswered));
    }
}
