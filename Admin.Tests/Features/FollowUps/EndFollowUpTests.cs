using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data.Migrations;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.FollowUps;

/// <summary>
/// One follow-up per end of a fixed-term employment or a placement, not one per grant (decision 0039): the nightly
/// run, the manager's two decisions and what completing them does, on a migrated SQLite database and a fake clock.
/// </summary>
public class EndFollowUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly LastDay = FollowUpWorld.Today.AddDays(4);

    /// <summary>Moa's fixed-term employment ending in four days, with the grants its case left; after one run.</summary>
    private static async Task<(FollowUpWorld World, int EmploymentId, List<int> Grants, int FollowUpId)> FixedTermAsync()
    {
        var world = await FollowUpWorld.CreateAsync();
        var orderId = await EmploymentEnds.OrderAndCompleteAsync(world, EmploymentEnds.FixedTerm(endsIn: 4));
        await using var db = world.Database.CreateDbContext();
        var employmentId = await db.Orders.Where(o => o.Id == orderId).Select(o => o.EmploymentId!.Value).SingleAsync(Ct);
        var grants = await db.Grants.Where(g => g.EmploymentId == employmentId).Select(g => g.Id).ToListAsync(Ct);
        await world.RunAsync();
        var followUpId = await db.FollowUps.Where(f => f.EmploymentId == employmentId).Select(f => f.Id).SingleAsync(Ct);
        return (world, employmentId, grants, followUpId);
    }

    [Fact]
    public async Task FixedTermEmployment_WithItsGrants_IsOneFollowUp_AndOneLineInTheReminder()
    {
        var (world, employmentId, grants, followUpId) = await FixedTermAsync();
        using var _ = world;

        await using var db = world.Database.CreateDbContext();
        Assert.InRange(grants.Count, 5, 7);
        var followUp = await db.FollowUps.SingleAsync(Ct);
        Assert.Equal((followUpId, FollowUpKind.FixedTermEmployment, LastDay, "Undersköterska", FollowUpWorld.Chef1Email),
            (followUp.Id, followUp.Kind, followUp.EndDate, followUp.TitleName, followUp.ManagerEmail.Value));
        Assert.False(await db.FollowUps.AnyAsync(f => f.GrantId != null, Ct));
        var mail = Assert.Single(world.Mail.Sent);
        Assert.Contains(
            $"- Moa Lindström: visstidsanställning som undersköterska i Hemtjänst Centrum slutar 2026-12-01 (om 4 dagar) — {grants.Count} behörigheter",
            mail.Body, StringComparison.Ordinal);
        Assert.Equal("Snart slut: 1 uppföljning väntar på ditt beslut", mail.Subject);

        var row = Assert.Single((await AppServices.FollowUpService(world.Database, "chef1", world.Clock)
            .ListAsync(FollowUpFilter.Undecided, null, 0, 25, Ct)).Items);
        Assert.Equal((FollowUpKind.FixedTermEmployment, grants.Count), (row.Kind, row.Grants.Count));
        Assert.Equal(grants.Order(), row.Grants.Select(g => g.GrantId).Order());

        world.Advance(1);
        await world.RunAsync();
        Assert.Equal(1, await db.FollowUps.CountAsync(Ct));
        Assert.Equal(employmentId, (await db.FollowUps.SingleAsync(Ct)).EmploymentId);
    }

    [Fact]
    public async Task EndEmployment_PlacesOneEndOfEmploymentCase_WithTheReturns_OnItsLastDay()
    {
        var (world, employmentId, _, followUpId) = await FixedTermAsync();
        using var _ = world;
        var anna = AppServices.FollowUpService(world.Database, "chef1", world.Clock);

        var done = Assert.IsType<FollowUpResult.Done>(await anna.EndAsync(followUpId, (await anna.GetAsync(followUpId, Ct))!.Version, Ct));

        await using var db = world.Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.CaseNumber == done.CaseNumber, Ct);
        Assert.Equal((OrderType.Terminate, employmentId, LastDay), (order.Type, order.EmploymentId, order.EndDate));
        Assert.Equal(1, await db.Orders.CountAsync(o => o.Type == OrderType.Terminate, Ct));
        var grants = await db.Grants.Where(g => g.EmployeeId == order.EmployeeId).ToListAsync(Ct);
        Assert.Contains(CaseChecklist.For(order, grants, null, hasPersonalCode: true, keysToReturn: null), i => i.Kind == ChecklistItemKind.Return);
        var decided = await db.FollowUps.Where(f => f.Id == followUpId).Select(f => new { f.Status, f.DecisionCaseNumber }).SingleAsync(Ct);
        Assert.Equal((FollowUpStatus.Ended, done.CaseNumber), (decided.Status, decided.DecisionCaseNumber));

        await EmploymentEnds.CompleteAsync(world, order.Id);
        await world.RunAsync();
        Assert.Equal(order.Id, (await db.Employments.SingleAsync(e => e.Id == employmentId, Ct)).EndedByOrderId);
        Assert.Equal(1, await db.FollowUps.CountAsync(Ct));
    }

    [Fact]
    public async Task ExtendEmployment_PlacesOneExtendOrder_AndCompletingItExtendsTheEmploymentAndAllItsGrants()
    {
        var (world, employmentId, grants, followUpId) = await FixedTermAsync();
        using var _ = world;
        var anna = AppServices.FollowUpService(world.Database, "chef1", world.Clock);
        var newLastDay = new DateOnly(2027, 3, 31);

        var done = Assert.IsType<FollowUpResult.Done>(
            await anna.ExtendAsync(followUpId, (await anna.GetAsync(followUpId, Ct))!.Version, newLastDay, Ct));

        await using var db = world.Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Type == OrderType.Extend, Ct);
        Assert.Equal(done.CaseNumber, order.CaseNumber);
        Assert.Equal((employmentId, LastDay.AddDays(1), newLastDay, grants.Count), (order.EmploymentId, order.StartDate, order.EndDate, order.Systems.Count));

        await EmploymentEnds.CompleteAsync(world, order.Id);
        Assert.Equal(newLastDay, (await db.Employments.AsNoTracking().SingleAsync(e => e.Id == employmentId, Ct)).To);
        Assert.Equal(grants.Count, await db.Grants.CountAsync(g => g.EmploymentId == employmentId && g.SourceOrderId == order.Id && g.To == newLastDay, Ct));

        await world.RunAsync();
        Assert.Equal(1, await db.FollowUps.CountAsync(Ct));

        world.Advance(newLastDay.DayNumber - world.CurrentDay.DayNumber - 3);
        await world.RunAsync();
        var next = await db.FollowUps.SingleAsync(f => f.Id != followUpId, Ct);
        Assert.Equal((employmentId, newLastDay, (int?)null), (next.EmploymentId!.Value, next.EndDate, next.GrantId));
        Assert.DoesNotContain(await db.FollowUps.Select(f => f.GrantId).ToListAsync(Ct), id => id is { } g && grants.Contains(g));
    }

    [Fact]
    public async Task Placement_IsOneFollowUp_ExtendingItExtendsThePlacement_AndEndingItEndsAllItsSystemsInOneCase()
    {
        using var world = await FollowUpWorld.CreateAsync();
        await EmploymentEnds.OrderAndCompleteAsync(world, EmploymentEnds.Home);
        await EmploymentEnds.OrderAndCompleteAsync(world, EmploymentEnds.Placement(endsIn: 2));
        await world.RunAsync();

        await using var db = world.Database.CreateDbContext();
        var assignment = await db.TemporaryAssignments.AsNoTracking().SingleAsync(Ct);
        var placementGrants = await db.Grants.CountAsync(g => g.AssignmentId == assignment.Id, Ct);
        Assert.True(placementGrants > 1);
        var followUp = await db.FollowUps.SingleAsync(Ct);
        Assert.Equal((FollowUpKind.Placement, assignment.Id, "Tallgårdens vård- och omsorgsboende", FollowUpWorld.Chef1Email),
            (followUp.Kind, followUp.AssignmentId!.Value, followUp.UnitName, followUp.ManagerEmail.Value));
        Assert.Contains($"- Peter Holmgren: tillfällig placering i Tallgårdens vård- och omsorgsboende slutar 2026-11-29 (om 2 dagar) — {placementGrants} behörigheter",
            Assert.Single(world.Mail.Sent).Body, StringComparison.Ordinal);

        var anna = AppServices.FollowUpService(world.Database, "chef1", world.Clock);
        var extended = Assert.IsType<FollowUpResult.Done>(await anna.ExtendAsync(followUp.Id, followUp.Version, new DateOnly(2027, 1, 31), Ct));
        var extend = await db.Orders.SingleAsync(o => o.CaseNumber == extended.CaseNumber, Ct);
        Assert.Equal((OrderType.Extend, assignment.UnitId, assignment.EmploymentId, placementGrants),
            (extend.Type, extend.UnitId, extend.EmploymentId!.Value, extend.Systems.Count));
        await EmploymentEnds.CompleteAsync(world, extend.Id);
        Assert.Equal(new DateOnly(2027, 1, 31), (await db.TemporaryAssignments.AsNoTracking().SingleAsync(Ct)).To);
        Assert.Equal(placementGrants, await db.Grants.CountAsync(g => g.SourceOrderId == extend.Id && g.AssignmentId == assignment.Id, Ct));
        Assert.Equal(1, await db.Employments.CountAsync(Ct));

        world.Advance(new DateOnly(2027, 1, 31).DayNumber - world.CurrentDay.DayNumber);
        await world.RunAsync();
        var next = await db.FollowUps.AsNoTracking().SingleAsync(f => f.Id != followUp.Id, Ct);
        Assert.Equal((assignment.Id, new DateOnly(2027, 1, 31)), (next.AssignmentId!.Value, next.EndDate));
        var ended = Assert.IsType<FollowUpResult.Done>(await anna.EndAsync(next.Id, next.Version, Ct));
        var end = await db.Orders.SingleAsync(o => o.CaseNumber == ended.CaseNumber, Ct);
        Assert.Equal((OrderType.EndTemporary, assignment.UnitId, new DateOnly(2027, 1, 31), placementGrants),
            (end.Type, end.UnitId, end.EndDate, end.Systems.Count));
        await EmploymentEnds.CompleteAsync(world, end.Id);
        Assert.False(await db.Grants.AnyAsync(g => g.AssignmentId == assignment.Id && g.To == new DateOnly(2027, 1, 31) && g.EndedByOrderId == null, Ct));
    }

    [Fact]
    public async Task OneGrantOfAFixedTermEmployment_CanBeEndedAlone_AndTheFollowUpStaysOpenForTheRest()
    {
        var (world, _, grants, followUpId) = await FixedTermAsync();
        using var _ = world;
        var anna = AppServices.FollowUpService(world.Database, "chef1", world.Clock);
        var erik = AppServices.FollowUpService(world.Database, "chef2", world.Clock);

        Assert.IsType<FollowUpResult.Refused>(await erik.EndGrantAsync(followUpId, grants[0], Ct));
        var done = Assert.IsType<FollowUpResult.Done>(await anna.EndGrantAsync(followUpId, grants[0], Ct));

        await using var db = world.Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.CaseNumber == done.CaseNumber, Ct);
        Assert.Equal((OrderType.EndTemporary, 1), (order.Type, order.Systems.Count));
        var row = (await anna.GetAsync(followUpId, Ct))!;
        Assert.Equal(FollowUpStatus.Open, row.Status);
        Assert.Equal(done.CaseNumber, row.Grants.Single(g => g.GrantId == grants[0]).EndCaseNumber);
        Assert.Equal(grants.Count - 1, row.Grants.Count(g => g.EndCaseNumber is null));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "FollowUp.GrantEnded", Ct));
    }

    [Fact]
    public async Task TemporaryGrantInAPermanentEmployment_KeepsItsOwnFollowUp()
    {
        using var world = await FollowUpWorld.CreateAsync();
        var grantId = await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 30));

        await world.RunAsync();

        await using var db = world.Database.CreateDbContext();
        Assert.Equal(FollowUpKind.Grant, (await db.FollowUps.SingleAsync(f => f.GrantId == grantId, Ct)).Kind);
        Assert.Equal(1, await db.FollowUps.CountAsync(Ct));
    }

    [Fact]
    public async Task Migration_ReplacesUndecidedFollowUpsOfGrantsAnEndNowCovers_AndTheRunMakesTheOneFollowUp()
    {
        using var world = await FollowUpWorld.CreateAsync();
        var orderId = await EmploymentEnds.OrderAndCompleteAsync(world, EmploymentEnds.FixedTerm(endsIn: 4));
        var own = await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 30));
        await using var db = world.Database.CreateDbContext();
        var covered = await db.Grants.Where(g => g.SourceOrderId == orderId).ToListAsync(Ct);
        var manager = new Contact("Anna Lindqvist", SocItConsole.Shared.Common.EmailAddress.Parse(FollowUpWorld.Chef1Email));
        foreach (var grant in covered.Take(2).Append(await db.Grants.SingleAsync(g => g.Id == own, Ct)))
        {
            db.FollowUps.Add(new FollowUp(grant.Id, grant.EmployeeId, "Namn", grant.SystemName, grant.LevelName, grant.UnitId, grant.UnitName,
                grant.UnitId, grant.To!.Value, manager, world.Clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(Ct);

        await db.Database.ExecuteSqlRawAsync(FollowUpsOfEnds.ReplaceCoveredGrantFollowUps, Ct);
        await world.RunAsync();

        var statuses = await db.FollowUps.AsNoTracking().ToDictionaryAsync(f => f.Id, Ct);
        Assert.Equal(2, statuses.Values.Count(f => f.Status == FollowUpStatus.Replaced));
        Assert.Equal(FollowUpStatus.Open, statuses.Values.Single(f => f.GrantId == own).Status);
        var end = statuses.Values.Single(f => f.Kind == FollowUpKind.FixedTermEmployment);
        var row = (await AppServices.FollowUpService(world.Database, "chef1", world.Clock).GetAsync(end.Id, Ct))!;
        Assert.Equal(covered.Count, row.Grants.Count);
    }
}
