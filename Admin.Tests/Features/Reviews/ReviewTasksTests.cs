using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Tests.Features.Reviews;

/// <summary>The manager's side of the access review: what a manager sees, answers, and what each answer leaves behind.</summary>
public class ReviewTasksTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MyRounds_HoldOnlyRoundsWithTheManagersUnits_OpenFirst_WithTheirOwnCounts()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var both = await world.StartRoundAsync(name: "Båda");
        var onlyTallgarden = await world.StartRoundAsync(name: "Bara Tallgården", units: [ReviewWorld.Tallgarden]);
        var closed = await world.StartRoundAsync(dueInDays: 30, name: "Stängd", units: [ReviewWorld.Centrum]);
        await world.CloseEarlyAsync(closed);

        var anna = await world.Tasks("chef1").MyRoundsAsync(Ct);
        var erik = await world.Tasks("chef2").MyRoundsAsync(Ct);

        Assert.Equal(["Båda", "Stängd"], anna.Select(r => r.Name));
        var mine = anna[0];
        Assert.True(mine.IsOpen);
        Assert.Equal((3, 3), (mine.Lines, mine.Unanswered));
        Assert.Equal(ReviewWorld.Centrum, Assert.Single(mine.Units).UnitName);
        Assert.Equal("Tack för hjälpen!", mine.Message);
        Assert.False(anna[1].IsOpen);
        Assert.Null(await world.Tasks("chef1").MyRoundAsync(onlyTallgarden, Ct));
        Assert.Equal(both, (await world.Tasks("chef1").MyRoundAsync(both, Ct))?.Id);
        Assert.Equal(["Bara Tallgården", "Båda"], erik.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(erik, r => Assert.Equal((1, 1), (r.Lines, r.Unanswered)));
    }

    [Fact]
    public async Task Lines_AreOnlyTheManagersUnits_InUnitPersonAndSystemOrder_SortedTheSwedishWay()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var names = new[] { "Östen Berg", "Ärla Lind", "Åsa Ek", "Zara Holm" };
        for (var i = 0; i < names.Length; i++)
        {
            await world.AddGrantInAsync(ReviewWorld.Centrum, names[i], KeyRegisterData.PersonnummerFor(i), "Appva", "Standard");
        }

        await world.AddGrantInAsync(ReviewTaskData.Skrea, "Bo Ek", KeyRegisterData.PersonnummerFor(10), "Lifecare", "Utförare");
        var id = await world.StartRoundAsync(units: [ReviewTaskData.Skrea, ReviewWorld.Centrum, ReviewWorld.Tallgarden]);

        var lines = await world.Tasks("chef1").AllLinesAsync(id);

        Assert.Equal(
        [
            "Hemtjänst Centrum: Jonas Berg Lifecare", "Hemtjänst Centrum: Lisa Andersson Lifecare",
            "Hemtjänst Centrum: Lisa Andersson Qlikview", "Hemtjänst Centrum: Zara Holm Appva", "Hemtjänst Centrum: Åsa Ek Appva",
            "Hemtjänst Centrum: Ärla Lind Appva", "Hemtjänst Centrum: Östen Berg Appva", "Hemtjänst Skrea: Bo Ek Lifecare",
        ], lines.Select(l => $"{l.UnitName}: {l.EmployeeName} {l.SystemName}"));
        Assert.DoesNotContain(lines, l => l.EmployeeName == "Omar Ali");
    }

    [Fact]
    public async Task Lines_FilterByUnitAnswerAndSearch_AndPageOnTheServer()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        await world.AddGrantInAsync(ReviewTaskData.Skrea, "Bo Ek", KeyRegisterData.PersonnummerFor(10), "Lifecare", "Utförare");
        var id = await world.StartRoundAsync(units: [ReviewWorld.Centrum, ReviewTaskData.Skrea]);
        var anna = world.Tasks("chef1");
        var all = await anna.AllLinesAsync(id);
        await anna.AnswerAsync(id, all[0].LineId, ReviewAnswer.Keep, null, Ct);
        var skrea = await world.UnitIdAsync(ReviewTaskData.Skrea);

        var unanswered = await anna.LinesAsync(id, null, ReviewTaskFilter.Unanswered, null, 0, 50, Ct);
        var answered = await anna.LinesAsync(id, null, ReviewTaskFilter.Answered, null, 0, 50, Ct);
        var inSkrea = await anna.LinesAsync(id, skrea, ReviewTaskFilter.All, null, 0, 50, Ct);
        var bySystem = await anna.LinesAsync(id, null, ReviewTaskFilter.All, "qlik", 0, 50, Ct);
        var byName = await anna.LinesAsync(id, null, ReviewTaskFilter.All, "Andersson", 0, 50, Ct);
        var secondPage = await anna.LinesAsync(id, null, ReviewTaskFilter.All, null, 1, 3, Ct);

        Assert.Equal((3, 3), (unanswered.Total, unanswered.Unanswered));
        Assert.DoesNotContain(unanswered.Lines, l => l.IsAnswered);
        Assert.Equal(all[0].LineId, Assert.Single(answered.Lines).LineId);
        Assert.Equal("Bo Ek", Assert.Single(inSkrea.Lines).EmployeeName);
        Assert.Equal("Qlikview", Assert.Single(bySystem.Lines).SystemName);
        Assert.Equal(2, byName.Total);
        Assert.Equal(4, secondPage.Total);
        Assert.Equal(all[3].LineId, Assert.Single(secondPage.Lines).LineId);
    }

    [Fact]
    public async Task AnotherUnitsLine_IsNotFound_ForEveryManagerOperation()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var omar = Assert.Single(await world.Tasks("chef2").AllLinesAsync(id));
        var anna = world.Tasks("chef1");

        var answer = await anna.AnswerAsync(id, omar.LineId, ReviewAnswer.Remove, null, Ct);
        var keepAll = await anna.KeepAllForAsync(id, omar.UnitId, omar.EmployeeId, Ct);
        var retry = await anna.RetryRemovalOrderAsync(id, omar.LineId, Ct);
        var wrongRound = await anna.AnswerAsync(id + 1, omar.LineId, ReviewAnswer.Keep, null, Ct);
        var byId = await anna.LinesByIdAsync(id, [omar.LineId], Ct);

        Assert.All(new[] { answer, keepAll, retry }, r => Assert.Equal(ReviewTasks.NotFoundMessage, Assert.IsType<ReviewResult.Refused>(r).Message));
        Assert.Equal(ReviewTasks.NotFoundMessage, Assert.IsType<ReviewResult.Refused>(wrongRound).Message);
        Assert.Empty(byId);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(ReviewAnswer.None, (await db.ReviewLines.SingleAsync(l => l.Id == omar.LineId, Ct)).Answer);
        Assert.False(await db.Orders.AnyAsync(o => o.Type == OrderType.EndTemporary, Ct));
    }

    [Fact]
    public async Task Answer_CanChange_AndEveryAnswerIsKeptInTheHistoryAndTheAuditTrail()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var anna = world.Tasks("chef1");
        var jonas = (await anna.AllLinesAsync(id)).Single(l => l.EmployeeName == "Jonas Berg");

        var first = await anna.AnswerAsync(id, jonas.LineId, ReviewAnswer.Keep, null, Ct);
        world.Advance(1);
        var second = await anna.AnswerAsync(id, jonas.LineId, ReviewAnswer.Keep, "  Behövs för nattpassen  ", Ct);
        var again = await anna.AnswerAsync(id, jonas.LineId, ReviewAnswer.Keep, "Behövs för nattpassen", Ct);

        Assert.Equal("Jonas Berg: Lifecare behålls.", Assert.IsType<ReviewResult.Done>(first).Message);
        Assert.IsType<ReviewResult.Done>(second);
        Assert.IsType<ReviewResult.Done>(again);
        var line = Assert.Single(await anna.LinesByIdAsync(id, [jonas.LineId], Ct));
        Assert.Equal((ReviewAnswer.Keep, "Behövs för nattpassen", "Anna Lindqvist"), (line.Answer, line.Comment, line.AnsweredByName));
        Assert.Equal(world.Clock.GetUtcNow(), line.AnsweredAt);
        await using var db = world.Database.CreateDbContext();
        var stored = await db.ReviewLines.SingleAsync(l => l.Id == jonas.LineId, Ct);
        Assert.Equal(new string?[] { null, "Behövs för nattpassen" }, stored.History.Select(h => h.Comment));
        Assert.All(stored.History, h => Assert.Equal("Anna Lindqvist", h.ByName));
        var entityId = jonas.LineId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await db.AuditEntries.Where(a => a.Action == "Review.Answered" && a.EntityId == entityId).ToListAsync(Ct);
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("Anna Lindqvist", a.ActorName));
    }

    [Fact]
    public async Task Answer_WithATooLongComment_IsRefusedInSwedish_AndSavesNothing()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var anna = world.Tasks("chef1");
        var line = (await anna.AllLinesAsync(id))[0];

        var refused = await anna.AnswerAsync(id, line.LineId, ReviewAnswer.Keep, new string('x', ReviewLine.CommentMaxLength + 1), Ct);
        var none = await anna.AnswerAsync(id, line.LineId, ReviewAnswer.None, null, Ct);

        Assert.Equal("Kommentaren får vara högst 500 tecken.", Assert.IsType<ReviewResult.Refused>(refused).Message);
        Assert.Equal("Välj \"Behålls\" eller \"Tas bort\".", Assert.IsType<ReviewResult.Refused>(none).Message);
        Assert.False(Assert.Single(await anna.LinesByIdAsync(id, [line.LineId], Ct)).IsAnswered);
    }

    [Fact]
    public async Task Remove_PlacesOneEndOrderForTheGrant_LocksTheLine_AndAgainOrRetryFindTheSameOrder()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var anna = world.Tasks("chef1");
        var qlik = (await anna.AllLinesAsync(id)).Single(l => l.SystemName == "Qlikview");

        var removed = await anna.AnswerAsync(id, qlik.LineId, ReviewAnswer.Remove, "Slutat använda Qlikview", Ct);
        var again = await anna.AnswerAsync(id, qlik.LineId, ReviewAnswer.Remove, "Slutat använda Qlikview", Ct);
        var retry = await anna.RetryRemovalOrderAsync(id, qlik.LineId, Ct);
        var change = await anna.AnswerAsync(id, qlik.LineId, ReviewAnswer.Keep, null, Ct);

        await using var db = world.Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Type == OrderType.EndTemporary, Ct);
        var expected = $"Lisa Andersson: Qlikview tas bort. Avslut beställt hos Soc-IT: ärende {order.CaseNumber}.";
        Assert.Equal(expected, Assert.IsType<ReviewResult.Done>(removed).Message);
        Assert.Equal(expected, Assert.IsType<ReviewResult.Done>(again).Message);
        Assert.Equal(expected, Assert.IsType<ReviewResult.Done>(retry).Message);
        Assert.Contains("Svaret kan inte ändras", Assert.IsType<ReviewResult.Refused>(change).Message, StringComparison.Ordinal);

        Assert.Equal((ReviewWorld.Centrum, ReviewWorld.Today, "Anna Lindqvist"), (order.UnitName, order.EndDate, order.Manager.Name));
        Assert.Equal(FollowUpWorld.Chef1Email, order.Manager.Email.Value);
        var system = Assert.Single(order.Systems);
        Assert.Equal(("Qlikview", "Standard"), (system.SystemName, system.LevelName));
        Assert.Contains("Granskning hösten 2026", order.Note, StringComparison.Ordinal);
        Assert.Contains("Slutat använda Qlikview", order.Note, StringComparison.Ordinal);
        Assert.Equal("Lisa Andersson", order.EmployeeName);

        var line = Assert.Single(await anna.LinesByIdAsync(id, [qlik.LineId], Ct));
        Assert.True(line.IsLocked);
        Assert.Equal((ReviewAnswer.Remove, order.CaseNumber), (line.Answer, line.RemovalCaseNumber));
        var entityId = qlik.LineId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Review.RemovalOrdered" && a.EntityId == entityId, Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Review.Answered" && a.EntityId == entityId, Ct));
    }

    [Fact]
    public async Task Remove_WhenTheOrderIsRefused_KeepsTheAnswer_AndRetryPlacesItOnce()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var anna = world.Tasks("chef1");
        var qlik = (await anna.AllLinesAsync(id)).Single(l => l.SystemName == "Qlikview");
        await world.SetSystemActiveAsync("Qlikview", active: false);

        var failed = await anna.AnswerAsync(id, qlik.LineId, ReviewAnswer.Remove, null, Ct);
        var saved = Assert.Single(await anna.LinesByIdAsync(id, [qlik.LineId], Ct));
        await world.SetSystemActiveAsync("Qlikview", active: true);
        var retried = await anna.RetryRemovalOrderAsync(id, qlik.LineId, Ct);
        var retriedAgain = await anna.RetryRemovalOrderAsync(id, qlik.LineId, Ct);

        Assert.StartsWith("Svaret \"Tas bort\" är sparat", Assert.IsType<ReviewResult.Refused>(failed).Message, StringComparison.Ordinal);
        Assert.Equal((ReviewAnswer.Remove, false), (saved.Answer, saved.IsLocked));
        Assert.Contains("Avslut beställt hos Soc-IT", Assert.IsType<ReviewResult.Done>(retried).Message, StringComparison.Ordinal);
        Assert.Equal(retried.Message, Assert.IsType<ReviewResult.Done>(retriedAgain).Message);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.Type == OrderType.EndTemporary, Ct));
        Assert.True(Assert.Single(await anna.LinesByIdAsync(id, [qlik.LineId], Ct)).IsLocked);
    }

    [Fact]
    public async Task Remove_AfterTheUnitWasRenamed_OrdersTheEndUnderTheUnitsNameToday()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var anna = world.Tasks("chef1");
        var jonas = (await anna.AllLinesAsync(id)).Single(l => l.EmployeeName == "Jonas Berg");
        await using (var db = world.Database.CreateDbContext())
        {
            var unit = await db.Units.SingleAsync(u => u.Name == ReviewWorld.Centrum, Ct);
            unit.Update("Hemtjänst Centrum Falkenberg", unit.Area, unit.CostCentre, unit.UsesDigitalKeys);
            await db.SaveChangesAsync(Ct);
        }

        var removed = await anna.AnswerAsync(id, jonas.LineId, ReviewAnswer.Remove, null, Ct);

        Assert.IsType<ReviewResult.Done>(removed);
        await using var context = world.Database.CreateDbContext();
        Assert.Equal("Hemtjänst Centrum Falkenberg", (await context.Orders.SingleAsync(o => o.Type == OrderType.EndTemporary, Ct)).UnitName);
    }

    [Fact]
    public async Task Retry_OnALineNotAnsweredRemove_OrdersNothing()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var anna = world.Tasks("chef1");
        var line = (await anna.AllLinesAsync(id))[0];
        await anna.AnswerAsync(id, line.LineId, ReviewAnswer.Keep, null, Ct);

        var retry = await anna.RetryRemovalOrderAsync(id, line.LineId, Ct);

        Assert.Contains("inte besvarad med \"Tas bort\"", Assert.IsType<ReviewResult.Refused>(retry).Message, StringComparison.Ordinal);
        await using var db = world.Database.CreateDbContext();
        Assert.False(await db.Orders.AnyAsync(o => o.Type == OrderType.EndTemporary, Ct));
    }

    [Fact]
    public async Task ClosedRound_RefusesAnswers_TheSameAnswerAgain_AndKeepAll()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var anna = world.Tasks("chef1");
        var lines = await anna.AllLinesAsync(id);
        await anna.AnswerAsync(id, lines[0].LineId, ReviewAnswer.Keep, null, Ct);
        await world.CloseEarlyAsync(id);

        var change = await anna.AnswerAsync(id, lines[0].LineId, ReviewAnswer.Remove, null, Ct);
        var same = await anna.AnswerAsync(id, lines[0].LineId, ReviewAnswer.Keep, null, Ct);
        var first = await anna.AnswerAsync(id, lines[1].LineId, ReviewAnswer.Keep, null, Ct);
        var keepAll = await anna.KeepAllForAsync(id, lines[1].UnitId, lines[1].EmployeeId, Ct);

        Assert.All(new[] { change, same, first, keepAll }, r =>
            Assert.Contains("är stängd. Svaren kan inte längre ändras.", Assert.IsType<ReviewResult.Refused>(r).Message, StringComparison.Ordinal));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.ReviewLines.CountAsync(l => l.RoundId == id && l.Answer != ReviewAnswer.None, Ct));
        Assert.False(await db.Orders.AnyAsync(o => o.Type == OrderType.EndTemporary, Ct));
    }

    [Fact]
    public async Task KeepAll_AnswersOnlyThePersonsUnansweredLines_LeavingAnsweredAndOrderedOnesAsTheyAre()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        await world.AddGrantInAsync(ReviewWorld.Centrum, "Lisa Andersson", OrderRequests.Pnr1990, "Appva", "Standard");
        var id = await world.StartRoundAsync();
        var anna = world.Tasks("chef1");
        var lisa = (await anna.AllLinesAsync(id)).Where(l => l.EmployeeName == "Lisa Andersson").ToDictionary(l => l.SystemName);
        await anna.AnswerAsync(id, lisa["Qlikview"].LineId, ReviewAnswer.Remove, null, Ct);
        await anna.AnswerAsync(id, lisa["Appva"].LineId, ReviewAnswer.Keep, "Behövs på natten", Ct);

        var kept = await anna.KeepAllForAsync(id, lisa["Lifecare"].UnitId, lisa["Lifecare"].EmployeeId, Ct);
        var nothingLeft = await anna.KeepAllForAsync(id, lisa["Lifecare"].UnitId, lisa["Lifecare"].EmployeeId, Ct);

        Assert.Equal("1 rad för Lisa Andersson behålls.", Assert.IsType<ReviewResult.Done>(kept).Message);
        Assert.Equal("Lisa Andersson hade inga obesvarade rader i Hemtjänst Centrum.", Assert.IsType<ReviewResult.Done>(nothingLeft).Message);
        var after = (await anna.AllLinesAsync(id)).ToDictionary(l => (l.EmployeeName, l.SystemName));
        Assert.Equal(ReviewAnswer.Keep, after[("Lisa Andersson", "Lifecare")].Answer);
        Assert.Equal((ReviewAnswer.Keep, "Behövs på natten"), (after[("Lisa Andersson", "Appva")].Answer, after[("Lisa Andersson", "Appva")].Comment));
        Assert.True(after[("Lisa Andersson", "Qlikview")].IsLocked);
        Assert.Equal(ReviewAnswer.None, after[("Jonas Berg", "Lifecare")].Answer);
        await using var db = world.Database.CreateDbContext();
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.Action == "Review.KeptAll" && a.EntityId == entityId).ToListAsync(Ct));
        Assert.Contains("Lisa Andersson", audit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeopleFromOtherUnits_AndTemporaryGrants_AreFlaggedOnTheirLines()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        await world.AddGrantInAsync(
            ReviewWorld.Centrum, "Omar Ali", "19790312-1239", "Appva", "Standard", endsIn: 20, homeUnit: ReviewWorld.Tallgarden);
        var id = await world.StartRoundAsync(units: [ReviewWorld.Centrum]);

        var lines = await world.Tasks("chef1").AllLinesAsync(id);

        var omar = lines.Single(l => l.EmployeeName == "Omar Ali");
        Assert.True(omar.IsFromOtherUnit);
        Assert.Equal((true, ReviewWorld.Today.AddDays(20)), (omar.IsTemporary, omar.To));
        var qlik = lines.Single(l => l.SystemName == "Qlikview");
        Assert.Equal((true, false), (qlik.IsTemporary, qlik.IsFromOtherUnit));
        Assert.Empty(await world.Tasks("chef2").MyRoundsAsync(Ct));
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("admin")]
    public async Task OperatorsAndAdministrators_CannotUseTheManagersOperations(string user)
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var line = (await world.Tasks("chef1").AllLinesAsync(id))[0];
        var tasks = world.Tasks(user);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => tasks.MyRoundsAsync(Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => tasks.MyRoundAsync(id, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => tasks.LinesAsync(id, null, ReviewTaskFilter.All, null, 0, 10, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => tasks.LinesByIdAsync(id, [line.LineId], Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => tasks.AnswerAsync(id, line.LineId, ReviewAnswer.Keep, null, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => tasks.KeepAllForAsync(id, line.UnitId, line.EmployeeId, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => tasks.RetryRemovalOrderAsync(id, line.LineId, Ct));
        await using var db = world.Database.CreateDbContext();
        Assert.False(await db.ReviewLines.AnyAsync(l => l.Answer != ReviewAnswer.None, Ct));
    }
}
