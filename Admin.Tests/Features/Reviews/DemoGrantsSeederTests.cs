using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Features.Reviews;

public class DemoGrantsSeederTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Staff_HaveValidPersonnummer_EachOnce()
    {
        Assert.All(DemoGrantsSeeder.Staff, s => Assert.True(
            Personnummer.TryParse(s.Personnummer, ReviewWorld.Today, out _, out var error), $"{s.Name}: {error}"));
        Assert.Equal(DemoGrantsSeeder.Staff.Count, DemoGrantsSeeder.Staff.Select(s => s.Personnummer).Distinct().Count());
        Assert.Equal(DemoGrantsSeeder.Staff.Count, DemoGrantsSeeder.Staff.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public async Task Seed_GivesChef1sUnitsCompletedCasesWithGrants_AndAddsNothingWhenRunAgain()
    {
        using var database = await TestDatabase.CreateMigratedAsync();
        var clock = AppServices.Clock();
        await database.SeedDemoDataAsync(clock);
        await using var services = new ServiceCollection().AddOrderServices(database, clock).BuildServiceProvider();
        var seeder = new DemoGrantsSeeder(services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<DemoGrantsSeeder>.Instance);

        await seeder.StartAsync(Ct);
        var first = await CountsAsync(database);
        await seeder.StartAsync(Ct);
        var second = await CountsAsync(database);

        Assert.Equal(first, second);
        Assert.Equal(DemoGrantsSeeder.Staff.Count, first.Orders);
        await using var db = database.CreateDbContext();
        Assert.All(await db.Orders.ToListAsync(Ct), o => Assert.Equal(OrderStatus.Completed, o.Status));
        var chef1Units = new[] { ReviewWorld.Centrum, "Hemtjänst Skrea" };
        var grants = await (
                from g in db.Grants
                join e in db.Employees on g.EmployeeId equals e.Id
                join o in db.Orders on g.SourceOrderId equals o.Id
                where chef1Units.Contains(g.UnitName)
                select new { e.FullName, g.UnitName, g.UnitId, g.SystemName, g.To, HomeUnitId = o.UnitId, o.Type })
            .ToListAsync(Ct);
        Assert.Equal(8, grants.Select(g => g.FullName).Distinct().Count());
        Assert.Contains(grants, g => g.FullName == "Maria Lundgren" && g.SystemName == "Lifecare" && g.To is null);
        var visitor = grants.Where(g => g.FullName == "Ingrid Axelsson").ToList();
        Assert.NotEmpty(visitor);
        Assert.All(visitor, g => Assert.Equal(
            (ReviewWorld.Centrum, OrderType.TemporaryUnit, ReviewWorld.Today.AddDays(60)), (g.UnitName, g.Type, g.To!.Value)));
        Assert.All(visitor, g => Assert.NotEqual(g.UnitId, g.HomeUnitId));
        Assert.All(grants.Where(g => g.FullName == "Elin Karlsson"), g => Assert.Equal(ReviewWorld.Today.AddDays(90), g.To));
        Assert.True(await db.KeyPools.SelectMany(p => p.Members).AnyAsync(Ct));

        var choices = await ReviewServices.Rounds(database, "admin", new RecordingMailSender(), clock).UnitChoicesAsync(Ct);
        Assert.True(choices.Single(c => c.Name == ReviewWorld.Centrum).ActiveGrants > 20);
    }

    [Fact]
    public async Task Seed_IncludesOneProtectedPerson_WithACompletedCaseAndGrants_MarkedOnceOnTheAuditTrail()
    {
        using var database = await TestDatabase.CreateMigratedAsync();
        var clock = AppServices.Clock();
        await database.SeedDemoDataAsync(clock);
        await using var services = new ServiceCollection().AddOrderServices(database, clock).BuildServiceProvider();
        var seeder = new DemoGrantsSeeder(services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<DemoGrantsSeeder>.Instance);

        await seeder.StartAsync(Ct);
        await seeder.StartAsync(Ct);

        await using var db = database.CreateDbContext();
        var protectedPerson = await db.Employees.SingleAsync(e => e.IsProtected, Ct);
        Assert.False(string.IsNullOrWhiteSpace(protectedPerson.ProtectionReason));
        Assert.Equal(OrderStatus.Completed, await db.Orders.Where(o => o.EmployeeId == protectedPerson.Id).Select(o => o.Status).SingleAsync(Ct));
        Assert.True(await db.Grants.CountAsync(g => g.EmployeeId == protectedPerson.Id, Ct) > 3);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Employee.Protected", Ct));
    }

    private static async Task<(int Orders, int Grants, int Employees, int Audit, int PoolMembers)> CountsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (
            await db.Orders.CountAsync(Ct),
            await db.Grants.CountAsync(Ct),
            await db.Employees.CountAsync(Ct),
            await db.AuditEntries.CountAsync(Ct),
            await db.KeyPools.SelectMany(p => p.Members).CountAsync(Ct));
    }
}
