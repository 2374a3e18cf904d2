using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Grants;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;
using static SocItConsole.Admin.Tests.TestData.GrantWorld;

namespace SocItConsole.Admin.Tests.Features.Grants;

public class UnitGrantsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// chef1's Hemtjänst Centrum: Lisa (own staff, two systems), Ahmed (own staff, temporary Qlikview ending in 10
    /// days), Omar from Tallgården (temporary Lifecare). chef2's Tallgården: Karin (own staff).
    /// </summary>
    private static async Task<GrantWorld> WithStaffAsync()
    {
        var world = await CreateAsync();
        await world.AddStaffGrantAsync(Centrum, "Lisa Andersson", OrderRequests.Pnr1990);
        await world.AddStaffGrantAsync(Centrum, "Lisa Andersson", OrderRequests.Pnr1990, "Appva", "Standard");
        await world.AddStaffGrantAsync(Centrum, "Ahmed Yusuf", Pnr1988, "Qlikview", "Standard", to: Today.AddDays(10));
        await world.AddVisitorGrantAsync(Tallgarden, Centrum, "Omar Ali", OrderRequests.Pnr1985, to: Today.AddDays(40));
        await world.AddStaffGrantAsync(Tallgarden, "Karin Sjöberg", Pnr1992);
        return world;
    }

    private static UnitGrantQuery ForUnit(int unitId) => new(UnitId: unitId);

    [Fact]
    public async Task Manager_SeesOwnStaffAndPeopleFromOtherUnits_WithWhatMakesThemStandOut()
    {
        using var world = await WithStaffAsync();
        var centrum = await world.UnitIdAsync(Centrum);

        var list = await world.Service("chef1").ListAsync(ForUnit(centrum), 0, 25, Ct);

        Assert.Null(list.Refusal);
        Assert.Equal((4, 3), (list.TotalCount, list.PersonCount));
        Assert.Equal(
            ["Ahmed Yusuf: Qlikview", "Lisa Andersson: Appva", "Lisa Andersson: Lifecare", "Omar Ali: Lifecare"],
            list.Items.Select(r => $"{r.EmployeeName}: {r.SystemName}"));
        var omar = list.Items.Single(r => r.EmployeeName == "Omar Ali");
        Assert.True(omar.IsFromOtherUnit);
        Assert.True(omar.IsTemporary);
        Assert.Equal(Tallgarden, omar.HomeUnitName);
        Assert.False(omar.EndsSoon(Today));
        var ahmed = list.Items.Single(r => r.EmployeeName == "Ahmed Yusuf");
        Assert.Equal((false, true, true), (ahmed.IsFromOtherUnit, ahmed.IsTemporary, ahmed.EndsSoon(Today)));
        var lisa = list.Items.First(r => r.EmployeeName == "Lisa Andersson");
        Assert.Equal((false, false, Centrum), (lisa.IsFromOtherUnit, lisa.IsTemporary, lisa.HomeUnitName));
        Assert.StartsWith("SOC-2026-", lisa.SourceCaseNumber, StringComparison.Ordinal);
        Assert.DoesNotContain(list.Items, r => r.EmployeeName == "Karin Sjöberg");
    }

    [Fact]
    public async Task GrantsThatEnded_RanOut_OrHaveNotStarted_AreNotShown()
    {
        using var world = await CreateAsync();
        await world.AddStaffGrantAsync(Centrum, "Lisa Andersson", OrderRequests.Pnr1990, to: Today);
        await world.AddStaffGrantAsync(Centrum, "Ahmed Yusuf", Pnr1988, to: Today.AddDays(-1));
        await world.AddStaffGrantAsync(Centrum, "Karin Sjöberg", Pnr1992, from: Today.AddDays(1));
        var ended = await world.AddStaffGrantAsync(Centrum, "Johanna Lind", Pnr1977, to: Today.AddDays(20));
        await using (var db = world.Database.CreateDbContext())
        {
            var grant = await db.Grants.SingleAsync(g => g.Id == ended, Ct);
            grant.Close(Today.AddDays(5), grant.SourceOrderId);
            await db.SaveChangesAsync(Ct);
        }

        var list = await world.Service("chef1").ListAsync(new UnitGrantQuery(), 0, 25, Ct);

        var lisa = Assert.Single(list.Items);
        Assert.Equal(("Lisa Andersson", Today), (lisa.EmployeeName, lisa.To));
        Assert.True(lisa.EndsSoon(Today));
    }

    [Fact]
    public async Task HomeUnit_IsTheUnitOfTheLatestCompletedNewEmployeeOrder_EvenForAGrantFromAnExtensionHere()
    {
        using var world = await CreateAsync();
        var hired = await world.PlaceAsync((OrderRequests.NewUndersköterska(OrderRequests.Pnr1985) with
        {
            EmployeeName = "Omar Ali",
            StartDate = Today,
        }).ForUnit(Tallgarden));
        await world.CompleteAsync(hired.Id);
        await world.AddStaffGrantAsync(Centrum, "Omar Ali", OrderRequests.Pnr1985, to: Today.AddDays(60));

        var row = Assert.Single((await world.Service("chef1").ListAsync(new UnitGrantQuery(), 0, 25, Ct)).Items);

        Assert.True(row.IsFromOtherUnit);
        Assert.Equal(Tallgarden, row.HomeUnitName);
    }

    [Fact]
    public async Task Filters_ByKindSystemUnitAndName()
    {
        using var world = await WithStaffAsync();
        await world.AddStaffGrantAsync(Skrea, "Jonas Berg", Pnr1977);
        var chef1 = world.Service("chef1");
        var lifecare = (await chef1.ScopeAsync(Ct)).Systems.Single(s => s.Name == "Lifecare").Id;

        async Task<string[]> Names(UnitGrantQuery query) =>
            [.. (await chef1.ListAsync(query, 0, 25, Ct)).Items.Select(r => $"{r.EmployeeName}: {r.SystemName}")];

        Assert.Equal(5, (await chef1.ListAsync(new UnitGrantQuery(), 0, 25, Ct)).TotalCount);
        Assert.Equal(["Ahmed Yusuf: Qlikview", "Omar Ali: Lifecare"], await Names(new UnitGrantQuery(Kind: UnitGrantKind.Temporary)));
        Assert.Equal(["Omar Ali: Lifecare"], await Names(new UnitGrantQuery(Kind: UnitGrantKind.FromOtherUnits)));
        Assert.Equal(["Jonas Berg: Lifecare", "Lisa Andersson: Lifecare", "Omar Ali: Lifecare"], await Names(new UnitGrantQuery(SystemId: lifecare)));
        Assert.Equal(["Jonas Berg: Lifecare"], await Names(new UnitGrantQuery(UnitId: await world.UnitIdAsync(Skrea))));
        Assert.Equal(["Lisa Andersson: Appva", "Lisa Andersson: Lifecare"], await Names(new UnitGrantQuery(Search: "  ANDERS ")));
        Assert.Empty(await Names(new UnitGrantQuery(Search: "%")));
    }

    [Fact]
    public async Task Pages_AndSorts_OnTheServer()
    {
        using var world = await CreateAsync();
        string[] systems = ["Appva", "Citrix", "Combine", "IntraPhone", "Lifecare", "Swedlock"];
        string[] people = ["Lisa Andersson", "Ahmed Yusuf", "Karin Sjöberg", "Johanna Lind", "Omar Ali"];
        string[] numbers = [OrderRequests.Pnr1990, Pnr1988, Pnr1992, Pnr1977, OrderRequests.Pnr1985];
        for (var p = 0; p < people.Length; p++)
        {
            foreach (var system in systems)
            {
                await world.AddStaffGrantAsync(Centrum, people[p], numbers[p], system, system == "Lifecare" ? "Utförare" : "Standard",
                    to: p == 0 ? Today.AddDays(5 + systems.Length - Array.IndexOf(systems, system)) : null);
            }
        }

        var chef1 = world.Service("chef1");
        var first = await chef1.ListAsync(new UnitGrantQuery(), 0, 25, Ct);
        var second = await chef1.ListAsync(new UnitGrantQuery(), 1, 25, Ct);
        var byLastDay = await chef1.ListAsync(new UnitGrantQuery(Sort: UnitGrantSort.To), 0, 10, Ct);
        var byNameDescending = await chef1.ListAsync(new UnitGrantQuery(Sort: UnitGrantSort.Employee, Descending: true), 0, 1, Ct);

        Assert.Equal((30, 5, 25, 5), (first.TotalCount, first.PersonCount, first.Items.Count, second.Items.Count));
        Assert.Empty(first.Items.Select(r => r.GrantId).Intersect(second.Items.Select(r => r.GrantId)));
        Assert.Equal("Ahmed Yusuf", first.Items[0].EmployeeName);
        Assert.Equal("Omar Ali", second.Items[^1].EmployeeName);
        Assert.Equal([.. systems.Reverse()], byLastDay.Items.Take(6).Select(r => r.SystemName));
        Assert.All(byLastDay.Items.Skip(6), r => Assert.Null(r.To));
        Assert.Equal("Omar Ali", Assert.Single(byNameDescending.Items).EmployeeName);
        Assert.Equal(30, (await chef1.ListAsync(new UnitGrantQuery(), 0, 1000, Ct)).Items.Count);
        Assert.Single((await chef1.ListAsync(new UnitGrantQuery(), -1, 0, Ct)).Items);
    }

    [Fact]
    public async Task Scope_ManagerGetsTheirUnits_SocItGetsEveryUnit_AndAUserWithoutRoleIsRefused()
    {
        using var world = await CreateAsync();

        var chef1 = await world.Service("chef1").ScopeAsync(Ct);
        var chef2 = await world.Service("chef2").ScopeAsync(Ct);
        var op = await world.Service("operator").ScopeAsync(Ct);
        var admin = await world.Service("admin").ScopeAsync(Ct);

        Assert.Equal([Centrum, Skrea], chef1.Units.Select(u => u.Name));
        Assert.Equal((false, true, false), (chef1.AllUnits, chef1.MayRequest, chef1.MayOpenCases));
        Assert.Equal(["Hertings vård- och omsorgsboende", "Solgläntans korttidsboende", Tallgarden], chef2.Units.Select(u => u.Name));
        Assert.Equal((11, true, false, true), (op.Units.Count, op.AllUnits, op.MayRequest, op.MayOpenCases));
        Assert.Equal((11, true, false, false), (admin.Units.Count, admin.AllUnits, admin.MayRequest, admin.MayOpenCases));
        Assert.Contains(chef1.Systems, s => s.Name == "Lifecare");
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Service("utanroll").ScopeAsync(Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Service("utanroll").ListAsync(new UnitGrantQuery(), 0, 25, Ct));
    }

    [Fact]
    public async Task AnotherManager_AskingForChef1sUnitById_IsRefused_AndSeesNothingOfIt()
    {
        using var world = await WithStaffAsync();
        var centrum = await world.UnitIdAsync(Centrum);
        var chef2 = world.Service("chef2");

        var asked = await chef2.ListAsync(ForUnit(centrum), 0, 25, Ct);
        var own = await chef2.ListAsync(new UnitGrantQuery(), 0, 25, Ct);
        var unknown = await chef2.ListAsync(ForUnit(99_999), 0, 25, Ct);
        var operatorView = await world.Service("operator").ListAsync(ForUnit(centrum), 0, 25, Ct);

        Assert.Equal(UnitGrants.UnitNotFoundMessage, asked.Refusal);
        Assert.Empty(asked.Items);
        Assert.Equal(0, asked.TotalCount);
        Assert.Equal(UnitGrants.UnitNotFoundMessage, unknown.Refusal);
        Assert.Equal(["Karin Sjöberg"], own.Items.Select(r => r.EmployeeName));
        Assert.Equal(4, operatorView.TotalCount);
    }

    [Fact]
    public async Task RequestEnd_PlacesAnEndOrderForThatSystemAndUnit_WithAnAuditEntry_AndTheListShowsIt()
    {
        using var world = await WithStaffAsync();
        var chef1 = world.Service("chef1");
        var omar = (await chef1.ListAsync(new UnitGrantQuery(Search: "Omar"), 0, 25, Ct)).Items.Single();

        var result = Assert.IsType<UnitGrantResult.Done>(await chef1.RequestEndAsync(omar.GrantId, Ct));

        Assert.False(result.Existing);
        Assert.Equal($"Avslut av Omar Alis Lifecare (Utförare) i {Centrum} är beställt: ärende {result.CaseNumber}.", result.Message);
        await using var db = world.Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.CaseNumber == result.CaseNumber, Ct);
        Assert.Equal((OrderType.EndTemporary, OrderStatus.Received, Centrum, (DateOnly?)Today), (order.Type, order.Status, order.UnitName, order.EndDate));
        Assert.Equal(("Lifecare", "Utförare"), (order.Systems.Single().SystemName, order.Systems.Single().LevelName));
        Assert.Equal((Chef1Email, Chef1Email), (order.Manager.Email.Value, order.Orderer.Email.Value));
        Assert.Contains(omar.SourceCaseNumber, order.Note, StringComparison.Ordinal);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Access.EndRequested", Ct);
        Assert.Equal(("Grant", omar.GrantId.ToString(CultureInfo.InvariantCulture), "Anna Lindqvist"), (entry.EntityType, entry.EntityId, entry.ActorName));
        Assert.Contains(result.CaseNumber, entry.Summary, StringComparison.Ordinal);

        var after = (await chef1.ListAsync(new UnitGrantQuery(Search: "Omar"), 0, 25, Ct)).Items.Single();
        Assert.Equal(new UnitGrantRequest(UnitGrantRequestKind.End, result.CaseNumber, null), after.PendingEnd);
    }

    [Fact]
    public async Task RequestEnd_Again_FindsTheSameOrder_AndWritesNoSecondAuditEntry()
    {
        using var world = await WithStaffAsync();
        var chef1 = world.Service("chef1");
        var lisa = (await chef1.ListAsync(new UnitGrantQuery(Search: "Lisa"), 0, 25, Ct)).Items[0];

        var first = Assert.IsType<UnitGrantResult.Done>(await chef1.RequestEndAsync(lisa.GrantId, Ct));
        var again = Assert.IsType<UnitGrantResult.Done>(await chef1.RequestEndAsync(lisa.GrantId, Ct));

        Assert.Equal(first.CaseNumber, again.CaseNumber);
        Assert.True(again.Existing);
        Assert.Contains("redan beställt", again.Message, StringComparison.Ordinal);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.Type == OrderType.EndTemporary, Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Access.EndRequested", Ct));
    }

    [Fact]
    public async Task RequestEnd_WhenAnEndWasOrderedElsewhere_ShowsThatCase_InsteadOfASecond()
    {
        using var world = await WithStaffAsync();
        var chef1 = world.Service("chef1");
        var ahmed = (await chef1.ListAsync(new UnitGrantQuery(Search: "Ahmed"), 0, 25, Ct)).Items.Single();
        var elsewhere = await world.PlaceAsync(OrderRequests.Extend(Pnr1988) with
        {
            Type = OrderType.EndTemporary,
            EmployeeName = "Ahmed Yusuf",
            StartDate = null,
            EndDate = Today,
            Systems = [new RequestedSystemInput("Qlikview", "Standard")],
        });

        var listed = (await chef1.ListAsync(new UnitGrantQuery(Search: "Ahmed"), 0, 25, Ct)).Items.Single();
        var result = Assert.IsType<UnitGrantResult.Done>(await chef1.RequestEndAsync(ahmed.GrantId, Ct));

        Assert.Equal(elsewhere.CaseNumber, listed.PendingEnd?.CaseNumber);
        Assert.Equal((elsewhere.CaseNumber, true), (result.CaseNumber, result.Existing));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.Type == OrderType.EndTemporary, Ct));
    }

    [Fact]
    public async Task RequestEnd_AfterSocItRejectedTheFirst_PlacesANewOrder()
    {
        using var world = await WithStaffAsync();
        var chef1 = world.Service("chef1");
        var lisa = (await chef1.ListAsync(new UnitGrantQuery(Search: "Lisa"), 0, 25, Ct)).Items[0];
        var first = Assert.IsType<UnitGrantResult.Done>(await chef1.RequestEndAsync(lisa.GrantId, Ct));
        var work = AppServices.CaseWork(world.Database, "operator", world.Clock);
        await using (var db = world.Database.CreateDbContext())
        {
            var id = await db.Orders.Where(o => o.CaseNumber == first.CaseNumber).Select(o => o.Id).SingleAsync(Ct);
            Assert.IsType<SocItConsole.Admin.Features.Cases.CaseResult.Done>(
                await work.MoveAsync(id, 0, OrderStatus.Rejected, "Fel system angivet.", Ct));
        }

        var second = Assert.IsType<UnitGrantResult.Done>(await chef1.RequestEndAsync(lisa.GrantId, Ct));

        Assert.NotEqual(first.CaseNumber, second.CaseNumber);
        Assert.False(second.Existing);
    }

    [Fact]
    public async Task CompletingTheEndCase_EndsTheGrant_AndItLeavesTheList()
    {
        using var world = await WithStaffAsync();
        var chef1 = world.Service("chef1");
        var omar = (await chef1.ListAsync(new UnitGrantQuery(Search: "Omar"), 0, 25, Ct)).Items.Single();
        var done = Assert.IsType<UnitGrantResult.Done>(await chef1.RequestEndAsync(omar.GrantId, Ct));
        int orderId;
        await using (var db = world.Database.CreateDbContext())
        {
            orderId = await db.Orders.Where(o => o.CaseNumber == done.CaseNumber).Select(o => o.Id).SingleAsync(Ct);
        }

        var work = AppServices.CaseWork(world.Database, "operator", world.Clock);
        var version = Assert.IsType<SocItConsole.Admin.Features.Cases.CaseResult.Done>(await work.TakeAsync(orderId, 0, Ct)).Version;
        var item = Assert.Single((await work.GetAsync(orderId, Ct))!.Checklist);
        version = Assert.IsType<SocItConsole.Admin.Features.Cases.CaseResult.Done>(
            await work.MarkItemAsync(orderId, version, item.Id, ChecklistState.Done, null, Ct)).Version;
        Assert.IsType<SocItConsole.Admin.Features.Cases.CaseResult.Done>(await work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct));

        var list = await chef1.ListAsync(new UnitGrantQuery(), 0, 25, Ct);
        Assert.DoesNotContain(list.Items, r => r.GrantId == omar.GrantId);
        Assert.Equal(3, list.TotalCount);
    }

    [Fact]
    public async Task RequestExtension_PlacesAnExtendOrderFromTheDayAfterTheLastDay_AndARepeatFindsIt()
    {
        using var world = await WithStaffAsync();
        var chef1 = world.Service("chef1");
        var omar = (await chef1.ListAsync(new UnitGrantQuery(Search: "Omar"), 0, 25, Ct)).Items.Single();
        var newLastDay = new DateOnly(2027, 3, 31);

        var result = Assert.IsType<UnitGrantResult.Done>(await chef1.RequestExtensionAsync(omar.GrantId, newLastDay, Ct));
        var again = Assert.IsType<UnitGrantResult.Done>(await chef1.RequestExtensionAsync(omar.GrantId, newLastDay, Ct));
        var otherDay = Assert.IsType<UnitGrantResult.Refused>(await chef1.RequestExtensionAsync(omar.GrantId, newLastDay.AddDays(30), Ct));

        Assert.Equal($"Förlängning av Omar Alis Lifecare (Utförare) i {Centrum} till 2027-03-31 är beställd: ärende {result.CaseNumber}.", result.Message);
        Assert.Equal((result.CaseNumber, true), (again.CaseNumber, again.Existing));
        Assert.Equal($"En förlängning till 2027-03-31 är redan beställd: ärende {result.CaseNumber}. Kontakta Soc-IT om datumet behöver ändras.", otherDay.Message);
        await using var db = world.Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Type == OrderType.Extend && o.CaseNumber == result.CaseNumber, Ct);
        Assert.Equal((Centrum, omar.To!.Value.AddDays(1), newLastDay), (order.UnitName, order.StartDate!.Value, order.EndDate!.Value));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Access.ExtendRequested", Ct));
        var listed = (await chef1.ListAsync(new UnitGrantQuery(Search: "Omar"), 0, 25, Ct)).Items.Single();
        Assert.Equal(new UnitGrantRequest(UnitGrantRequestKind.Extension, result.CaseNumber, newLastDay), listed.Extension);
    }

    [Fact]
    public async Task ACompletedExtension_ShowsOnTheGrantItContinues_AndIsNotOrderedAgain()
    {
        using var world = await WithStaffAsync();
        var chef1 = world.Service("chef1");
        var omar = (await chef1.ListAsync(new UnitGrantQuery(Search: "Omar"), 0, 25, Ct)).Items.Single();
        var placed = Assert.IsType<UnitGrantResult.Done>(await chef1.RequestExtensionAsync(omar.GrantId, new DateOnly(2027, 3, 31), Ct));
        int orderId;
        await using (var db = world.Database.CreateDbContext())
        {
            orderId = await db.Orders.Where(o => o.CaseNumber == placed.CaseNumber).Select(o => o.Id).SingleAsync(Ct);
        }

        var work = AppServices.CaseWork(world.Database, "operator", world.Clock);
        var version = Assert.IsType<SocItConsole.Admin.Features.Cases.CaseResult.Done>(await work.TakeAsync(orderId, 0, Ct)).Version;
        foreach (var item in (await work.GetAsync(orderId, Ct))!.Checklist)
        {
            version = Assert.IsType<SocItConsole.Admin.Features.Cases.CaseResult.Done>(
                await work.MarkItemAsync(orderId, version, item.Id, ChecklistState.Done, null, Ct)).Version;
        }

        Assert.IsType<SocItConsole.Admin.Features.Cases.CaseResult.Done>(await work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct));

        var row = Assert.Single((await chef1.ListAsync(new UnitGrantQuery(Search: "Omar"), 0, 25, Ct)).Items);
        Assert.Equal(new UnitGrantRequest(UnitGrantRequestKind.Extended, placed.CaseNumber, new DateOnly(2027, 3, 31)), row.Extension);
        var again = await chef1.RequestExtensionAsync(omar.GrantId, new DateOnly(2027, 6, 30), Ct);
        Assert.Equal($"Behörigheten är redan förlängd till 2027-03-31 (ärende {placed.CaseNumber}).", Assert.IsType<UnitGrantResult.Refused>(again).Message);
    }

    [Theory]
    [InlineData(null, "Välj till vilket datum behörigheten ska förlängas.")]
    [InlineData("2026-11-27", "Det nya slutdatumet måste vara efter i dag.")]
    [InlineData("2026-12-20", "Det nya slutdatumet måste vara efter nuvarande sista dag (2027-01-06).")]
    [InlineData("2029-01-01", "Det nya slutdatumet får ligga högst två år fram i tiden.")]
    public async Task RequestExtension_ToAnImpossibleDay_IsRefusedWithAClearMessage(string? day, string message)
    {
        using var world = await WithStaffAsync();
        var chef1 = world.Service("chef1");
        var omar = (await chef1.ListAsync(new UnitGrantQuery(Search: "Omar"), 0, 25, Ct)).Items.Single();
        DateOnly? newLastDay = day is null ? null : DateOnly.Parse(day, CultureInfo.InvariantCulture);

        var result = await chef1.RequestExtensionAsync(omar.GrantId, newLastDay, Ct);

        Assert.Equal(message, Assert.IsType<UnitGrantResult.Refused>(result).Message);
        await using var db = world.Database.CreateDbContext();
        Assert.False(await db.Orders.AnyAsync(o => o.Type == OrderType.Extend && o.IdempotencyKey != null, Ct));
    }

    [Fact]
    public async Task RequestExtension_OfAGrantWithoutEnd_IsRefused()
    {
        using var world = await WithStaffAsync();
        var chef1 = world.Service("chef1");
        var lisa = (await chef1.ListAsync(new UnitGrantQuery(Search: "Lisa"), 0, 25, Ct)).Items[0];

        var result = await chef1.RequestExtensionAsync(lisa.GrantId, new DateOnly(2027, 6, 30), Ct);

        Assert.Equal("Behörigheten gäller tills vidare och behöver inte förlängas.", Assert.IsType<UnitGrantResult.Refused>(result).Message);
    }

    [Fact]
    public async Task AnotherManager_CannotEndOrExtendChef1sGrants_ByTheirId()
    {
        using var world = await WithStaffAsync();
        var omar = (await world.Service("chef1").ListAsync(new UnitGrantQuery(Search: "Omar"), 0, 25, Ct)).Items.Single();
        var chef2 = world.Service("chef2");

        var end = await chef2.RequestEndAsync(omar.GrantId, Ct);
        var extend = await chef2.RequestExtensionAsync(omar.GrantId, new DateOnly(2027, 3, 31), Ct);
        var missing = await chef2.RequestEndAsync(99_999, Ct);

        Assert.Equal(UnitGrants.GrantNotFoundMessage, Assert.IsType<UnitGrantResult.Refused>(end).Message);
        Assert.Equal(UnitGrants.GrantNotFoundMessage, Assert.IsType<UnitGrantResult.Refused>(extend).Message);
        Assert.Equal(UnitGrants.GrantNotFoundMessage, Assert.IsType<UnitGrantResult.Refused>(missing).Message);
        await using var db = world.Database.CreateDbContext();
        Assert.False(await db.Orders.AnyAsync(o => o.Type == OrderType.EndTemporary || o.IdempotencyKey != null, Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action.StartsWith("Access."), Ct));
    }

    [Fact]
    public async Task OnlyManagers_RequestEndsAndExtensions()
    {
        using var world = await WithStaffAsync();
        var omar = (await world.Service("operator").ListAsync(new UnitGrantQuery(Search: "Omar"), 0, 25, Ct)).Items.Single();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Service("operator").RequestEndAsync(omar.GrantId, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Service("admin").RequestExtensionAsync(omar.GrantId, new DateOnly(2027, 3, 31), Ct));
    }

    [Fact]
    public async Task Export_WritesTheListAsCsv_NamedForTheUnitAndDay_AndRecordsIt()
    {
        using var world = await WithStaffAsync();
        await world.AddStaffGrantAsync(Centrum, "=HYPERLINK(\"http://x.example\")", Pnr1977);
        var centrum = await world.UnitIdAsync(Centrum);

        var file = await world.Service("chef1").ExportAsync(ForUnit(centrum), Ct);

        Assert.NotNull(file);
        Assert.Equal("behorigheter-hemtjanst-centrum-2026-11-27.csv", file.FileName);
        Assert.Equal(5, file.Rows);
        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), file.Content[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(file.Content[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Medarbetare;Hemverksamhet;Verksamhet;System;Nivå;Från;Till;Tillfällig;Från annan verksamhet;Slutar inom 14 dagar;Ärende", lines[0]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x.example\"\")\";Hemtjänst Centrum;", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith($"Omar Ali;{Tallgarden};{Centrum};Lifecare;Utförare;2026-11-22;2027-01-06;Ja;Ja;Nej;SOC-2026-", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("1990", StringComparison.Ordinal));
        await using var db = world.Database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Access.Exported", Ct);
        Assert.Equal(("Unit", centrum.ToString(CultureInfo.InvariantCulture)), (entry.EntityType, entry.EntityId));
        Assert.Equal($"5 behörigheter i {Centrum} exporterades som CSV ({file.FileName}).", entry.Summary);
    }

    [Fact]
    public async Task Export_OfAnotherManagersUnit_IsRefused_AndNothingIsRecorded()
    {
        using var world = await WithStaffAsync();
        var centrum = await world.UnitIdAsync(Centrum);

        var file = await world.Service("chef2").ExportAsync(ForUnit(centrum), Ct);

        Assert.Null(file);
        await using var db = world.Database.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "Access.Exported", Ct));
    }
}
