using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;
using Spectre.Console;

namespace SocItConsole.Bench.Generate;

/// <summary>
/// Writes a plausible Swedish social-services organisation into a SQLite file of its own for the benchmarks: the
/// schema by the app's real migrations, master data row by row, the large tables set-based. The file appears only
/// when it is complete (it is built beside it and moved into place), with a <c>FILE.json</c> sidecar that says what
/// it holds.
/// </summary>
internal static class DataGenerator
{
    /// <summary>Raise when the generated data changes, so that files made by an older generator are not reused.</summary>
    public const int GeneratorVersion = 3;

    public static async Task<GenerationSidecar> GenerateAsync(
        Scale scale, string path, bool force, bool progress, CancellationToken ct, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(scale);
        scale.Validate();
        var target = Path.GetFullPath(path);
        if (string.Equals(Path.GetFileName(Path.GetDirectoryName(target)), "App_Data", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"refusing to write generated data into the app's data folder: {target}", nameof(path));
        }

        if (File.Exists(target) && !force)
        {
            throw new IOException($"{target} exists; pass --force to replace it");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var timeline = new Timeline(today ?? AdminTimeZone.DateOf(DateTimeOffset.UtcNow));
        var temporary = $"{target}.tmp-{Guid.NewGuid():N}";
        var clock = Stopwatch.StartNew();
        try
        {
            var counts = await BuildAsync(scale, temporary, timeline, progress, ct);
            clock.Stop();
            File.Delete(GenerationSidecar.PathFor(target));
            DeleteDatabase(target);
            File.Move(temporary, target);
            var sidecar = new GenerationSidecar(
                scale, GeneratorVersion, LastMigration(), timeline.Today, DateTimeOffset.UtcNow,
                Math.Round(clock.Elapsed.TotalSeconds, 1), new FileInfo(target).Length, counts);
            sidecar.Write(target);
            return sidecar;
        }
        finally
        {
            DeleteDatabase(temporary);
        }
    }

    /// <summary>
    /// True when <paramref name="path"/> and its sidecar exist and were made for <paramref name="scale"/> by this
    /// generator version on the app's current schema: a benchmark run may use the file instead of generating it again.
    /// When <c>today</c> is given, the file must also have been generated for that day: the temporary grants that
    /// have run out are counted from it, and more run out every day.
    /// </summary>
    public static bool IsReusable(Scale scale, string path, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var target = Path.GetFullPath(path);
        return File.Exists(target)
            && GenerationSidecar.Read(target) is { } sidecar
            && sidecar.Scale == scale
            && sidecar.GeneratorVersion == GeneratorVersion
            && sidecar.LastMigration == LastMigration()
            && (today is null || sidecar.Today == today);
    }

    /// <summary>The app's newest migration, as the assembly knows it: the schema a generated file must have.</summary>
    public static string LastMigration()
    {
        using var db = new SocItDbContext(new DbContextOptionsBuilder<SocItDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Database.GetMigrations().Last();
    }

    private static async Task<IReadOnlyDictionary<string, long>> BuildAsync(
        Scale scale, string file, Timeline timeline, bool progress, CancellationToken ct)
    {
        await using (var db = new SocItDbContext(new DbContextOptionsBuilder<SocItDbContext>()
            .UseSqlite($"Data Source={file};Pooling=False").Options))
        {
            // The data is written as the app stood before employments were recorded, and the app's own migration then
            // gives every grant its employment: each generated file proves that migration on data of its scale.
            await db.GetService<IMigrator>().MigrateAsync(BeforeEmployments(db), cancellationToken: ct);
        }

        using var sql = new SqlSession(file);
        var random = new Random(unchecked((int)SqlSession.Mix(scale.Employees, scale.Orders)));
        var people = new SyntheticPeople(random);
        var master = new MasterData(sql, scale, random, people);
        BulkData? bulk = null;
        GrantPools? pools = null;

        // Speed over safety while the file is private: an interrupted run is thrown away anyway.
        sql.Execute("PRAGMA journal_mode = MEMORY");
        sql.Execute("PRAGMA synchronous = OFF");
        sql.Execute("PRAGMA cache_size = -262144");
        sql.Execute("PRAGMA temp_store = MEMORY");
        sql.Execute("PRAGMA foreign_keys = OFF");

        Step[] steps =
        [
            new("IT-system och nivåer", _ => master.WriteSystems()),
            new("Titlar", _ => master.WriteTitles()),
            new("Verksamheter, chefer, system", _ => master.WriteUnits()),
            new("Matris", _ =>
            {
                master.WriteMatrix();
                bulk = new BulkData(sql, scale, timeline, master.Operators.Count);
                bulk.WriteHelpers(master.Operators);
                bulk.WriteMatrixHistory();
            }),
            new("Medarbetare", report => master.WriteEmployees(report)),
            new("Beställningar", _ => bulk!.WriteOrders()),
            new("Beställningarnas system", report => bulk!.WriteOrderSystems(report)),
            new("Behörigheter", report => pools = bulk!.WriteGrants(report)),
            new("Nycklar", _ => bulk!.WriteKeys()),
            new("Checklistor", report => bulk!.WriteChecklists(report)),
            new("Granskningslogg", report => bulk!.WriteAudit(report)),
            new("Anställningar (appens migrering)", _ =>
            {
                using var db = new SocItDbContext(new DbContextOptionsBuilder<SocItDbContext>()
                    .UseSqlite($"Data Source={file};Pooling=False").Options);
                db.Database.Migrate();
            }),
            new("Utsedda beställare, HR-avstämning och HR-kopplingar", _ =>
            {
                var hr = new OrdererAndHrData(sql, scale, timeline);
                hr.WriteAppointments();
                hr.WriteRuns();
                hr.WriteMappings();
            }),
            new("Statistik, WAL och kontroll", _ =>
            {
                // The app refreshes the planner's statistics nightly (PRAGMA optimize); a file in use has them.
                sql.Execute("ANALYZE");
                sql.Execute("PRAGMA foreign_keys = ON");
                sql.Execute("PRAGMA synchronous = FULL");
                sql.Execute("PRAGMA journal_mode = WAL");
                Verify(sql, scale);
            }),
        ];

        await RunAsync(steps, progress, ct);
        var counts = Counts(sql, scale, timeline);
        if (pools is not null)
        {
            counts["CandidateGrantsExpired"] = pools.Expired;
            counts["CandidateGrantsLive"] = pools.Live;
            counts["CandidateGrantsStale"] = pools.Stale;
        }

        return counts;
    }

    private sealed record Step(string Label, Action<Action<double>> Run);

    private static async Task RunAsync(Step[] steps, bool progress, CancellationToken ct)
    {
        if (!progress)
        {
            foreach (var step in steps)
            {
                ct.ThrowIfCancellationRequested();
                step.Run(_ => { });
            }

            return;
        }

        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = steps.Select(s => context.AddTask(s.Label, autoStart: false, maxValue: 1)).ToList();
                for (var i = 0; i < steps.Length; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    var task = tasks[i];
                    task.StartTask();
                    // The statements are synchronous; off the caller's thread the bar keeps rendering meanwhile.
                    await Task.Run(() => steps[i].Run(fraction => task.Value = Math.Min(1, fraction)), ct);
                    task.Value = 1;
                    task.StopTask();
                }
            });
    }

    /// <summary>The figures the scale promises, checked on the file before it is moved into place.</summary>
    private static void Verify(SqlSession sql, Scale scale)
    {
        var failures = new List<string>();
        void Expect(string what, long expected, long actual)
        {
            if (expected != actual)
            {
                failures.Add($"{what}: expected {expected}, got {actual}");
            }
        }

        Expect("employees", scale.Employees, sql.Scalar("SELECT count(*) FROM Employees"));
        Expect("units", scale.Units, sql.Scalar("SELECT count(*) FROM Units"));
        Expect("titles", scale.Titles, sql.Scalar("SELECT count(*) FROM JobTitles"));
        Expect("systems", scale.Systems, sql.Scalar("SELECT count(*) FROM ItSystems"));
        Expect("orders", scale.Orders, sql.Scalar("SELECT count(*) FROM Orders"));
        Expect("grants", scale.Grants, sql.Scalar("SELECT count(*) FROM Grants"));
        Expect("keys", scale.Keys, sql.Scalar("SELECT count(*) FROM Keys"));
        Expect("grants without an employment", 0, sql.Scalar(
            "SELECT count(*) FROM Grants g WHERE NOT EXISTS (SELECT 1 FROM Employments e WHERE e.Id = g.EmploymentId AND e.EmployeeId = g.EmployeeId)"));
        Expect("temporary-access grants without their assignment", 0, sql.Scalar(
            "SELECT count(*) FROM Grants g JOIN Orders o ON o.Id = g.SourceOrderId WHERE o.Type = 'TemporaryUnit' AND g.AssignmentId IS NULL"));
        Expect("foreign key violations", 0, sql.Scalar("SELECT count(*) FROM pragma_foreign_key_check"));
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"generated '{scale.Name}' does not match its scale: {string.Join("; ", failures)}");
        }
    }

    private static Dictionary<string, long> Counts(SqlSession sql, Scale scale, Timeline timeline)
    {
        string[] tables =
        [
            "ItSystems", "SystemLevels", "JobTitles", "Units", "UnitManagers", "UnitSystems", "MatrixEntries",
            "MatrixCellChanges", "Employees", "Orders", "OrderSystems", "ChecklistItems", "Grants", "KeyPools", "Keys",
            "KeyEvents", "PoolMembership", "KeyPurchases", "AuditEntries", "Employments", "TemporaryAssignments",
            "AppointedOrderers", "HrImports", "HrFindings", "HrMappings",
        ];
        var counts = tables.ToDictionary(t => t, t => sql.Scalar($"SELECT count(*) FROM \"{t}\""), StringComparer.Ordinal);
        counts["EndedEmployments"] = sql.Scalar("SELECT count(*) FROM Employments WHERE EndedByOrderId IS NOT NULL");
        counts["FixedTermEmployments"] = sql.Scalar("SELECT count(*) FROM Employments WHERE EndedByOrderId IS NULL AND \"To\" IS NOT NULL");
        counts["EmploymentsWithoutTitle"] = sql.Scalar("SELECT count(*) FROM Employments WHERE TitleId IS NULL");
        counts["PeopleWithSeveralCurrentEmployments"] = sql.Scalar(
            "SELECT count(*) FROM (SELECT EmployeeId FROM Employments WHERE \"To\" IS NULL OR \"To\" >= @today GROUP BY EmployeeId HAVING count(*) > 1)",
            ("@today", timeline.TodayText));
        counts["OpenOrders"] = sql.Scalar("SELECT count(*) FROM Orders WHERE Status IN ('Received', 'InProgress', 'WaitingForOrderer')");
        counts["ExpiredTemporaryGrants"] = sql.Scalar(
            "SELECT count(*) FROM Grants WHERE EndedByOrderId IS NULL AND \"To\" < @today", ("@today", timeline.TodayText));
        if (counts["ExpiredTemporaryGrants"] != scale.ExpiredTemporaryGrants)
        {
            throw new InvalidOperationException(
                $"generated '{scale.Name}' has {counts["ExpiredTemporaryGrants"]} expired temporary grants, not {scale.ExpiredTemporaryGrants}");
        }

        return counts;
    }

    /// <summary>The migration before the one that records employments: the schema the generator writes.</summary>
    private static string BeforeEmployments(SocItDbContext db)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var employments = migrations.FindIndex(m => m.EndsWith("_Employments", StringComparison.Ordinal));
        return migrations[employments - 1];
    }

    private static void DeleteDatabase(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(file + suffix);
        }
    }
}
