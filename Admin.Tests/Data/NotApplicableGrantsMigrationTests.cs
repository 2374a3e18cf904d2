using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data.Migrations;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Data;

/// <summary>
/// The migration that corrects the grants written before issue 17 for systems marked "Ej aktuell". The data such a
/// database held is made here as the old completion wrote it (the case completed today, then the grant it wrongly
/// added), and the migration's own statements run over it.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
public sealed class NotApplicableGrantsMigrationTests : IAsyncLifetime
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");

    private TestDatabase? _database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await _database.SeedDemoDataAsync(AppServices.Clock());
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TheMigration_IsAppliedWithTheOthers()
    {
        await using var db = Database.CreateDbContext();

        Assert.Contains("20261205090000_RemoveGrantsOfItemsNotApplicable", await db.Database.GetAppliedMigrationsAsync(Ct));
    }

    [Fact]
    public async Task AGrantFromAnItemMarkedNotApplicable_IsRemoved_WithAnAuditEntry_AndTheOthersStay()
    {
        var (orderId, wrong) = await CompleteAsOldCodeDidAsync(OrderRequests.NewUndersköterska(), "Appva");

        await RunMigrationAsync();
        await RunMigrationAsync();

        await using var db = Database.CreateDbContext();
        var grants = await db.Grants.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(6, grants.Count);
        Assert.DoesNotContain(grants, g => g.Id == wrong);
        Assert.All(grants, g => Assert.Equal((orderId, (DateOnly?)null, (int?)null), (g.SourceOrderId, g.To, g.EndedByOrderId)));
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Grant", Ct);
        Assert.Equal(("Grant.Removed", wrong.ToString(System.Globalization.CultureInfo.InvariantCulture), "SocItConsole"), (entry.Action, entry.EntityId, entry.ActorName));
        Assert.Equal(
            "Behörigheten Appva (Standard) i Hemtjänst Centrum för Lisa Andersson togs bort: systemet var markerat som ej aktuellt i SOC-2026-00001, så behörigheten gavs aldrig.",
            entry.Summary);
        Assert.Contains("\"System\":\"Appva\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"From\":\"2026-12-07\"", entry.Before, StringComparison.Ordinal);
        Assert.Null(entry.After);
        Assert.InRange(entry.OccurredAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task AGrantAFollowUpRefersTo_IsEndedByItsOwnCase_InsteadOfRemoved()
    {
        var (orderId, wrong) = await CompleteAsOldCodeDidAsync(OrderRequests.Extend(), "Qlikview");
        await using (var db = Database.CreateDbContext())
        {
            var grant = await db.Grants.SingleAsync(g => g.Id == wrong, Ct);
            db.FollowUps.Add(new FollowUp(
                grant.Id, grant.EmployeeId, "Lisa Andersson", grant.SystemName, grant.LevelName, grant.UnitId, grant.UnitName,
                grant.UnitId, grant.To!.Value, Build.Contact(), AppServices.Clock().GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        }

        await RunMigrationAsync();
        await RunMigrationAsync();

        await using var check = Database.CreateDbContext();
        var voided = await check.Grants.AsNoTracking().SingleAsync(g => g.Id == wrong, Ct);
        Assert.Equal((new DateOnly(2026, 12, 7), (int?)orderId), (voided.To!.Value, voided.EndedByOrderId));
        Assert.False(voided.IsTemporary);
        var lifecare = await check.Grants.AsNoTracking().SingleAsync(g => g.Id != wrong, Ct);
        Assert.Equal(((DateOnly?)new DateOnly(2027, 3, 31), (int?)null), (lifecare.To, lifecare.EndedByOrderId));
        var entry = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Grant", Ct);
        Assert.Equal("Grant.Voided", entry.Action);
        Assert.StartsWith("Behörigheten Qlikview (Standard) i Hemtjänst Centrum för Lisa Andersson är avslutad av sitt eget ärende SOC-2026-00001:", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("\"To\":\"2027-03-31\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"EndedByOrderId\":" + orderId, entry.After, StringComparison.Ordinal);
    }

    /// <summary>
    /// Completes the order with <paramref name="system"/> marked "Ej aktuell", then adds the grant for it that the
    /// completion wrote before the fix; returns the order's id and that grant's.
    /// </summary>
    private async Task<(int OrderId, int GrantId)> CompleteAsOldCodeDidAsync(OrderRequest request, string system)
    {
        var placed = await AppServices.OrderIntake(Database).PlaceAsync(request, OrderChannel.Console, Chef, ct: Ct);
        var orderId = Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id;
        var work = AppServices.CaseWork(Database, "operator");
        var version = Assert.IsType<CaseResult.Done>(await work.TakeAsync(orderId, 0, Ct)).Version;
        foreach (var item in (await work.GetAsync(orderId, Ct))!.Checklist)
        {
            var skip = item.Label.StartsWith(system, StringComparison.Ordinal);
            version = Assert.IsType<CaseResult.Done>(await work.MarkItemAsync(
                orderId, version, item.Id, skip ? ChecklistState.NotApplicable : ChecklistState.Done, skip ? "Inte aktuellt" : null, Ct)).Version;
        }

        Assert.IsType<CaseResult.Done>(await work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct));

        await using var db = Database.CreateDbContext();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, Ct);
        var s = order.Systems.Single(x => x.SystemName == system);
        var wrong = new Grant(
            order.EmployeeId, s.SystemId, s.SystemName, s.LevelId, s.LevelName, order.UnitId, order.UnitName,
            order.StartDate!.Value, order.EndDate, order.Id, order.CaseNumber, new GrantOwner(order.EmploymentId!.Value));
        db.Grants.Add(wrong);
        await db.SaveChangesAsync(Ct);
        return (orderId, wrong.Id);
    }

    private async Task RunMigrationAsync()
    {
        await using var db = Database.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        foreach (var statement in RemoveGrantsOfItemsNotApplicable.Statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement, Ct);
        }

        await transaction.CommitAsync(Ct);
    }
}
