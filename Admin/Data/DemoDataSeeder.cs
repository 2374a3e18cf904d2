using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data.Demo;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Organisation;

namespace SocItConsole.Admin.Data;

/// <summary>Adds the demo organisation's titles and units that are missing; running it again changes nothing.</summary>
public sealed partial class DemoDataSeeder(IDbContextFactory<SocItDbContext> factory, ILogger<DemoDataSeeder> logger)
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

        if (newTitles.Count + newUnits.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            LogSeeded(logger, newTitles.Count, newUnits.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Titles} job title(s), {Units} unit(s)")]
    private static partial void LogSeeded(ILogger logger, int titles, int units);
}
