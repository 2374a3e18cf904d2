using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Data.PostgreSql;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Data;

public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrations_ApplyToEmptyDatabase_AndSeedTheTenSystems(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using var db = database.CreateDbContext();

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        var systems = await db.ItSystems.Select(s => s.Name).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            ["Appva", "Citrix", "Combine", "DF", "IntraPhone", "KOBE", "Lifecare", "Qlikview", "Smartkort (SITHS)", "Swedlock"],
            systems.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// One model, one migration set per provider (decision 0051): a change to an entity or a configuration needs
    /// <c>dotnet ef migrations add</c> for both contexts, and this fails for the one that was forgotten.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Model_HasNoChangesMissingAMigration(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes that no {provider} migration captures.");
    }

    [Fact]
    public async Task EachProvider_AppliesItsOwnMigrationSet_Only()
    {
        using var sqlite = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var postgreSql = await TestDatabase.CreateMigratedAsync(DatabaseProvider.PostgreSql);
        await using var sqliteDb = sqlite.CreateDbContext();
        await using var postgreSqlDb = postgreSql.CreateDbContext();

        var sqliteApplied = (await sqliteDb.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList();
        var postgreSqlApplied = (await postgreSqlDb.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList();

        Assert.Contains("20261127231753_InitialMasterData", sqliteApplied);
        Assert.DoesNotContain(sqliteApplied, m => m.EndsWith("PostgreSql", StringComparison.Ordinal));
        Assert.Contains(postgreSqlApplied, m => m.EndsWith("_InitialPostgreSql", StringComparison.Ordinal));
        Assert.DoesNotContain("20261127231753_InitialMasterData", postgreSqlApplied);
        Assert.IsType<PostgreSqlSocItDbContext>(postgreSqlDb);
    }
}
