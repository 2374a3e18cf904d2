using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Data;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_ApplyToEmptyDatabase_AndSeedTheTenSystems()
    {
        using var database = TestDatabase.CreateEmpty();
        await using var db = database.CreateDbContext();

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        var systems = await db.ItSystems.Select(s => s.Name).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            ["Appva", "Citrix", "Combine", "DF", "IntraPhone", "KOBE", "Lifecare", "Qlikview", "Smartkort (SITHS)", "Swedlock"],
            systems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Model_HasNoChangesMissingAMigration()
    {
        using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateDbContext();

        // Fails when an entity or configuration changes without `dotnet ef migrations add`.
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures.");
    }
}
