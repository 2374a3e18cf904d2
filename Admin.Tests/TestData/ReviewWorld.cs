using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>
/// The demo organisation on a migrated database with grants in chef1's and chef2's units, a fake clock (2026-11-27
/// in Stockholm) and a recording mail sender: the access review's world.
/// </summary>
public sealed class ReviewWorld : IDisposable
{
    public const string Centrum = "Hemtjänst Centrum";
    public const string Tallgarden = "Tallgårdens vård- och omsorgsboende";
    public static readonly DateOnly Today = FollowUpWorld.Today;

    private ReviewWorld(TestDatabase database)
    {
        Database = database;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = AppServices.Clock();

    public RecordingMailSender Mail { get; } = new();

    public ReviewOptions Options { get; } = new();

    public DateOnly CurrentDay => SocItConsole.Admin.Infrastructure.Localization.AdminTimeZone.Today(Clock);

    public static async Task<ReviewWorld> CreateAsync()
    {
        var database = await TestDatabase.CreateMigratedAsync();
        var world = new ReviewWorld(database);
        await database.SeedDemoDataAsync(world.Clock);
        return world;
    }

    /// <summary>
    /// Lisa Andersson (Lifecare, Qlikview) and Jonas Berg (Lifecare) in Hemtjänst Centrum (chef1); Omar Ali (Lifecare)
    /// in Tallgården (chef2). Lisa's Qlikview is temporary (it ends in 200 days); the others run until further notice.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> AddStandardGrantsAsync()
    {
        return new Dictionary<string, int>
        {
            ["lisa-lifecare"] = await AddGrantAsync("chef1", "Lisa Andersson", OrderRequests.Pnr1990, "Lifecare", "Utförare"),
            ["lisa-qlikview"] = await AddGrantAsync("chef1", "Lisa Andersson", OrderRequests.Pnr1990, "Qlikview", "Standard", endsIn: 200),
            ["jonas-lifecare"] = await AddGrantAsync("chef1", "Jonas Berg", "19850615-2340", "Lifecare", "Utförare"),
            ["omar-lifecare"] = await AddGrantAsync("chef2", "Omar Ali", "19790312-1239", "Lifecare", "Utförare"),
        };
    }

    /// <summary>A grant from 30 days ago, until further notice, or temporary when <paramref name="endsIn"/> is given.</summary>
    public Task<int> AddGrantAsync(string manager, string name, string personnummer, string system, string level, int? endsIn = null) =>
        FollowUpWorld.AddTemporaryGrantAsync(
            AppServices.OrderIntake(Database, Clock), Database, Today, manager, Today.AddDays(endsIn ?? 365), name, personnummer, system,
            level, from: Today.AddDays(-30), permanent: endsIn is null);

    public async Task<int> UnitIdAsync(string name)
    {
        await using var db = Database.CreateDbContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    public ReviewMail Mailer() => ReviewServices.Mail(Database, Mail, Clock);

    public ReviewRounds Rounds(string user) => ReviewServices.Rounds(Database, user, Mail, Clock);

    public ReviewTasks Tasks(string user) => ReviewServices.Tasks(Database, user, Clock);

    public ReviewRun Run() => ReviewServices.Run(Database, Mail, Clock, Options);

    public Task<ReviewRunReport> RunAsync(bool dryRun = false) => Run().RunAsync(CurrentDay, dryRun, TestContext.Current.CancellationToken);

    /// <summary>Starts a round over the given units (chef1's Hemtjänst Centrum and chef2's Tallgården by default) as admin.</summary>
    public async Task<int> StartRoundAsync(int dueInDays = 14, string name = "Granskning hösten 2026", params string[] units)
    {
        var names = units.Length == 0 ? [Centrum, Tallgarden] : units;
        var ids = new List<int>();
        foreach (var unit in names)
        {
            ids.Add(await UnitIdAsync(unit));
        }

        var result = await Rounds("admin").StartAsync(
            new ReviewRoundForm { Name = name, UnitIds = ids, DueDate = CurrentDay.AddDays(dueInDays), Message = "Tack för hjälpen!" },
            TestContext.Current.CancellationToken);
        return Assert.IsType<ReviewResult.Done>(result).Id ?? throw new InvalidOperationException("No round id.");
    }

    public void Advance(int days) => Clock.Advance(TimeSpan.FromDays(days));

    public void Dispose() => Database.Dispose();
}

/// <summary>The review feature's services wired as the app wires them, over a test database, acting as a demo user.</summary>
public static class ReviewServices
{
    public static ReviewMail Mail(TestDatabase database, IMailSender sender, TimeProvider clock) =>
        new(database, sender, new AuditTrail(clock), Microsoft.Extensions.Options.Options.Create(AppServices.EmailSettings()), clock,
            NullLogger<ReviewMail>.Instance);

    public static ReviewRounds Rounds(TestDatabase database, string user, IMailSender sender, TimeProvider clock) =>
        new(database, Mail(database, sender, clock), AppServices.CurrentUser(user), new AuditTrail(clock),
            AppServices.AuditedChange(database, user, clock), clock);

    public static ReviewTasks Tasks(TestDatabase database, string user, TimeProvider clock) =>
        new(database, AppServices.GrantOrders(database, clock), AppServices.CurrentUser(user), new AuditTrail(clock), clock);

    public static ReviewRun Run(TestDatabase database, IMailSender sender, TimeProvider clock, ReviewOptions? options = null) =>
        new(database, Mail(database, sender, clock), new AuditTrail(clock),
            Microsoft.Extensions.Options.Options.Create(options ?? new ReviewOptions()), NullLogger<ReviewRun>.Instance);

    /// <summary>Registers the review feature's services (and what they use) for a bunit test.</summary>
    public static IServiceCollection AddReviewServices(this IServiceCollection services, TestDatabase database, TimeProvider clock)
    {
        services.AddFollowUpServices(database, clock);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new ReviewOptions()));
        services.AddScoped<ReviewMail>();
        services.AddScoped<AuditedChange>();
        services.AddScoped<ReviewRounds>();
        services.AddScoped<ReviewTasks>();
        services.AddScoped<ReviewRun>();
        return services;
    }
}
