using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>
/// The demo organisation with its pools and keys (Hemtjänst Centrum: 4110001–4110006 personal, 4110501–4110503 in
/// "Personalpool"), plus employees with valid personnummer, for the key register's service tests.
/// </summary>
public static class KeyRegisterData
{
    public const string Centrum = "Hemtjänst Centrum";
    public const string Skrea = "Hemtjänst Skrea";
    public const string Hertings = "Hertings vård- och omsorgsboende";
    public const string Pool = "Personalpool";

    /// <summary>The app's test clock: 2026-11-27 10:00 in Stockholm.</summary>
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static Task<(TestDatabase Database, FakeTimeProvider Clock)> SeededAsync() =>
        SeededAsync(PostgresServer.RunOnPostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite);

    public static async Task<(TestDatabase Database, FakeTimeProvider Clock)> SeededAsync(DatabaseProvider provider)
    {
        var clock = AppServices.Clock();
        var database = await TestDatabase.CreateMigratedAsync(provider);
        await database.SeedDemoDataAsync(clock);
        return (database, clock);
    }

    /// <summary>
    /// A valid personnummer for the <paramref name="serial"/>th test person (born 1980-02-01, serial 100 + n), so
    /// that any number of distinct people can be added without colliding with the order test data.
    /// </summary>
    public static string PersonnummerFor(int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 899);
        var nine = string.Create(CultureInfo.InvariantCulture, $"800201{100 + serial:D3}");
        var sum = 0;
        for (var i = 0; i < nine.Length; i++)
        {
            var product = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }

        return string.Create(CultureInfo.InvariantCulture, $"19{nine[..6]}-{nine[6..]}{(10 - sum % 10) % 10}");
    }

    public static async Task<IReadOnlyList<int>> AddEmployeesAsync(
        IDbContextFactory<SocItDbContext> factory, DateOnly today, CancellationToken ct, params string[] names)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var existing = await db.Employees.CountAsync(ct);
        var employees = names
            .Select((name, i) => new Employee(name, Personnummer.Parse(PersonnummerFor(existing + i), today)))
            .ToList();
        db.Employees.AddRange(employees);
        await db.SaveChangesAsync(ct);
        return [.. employees.Select(e => e.Id)];
    }

    public static async Task<int> UnitIdAsync(IDbContextFactory<SocItDbContext> factory, string name, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync(ct);
    }

    public static async Task<int> PoolIdAsync(
        IDbContextFactory<SocItDbContext> factory, string unitName, string poolName, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var unitId = await db.Units.Where(u => u.Name == unitName).Select(u => u.Id).SingleAsync(ct);
        return await db.KeyPools.Where(p => p.UnitId == unitId && p.Name == poolName).Select(p => p.Id).SingleAsync(ct);
    }

    /// <summary>The key as stored now, with its history, read in a context of its own.</summary>
    public static async Task<Key> KeyAsync(IDbContextFactory<SocItDbContext> factory, string number, CancellationToken ct)
    {
        var keyNumber = KeyNumber.Parse(number);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Keys.AsNoTracking().Include(k => k.History).SingleAsync(k => k.Number == keyNumber, ct);
    }

    public static async Task<PersonalCode?> CodeAsync(IDbContextFactory<SocItDbContext> factory, int employeeId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.PersonalCodes.AsNoTracking().Include(c => c.History).SingleOrDefaultAsync(c => c.EmployeeId == employeeId, ct);
    }

    public static async Task<int> AuditCountAsync(IDbContextFactory<SocItDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AuditEntries.CountAsync(ct);
    }
}
