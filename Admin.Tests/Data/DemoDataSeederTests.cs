using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data.Demo;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Data;

public class DemoDataSeederTests
{
    [Fact]
    public async Task Seed_IsIdempotent()
    {
        using var database = await TestDatabase.CreateMigratedAsync();
        var seeder = database.CreateDemoDataSeeder();
        var ct = TestContext.Current.CancellationToken;

        await seeder.SeedAsync(ct);
        await seeder.SeedAsync(ct);

        await using var db = database.CreateDbContext();
        Assert.Equal(DemoOrganisation.JobTitles.Count, await db.JobTitles.CountAsync(ct));
        Assert.Equal(DemoOrganisation.Units.Count, await db.Units.CountAsync(ct));
        Assert.Equal(10, await db.ItSystems.CountAsync(ct));
    }

    [Fact]
    public async Task Seed_GivesUnitsTheirManagersSystemsAndMobileRepresentative()
    {
        using var database = await TestDatabase.CreateMigratedAsync();
        var ct = TestContext.Current.CancellationToken;
        await database.SeedDemoDataAsync();

        await using var db = database.CreateDbContext();
        var unit = await db.Units.Include(u => u.Systems).SingleAsync(u => u.Name == "Hemtjänst Centrum", ct);

        Assert.Equal(DemoOrganisation.AnnaLindqvist.Email, Assert.Single(unit.Managers).Email.Value);
        Assert.Equal("Petra Olsson", unit.MobileRepresentative?.Name);
        Assert.Contains(unit.Systems, s => s.Name == "Swedlock");
        Assert.True(unit.UsesDigitalKeys);
    }

    [Fact]
    public async Task Seed_AppointsBestallare1ForOneOfChef1sUnits_Once_FromBeforeToday_UntilFurtherNotice()
    {
        using var database = await TestDatabase.CreateMigratedAsync();
        var ct = TestContext.Current.CancellationToken;
        var clock = AppServices.Clock();
        var seeder = database.CreateDemoDataSeeder(clock);

        await seeder.SeedAsync(ct);
        await seeder.SeedAsync(ct);

        await using var db = database.CreateDbContext();
        var appointment = Assert.Single(await db.AppointedOrderers.ToListAsync(ct));
        var unit = await db.Units.SingleAsync(u => u.Id == appointment.UnitId, ct);
        var bestallare1 = SocItConsole.Admin.Infrastructure.Authentication.DevUsers.Find("bestallare1")!;
        Assert.Equal(
            ("Hemtjänst Centrum", bestallare1.DisplayName, bestallare1.Email, "Anna Lindqvist", (DateOnly?)null),
            (unit.Name, appointment.Name, appointment.Email.Value, appointment.AppointedByName, appointment.To));
        Assert.Contains(unit.Managers, m => m.Email.Value == DemoOrganisation.AnnaLindqvist.Email);
        Assert.True(appointment.From < new DateOnly(2026, 11, 27));
        Assert.Empty(bestallare1.Roles);
    }

    [Fact]
    public async Task Seed_AddsOnlyWhatIsMissing()
    {
        using var database = await TestDatabase.CreateMigratedAsync();
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.CreateDbContext())
        {
            db.JobTitles.Add(new SocItConsole.Shared.MasterData.JobTitle("Undersköterska"));
            await db.SaveChangesAsync(ct);
        }

        await database.SeedDemoDataAsync();

        await using var check = database.CreateDbContext();
        Assert.Equal(1, await check.JobTitles.CountAsync(t => t.Name == "Undersköterska", ct));
        Assert.Equal(DemoOrganisation.JobTitles.Count, await check.JobTitles.CountAsync(ct));
    }

    [Fact]
    public async Task Seed_SavesTheDemoMatrixAsVersionOne_Once()
    {
        using var database = await TestDatabase.CreateMigratedAsync();
        var ct = TestContext.Current.CancellationToken;

        await database.SeedDemoDataAsync();
        await database.SeedDemoDataAsync();

        await using var db = database.CreateDbContext();
        var set = await db.MatrixChangeSets.SingleAsync(ct);
        Assert.Equal(1, set.Version);
        Assert.Equal(SocItConsole.Shared.Matrix.MatrixChangeSource.DemoData, set.Source);
        Assert.Equal(DemoOrganisation.Matrix.Values.Sum(row => row.Length), await db.MatrixEntries.CountAsync(ct));
        Assert.Equal(1, (await db.MatrixState.SingleAsync(ct)).Version);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Matrix.Saved", ct));
    }
}
