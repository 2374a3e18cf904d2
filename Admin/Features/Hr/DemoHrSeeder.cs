using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Hr;

/// <summary>
/// Development only, with the demo staff (<c>Reviews:SeedDemoAccess</c>): once, when no file has been reconciled yet,
/// an HR file is made from the console's current employments in which one of chef1's staff (Ahmed Yusuf, Hemtjänst
/// Centrum) has left, one (Maria Lundgren) has become a nurse, and someone starts in Hemtjänst Skrea next week with no
/// order — and it is reconciled through the ordinary run, as the system, so that <em>Avstämning mot HR</em> has
/// findings to show. Hosted after the demo staff's seeder, so their employments exist.
/// </summary>
internal sealed partial class DemoHrSeeder(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<DemoHrSeeder> logger)
    : IHostedService
{
    internal const string Leaver = "19910923-3578";
    internal const string Mover = "19820407-2428";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>(DemoGrantsSeeder.SettingKey))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var today = AdminTimeZone.Today(clock);
        string file;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.HrImports.AnyAsync(cancellationToken))
            {
                return;
            }

            var rows = await (
                    from e in db.Employments.AsNoTracking()
                    join p in db.Employees on e.EmployeeId equals p.Id
                    join u in db.Units on e.UnitId equals u.Id
                    where e.To == null || e.To >= today
                    orderby e.Id
                    select new { p.Personnummer, p.FullName, u.CostCentre, e.TitleName, e.From, e.To })
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return;
            }

            file = Compose(rows.Select(r => (r.Personnummer, r.FullName, r.CostCentre, r.TitleName ?? "Undersköterska", r.From, r.To)), today);
        }

        var report = await scope.ServiceProvider.GetRequiredService<HrReconciliationRun>().RunAsync(
            Encoding.UTF8.GetBytes(file), $"hr-demo-{Dates.Iso(today)}.csv", today, dryRun: false, HrImportSource.Upload, Actor.System,
            cancellationToken);
        LogSeeded(logger, report.Summary);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The HR file: everyone as the console has them, except the leaver, the mover and one joiner.</summary>
    internal static string Compose(
        IEnumerable<(Personnummer Personnummer, string Name, string CostCentre, string Title, DateOnly From, DateOnly? To)> rows, DateOnly today)
    {
        var text = new StringBuilder("Personnummer;Namn;Enhet;Titel;Startdatum;Slutdatum\n");
        void Line(string pnr, string name, string unit, string title, DateOnly from, DateOnly? to) =>
            text.Append(CultureInfo.InvariantCulture, $"{pnr};{name};{unit};{title};{Dates.Iso(from)};{(to is { } end ? Dates.Iso(end) : string.Empty)}\n");
        foreach (var row in rows)
        {
            var pnr = row.Personnummer.Formatted;
            if (pnr == Leaver)
            {
                // HR knows her real start; her last day was yesterday.
                Line(pnr, row.Name, row.CostCentre, row.Title, today.AddYears(-3), today.AddDays(-1));
            }
            else if (pnr == Mover)
            {
                Line(pnr, row.Name, row.CostCentre, "Sjuksköterska", today, null);
            }
            else
            {
                Line(pnr, row.Name, row.CostCentre, row.Title, row.From, row.To);
            }
        }

        Line("19900512-" + JoinerSerial(), "Oskar Ek", "4120", "Undersköterska", today.AddDays(7), null);
        return text.ToString();
    }

    /// <summary>"1234" with a valid check digit for 900512-123x.</summary>
    private static string JoinerSerial() => "123" + Personnummer.CheckDigit("900512123").ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo HR reconciliation: {Summary}")]
    private static partial void LogSeeded(ILogger logger, string summary);
}
