using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Audit;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Audit;

namespace SocItConsole.Admin.Tests.Features.Audit;

public sealed class AuditLogTests : IAsyncLifetime
{
    // November: Stockholm is UTC+1. The first two entries fall either side of midnight on 25 November in Stockholm.
    private static readonly DateTimeOffset LateOn24th = new(2026, 11, 24, 22, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EarlyOn25th = new(2026, 11, 24, 23, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MorningOn26th = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;
    private long _orderCreatedId;
    private long _systemUpdatedId;
    private long _orderStartedId;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)));

        await using var db = _database.CreateDbContext();
        var orderCreated = new AuditEntry(
            LateOn24th, new Actor("anna-id", "Anna Lindqvist"), "Order.Created", "Order", "SOC-2026-00001",
            "Beställning SOC-2026-00001 mottagen.", null, """{"CaseNumber":"SOC-2026-00001"}""");
        var systemUpdated = new AuditEntry(
            EarlyOn25th, new Actor("johan-id", "Johan Berg"), "ItSystem.Updated", "ItSystem", "7",
            "IT-systemet Lifecare ändrades.", """{"Name":"Lifecare","Active":true}""", """{"Name":"Lifecare Omsorg","Active":true}""");
        var orderStarted = new AuditEntry(
            MorningOn26th, new Actor("sara-id", "Sara Nilsson"), "Order.Started", "Order", "SOC-2026-00002",
            "Beställning SOC-2026-00002 påbörjad.", """{"Status":"Received"}""", """{"Status":"InProgress"}""");
        db.AuditEntries.AddRange(orderCreated, systemUpdated, orderStarted);
        await db.SaveChangesAsync(Ct);
        (_orderCreatedId, _systemUpdatedId, _orderStartedId) = (orderCreated.Id, systemUpdated.Id, orderStarted.Id);
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    private AuditLog LogFor(string userName) => AppServices.AuditLog(Database, userName);

    private async Task<IReadOnlyList<long>> IdsAsync(AuditQuery query) =>
        (await LogFor("operator").SearchAsync(query, 0, 25, Ct)).Items.Select(r => r.Id).ToList();

    [Fact]
    public async Task Search_WithoutFilter_ListsEveryEntry_NewestFirst_WithoutSnapshots()
    {
        var result = await LogFor("admin").SearchAsync(new AuditQuery(), 0, 25, Ct);

        Assert.Equal(4, result.TotalCount);
        Assert.Equal([_orderStartedId, _systemUpdatedId, _orderCreatedId], result.Items.Take(3).Select(r => r.Id));
        var seeded = result.Items[3];
        Assert.Equal(("Matrix.Saved", "Matrix", "SocItConsole"), (seeded.Action, seeded.EntityType, seeded.ActorName));
        // The row names the record as it is now: IT system 7 is Citrix in the demo data.
        Assert.Equal(
            new AuditRow(_systemUpdatedId, EarlyOn25th, "Johan Berg", "ItSystem.Updated", "ItSystem", "7", "Citrix", "IT-systemet Lifecare ändrades."),
            result.Items[1]);
    }

    [Fact]
    public async Task Search_ByEntityType_IsExact()
    {
        Assert.Equal([_orderStartedId, _orderCreatedId], await IdsAsync(new AuditQuery { EntityType = "Order" }));
        Assert.Empty(await IdsAsync(new AuditQuery { EntityType = "Ord" }));
    }

    [Fact]
    public async Task Search_ByEntityId_IsExact()
    {
        Assert.Equal([_orderCreatedId], await IdsAsync(new AuditQuery { EntityId = "SOC-2026-00001" }));
        Assert.Empty(await IdsAsync(new AuditQuery { EntityId = "SOC-2026" }));
    }

    [Theory]
    [InlineData("lindqvist")]
    [InlineData("Anna L")]
    [InlineData("anna-id")]
    public async Task Search_ByActor_MatchesPartOfTheName_OrTheExactUserId(string actor) =>
        Assert.Equal([_orderCreatedId], await IdsAsync(new AuditQuery { Actor = actor }));

    [Fact]
    public async Task Search_ByActor_DoesNotMatchPartOfTheUserId() =>
        Assert.Empty(await IdsAsync(new AuditQuery { Actor = "anna-" }));

    [Fact]
    public async Task Search_ByText_MatchesPartOfTheSummary()
    {
        Assert.Equal([_systemUpdatedId], await IdsAsync(new AuditQuery { Text = "Lifecare" }));
        Assert.Equal([_orderStartedId, _orderCreatedId], await IdsAsync(new AuditQuery { Text = "beställning" }));
    }

    [Fact]
    public async Task Search_ByDates_TakesWholeStockholmDays_BothIncluded()
    {
        Assert.Equal([_orderCreatedId], await IdsAsync(new AuditQuery { From = new(2026, 11, 24), To = new(2026, 11, 24) }));
        Assert.Equal([_systemUpdatedId], await IdsAsync(new AuditQuery { From = new(2026, 11, 25), To = new(2026, 11, 25) }));
        Assert.Equal([_orderStartedId, _systemUpdatedId], await IdsAsync(new AuditQuery { From = new(2026, 11, 25) }));
        Assert.Equal([_systemUpdatedId, _orderCreatedId], await IdsAsync(new AuditQuery { From = new(2026, 11, 21), To = new(2026, 11, 25) }));
    }

    [Fact]
    public async Task Search_CombinesFilters()
    {
        Assert.Equal([_orderStartedId], await IdsAsync(new AuditQuery { EntityType = "Order", Actor = "Sara", From = new(2026, 11, 26) }));
        Assert.Empty(await IdsAsync(new AuditQuery { EntityType = "Order", Actor = "Johan" }));
    }

    [Fact]
    public async Task Search_PagesOnTheServer_WithTheTotalCount()
    {
        var log = LogFor("operator");

        var first = await log.SearchAsync(new AuditQuery(), 0, 3, Ct);
        var second = await log.SearchAsync(new AuditQuery(), 1, 3, Ct);

        Assert.Equal((4, 3), (first.TotalCount, first.Items.Count));
        Assert.Equal((4, 1), (second.TotalCount, second.Items.Count));
        Assert.Equal("Matrix.Saved", second.Items[0].Action);
    }

    [Fact]
    public async Task Get_ReturnsBeforeAndAfter_AsIndentedJson_ToAnAdministrator()
    {
        var details = await LogFor("admin").GetAsync(_systemUpdatedId, Ct);

        Assert.NotNull(details);
        Assert.Equal(("johan-id", "Johan Berg", "7"), (details.ActorId, details.ActorName, details.EntityId));
        Assert.Equal("{\n  \"Name\": \"Lifecare\",\n  \"Active\": true\n}", details.Raw?.Before?.ReplaceLineEndings("\n"));
        Assert.Equal("{\n  \"Name\": \"Lifecare Omsorg\",\n  \"Active\": true\n}", details.Raw?.After?.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Get_ShowsAnOperator_TheSwedishFields_ButNotTheStoredJson()
    {
        var details = await LogFor("operator").GetAsync(_systemUpdatedId, Ct);

        Assert.NotNull(details);
        Assert.Null(details.Raw);
        Assert.Equal(
            [new AuditField("Namn", "Lifecare", "Lifecare Omsorg", Changed: true), new AuditField("Aktiv", "Ja", "Ja", Changed: false)],
            details.Fields);
    }

    [Fact]
    public async Task Get_OfACreation_HasNothingBefore()
    {
        var details = await LogFor("admin").GetAsync(_orderCreatedId, Ct);

        Assert.NotNull(details);
        Assert.Null(details.Raw?.Before);
        Assert.Contains("SOC-2026-00001", details.Raw?.After, StringComparison.Ordinal);
        Assert.Equal((false, true), (details.HasBefore, details.HasAfter));
        Assert.Equal([new AuditField("Ärende", null, "SOC-2026-00001", Changed: false)], details.Fields);
    }

    [Fact]
    public async Task Get_OfAnUnknownId_IsNull() => Assert.Null(await LogFor("operator").GetAsync(-1, Ct));

    [Fact]
    public async Task EntityTypes_AreTheDistinctTypesInTheTrail_InTheOrderOfTheirSwedishNames() =>
        Assert.Equal(["Order", "ItSystem", "Matrix"], await LogFor("operator").EntityTypesAsync(Ct));

    [Theory]
    [InlineData("chef1")]
    [InlineData("utanroll")]
    public async Task ManagersAndUsersWithoutARole_AreRefused(string userName)
    {
        var log = LogFor(userName);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => log.SearchAsync(new AuditQuery(), 0, 25, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => log.GetAsync(_orderCreatedId, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => log.EntityTypesAsync(Ct));
    }

    [Fact]
    public void TheService_OnlyReads()
    {
        var methods = typeof(AuditLog).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => m.Name).Order();

        Assert.Equal(["EntityTypesAsync", "GetAsync", "SearchAsync"], methods);
    }

    [Fact]
    public async Task ChangingAnEntry_IsRefusedOnSave_AndTheRowStaysAsItWas()
    {
        await using (var db = Database.CreateDbContext())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Id == _systemUpdatedId, Ct);
            db.Entry(entry).Property(e => e.Summary).CurrentValue = "Ingenting hände.";

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        }

        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task RemovingAnEntry_IsRefusedOnSave_AndTheRowStaysAsItWas()
    {
        await using (var db = Database.CreateDbContext())
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Id == _systemUpdatedId, Ct));

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        }

        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task BulkUpdatesAndDeletes_AreRefusedByTheDatabase()
    {
        await using (var db = Database.CreateDbContext())
        {
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
                db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, "Ingenting hände."), Ct));
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.AuditEntries.ExecuteDeleteAsync(Ct));
        }

        await AssertUnchangedAsync();
    }

    private async Task AssertUnchangedAsync()
    {
        await using var db = Database.CreateDbContext();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == _systemUpdatedId, Ct);
        Assert.Equal(
            ("IT-systemet Lifecare ändrades.", "ItSystem.Updated", EarlyOn25th),
            (entry.Summary, entry.Action, entry.OccurredAt));
        Assert.Equal(4, await db.AuditEntries.CountAsync(Ct));
    }
}
