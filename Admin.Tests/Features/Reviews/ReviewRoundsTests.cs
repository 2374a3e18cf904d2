using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Expiry;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Tests.Features.Reviews;

public class ReviewRoundsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_SavesOneLinePerActiveGrant_AndInvitesEachManagerOnce()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();

        var id = await world.StartRoundAsync();

        await using var db = world.Database.CreateDbContext();
        var round = await db.ReviewRounds.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(4, round.Lines.Count);
        Assert.Equal(2, round.Units.Count);
        Assert.All(round.Lines, l => Assert.Equal(id, l.RoundId));
        var messages = await db.ReviewMessages.OrderBy(m => m.ToEmail).ToListAsync(Ct);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(ReminderStatus.Sent, m.Status));
        Assert.Equal(2, world.Mail.Sent.Count);
        var anna = world.Mail.Sent.Single(m => m.ToAddress == ExpiryWorld.Chef1Email);
        Assert.Contains("Hemtjänst Centrum: 3 rader", anna.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisa", anna.Body, StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Review.Started" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
    }

    [Fact]
    public async Task Manager_AnswersOwnLines_RemovalPlacesAnEndOrder_AndAnotherManagerIsRefused()
    {
        using var world = await ReviewWorld.CreateAsync();
        var grants = await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var anna = world.Tasks("chef1");
        var erik = world.Tasks("chef2");

        var page = await anna.LinesAsync(id, null, ReviewTaskFilter.All, null, 0, 50, Ct);
        Assert.Equal(3, page.Total);
        var qlik = page.Lines.Single(l => l.SystemName == "Qlikview");
        var removed = await anna.AnswerAsync(id, qlik.LineId, ReviewAnswer.Remove, "Slutat använda", Ct);
        var kept = await anna.KeepAllForAsync(id, qlik.UnitId, qlik.EmployeeId, Ct);
        var refused = await erik.AnswerAsync(id, page.Lines[0].LineId, ReviewAnswer.Keep, null, Ct);

        Assert.Contains("Avslut beställt", Assert.IsType<ReviewResult.Done>(removed).Message, StringComparison.Ordinal);
        Assert.Equal("1 rad för Lisa Andersson behålls.", Assert.IsType<ReviewResult.Done>(kept).Message);
        Assert.Equal(ReviewTasks.NotFoundMessage, Assert.IsType<ReviewResult.Refused>(refused).Message);
        Assert.Equal(0, (await erik.LinesAsync(id, null, ReviewTaskFilter.All, null, 0, 50, Ct)).Lines.Count(l => l.UnitName == ReviewWorld.Centrum));

        await using var db = world.Database.CreateDbContext();
        var line = await db.ReviewLines.SingleAsync(l => l.Id == qlik.LineId, Ct);
        var order = await db.Orders.SingleAsync(o => o.Id == line.RemovalOrderId, Ct);
        Assert.Equal(OrderType.EndTemporary, order.Type);
        Assert.Equal("Qlikview", Assert.Single(order.Systems).SystemName);

        var evidence = await world.Rounds("admin").EvidenceAsync(id, Ct);
        Assert.NotNull(evidence);
        var row = evidence.Lines.Single(l => l.LineId == qlik.LineId);
        Assert.Equal(order.CaseNumber, row.RemovalCaseNumber);
        Assert.Equal("Anna Lindqvist", row.AnsweredByName);
    }
}
