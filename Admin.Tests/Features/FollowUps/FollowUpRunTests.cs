using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Tests.Features.FollowUps;

/// <summary>The expiry check run directly on a migrated database with a fake clock, as the nightly job runs it.</summary>
public class FollowUpRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Five different accesses of one employee: the same access twice would be one continuing the other.</summary>
    private static readonly (string System, string Level)[] FiveAccesses =
        [("Lifecare", "Utförare"), ("Lifecare", "Handläggare"), ("Appva", "Standard"), ("Appva", "Sjuksköterska"), ("Qlikview", "Standard")];

    [Fact]
    public async Task Run_FlagsExpiredAndEndingSoon_AndSendsEachManagerOneMail()
    {
        using var world = await FollowUpWorld.CreateAsync();
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 12, 1), system: "Appva", level: "Standard");
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 12, 20), system: "Qlikview", level: "Standard");
        await world.AddTemporaryGrantAsync("chef2", new DateOnly(2026, 11, 25), "Omar Ali", OrderRequests.Pnr1985);

        var report = await world.RunAsync();

        Assert.Equal((3, 2, 3, 0), (report.Flagged, report.RemindersSent, report.ItemsReminded, report.Escalated));
        var anna = Assert.Single(world.Mail.To(FollowUpWorld.Chef1Email));
        Assert.Contains("Lisa Andersson: Lifecare (Utförare) i Hemtjänst Centrum, sista dag 2026-11-20 (7 dagar sedan)", anna.Body, StringComparison.Ordinal);
        Assert.Contains("Appva", anna.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Qlikview", anna.Body, StringComparison.Ordinal);
        Assert.Contains("https://socit.falkenberg.example/follow-ups", anna.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("900101", anna.Body, StringComparison.Ordinal);
        var erik = Assert.Single(world.Mail.To(FollowUpWorld.Chef2Email));
        Assert.Contains("Omar Ali", erik.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisa Andersson", erik.Body, StringComparison.Ordinal);

        await using var db = world.Database.CreateDbContext();
        var messages = await db.ReminderMessages.Include(m => m.Items).ToListAsync(Ct);
        Assert.All(messages, m => Assert.Equal(ReminderStatus.Sent, m.Status));
        Assert.Equal(anna.MessageId, messages.Single(m => m.ToEmail.Value == FollowUpWorld.Chef1Email).MessageId);
        Assert.Equal(2, messages.Single(m => m.ToEmail.Value == FollowUpWorld.Chef1Email).Items.Count);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "FollowUp.ReminderSent", Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "FollowUp.Flagged", Ct));
    }

    [Fact]
    public async Task Run_TwiceTheSameDay_SendsNothingNew()
    {
        using var world = await FollowUpWorld.CreateAsync();
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await world.RunAsync();

        var second = await world.RunAsync();

        Assert.Equal((0, 0), (second.Flagged, second.RemindersSent));
        Assert.Single(world.Mail.Sent);
    }

    [Fact]
    public async Task Run_RemindsAgainAfterTheInterval_NotBefore()
    {
        using var world = await FollowUpWorld.CreateAsync();
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await world.RunAsync();

        world.Advance(6);
        Assert.Equal(0, (await world.RunAsync()).RemindersSent);
        world.Advance(1);
        Assert.Equal(1, (await world.RunAsync()).RemindersSent);

        Assert.Equal(2, world.Mail.To(FollowUpWorld.Chef1Email).Count);
        Assert.NotEqual(world.Mail.Sent[0].MessageId, world.Mail.Sent[1].MessageId);
    }

    [Fact]
    public async Task Run_EscalatesAfterThreeUnansweredReminders()
    {
        using var world = await FollowUpWorld.CreateAsync();
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        for (var week = 0; week < 3; week++)
        {
            Assert.Equal(1, (await world.RunAsync()).RemindersSent);
            world.Advance(7);
        }

        var report = await world.RunAsync();

        Assert.Equal((0, 1), (report.RemindersSent, report.Escalated));
        await using var db = world.Database.CreateDbContext();
        var followUp = await db.FollowUps.SingleAsync(Ct);
        Assert.Equal((FollowUpStatus.Escalated, 3), (followUp.Status, followUp.OverdueReminders));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "FollowUp.Escalated", Ct));
        world.Advance(7);
        Assert.Equal(0, (await world.RunAsync()).RemindersSent);
    }

    [Fact]
    public async Task Run_HeadsUpFirst_ThenARemindOnceTheGrantHasRunOut()
    {
        using var world = await FollowUpWorld.CreateAsync();
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 30));
        await world.RunAsync();
        Assert.StartsWith("Snart slut", world.Mail.Sent[0].Subject, StringComparison.Ordinal);

        world.Advance(3);
        Assert.Equal(0, (await world.RunAsync()).RemindersSent);
        world.Advance(1);
        Assert.Equal(1, (await world.RunAsync()).RemindersSent);

        Assert.StartsWith("Påminnelse", world.Mail.Sent[1].Subject, StringComparison.Ordinal);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, (await db.FollowUps.SingleAsync(Ct)).OverdueReminders);
    }

    [Fact]
    public async Task Run_AfterMissedNights_CatchesUpEverythingDue()
    {
        using var world = await FollowUpWorld.CreateAsync();
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 10, 2));
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 15), system: "Appva", level: "Standard");
        var catchUp = new FollowUpCatchUpProbe(world);
        Assert.True(await catchUp.IsOverdueAsync());

        var report = await world.RunAsync();

        Assert.Equal((2, 1, 2), (report.Flagged, report.RemindersSent, report.ItemsReminded));
        Assert.False(await catchUp.IsOverdueAsync());
        world.Clock.Advance(TimeSpan.FromHours(25));
        Assert.True(await catchUp.IsOverdueAsync());
    }

    [Fact]
    public async Task Run_CommitsEveryManagersAttempt_BeforeTheFirstSend()
    {
        using var world = await FollowUpWorld.CreateAsync();
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await world.AddTemporaryGrantAsync("chef2", new DateOnly(2026, 11, 21), "Omar Ali", OrderRequests.Pnr1985);
        var run = AppServices.FollowUpRun(world.Database, new StoppingMailSender(), world.Clock, world.Options);

        // The process stops in the middle of the first send: both attempts were committed before it (decision 0050).
        await Assert.ThrowsAsync<OperationCanceledException>(() => run.RunAsync(world.CurrentDay, dryRun: false, Ct));

        await using var db = world.Database.CreateDbContext();
        var attempts = await db.ReminderMessages.ToListAsync(Ct);
        Assert.Equal(
            [FollowUpWorld.Chef1Email, FollowUpWorld.Chef2Email],
            attempts.Select(m => m.ToEmail.Value).Order(StringComparer.Ordinal));
        Assert.All(attempts, m => Assert.Equal((ReminderStatus.Attempted, 1), (m.Status, m.Attempts)));
        Assert.All(await db.FollowUps.ToListAsync(Ct), f => Assert.Null(f.LastRemindedOn));
    }

    /// <summary>A server that never answers: the run is stopped at its first send, as a process killed there would be.</summary>
    private sealed class StoppingMailSender : SocItConsole.Admin.Infrastructure.Email.IMailSender
    {
        public Task SendAsync(SocItConsole.Admin.Infrastructure.Email.OutgoingMail mail, CancellationToken ct) =>
            throw new OperationCanceledException("stopped during the send");
    }

    [Fact]
    public async Task Run_FailingHalfway_IsRetriedWithoutSendingAnyoneTwice()
    {
        using var world = await FollowUpWorld.CreateAsync();
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await world.AddTemporaryGrantAsync("chef2", new DateOnly(2026, 11, 21), "Omar Ali", OrderRequests.Pnr1985);
        world.Mail.Refuse.Add(FollowUpWorld.Chef2Email);

        var job = new FollowUpRemindersJob(world.Run(), world.Clock, world.Runner());
        await Assert.ThrowsAsync<ReminderSendException>(() => job.RunAsync(Ct));

        await using (var db = world.Database.CreateDbContext())
        {
            var attempt = await db.ReminderMessages.SingleAsync(m => m.Status == ReminderStatus.Attempted, Ct);
            Assert.Equal(FollowUpWorld.Chef2Email, attempt.ToEmail.Value);
            Assert.Null((await db.FollowUps.SingleAsync(f => f.ManagerEmail == attempt.ToEmail, Ct)).LastRemindedOn);
            Assert.Null((await db.JobRuns.SingleAsync(Ct)).LastSucceededAt);
        }

        world.Mail.Refuse.Clear();
        await job.RunAsync(Ct);

        Assert.Single(world.Mail.To(FollowUpWorld.Chef1Email));
        var erik = Assert.Single(world.Mail.To(FollowUpWorld.Chef2Email));
        await using var after = world.Database.CreateDbContext();
        var sent = await after.ReminderMessages.SingleAsync(m => m.ToEmail == erik.ToAddress.ToEmailAddress(), Ct);
        Assert.Equal((ReminderStatus.Sent, 2, erik.MessageId), (sent.Status, sent.Attempts, sent.MessageId));
        Assert.All(await after.FollowUps.ToListAsync(Ct), f => Assert.Equal(1, f.OverdueReminders));
        Assert.NotNull((await after.JobRuns.SingleAsync(Ct)).LastSucceededAt);
    }

    [Fact]
    public async Task Run_AGrantContinuedByItsExtension_GetsNoFollowUpAtItsOldLastDay_ButOneWithAGapDoes()
    {
        using var world = await FollowUpWorld.CreateAsync();
        var intake = AppServices.OrderIntake(world.Database, world.Clock);
        // Lisa's Lifecare ran out on 2026-11-20 and an extend order continued it from the next day (the access page
        // orders it so); her Appva, extended until further notice from an earlier day (as the follow-up page orders it).
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await FollowUpWorld.AddTemporaryGrantAsync(
            intake, world.Database, FollowUpWorld.Today, "chef1", new DateOnly(2027, 2, 28), from: new DateOnly(2026, 11, 21));
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 12, 1), system: "Appva", level: "Standard");
        await FollowUpWorld.AddTemporaryGrantAsync(
            intake, world.Database, FollowUpWorld.Today, "chef1", new DateOnly(2026, 12, 1), system: "Appva", level: "Standard",
            from: new DateOnly(2026, 11, 25), permanent: true);
        // Omar's extension starts two days after his last day: for one day he had no access, so it is followed up.
        var lapsed = await world.AddTemporaryGrantAsync("chef2", new DateOnly(2026, 11, 22), "Omar Ali", OrderRequests.Pnr1985);
        await FollowUpWorld.AddTemporaryGrantAsync(
            intake, world.Database, FollowUpWorld.Today, "chef2", new DateOnly(2027, 1, 31), "Omar Ali", OrderRequests.Pnr1985,
            from: new DateOnly(2026, 11, 24));

        var report = await world.RunAsync();

        Assert.Equal((1, 1), (report.Flagged, report.RemindersSent));
        Assert.Empty(world.Mail.To(FollowUpWorld.Chef1Email));
        Assert.Single(world.Mail.To(FollowUpWorld.Chef2Email));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(lapsed, (await db.FollowUps.SingleAsync(Ct)).GrantId);
    }

    [Fact]
    public async Task Run_AnOpenFollowUpWhoseGrantWasExtendedElsewhere_IsClosedAsExtended_AndNoLongerReminded()
    {
        using var world = await FollowUpWorld.CreateAsync();
        var intake = AppServices.OrderIntake(world.Database, world.Clock);
        // Lisa's Lifecare ran out on 2026-11-20 and is followed up; chef1 then extends it from the access view.
        var lisasGrant = await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        // Omar's stays undecided: it is still reminded.
        var omarsGrant = await world.AddTemporaryGrantAsync("chef2", new DateOnly(2026, 11, 22), "Omar Ali", OrderRequests.Pnr1985);
        Assert.Equal(2, (await world.RunAsync()).Flagged);
        world.Advance(7);
        await FollowUpWorld.AddTemporaryGrantAsync(
            intake, world.Database, world.CurrentDay, "chef1", new DateOnly(2027, 2, 28), from: new DateOnly(2026, 11, 21));
        var chef1Before = world.Mail.To(FollowUpWorld.Chef1Email).Count;
        var chef2Before = world.Mail.To(FollowUpWorld.Chef2Email).Count;

        var report = await world.RunAsync();
        var again = await world.RunAsync();

        Assert.Equal((1, 0), (report.Closed, again.Closed));
        Assert.Equal(chef1Before, world.Mail.To(FollowUpWorld.Chef1Email).Count);
        Assert.Equal(chef2Before + 1, world.Mail.To(FollowUpWorld.Chef2Email).Count);
        await using var db = world.Database.CreateDbContext();
        var lisas = await db.FollowUps.SingleAsync(f => f.GrantId == lisasGrant, Ct);
        Assert.Equal(FollowUpStatus.Extended, lisas.Status);
        Assert.Equal(new DateOnly(2027, 2, 28), lisas.ExtendedTo);
        Assert.Equal(FollowUpStatus.Open, (await db.FollowUps.SingleAsync(f => f.GrantId == omarsGrant, Ct)).Status);
        var closed = await db.AuditEntries.SingleAsync(a => a.Action == "FollowUp.Closed", Ct);
        Assert.Equal(lisas.Id.ToString(CultureInfo.InvariantCulture), closed.EntityId);
        Assert.Contains("förlängts", closed.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_TellsWhatItWouldDo_AndChangesNothing()
    {
        using var world = await FollowUpWorld.CreateAsync();
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await world.AddTemporaryGrantAsync("chef2", new DateOnly(2026, 11, 30), "Omar Ali", OrderRequests.Pnr1985);

        var report = await world.RunAsync(dryRun: true);

        Assert.Equal((2, 2, 2), (report.Flagged, report.RemindersSent, report.ItemsReminded));
        Assert.Contains(report.Lines, l => l.StartsWith(FollowUpWorld.Chef1Email + ": en påminnelse med 1 rad skulle skickas", StringComparison.Ordinal));
        Assert.StartsWith("Provkörning 2026-11-27", report.Summary, StringComparison.Ordinal);
        Assert.Empty(world.Mail.Sent);
        await using var db = world.Database.CreateDbContext();
        Assert.False(await db.FollowUps.AnyAsync(Ct));
        Assert.False(await db.ReminderMessages.AnyAsync(Ct));
        Assert.False(await db.JobRuns.AnyAsync(Ct));
    }

    [Fact]
    public async Task Run_InSmallBatches_FlagsEveryGrantOnce()
    {
        using var world = await FollowUpWorld.CreateAsync();
        world.Options.BatchSize = 2;
        for (var i = 0; i < 5; i++)
        {
            await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20 + (i % 2)), system: FiveAccesses[i].System, level: FiveAccesses[i].Level);
        }

        var report = await world.RunAsync();

        Assert.Equal((5, 1, 5), (report.Flagged, report.RemindersSent, report.ItemsReminded));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(5, await db.FollowUps.Select(f => f.GrantId).Distinct().CountAsync(Ct));
    }

    [Fact]
    public async Task DryRun_InSmallBatches_CountsEveryGrantOnce_AndWritesNothing()
    {
        using var world = await FollowUpWorld.CreateAsync();
        world.Options.BatchSize = 2;
        for (var i = 0; i < 5; i++)
        {
            await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20 + (i % 2)), system: FiveAccesses[i].System, level: FiveAccesses[i].Level);
        }

        var report = await world.RunAsync(dryRun: true);

        Assert.Equal((5, 1, 5), (report.Flagged, report.RemindersSent, report.ItemsReminded));
        await using var db = world.Database.CreateDbContext();
        Assert.False(await db.FollowUps.AnyAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "FollowUp.Flagged", Ct));
    }

    [Fact]
    public async Task Run_FlagsWithTheValuesTheFollowUpItselfWouldHave_AndRecordsTheReminderAsItsRuleDoes()
    {
        using var world = await FollowUpWorld.CreateAsync();
        var expired = await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        var endingSoon = await world.AddTemporaryGrantAsync("chef2", new DateOnly(2026, 11, 30), "Omar Ali", OrderRequests.Pnr1985);
        var flaggedAt = world.Clock.GetUtcNow();

        await world.RunAsync();

        await using var db = world.Database.CreateDbContext();
        foreach (var grantId in new[] { expired, endingSoon })
        {
            var grant = await db.Grants.AsNoTracking().SingleAsync(g => g.Id == grantId, Ct);
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == grant.SourceOrderId, Ct);
            var employee = await db.Employees.AsNoTracking().SingleAsync(e => e.Id == grant.EmployeeId, Ct);
            var expected = new FollowUp(
                grant.Id, grant.EmployeeId, employee.FullName, grant.SystemName, grant.LevelName, grant.UnitId, grant.UnitName,
                order.UnitId, grant.To!.Value, order.Manager, flaggedAt);
            expected.RecordReminder(FollowUpWorld.Today);

            var actual = await db.FollowUps.AsNoTracking().SingleAsync(f => f.GrantId == grantId, Ct);

            AssertSameColumns(db, expected, actual);
        }

        var flagged = await db.AuditEntries.SingleAsync(a => a.Action == "FollowUp.Flagged", Ct);
        var ids = await db.FollowUps.Select(f => f.Id).OrderBy(id => id).ToListAsync(Ct);
        Assert.Equal(
            $$$"""{"Count":2,"Cutoff":"2026-12-04","FollowUpIds":{"From":{{{ids[0]}}},"To":{{{ids[1]}}}},"EndDates":{"From":"2026-11-20","To":"2026-11-30"}}""",
            flagged.After);
    }

    [Fact]
    public async Task RecordReminders_InOneUpdate_ChangesWhatTheFollowUpsOwnRuleChanges()
    {
        using var world = await FollowUpWorld.CreateAsync();
        var day = FollowUpWorld.Today;
        var cases = new (int EndInDays, int[] RemindedDaysAgo, bool Listed)[]
        {
            (3, [], true),
            (0, [], true),
            (-7, [], true),
            (-20, [7], true),
            (5, [2], true),
            (3, [0], true),
            (-20, [14, 7], true),
            (-7, [], false),
        };
        var expected = new List<FollowUp>();
        var ids = new List<int>();
        await using (var db = world.Database.CreateDbContext())
        {
            for (var i = 0; i < cases.Length; i++)
            {
                var (endInDays, remindedDaysAgo, _) = cases[i];
                var grantId = await world.AddTemporaryGrantAsync("chef1", day.AddDays(endInDays));
                var grant = await db.Grants.AsNoTracking().SingleAsync(g => g.Id == grantId, Ct);
                FollowUp Make()
                {
                    var followUp = new FollowUp(
                        grant.Id, grant.EmployeeId, $"Person {i}", grant.SystemName, grant.LevelName, grant.UnitId, grant.UnitName,
                        grant.UnitId, grant.To!.Value, new Contact("Anna Lindqvist", FollowUpWorld.Chef1Email.ToEmailAddress()),
                        world.Clock.GetUtcNow());
                    foreach (var daysAgo in remindedDaysAgo)
                    {
                        followUp.RecordReminder(day.AddDays(-daysAgo));
                    }

                    return followUp;
                }

                var stored = Make();
                db.FollowUps.Add(stored);
                await db.SaveChangesAsync(Ct);
                ids.Add(stored.Id);
                expected.Add(Make());
            }

            db.ReminderMessages.Add(new ReminderMessage(
                day, "Anna Lindqvist", FollowUpWorld.Chef1Email.ToEmailAddress(), "<test@kommun.example>", "Påminnelse", "Text",
                ids.Where((_, i) => cases[i].Listed), world.Clock.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        }

        await using var update = world.Database.CreateDbContext();
        var messageId = await update.ReminderMessages.Select(m => m.Id).SingleAsync(Ct);
        var changed = await FollowUpRun.RecordRemindersAsync(update, messageId, day, Ct);

        for (var i = 0; i < cases.Length; i++)
        {
            if (cases[i].Listed && expected[i].LastRemindedOn != day)
            {
                expected[i].RecordReminder(day);
            }
        }

        Assert.Equal(cases.Count(c => c.Listed) - 1, changed);
        await using var after = world.Database.CreateDbContext();
        for (var i = 0; i < cases.Length; i++)
        {
            var id = ids[i];
            AssertSameColumns(after, expected[i], await after.FollowUps.AsNoTracking().SingleAsync(f => f.Id == id, Ct));
        }
    }

    [Fact]
    [Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
    public async Task DueGrantQuery_SearchesGrantsThroughTheEndIndex_NotAScan()
    {
        using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + FollowUpRun.DueGrantsSql;
        command.Parameters.AddWithValue("@cutoff", FollowUpWorld.Today.AddDays(7));
        command.Parameters.AddWithValue("@afterTo", DateOnly.MinValue);
        command.Parameters.AddWithValue("@afterId", 0);
        command.Parameters.AddWithValue("@limit", 1000);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.StartsWith("SEARCH g USING INDEX IX_Grants_EndedByOrderId_To (EndedByOrderId=?", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    /// <summary>Every mapped column but the key, as the database has it.</summary>
    private static void AssertSameColumns(SocItDbContext db, FollowUp expected, FollowUp actual)
    {
        foreach (var property in db.Model.FindEntityType(typeof(FollowUp))!.GetProperties().Where(p => !p.IsPrimaryKey()))
        {
            Assert.True(
                Equals(property.PropertyInfo!.GetValue(expected), property.PropertyInfo.GetValue(actual)),
                $"{property.Name}: expected {property.PropertyInfo.GetValue(expected)}, was {property.PropertyInfo.GetValue(actual)}");
        }
    }

    /// <summary>The start-up check, on the world's database and clock.</summary>
    private sealed class FollowUpCatchUpProbe(FollowUpWorld world)
    {
        public Task<bool> IsOverdueAsync() => new FollowUpCatchUp(
                world.Database, new NoJobs(),
                Microsoft.Extensions.Options.Options.Create(world.Options), world.Clock,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<FollowUpCatchUp>.Instance)
            .IsOverdueAsync(Ct);
    }

    /// <summary>The start-up check is only asked whether it would queue; nothing is queued.</summary>
    private sealed class NoJobs : Hangfire.IBackgroundJobClient
    {
        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) => throw new NotSupportedException();

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => throw new NotSupportedException();
    }
}

internal static class EmailText
{
    public static SocItConsole.Shared.Common.EmailAddress ToEmailAddress(this string address) =>
        SocItConsole.Shared.Common.EmailAddress.Parse(address);
}
