using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.FollowUps;
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
        var anna = world.Mail.Sent.Single(m => m.ToAddress == FollowUpWorld.Chef1Email);
        Assert.Contains("Hemtjänst Centrum: 3 rader", anna.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisa", anna.Body, StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Review.Started" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
    }

    [Fact]
    public async Task Start_WritesTheLinesTheScopeRuleMakes_InItsOrder()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();

        var id = await world.StartRoundAsync();

        await using var db = world.Database.CreateDbContext();
        var round = await db.ReviewRounds.AsNoTracking().Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        var units = round.UnitIds.ToHashSet();
        var snapshots = await ReviewRounds.Snapshots(db, round.StartDay, [.. units]).ToListAsync(Ct);
        var expected = ReviewScope.LinesFor(snapshots, units, round.StartDay);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(Describe), round.Lines.OrderBy(l => l.Id).Select(Describe));
    }

    private static string Describe(ReviewLine l) =>
        $"{l.GrantId} {l.EmployeeId} {l.EmployeeName} {l.SystemName} {l.LevelName} {l.UnitId} {l.UnitName} {l.From} {l.To} "
        + $"{l.IsTemporary} {l.IsFromOtherUnit} {l.Answer} {l.AnsweredAt} {l.RemovalOrderId}";

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

    [Fact]
    public async Task Removal_OfAGrantWhoseEndIsAlreadyOrdered_LinksThatOrder_InsteadOfOrderingTheEndTwice()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var request = OrderRequests.Extend(OrderRequests.Pnr1990) with
        {
            Type = OrderType.EndTemporary,
            EmployeeName = "Lisa Andersson",
            Unit = ReviewWorld.Centrum,
            StartDate = null,
            EndDate = world.CurrentDay,
            Systems = [new RequestedSystemInput("Qlikview", "Standard")],
        };
        var placed = await SocItConsole.Admin.Tests.Infrastructure.AppServices.OrderIntake(world.Database, world.Clock)
            .PlaceAsync(request, OrderChannel.Console, new SocItConsole.Shared.Audit.Actor("test", "Anna Lindqvist"), ct: Ct);
        var earlier = Assert.IsType<PlaceOrderResult.Created>(placed).Receipt;
        var anna = world.Tasks("chef1");
        var qlik = (await anna.LinesAsync(id, null, ReviewTaskFilter.All, "Qlikview", 0, 10, Ct)).Lines.Single();

        var removed = await anna.AnswerAsync(id, qlik.LineId, ReviewAnswer.Remove, null, Ct);

        Assert.Contains($"ärende {earlier.CaseNumber}", Assert.IsType<ReviewResult.Done>(removed).Message, StringComparison.Ordinal);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(earlier.Id, (await db.ReviewLines.SingleAsync(l => l.Id == qlik.LineId, Ct)).RemovalOrderId);
        Assert.Equal(1, await db.Orders.CountAsync(o => o.Type == OrderType.EndTemporary, Ct));
    }
}

public class ReviewRoundsRulesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, "Välj sista svarsdag.")]
    [InlineData(0, "Sista svarsdag måste vara efter i dag.")]
    [InlineData(-3, "Sista svarsdag 2026-11-24 har redan passerat.")]
    [InlineData(400, "Sista svarsdag får ligga högst ett år fram i tiden.")]
    public async Task Start_RefusesADueDateThatLeavesNoTime_OrIsOutOfRange(int? dueInDays, string expected)
    {
        using var world = await ReviewWorld.CreateAsync();
        var unit = await world.UnitIdAsync(ReviewWorld.Centrum);
        var form = new ReviewRoundForm { Name = "Höst", UnitIds = [unit], DueDate = dueInDays is { } d ? world.CurrentDay.AddDays(d) : null };

        var result = await world.Rounds("admin").StartAsync(form, Ct);

        Assert.Equal(expected, Assert.IsType<ReviewResult.Refused>(result).Message);
        await using var db = world.Database.CreateDbContext();
        Assert.False(await db.ReviewRounds.AnyAsync(Ct));
        Assert.Empty(world.Mail.Sent);
    }

    [Fact]
    public async Task Start_RefusesNoName_NoUnits_AndAnUnknownUnit()
    {
        using var world = await ReviewWorld.CreateAsync();
        var rounds = world.Rounds("admin");
        var due = world.CurrentDay.AddDays(14);
        var unit = await world.UnitIdAsync(ReviewWorld.Centrum);

        var noName = await rounds.StartAsync(new ReviewRoundForm { Name = " ", UnitIds = [unit], DueDate = due }, Ct);
        var noUnits = await rounds.StartAsync(new ReviewRoundForm { Name = "Höst", UnitIds = [], DueDate = due }, Ct);
        var unknown = await rounds.StartAsync(new ReviewRoundForm { Name = "Höst", UnitIds = [unit, 99999], DueDate = due }, Ct);

        Assert.Contains("namn", Assert.IsType<ReviewResult.Refused>(noName).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Välj minst en verksamhet.", Assert.IsType<ReviewResult.Refused>(noUnits).Message);
        Assert.Contains("finns inte", Assert.IsType<ReviewResult.Refused>(unknown).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("chef1")]
    [InlineData("utanroll")]
    public async Task OnlyAnAdministrator_StartsOrClosesARound(string user)
    {
        using var world = await ReviewWorld.CreateAsync();
        var id = await world.StartRoundAsync();
        var rounds = world.Rounds(user);
        var form = new ReviewRoundForm { Name = "X", UnitIds = [await world.UnitIdAsync(ReviewWorld.Centrum)], DueDate = world.CurrentDay.AddDays(5) };

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => rounds.StartAsync(form, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => rounds.CloseAsync(id, 1, "Skäl", Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => rounds.UnitChoicesAsync(Ct));
    }

    [Fact]
    public async Task ReadingRoundsAndEvidence_NeedsAdministratorOrOperator()
    {
        using var world = await ReviewWorld.CreateAsync();
        var id = await world.StartRoundAsync();

        Assert.Single(await world.Rounds("operator").ListAsync(Ct));
        Assert.NotNull(await world.Rounds("operator").EvidenceAsync(id, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Rounds("chef1").ListAsync(Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Rounds("chef1").GetAsync(id, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Rounds("chef1").EvidenceAsync(id, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Rounds("chef1").EvidenceCsvAsync(id, Ct));
    }

    [Fact]
    public async Task Close_BeforeTheDueDate_NeedsAReason_WhichIsKept_AndFreezesTheAnswers()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var rounds = world.Rounds("admin");
        var version = (await rounds.GetAsync(id, Ct))!.Version;

        var withoutReason = await rounds.CloseAsync(id, version, null, Ct);
        var closed = await rounds.CloseAsync(id, version, "Omorganisation", Ct);
        var again = await rounds.CloseAsync(id, version + 1, "Igen", Ct);
        var line = (await world.Tasks("chef1").LinesAsync(id, null, ReviewTaskFilter.All, null, 0, 10, Ct)).Lines[0];
        var answer = await world.Tasks("chef1").AnswerAsync(id, line.LineId, ReviewAnswer.Keep, null, Ct);

        Assert.Equal("Sista svarsdag är 2026-12-11. Ange varför omgången stängs i förtid.", Assert.IsType<ReviewResult.Refused>(withoutReason).Message);
        Assert.IsType<ReviewResult.Done>(closed);
        Assert.Contains("redan stängd", Assert.IsType<ReviewResult.Refused>(again).Message, StringComparison.Ordinal);
        Assert.Contains("stängd", Assert.IsType<ReviewResult.Refused>(answer).Message, StringComparison.Ordinal);
        var details = await rounds.GetAsync(id, Ct);
        Assert.Equal(ReviewRoundStatus.Closed, details!.Status);
        Assert.Equal("Omorganisation", details.CloseReason);
        Assert.Equal("Johan Berg", details.ClosedByName);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Review.Closed", Ct));
    }

    [Fact]
    public async Task Close_AfterTheDueDate_NeedsNoReason_ButAStaleViewIsRefused()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync(dueInDays: 3);
        var rounds = world.Rounds("admin");
        var stale = (await rounds.GetAsync(id, Ct))!.Version;
        var line = (await world.Tasks("chef1").LinesAsync(id, null, ReviewTaskFilter.All, null, 0, 10, Ct)).Lines[0];
        await world.Tasks("chef1").AnswerAsync(id, line.LineId, ReviewAnswer.Keep, null, Ct);
        world.Advance(4);

        var conflict = await rounds.CloseAsync(id, stale, null, Ct);
        var fresh = (await rounds.GetAsync(id, Ct))!;
        var closed = await rounds.CloseAsync(id, fresh.Version, null, Ct);

        Assert.IsType<ReviewResult.Conflict>(conflict);
        Assert.Equal(2, fresh.OverdueUnits);
        Assert.IsType<ReviewResult.Done>(closed);
        Assert.Null((await rounds.GetAsync(id, Ct))!.CloseReason);
    }

    [Fact]
    public async Task Progress_CountsPerUnit_AndFlagsOverdueUnitsAfterTheDueDate()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync(dueInDays: 3);
        var anna = world.Tasks("chef1");
        var lines = (await anna.LinesAsync(id, null, ReviewTaskFilter.All, null, 0, 10, Ct)).Lines;
        foreach (var line in lines)
        {
            await anna.AnswerAsync(id, line.LineId, line.SystemName == "Qlikview" ? ReviewAnswer.Remove : ReviewAnswer.Keep, null, Ct);
        }

        world.Advance(4);
        var details = (await world.Rounds("admin").GetAsync(id, Ct))!;
        var list = Assert.Single(await world.Rounds("admin").ListAsync(Ct));

        var centrum = details.Units.Single(u => u.UnitName == ReviewWorld.Centrum);
        var tallgarden = details.Units.Single(u => u.UnitName == ReviewWorld.Tallgarden);
        Assert.Equal((3, 3, 2, 1, 0, false), (centrum.Total, centrum.Answered, centrum.Kept, centrum.Removed, centrum.RemovalsWithoutOrder, centrum.IsOverdue));
        Assert.Equal((1, 0, true), (tallgarden.Total, tallgarden.Answered, tallgarden.IsOverdue));
        Assert.Equal((4, 3, 1, 1), (list.Lines, list.Answered, list.Removed, list.OverdueUnits));
    }

    [Fact]
    public async Task EvidenceCsv_HasEveryLine_WithTheAnswerAndTheEndOrder_AndTheExportIsAudited()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        var id = await world.StartRoundAsync();
        var anna = world.Tasks("chef1");
        var qlik = (await anna.LinesAsync(id, null, ReviewTaskFilter.All, "Qlikview", 0, 10, Ct)).Lines.Single();
        var removed = Assert.IsType<ReviewResult.Done>(await anna.AnswerAsync(id, qlik.LineId, ReviewAnswer.Remove, "=Slutat", Ct));

        var file = await world.Rounds("operator").EvidenceCsvAsync(id, Ct);

        Assert.NotNull(file);
        Assert.Equal($"granskning-{id}-underlag-2026-11-27.csv", file.Value.FileName);
        var text = System.Text.Encoding.UTF8.GetString(file.Value.Content);
        Assert.StartsWith("\uFEFFVerksamhet;Medarbetare;System;Nivå", text, StringComparison.Ordinal);
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, rows.Length);
        var qlikRow = rows.Single(r => r.Contains("Qlikview", StringComparison.Ordinal));
        Assert.Contains(";Tas bort;'=Slutat;Anna Lindqvist;2026-11-27 10:00;1;Avslut beställt (ärendet ", qlikRow, StringComparison.Ordinal);
        Assert.Contains(removed.Message.Split("ärende ")[1].TrimEnd('.'), qlikRow, StringComparison.Ordinal);
        Assert.Equal(3, rows.Count(r => r.Contains(";Ej besvarad;", StringComparison.Ordinal)));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Review.EvidenceExported", Ct));
    }

    [Fact]
    public async Task UnitChoices_CountTodaysActiveGrantsPerUnit()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();

        var choices = await world.Rounds("admin").UnitChoicesAsync(Ct);

        Assert.Equal(3, choices.Single(c => c.Name == ReviewWorld.Centrum).ActiveGrants);
        Assert.Equal(1, choices.Single(c => c.Name == ReviewWorld.Tallgarden).ActiveGrants);
        Assert.Equal(4, choices.Sum(c => c.ActiveGrants));
    }
}
