using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Hr;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Features.Hr;

/// <summary>
/// The demo organisation on a migrated database, a fake clock on Friday 2026-11-27 and staff written straight into the
/// register: chef1 (Anna Lindqvist) manages Hemtjänst Centrum (cost centre 4110) and Skrea (4120), chef2 (Erik
/// Johansson) Tallgården (4210); Frida Nyman is appointed orderer for Hemtjänst Centrum.
/// </summary>
public sealed class HrWorld : IDisposable
{
    public const string Header = "Personnummer;Namn;Enhet;Titel;Startdatum;Slutdatum\n";
    public const string Maria = "19820407-2428";
    public const string Ahmed = "19910923-3578";
    public const string Elin = "19950214-1881";
    public const string Sara = "19870926-3829";
    public const string Chef1Email = "anna.lindqvist@kommun.example";
    public const string Chef2Email = "erik.johansson@kommun.example";
    public const string OrdererEmail = "frida.nyman@kommun.example";
    public static readonly DateOnly Today = new(2026, 11, 27);

    private readonly TempFolder _folder = new();

    private HrWorld(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = AppServices.Clock();

    public RecordingMailSender Mail { get; } = new();

    public string ImportFolder => _folder.Path;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HrWorld> CreateAsync()
    {
        var world = new HrWorld(await TestDatabase.CreateMigratedAsync());
        await world.Database.SeedDemoDataAsync(world.Clock);
        return world;
    }

    public HrReconciliationRun Run()
    {
        var audit = new AuditTrail(Clock);
        return new HrReconciliationRun(
            Database, new HrNoticeMail(Database, Mail, audit, Clock, NullLogger<HrNoticeMail>.Instance), audit,
            Options.Create(new HrOptions { ImportFolder = ImportFolder }), Options.Create(AppServices.EmailSettings()), Clock,
            NullLogger<HrReconciliationRun>.Instance);
    }

    /// <summary>The services <c>run-job hr-reconciliation</c> runs with, as the feature registers them.</summary>
    public ServiceProvider CommandLineServices() =>
        new ServiceCollection()
            .AddSingleton<IDbContextFactory<SocItDbContext>>(Database)
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<IMailSender>(Mail)
            .AddSingleton<AuditTrail>()
            .AddSingleton<JobLeases>()
            .AddSingleton<JobRunner>()
            .AddSingleton(Options.Create(new HrOptions { ImportFolder = ImportFolder }))
            .AddSingleton(Options.Create(AppServices.EmailSettings()))
            .AddHrRun()
            .BuildServiceProvider();

    public Task<HrRunReport> RunAsync(string lines, string fileName = "hr.csv", DateOnly? asOf = null, bool dryRun = false) =>
        Run().RunAsync(Bytes(lines), fileName, asOf ?? Today, dryRun, HrImportSource.Upload, new Actor("admin-oid", "Sara Admin"), Ct);

    public static byte[] Bytes(string lines) => Encoding.UTF8.GetBytes(Header + lines);

    public void WriteFile(string name, string lines, DateTime lastWrite)
    {
        var path = _folder.File(name);
        File.WriteAllBytes(path, Bytes(lines));
        File.SetLastWriteTimeUtc(path, lastWrite);
    }

    /// <summary>A person in the register with one employment from 2020-01-01 until further notice; returns the employment's id.</summary>
    public async Task<int> EmployAsync(string personnummer, string name, string unitName, string titleName, bool isProtected = false)
    {
        await using var db = Database.CreateDbContext();
        var pnr = Personnummer.Parse(personnummer, Today);
        var employee = await db.Employees.SingleOrDefaultAsync(e => e.Personnummer == pnr, Ct);
        if (employee is null)
        {
            employee = new Employee(name, pnr);
            if (isProtected)
            {
                employee.Protect("Skyddad folkbokföring (test).");
            }

            db.Employees.Add(employee);
            await db.SaveChangesAsync(Ct);
        }

        var unit = await db.Units.SingleAsync(u => u.Name == unitName, Ct);
        var title = await db.JobTitles.SingleAsync(t => t.Name == titleName, Ct);
        var employment = new Employment(employee.Id, unit.Id, unit.Name, title.Id, title.Name, new DateOnly(2020, 1, 1), null, null);
        db.Employments.Add(employment);
        await db.SaveChangesAsync(Ct);
        return employment.Id;
    }

    public async Task<(int Imports, int Findings, int Mappings, int Notices, int Audit)> CountsAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.HrImports.CountAsync(Ct), await db.HrFindings.CountAsync(Ct), await db.HrMappings.CountAsync(Ct),
            await db.HrNotices.CountAsync(Ct), await db.AuditEntries.CountAsync(a => a.Action.StartsWith("Hr"), Ct));
    }

    public async Task<List<HrFinding>> FindingsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.HrFindings.AsNoTracking().OrderBy(f => f.Id).ToListAsync(Ct);
    }

    public void Dispose()
    {
        Database.Dispose();
        _folder.Dispose();
    }
}
