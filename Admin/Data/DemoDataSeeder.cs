using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data.Demo;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Matrix;
using SocItConsole.Shared.Orderers;

namespace SocItConsole.Admin.Data;

/// <summary>
/// Adds the demo organisation's titles, units and appointed orderer that are missing; running it again changes nothing.
/// </summary>
public sealed partial class DemoDataSeeder(
    IDbContextFactory<SocItDbContext> factory,
    MatrixWriter matrixWriter,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);

        var existingTitles = await db.JobTitles.Select(t => t.Name).ToListAsync(ct);
        var newTitles = DemoOrganisation.JobTitles.Except(existingTitles, StringComparer.OrdinalIgnoreCase).ToList();
        db.JobTitles.AddRange(newTitles.Select(name => new JobTitle(name)));

        var existingUnits = await db.Units.Select(u => u.Name).ToListAsync(ct);
        var systems = await db.ItSystems.ToDictionaryAsync(s => s.Name, ct);
        var newUnits = DemoOrganisation.Units
            .Where(demo => !existingUnits.Contains(demo.Name, StringComparer.OrdinalIgnoreCase))
            .ToList();
        foreach (var demo in newUnits)
        {
            var unit = new Unit(demo.Name, demo.Area, demo.CostCentre, demo.UsesDigitalKeys);
            foreach (var manager in demo.Managers)
            {
                unit.AddManager(new Contact(manager.Name, EmailAddress.Parse(manager.Email)));
            }

            if (demo.MobileRepresentative is { } rep)
            {
                unit.SetMobileRepresentative(new Contact(rep.Name, EmailAddress.Parse(rep.Email)));
            }

            foreach (var systemName in demo.Systems)
            {
                unit.UseSystem(systems[systemName]);
            }

            db.Units.Add(unit);
        }

        var newLevels = 0;
        foreach (var (systemName, levels) in DemoOrganisation.SystemLevels)
        {
            var system = await db.ItSystems.Include(s => s.Levels).SingleAsync(s => s.Name == systemName, ct);
            foreach (var level in levels.Where(l => system.FindLevel(l) is null))
            {
                system.AddLevel(level);
                newLevels++;
            }
        }

        if (newTitles.Count + newUnits.Count + newLevels > 0)
        {
            await db.SaveChangesAsync(ct);
            LogSeeded(logger, newTitles.Count, newUnits.Count);
        }

        await SeedMatrixAsync(ct);
        await SeedKeysAsync(ct);
        await SeedAppointedOrdererAsync(ct);
    }

    /// <summary>
    /// The development sign-in's appointed orderer (bestallare1), appointed by Anna Lindqvist (chef1) for one of her
    /// units from a month back until further notice; only when she has no appointment there yet.
    /// </summary>
    private async Task SeedAppointedOrdererAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var person = DemoOrganisation.FridaNyman;
        var email = EmailAddress.Parse(person.Email);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Name == DemoOrganisation.AppointedOrdererUnit, ct);
        if (unit is null || await db.AppointedOrderers.AnyAsync(a => a.UnitId == unit.Id && a.Email == email, ct))
        {
            return;
        }

        var manager = DevUsers.Find("chef1")!.ToPrincipal();
        var at = clock.GetUtcNow();
        db.AppointedOrderers.Add(new AppointedOrderer(
            unit.Id, unit.Name, new Contact(person.Name, email), AdminTimeZone.Today(clock).AddDays(-30), to: null,
            CurrentUser.ToActor(manager), at));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A key pool and a handful of personal and pool keys for every demo unit with digital keys, numbered after the
    /// cost centre; only into an empty register. Hertings has two pools, to show the choice that brings.
    /// </summary>
    private async Task SeedKeysAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.KeyPools.AnyAsync(ct) || await db.Keys.AnyAsync(ct))
        {
            return;
        }

        var demoUnits = DemoOrganisation.Units.Where(u => u.UsesDigitalKeys).Select(u => u.Name).ToList();
        var units = (await db.Units.AsNoTracking().Where(u => u.UsesDigitalKeys).ToListAsync(ct))
            .Where(u => demoUnits.Contains(u.Name))
            .ToList();
        var at = clock.GetUtcNow();
        foreach (var unit in units)
        {
            string[] names = unit.Name.StartsWith("Hertings", StringComparison.Ordinal) ? ["Avdelning 1", "Avdelning 2"] : ["Personalpool"];
            var pools = names.Select(name => new KeyPool(unit.Id, name)).ToList();
            db.KeyPools.AddRange(pools);
            await db.SaveChangesAsync(ct);
            for (var i = 1; i <= 6; i++)
            {
                db.Keys.Add(Key.Register(KeyNumber.Parse($"{unit.CostCentre}0{i:D2}"), unit.Id, KeyKind.Personal, null, Actor.System, at));
            }

            for (var i = 1; i <= 3; i++)
            {
                db.Keys.Add(Key.Register(KeyNumber.Parse($"{unit.CostCentre}5{i:D2}"), unit.Id, KeyKind.Pool, pools[(i - 1) % pools.Count].Id, Actor.System, at));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo matrix as version 1, through the same writer as every other change: only into an empty matrix.</summary>
    private async Task SeedMatrixAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var state = await db.MatrixState.AsNoTracking().SingleAsync(ct);
        if (state.Version != 0 || await db.MatrixEntries.AnyAsync(ct))
        {
            return;
        }

        var titles = await db.JobTitles.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        var systems = await db.ItSystems.AsNoTracking().Include(s => s.Levels).ToDictionaryAsync(s => s.Name, ct);
        var edits = DemoOrganisation.Matrix
            .SelectMany(row => row.Value.Select(cell => (
                Key: new CellKey(titles[row.Key], systems[cell.System].Id),
                LevelId: (int?)systems[cell.System].FindLevel(cell.Level)!.Id)))
            .ToList();
        await matrixWriter.SaveAsync(db, Actor.System, 0, edits, "Demodata", MatrixChangeSource.DemoData, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Titles} job title(s), {Units} unit(s)")]
    private static partial void LogSeeded(ILogger logger, int titles, int units);
}
