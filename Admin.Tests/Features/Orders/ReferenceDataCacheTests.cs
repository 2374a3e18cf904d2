using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Orders;

/// <summary>
/// Order intake keeps the reference data in memory while the database's stamp stands (decision 0050): a change by any
/// writer — here a plain SQLite connection, as the command line or a second instance would write — is seen by the very
/// next order.
/// </summary>
public class ReferenceDataCacheTests
{
    private static readonly Actor EService = new("api:e-tjanst", "E-tjänsten");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AUnitDeactivatedByAnotherProcess_IsRefusedByTheVeryNextOrder()
    {
        using var database = await SeededAsync();
        var intake = AppServices.OrderIntake(database, AppServices.Clock());
        Assert.IsType<PlaceOrderResult.Created>(
            await intake.PlaceAsync(OrderRequests.Extend(OrderRequests.Pnr1985), OrderChannel.EService, EService, ct: Ct));

        await ExecuteElsewhereAsync(database, database.IsPostgreSql
            ? "UPDATE \"Units\" SET \"IsActive\" = false WHERE \"Name\" = 'Hemtjänst Centrum'"
            : "UPDATE Units SET IsActive = 0 WHERE Name = 'Hemtjänst Centrum'");
        var next = await intake.PlaceAsync(OrderRequests.Extend(OrderRequests.Pnr1990), OrderChannel.EService, EService, ct: Ct);

        var invalid = Assert.IsType<PlaceOrderResult.Invalid>(next);
        Assert.Contains(invalid.Errors.Values.SelectMany(m => m), m => m.Contains("Hemtjänst Centrum är inaktiverad", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSnapshot_IsReusedWhileTheStampStands_AndNeverAcrossAChange()
    {
        using var database = await SeededAsync();
        var cache = new ReferenceDataCache(database);
        var first = await cache.GetAsync(Ct);

        var unchanged = await cache.GetAsync(Ct);
        await ExecuteElsewhereAsync(database, database.IsPostgreSql
            ? "UPDATE \"JobTitles\" SET \"Name\" = 'Undersköterska natt' WHERE \"Name\" = 'Undersköterska'"
            : "UPDATE JobTitles SET Name = 'Undersköterska natt' WHERE Name = 'Undersköterska'");
        var changed = await cache.GetAsync(Ct);

        Assert.Same(first, unchanged);
        Assert.NotSame(first, changed);
        Assert.True(changed.Stamp > first.Stamp);
        Assert.Contains(changed.Reference.Titles, t => t.Name == "Undersköterska natt");
        Assert.DoesNotContain(changed.Reference.Titles, t => t.Name == "Undersköterska");
    }

    [Theory]
    [InlineData("JobTitles")]
    [InlineData("Units")]
    [InlineData("UnitManagers")]
    [InlineData("UnitSystems")]
    [InlineData("ItSystems")]
    [InlineData("SystemLevels")]
    [InlineData("MatrixEntries")]
    public async Task EveryChangeToAReferenceTable_MovesTheStamp(string table)
    {
        using var database = await SeededAsync();
        var before = await StampAsync(database);

        if (database.IsPostgreSql)
        {
            // PostgreSQL's stamp triggers fire once per statement (PostgreSqlGuards); the update rewrites one real row, the
            // delete is a statement that the foreign keys (not to be switched off there) cannot refuse.
            var column = await FirstColumnAsync(database, table);
            await ExecuteElsewhereAsync(
                database, $"UPDATE \"{table}\" SET \"{column}\" = \"{column}\" WHERE ctid = (SELECT MIN(ctid) FROM \"{table}\")");
            var afterPostgreSqlUpdate = await StampAsync(database);
            await ExecuteElsewhereAsync(database, $"DELETE FROM \"{table}\" WHERE false", expectedRows: null);
            Assert.True(afterPostgreSqlUpdate > before, $"an update of {table} left the stamp at {before}");
            Assert.True(await StampAsync(database) > afterPostgreSqlUpdate, $"a delete from {table} left the stamp at {afterPostgreSqlUpdate}");
            return;
        }

        await ExecuteElsewhereAsync(database, $"UPDATE {table} SET rowid = rowid WHERE rowid = (SELECT MIN(rowid) FROM {table})");
        var afterUpdate = await StampAsync(database);
        // The foreign keys are off for this one statement: what matters is the trigger, not what else refers to the row.
        await ExecuteElsewhereAsync(
            database, $"PRAGMA foreign_keys = OFF; DELETE FROM {table} WHERE rowid = (SELECT MAX(rowid) FROM {table})", expectedRows: null);

        Assert.True(afterUpdate > before, $"an update of {table} left the stamp at {before}");
        Assert.True(await StampAsync(database) > afterUpdate, $"a delete from {table} left the stamp at {afterUpdate}");
    }

    [Fact]
    public async Task AnExtensionOrder_TakesThirteenStatements_TheReferenceDataOneOfThem()
    {
        using var database = await SeededAsync();
        var counter = new StatementCounter();
        var counted = new CountingFactory(database, counter);
        var intake = AppServices.OrderIntake(counted, AppServices.Clock());
        // The first order loads the reference data; the second is every later order's cost.
        await intake.PlaceAsync(OrderRequests.Extend(OrderRequests.Pnr1985), OrderChannel.EService, EService, "key-1", "hash-1", Ct);
        counter.Statements.Clear();

        Assert.IsType<PlaceOrderResult.Created>(
            await intake.PlaceAsync(OrderRequests.Extend(OrderRequests.Pnr1990), OrderChannel.EService, EService, "key-2", "hash-2", Ct));

        // Six reads (the key, the stamp, the person, the counter, the orderer's appointment, the receipt's duplicate
        // check) and seven writes; before the stamp it was seventeen, ten of them reads.
        var statements = counter.Statements.ToList();
        Assert.True(statements.Count <= 13, $"{statements.Count} statements:\n{string.Join("\n---\n", statements)}");
        Assert.Single(statements, s => s.Contains(ReferenceDataStamp.Table, StringComparison.Ordinal));
        Assert.Single(statements, s => s.Contains("\"IdempotencyKey\" = ", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Contains("FROM \"JobTitles\"", StringComparison.Ordinal)
            || s.Contains("FROM \"ItSystems\"", StringComparison.Ordinal) || s.Contains("FROM \"Units\"", StringComparison.Ordinal));
    }

    private static async Task<string> FirstColumnAsync(TestDatabase database, string table)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_name = @t ORDER BY ordinal_position LIMIT 1", connection);
        command.Parameters.AddWithValue("t", table);
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateMigratedAsync();
        await database.SeedDemoDataAsync(AppServices.Clock());
        return database;
    }

    /// <summary>A write outside EF and outside the app's connection, as another process would make it.</summary>
    private static async Task ExecuteElsewhereAsync(TestDatabase database, string sql, int? expectedRows = 1)
    {
        await using System.Data.Common.DbConnection connection = database.IsPostgreSql
            ? new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = await command.ExecuteNonQueryAsync(Ct);
        if (expectedRows is { } expected)
        {
            Assert.Equal(expected, rows);
        }
    }

    private static async Task<long> StampAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await ReferenceDataStamp.ReadAsync(db, Ct);
    }

    private sealed class StatementCounter : DbCommandInterceptor
    {
        public List<string> Statements { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class CountingFactory(TestDatabase database, StatementCounter counter) : IDbContextFactory<SocItDbContext>
    {
        private readonly DbContextOptions<SocItDbContext> _options = database.OptionsWith(counter);

        public SocItDbContext CreateDbContext() => database.CreateDbContext(_options);
    }
}
