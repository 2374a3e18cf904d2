using System.Globalization;
using System.Reflection;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;
using static SocItConsole.Admin.Tests.TestData.KeyRegisterData;

namespace SocItConsole.Admin.Tests.Features.FollowUps;

/// <summary>
/// The nightly expiry job over many random worlds (seeded): managers, temporary grants with last days spread around
/// the timeline, permanent ones, ones ended by an order before or during the timeline, and ones already extended by a
/// continuing grant. Nights pass on a fake clock; the job runs as Hangfire runs it (<see cref="FollowUpRemindersJob"/>),
/// three times a night, twice at once, failing after k e-mails and retried, or not at all for some nights. After every
/// night the e-mails that went out are compared with an oracle that follows the product's rules from the world alone
/// (not from the job's tables): every due item is in exactly one e-mail per reminder round, never twice, never missed.
/// </summary>
public class FollowUpRobustnessTests(FollowUpRobustnessTests.TemplateFixture fixture) : IClassFixture<FollowUpRobustnessTests.TemplateFixture>
{
    /// <summary>Seeds per property; <c>SOCIT_EXPIRY_SEEDS</c> runs more (the figures line says how many ran).</summary>
    private static readonly int Seeds =
        int.TryParse(Environment.GetEnvironmentVariable("SOCIT_EXPIRY_SEEDS"), CultureInfo.InvariantCulture, out var seeds) && seeds > 0 ? seeds : 15;
    private const int Nights = 12;
    private static readonly DateOnly Start = FollowUpWorld.Today;

    private static readonly (string Name, string Email, string Unit)[] Managers =
    [
        ("Anna Lindqvist", FollowUpWorld.Chef1Email, "Hemtjänst Centrum"),
        ("Erik Johansson", FollowUpWorld.Chef2Email, "Tallgårdens vård- och omsorgsboende"),
        ("Karin Berg", "karin.berg@kommun.example", "Hemtjänst Skrea"),
        ("Olof Holm", "olof.holm@kommun.example", "Hertings vård- och omsorgsboende"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each of <see cref="Managers"/> a registered manager of their unit, as an order's responsible manager must be.</summary>
    private static async Task AddManagersAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        foreach (var (name, email, unitName) in Managers)
        {
            var unit = await db.Units.SingleAsync(u => u.Name == unitName);
            if (unit.Managers.All(m => m.Email.Value != email))
            {
                unit.ReplaceManagers([.. unit.Managers.Select(m => new Contact(m.Name, m.Email)), new Contact(name, EmailAddress.Parse(email))]);
            }
        }

        await db.SaveChangesAsync();
    }

    private enum NightMode
    {
        Skipped,
        Once,
        ThreeTimes,
        TwiceAtOnce,
        FailAfterKThenRetry,
    }

    /// <summary>(a) Run three times in a row on each night: nothing twice, nothing missed.</summary>
    [Fact]
    public Task ThreeRunsANight_NotifyEveryDueItemExactlyOncePerRound() =>
        RunSeedsAsync("three runs a night", 1_000, (_, _) => NightMode.ThreeTimes, withOutage: false);

    /// <summary>(b) Two runs at the same moment on each night (two scopes, one clock): the same result, no duplicate e-mail.</summary>
    [Fact]
    public Task TwoConcurrentRunsANight_NotifyEveryDueItemExactlyOncePerRound() =>
        RunSeedsAsync("two concurrent runs a night", 2_000, (_, _) => NightMode.TwiceAtOnce, withOutage: false);

    /// <summary>
    /// (c) The mail server fails at the k-th e-mail (once, or from then on), the job fails, and Hangfire retries it:
    /// what failed is sent on a retry with the same Message-Id, what went out is not sent again; when every retry of the
    /// day fails too, the next night lists those items instead.
    /// </summary>
    [Fact]
    public Task FailureAfterKEmails_ThenHangfiresRetries_NotifyEveryDueItemExactlyOncePerRound() =>
        RunSeedsAsync("failure after k e-mails, then retries", 3_000, (_, _) => NightMode.FailAfterKThenRetry, withOutage: false);

    /// <summary>(d) The server is down for 1–7 nights: the next run notifies everything that fell due, once, and the cadence goes on.</summary>
    [Fact]
    public Task ServerDownForSeveralNights_CatchesUpOnce_AndTheCadenceContinues() =>
        RunSeedsAsync("down 1–7 nights, then nightly", 4_000, (_, _) => NightMode.Once, withOutage: true);

    [Fact]
    public void TheJob_IsRetriedByHangfire_AndNeverRunsTwiceAtOnceThroughHangfire()
    {
        var retry = typeof(FollowUpRemindersJob).GetCustomAttribute<AutomaticRetryAttribute>();
        Assert.NotNull(retry);
        Assert.Equal(RetryAttempts, retry.Attempts);
        Assert.NotNull(typeof(FollowUpRemindersJob).GetCustomAttribute<DisableConcurrentExecutionAttribute>());
    }

    /// <summary>How often Hangfire retries the job: the failure tests retry exactly this many times at most.</summary>
    private const int RetryAttempts = 5;

    /// <summary>Seeds <paramref name="firstSeed"/> + 1 … + <see cref="Seeds"/>: each property has worlds of its own.</summary>
    private async Task RunSeedsAsync(string name, int firstSeed, Func<Random, int, NightMode> mode, bool withOutage)
    {
        var template = fixture.Template;
        var totals = new Totals();
        for (var seed = firstSeed + 1; seed <= firstSeed + Seeds; seed++)
        {
            await RunSeedAsync(template, seed, mode, withOutage, totals);
        }

        Assert.True(totals.Emails > 0 && totals.Items > 0, "The worlds never made the job send anything.");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Expiry robustness ({name}): {Seeds} seeds ({firstSeed + 1}–{firstSeed + Seeds}) × {Nights} nights, {totals.Grants} grants, {totals.Runs} job runs, " +
            $"{totals.Emails} e-mails with {totals.Items} items, {totals.Escalations} escalations, {totals.InjectedFailures} injected failures, " +
            $"{totals.Retries} retries, {totals.NightsDown} nights down."));
    }

    private static async Task RunSeedAsync(Template template, int seed, Func<Random, int, NightMode> mode, bool withOutage, Totals totals)
    {
        var random = new Random(seed);
        var settings = new FollowUpOptions
        {
            HeadsUpDays = random.Next(0, 8),
            RemindEveryDays = random.Next(1, 5),
            EscalateAfterReminders = random.Next(1, 4),
            BatchSize = random.Next(1, 6),
        };
        using var database = template.Copy();
        var clock = AppServices.Clock();
        var world = await World.CreateAsync(database, template, random, Ct);
        totals.Grants += world.Grants.Count;
        var oracle = new Oracle(world, settings);
        var sender = new ScriptedMailSender();
        var outage = withOutage ? (From: random.Next(1, 4), Length: random.Next(1, 8)) : (From: -1, Length: 0);

        for (var night = 0; night < Nights; night++)
        {
            var day = Start.AddDays(night);
            Assert.Equal(day, AdminTimeZone.Today(clock));
            await world.ApplyEventsAsync(database, day, Ct);
            var nightMode = night >= outage.From && night < outage.From + outage.Length ? NightMode.Skipped
                : withOutage ? NightMode.Once
                : random.Next(10) == 0 ? NightMode.Skipped
                : mode(random, night);
            var where = $"seed {seed}, night {night} ({day:yyyy-MM-dd}), {nightMode}";
            var sentBefore = sender.Sent.Count;
            var failed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            switch (nightMode)
            {
                case NightMode.Skipped:
                    totals.NightsDown++;
                    break;
                case NightMode.Once:
                    await Job(database, sender, clock, settings).RunAsync(Ct);
                    totals.Runs++;
                    break;
                case NightMode.ThreeTimes:
                    for (var run = 0; run < 3; run++)
                    {
                        await Job(database, sender, clock, settings).RunAsync(Ct);
                        totals.Runs++;
                    }

                    break;
                case NightMode.TwiceAtOnce:
                    var first = Job(database, sender, clock, settings);
                    var second = Job(database, sender, clock, settings);
                    await Task.WhenAll(Task.Run(() => first.RunAsync(Ct), Ct), Task.Run(() => second.RunAsync(Ct), Ct));
                    totals.Runs += 2;
                    break;
                case NightMode.FailAfterKThenRetry:
                    var k = random.Next(1, 4);
                    var onward = random.Next(2) == 0;
                    var retriesFail = random.Next(5) == 0;
                    sender.FailAt(k, onward);
                    var attempt = 0;
                    while (true)
                    {
                        totals.Runs++;
                        try
                        {
                            await Job(database, sender, clock, settings).RunAsync(Ct);
                            break;
                        }
                        catch (ReminderSendException) when (attempt < RetryAttempts)
                        {
                            // Hangfire's AutomaticRetry: the same entry point, in a new scope, on the same day.
                            attempt++;
                            totals.Retries++;
                            if (retriesFail)
                            {
                                sender.FailAt(1, onward: true);
                            }
                            else
                            {
                                sender.Heal();
                            }
                        }
                        catch (ReminderSendException)
                        {
                            // Every retry of the day failed: the job is given up until the next night.
                            break;
                        }
                    }

                    totals.InjectedFailures += sender.TakeFailures(failed);
                    sender.Heal();
                    break;
            }

            var expected = nightMode == NightMode.Skipped ? [] : oracle.RunNight(day, failed);
            var mails = sender.Sent.Skip(sentBefore).ToList();
            var actual = await NotificationsAsync(database, world, mails, where, Ct);
            Assert.True(
                expected.SetEquals(actual),
                $"{where}: expected {Describe(expected)} but the e-mails listed {Describe(actual)}; the grants that differ: " +
                Describe(world.Grants.Where(g => expected.Any(e => e.GrantId == g.Id) != actual.Any(a => a.GrantId == g.Id))));
            totals.Emails += mails.Count;
            totals.Items += actual.Count;
            clock.Advance(TimeSpan.FromDays(1));
        }

        var escalated = await EscalatedGrantsAsync(database, Ct);
        Assert.True(oracle.Escalated.SetEquals(escalated), $"seed {seed}: escalated {Describe(escalated)}, the rules say {Describe(oracle.Escalated)}.");
        totals.Escalations += escalated.Count;
    }

    private static FollowUpRemindersJob Job(TestDatabase database, IMailSender sender, FakeTimeProvider clock, FollowUpOptions settings) =>
        new(AppServices.FollowUpRun(database, sender, clock, settings), clock, AppServices.JobRunner(database, clock));

    /// <summary>
    /// What the night's e-mails notified: per e-mail its recipient and the grants its lines name. At most one e-mail per
    /// manager a night, and every line the e-mail's record lists is in its text.
    /// </summary>
    private static async Task<HashSet<(string Manager, int GrantId)>> NotificationsAsync(
        TestDatabase database, World world, List<OutgoingMail> mails, string where, CancellationToken ct)
    {
        var twice = mails.GroupBy(m => m.ToAddress, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{where}: more than one e-mail to {string.Join(", ", twice)}.");
        var result = new HashSet<(string, int)>();
        await using var db = database.CreateDbContext();
        foreach (var mail in mails)
        {
            var message = await db.ReminderMessages.AsNoTracking().Include(m => m.Items).SingleAsync(m => m.MessageId == mail.MessageId, ct);
            var followUpIds = message.Items.Select(i => i.FollowUpId).ToList();
            var grants = await db.FollowUps.AsNoTracking().Where(f => followUpIds.Contains(f.Id)).Select(f => f.GrantId!.Value).ToListAsync(ct);
            foreach (var grantId in grants)
            {
                var grant = world.Grants.Single(g => g.Id == grantId);
                Assert.Contains($"{grant.EmployeeName}: {grant.SystemName} ({grant.LevelName}) i {grant.UnitName}, sista dag {grant.To:yyyy-MM-dd}", mail.Body, StringComparison.Ordinal);
                Assert.True(result.Add((mail.ToAddress.ToLowerInvariant(), grantId)), $"{where}: grant {grantId} listed twice.");
            }
        }

        return result;
    }

    private static async Task<HashSet<int>> EscalatedGrantsAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.CreateDbContext();
        return [.. await db.FollowUps.AsNoTracking().Where(f => f.Status == FollowUpStatus.Escalated).Select(f => f.GrantId!.Value).ToListAsync(ct)];
    }

    private static string Describe<T>(IEnumerable<T> items) =>
        "[" + string.Join(", ", items.Select(i => i?.ToString()).Order(StringComparer.Ordinal)) + "]";

    /// <summary>
    /// The product's rules for one follow-up (PRODUCT.md, issue 5; README "Follow-up of temporary grants"), written out
    /// on their own: a temporary grant whose last day is within the heads-up window or past gets a follow-up; while it
    /// runs its manager is told once; once it has run out they are reminded at once and then every RemindEveryDays
    /// days; when a reminder would be due after EscalateAfterReminders of them it goes to Soc-IT instead. A grant ended
    /// by an order stops being followed up; a grant continued by another grant (an extension) is not due at all.
    /// </summary>
    private sealed class Oracle(World world, FollowUpOptions settings)
    {
        private readonly Dictionary<int, Track> _tracks = [];

        public HashSet<int> Escalated { get; } = [];

        /// <summary>The night's notifications; the managers in <paramref name="failedManagers"/> never got theirs.</summary>
        public HashSet<(string Manager, int GrantId)> RunNight(DateOnly day, HashSet<string> failedManagers)
        {
            var notified = new HashSet<(string, int)>();
            foreach (var grant in world.Grants)
            {
                var ended = grant.EndedOn is { } endedOn && endedOn <= day;
                if (!_tracks.TryGetValue(grant.Id, out var track))
                {
                    if (ended || grant.To is not { } lastDay || lastDay > day.AddDays(settings.HeadsUpDays) || IsContinued(grant, day))
                    {
                        continue;
                    }

                    track = new Track();
                    _tracks[grant.Id] = track;
                }

                if (track.Closed)
                {
                    continue;
                }

                if (ended)
                {
                    // The job closes an open or escalated follow-up whose grant an order has ended.
                    track.Closed = true;
                    Escalated.Remove(grant.Id);
                    continue;
                }

                if (track.Escalated)
                {
                    continue;
                }

                var end = grant.To!.Value;
                bool remind;
                if (track.LastRemindedOn == day)
                {
                    remind = false;
                }
                else if (end >= day)
                {
                    remind = !track.HeadsUpSent;
                }
                else if (track.OverdueReminders == 0)
                {
                    remind = true;
                }
                else if (day < track.LastRemindedOn!.Value.AddDays(settings.RemindEveryDays))
                {
                    remind = false;
                }
                else if (track.OverdueReminders >= settings.EscalateAfterReminders)
                {
                    track.Escalated = true;
                    Escalated.Add(grant.Id);
                    remind = false;
                }
                else
                {
                    remind = true;
                }

                if (!remind || failedManagers.Contains(grant.ManagerEmail))
                {
                    continue;
                }

                notified.Add((grant.ManagerEmail, grant.Id));
                track.LastRemindedOn = day;
                if (end >= day)
                {
                    track.HeadsUpSent = true;
                }
                else
                {
                    track.OverdueReminders++;
                }
            }

            return notified;
        }

        /// <summary>
        /// Another running grant of the same system, level and unit that starts by the day after this one's last day
        /// and lasts longer: the access goes on (an extension), so there is nothing to follow up.
        /// </summary>
        private bool IsContinued(GrantSpec grant, DateOnly day) =>
            world.Grants.Any(n => n.Id != grant.Id && n.EmployeeId == grant.EmployeeId && n.SystemId == grant.SystemId
                && n.LevelId == grant.LevelId && n.UnitId == grant.UnitId && !(n.EndedOn <= day)
                && n.From <= grant.To!.Value.AddDays(1) && (n.To is null || n.To > grant.To));

        private sealed class Track
        {
            public bool HeadsUpSent { get; set; }

            public int OverdueReminders { get; set; }

            public DateOnly? LastRemindedOn { get; set; }

            public bool Escalated { get; set; }

            public bool Closed { get; set; }
        }
    }

    private sealed record GrantSpec(
        int Id, string ManagerEmail, string EmployeeName, string SystemName, string LevelName, string UnitName, DateOnly? To,
        DateOnly? EndedOn, int? ContinuedBy, int SourceOrderId, int EmployeeId, int SystemId, int LevelId, int UnitId, DateOnly From);

    /// <summary>One seed's grants, put on record as completed cases leave them, and the end orders that come later.</summary>
    private sealed class World
    {
        public List<GrantSpec> Grants { get; } = [];

        public static async Task<World> CreateAsync(TestDatabase database, Template template, Random random, CancellationToken ct)
        {
            var world = new World();
            var count = random.Next(4, 16);
            var lastPossible = Start.AddDays(Nights + 2);
            await using var db = database.CreateDbContext();
            var planned = new List<(Grant Grant, Template.Person Person, int Kind, DateOnly? EndedOn)>();
            for (var i = 0; i < count; i++)
            {
                var person = template.People[random.Next(template.People.Count)];
                var (systemId, systemName, levelId, levelName) = template.Systems[random.Next(template.Systems.Count)];
                // 0: temporary, 1: permanent, 2: ended by an order before the timeline, 3: ended during it, 4: extended.
                var kind = random.Next(10) switch { < 5 => 0, 5 => 1, 6 => 2, 7 => 3, _ => 4 };
                var to = kind == 1 ? (DateOnly?)null : Start.AddDays(random.Next(-20, Nights + 3));
                var from = (to ?? Start).AddDays(-random.Next(30, 120));
                var grant = new Grant(
                    person.EmployeeId, systemId, systemName, levelId, levelName, person.UnitId, person.UnitName,
                    from, to, person.OrderId, person.CaseNumber,
                    await TestEmployments.OwnerAsync(db, person.EmployeeId, person.UnitId, person.UnitName, from, person.OrderId, ct));
                if (kind == 2)
                {
                    grant.Close(Start.AddDays(-random.Next(0, 30)), person.OrderId);
                }

                var endedOn = kind == 3 ? Start.AddDays(random.Next(1, Nights)) : (DateOnly?)(kind == 2 ? Start : null);
                planned.Add((grant, person, kind, endedOn));
                db.Grants.Add(grant);
            }

            await db.SaveChangesAsync(ct);
            foreach (var (grant, person, kind, endedOn) in planned)
            {
                int? continuedBy = null;
                if (kind == 4)
                {
                    // The extension an extend order leaves: the same system, level and unit from the day after (or
                    // earlier, as the follow-up page orders it from today), to a later day or until further notice.
                    var next = new Grant(
                        grant.EmployeeId, grant.SystemId, grant.SystemName, grant.LevelId, grant.LevelName, grant.UnitId, grant.UnitName,
                        grant.To!.Value.AddDays(random.Next(2) == 0 ? 1 : -random.Next(0, 5)),
                        random.Next(3) == 0 ? null : grant.To!.Value.AddDays(random.Next(20, 60)),
                        person.OrderId, person.CaseNumber, new GrantOwner(grant.EmploymentId));
                    db.Grants.Add(next);
                    await db.SaveChangesAsync(ct);
                    continuedBy = next.Id;
                    world.Grants.Add(Spec(next, person, null, null));
                }

                world.Grants.Add(Spec(grant, person, endedOn, continuedBy));
            }

            return world;
        }

        /// <summary>End orders completed before this night's run (an end of employment or an "Avsluta" case).</summary>
        public async Task ApplyEventsAsync(TestDatabase database, DateOnly day, CancellationToken ct)
        {
            var due = Grants.Where(g => g.EndedOn == day && day > Start).ToList();
            if (due.Count == 0)
            {
                return;
            }

            await using var db = database.CreateDbContext();
            foreach (var spec in due)
            {
                var grant = await db.Grants.SingleAsync(g => g.Id == spec.Id, ct);
                grant.Close(day, spec.SourceOrderId);
            }

            await db.SaveChangesAsync(ct);
        }

        private static GrantSpec Spec(Grant grant, Template.Person person, DateOnly? endedOn, int? continuedBy) =>
            new(grant.Id, person.ManagerEmail, person.EmployeeName, grant.SystemName, grant.LevelName, grant.UnitName, grant.To,
                endedOn, continuedBy, person.OrderId, grant.EmployeeId, grant.SystemId, grant.LevelId, grant.UnitId, grant.From);
    }

    /// <summary>
    /// The demo organisation on a migrated file with one extend order per person, four managers between them; each
    /// seed starts from a copy of the file, so a world costs a file copy rather than migrations and intake.
    /// </summary>
    internal sealed class Template
    {
        private Template(TestDatabase database, List<Person> people, List<(int, string, int, string)> systems)
        {
            Database = database;
            People = people;
            Systems = systems;
        }

        public TestDatabase Database { get; }

        public List<Person> People { get; }

        public List<(int SystemId, string SystemName, int LevelId, string LevelName)> Systems { get; }

        public static async Task<Template> CreateAsync()
        {
            var clock = AppServices.Clock();
            var database = await TestDatabase.CreateMigratedAsync();
            await database.SeedDemoDataAsync(clock);
            await AddManagersAsync(database);
            var intake = AppServices.OrderIntake(database, clock);
            var people = new List<Person>();
            for (var i = 0; i < 12; i++)
            {
                var (managerName, managerEmail, unit) = Managers[i % Managers.Length];
                var employeeName = string.Create(CultureInfo.InvariantCulture, $"Person {i + 1:D2} Testsson");
                var request = OrderRequests.Extend(PersonnummerFor(600 + i)) with
                {
                    EmployeeName = employeeName,
                    Unit = unit,
                    StartDate = Start.AddDays(-1),
                    EndDate = Start.AddDays(200),
                    Systems = [new RequestedSystemInput("Lifecare", "Utförare")],
                    OrdererName = managerName,
                    OrdererEmail = managerEmail,
                    ManagerName = managerName,
                    ManagerEmail = managerEmail,
                };
                var placed = await intake.PlaceAsync(request, OrderChannel.Console, new Actor("test", managerName));
                var receipt = placed is PlaceOrderResult.Created created
                    ? created.Receipt
                    : throw new InvalidOperationException(placed.ToString());
                await using var db = database.CreateDbContext();
                var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == receipt.Id);
                people.Add(new Person(order.EmployeeId, employeeName, order.UnitId, order.UnitName, order.Id, order.CaseNumber, managerEmail));
            }

            await using var context = database.CreateDbContext();
            var systems = await context.ItSystems.AsNoTracking().Include(s => s.Levels).Where(s => s.IsActive).ToListAsync();
            return new Template(
                database,
                people,
                [.. systems.SelectMany(s => s.Levels.Take(2).Select(l => (s.Id, s.Name, l.Id, l.Name)))]);
        }

        public TestDatabase Copy() => Database.Copy();

        public sealed record Person(
            int EmployeeId, string EmployeeName, int UnitId, string UnitName, int OrderId, string CaseNumber, string ManagerEmail);
    }

    /// <summary>One template database for all the seeds of the class, made once.</summary>
    public sealed class TemplateFixture : IAsyncLifetime
    {
        private Template? _template;

        internal Template Template => _template ?? throw new InvalidOperationException("Not initialised.");

        public async ValueTask InitializeAsync() => _template = await Template.CreateAsync();

        public ValueTask DisposeAsync()
        {
            _template?.Database.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A mail server that accepts everything, or refuses the k-th e-mail (once, or from then on) until healed.</summary>
    private sealed class ScriptedMailSender : IMailSender
    {
        private readonly Lock _lock = new();
        private readonly List<OutgoingMail> _sent = [];
        private readonly List<OutgoingMail> _failed = [];
        private int _attempts;
        private int? _failAt;
        private bool _onward;

        public IReadOnlyList<OutgoingMail> Sent
        {
            get
            {
                lock (_lock)
                {
                    return [.. _sent];
                }
            }
        }

        public void FailAt(int k, bool onward)
        {
            lock (_lock)
            {
                (_attempts, _failAt, _onward) = (0, k, onward);
            }
        }

        public void Heal()
        {
            lock (_lock)
            {
                _failAt = null;
            }
        }

        /// <summary>The recipients that were refused and never accepted afterwards, and how many refusals there were.</summary>
        public int TakeFailures(HashSet<string> stillFailed)
        {
            lock (_lock)
            {
                foreach (var mail in _failed)
                {
                    var retried = _sent.FirstOrDefault(m => m.MessageId == mail.MessageId);
                    if (retried is null)
                    {
                        stillFailed.Add(mail.ToAddress);
                    }
                }

                var count = _failed.Count;
                _failed.Clear();
                return count;
            }
        }

        public Task SendAsync(OutgoingMail mail, CancellationToken ct)
        {
            lock (_lock)
            {
                _attempts++;
                if (_failAt is { } k && (_attempts == k || (_onward && _attempts > k)))
                {
                    _failed.Add(mail);
                    throw new InvalidOperationException("4.3.0 Mailbox temporarily unavailable");
                }

                _sent.Add(mail);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class Totals
    {
        public int Grants { get; set; }

        public int Runs { get; set; }

        public int Emails { get; set; }

        public int Items { get; set; }

        public int Escalations { get; set; }

        public int InjectedFailures { get; set; }

        public int Retries { get; set; }

        public int NightsDown { get; set; }
    }
}
