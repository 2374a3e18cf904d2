using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Data.Migrations;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Keys;
using static SocItConsole.Admin.Tests.TestData.KeyRegisterData;

namespace SocItConsole.Admin.Tests.Data;

/// <summary>The migration that gives keys already to be returned a due day: the day they were marked so.</summary>
[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
public sealed class KeyReturnDueOnMigrationTests
{
    [Fact]
    public async Task AKeyMarkedToBeReturnedBeforeTheMigration_IsDueOnTheDayItWasMarked_AndOtherKeysGetNone()
    {
        var (database, clock) = await SeededAsync(DatabaseProvider.Sqlite);
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var employee = (await AddEmployeesAsync(database, Today, ct, "Per Olsson"))[0];
        var register = KeyServices.Register(database, "operator", clock);
        var marked = await KeyAsync(database, "4110002", ct);
        var issued = await KeyAsync(database, "4110003", ct);
        Assert.IsType<KeyResult.Done>(await register.AssignAsync(marked.Id, 1, employee, ct));
        Assert.IsType<KeyResult.Done>(await register.AssignAsync(issued.Id, 1, employee, ct));
        clock.Advance(TimeSpan.FromDays(3));
        Assert.IsType<KeyResult.Done>(await register.MarkToBeReturnedAsync(marked.Id, 2, ct));
        await using var db = database.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Keys\" SET \"ReturnDueOn\" = NULL", ct);

        await db.Database.ExecuteSqlRawAsync(KeyReturnDueOn.Backfill, ct);

        var due = await db.Keys.AsNoTracking().Where(k => k.ReturnDueOn != null).Select(k => new { k.Number, k.ReturnDueOn }).ToListAsync(ct);
        var only = Assert.Single(due);
        Assert.Equal((KeyNumber.Parse("4110002"), (DateOnly?)Today.AddDays(3)), (only.Number, only.ReturnDueOn));
    }
}
