using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Tests.Features.Reviews;

/// <summary>
/// The review job run directly on a migrated database with a fake clock, as the nightly job runs it. The standard
/// round (due in 14 days, reminder 7 days before) covers chef1's Hemtjänst Centrum (3 lines) and chef2's Tallgården
/// (1 line); starting it sends both managers their invitation.
/// </summary>
public class ReviewRunTests
{
    private const string Chef1 = FollowUpWorld.Chef1Email;
    private const string Chef2 = FollowUpWorld.Chef2Email;
    private const string Skrea = "Hemtjänst Skrea";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_BeforeTheReminderWindow_RemindsNobody()
    {
        using var world = await RoundWorldAsync();

        var first = await world.RunAsync();
        world.Advance(6);
        var second = await world.RunAsync();

        Assert.Equal((0, 0), (first.Reminders, first.Escalated));
        Assert.Equal((0, 0), (second.Reminders, second.Escalated));
        Assert.True(second.Succeeded);
        Assert.Empty(Reminders(world));
        await using var db = world.Database.CreateDbContext();
        Assert.False(await db.ReviewMessages.AnyAsync(m => m.Kind == ReviewMessageKind.Reminder, Ct));
    }

    [Fact]
    public async Task Run_NDaysBeforeTheDueDate_RemindsEachManagerOnce_AndNotOnTheFollowingDays()
    {
        using var world = await RoundWorldAsync();
        world.Advance(7);

        var report = await world.RunAsync();

        Assert.Equal((2, 0), (report.Reminders, report.Escalated));
        Assert.True(report.Succeeded);
        var anna = Assert.Single(Reminders(world, Chef1));
        Assert.Equal("Påminnelse: uppföljning av behörigheter senast 2026-12-11", anna.Subject);
        Assert.Contains("(om 7 dagar)", anna.Body, StringComparison.Ordinal);
        Assert.Contains("- Hemtjänst Centrum: 3 av 3 rader obesvarade", anna.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Tallgården", anna.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisa", anna.Body, StringComparison.Ordinal);
        Assert.Single(Reminders(world, Chef2));

        for (var day = 8; day <= 14; day++)
        {
            world.Advance(1);
            Assert.Equal(0, (await world.RunAsync()).Reminders);
        }

        Assert.Equal(2, Reminders(world).Count);
        await using var db = world.Database.CreateDbContext();
        var messages = await db.ReviewMessages.Where(m => m.Kind == ReviewMessageKind.Reminder).ToListAsync(Ct);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal((ReminderStatus.Sent, 1), (m.Status, m.Attempts)));
        Assert.Equal(anna.MessageId, messages.Single(m => m.ToEmail.Value == Chef1).MessageId);
        var round = await db.ReviewRounds.SingleAsync(Ct);
        Assert.All(round.Units, u => Assert.Equal(ReviewWorld.Today.AddDays(7), u.LastRemindedOn));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Review.Reminded", Ct));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "Review.ReminderSent", Ct));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "Review.InvitationSent", Ct));
    }

    [Fact]
    public async Task Run_UsesTheConfiguredNumberOfDays()
    {
        using var world = await RoundWorldAsync();
        world.Options.ReminderDaysBefore = 3;

        world.Advance(7);
        Assert.Equal(0, (await world.RunAsync()).Reminders);
        world.Advance(3);
        Assert.Equal(0, (await world.RunAsync()).Reminders);
        world.Advance(1);
        var report = await world.RunAsync();

        Assert.Equal(2, report.Reminders);
        Assert.Contains("(om 3 dagar)", Assert.Single(Reminders(world, Chef1)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AManagerWithTwoUnits_GetsOneReminderListingBoth()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        await AddGrantInSkreaAsync(world);
        await world.StartRoundAsync(units: [ReviewWorld.Centrum, Skrea, ReviewWorld.Tallgarden]);
        world.Advance(7);

        var report = await world.RunAsync();

        Assert.Equal(2, report.Reminders);
        var anna = Assert.Single(Reminders(world, Chef1));
        Assert.Contains("- Hemtjänst Centrum: 3 av 3 rader obesvarade", anna.Body, StringComparison.Ordinal);
        Assert.Contains("- Hemtjänst Skrea: 1 av 1 rad obesvarade", anna.Body, StringComparison.Ordinal);
        Assert.Single(Reminders(world, Chef2));
        await using var db = world.Database.CreateDbContext();
        var message = await db.ReviewMessages.SingleAsync(m => m.Kind == ReviewMessageKind.Reminder && m.ToEmail == EmailAddress(Chef1), Ct);
        Assert.Equal(2, message.UnitIdList.Count);
    }

    [Fact]
    public async Task Run_AUnitWhoseLinesAreAllAnswered_IsNotReminded()
    {
        using var world = await RoundWorldAsync();
        var id = (await world.Rounds("admin").ListAsync(Ct)).Single().Id;
        var erik = world.Tasks("chef2");
        var line = Assert.Single((await erik.LinesAsync(id, null, ReviewTaskFilter.All, null, 0, 50, Ct)).Lines);
        Assert.IsType<ReviewResult.Done>(await erik.AnswerAsync(id, line.LineId, ReviewAnswer.Keep, null, Ct));
        world.Advance(7);

        var report = await world.RunAsync();

        Assert.Equal(1, report.Reminders);
        Assert.Single(Reminders(world, Chef1));
        Assert.Empty(Reminders(world, Chef2));
        world.Advance(8);
        Assert.Equal(1, (await world.RunAsync()).Escalated);
        await using var db = world.Database.CreateDbContext();
        var tallgarden = await world.UnitIdAsync(ReviewWorld.Tallgarden);
        var unit = (await db.ReviewRounds.SingleAsync(Ct)).Units.Single(u => u.UnitId == tallgarden);
        Assert.Equal((null, null), (unit.LastRemindedOn, unit.EscalatedOn));
    }

    [Fact]
    public async Task Run_AfterMissedNights_MakesUpTheReminder_UpToTheDueDate()
    {
        using var world = await RoundWorldAsync();
        world.Advance(14);

        var report = await world.RunAsync();

        Assert.Equal((2, 0), (report.Reminders, report.Escalated));
        Assert.Contains("(i dag)", Assert.Single(Reminders(world, Chef1)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AfterMissedNightsPastTheDueDate_EscalatesInsteadOfReminding()
    {
        using var world = await RoundWorldAsync();
        world.Advance(20);

        var report = await world.RunAsync();

        Assert.Equal((0, 2), (report.Reminders, report.Escalated));
        Assert.Empty(Reminders(world));
    }

    [Fact]
    public async Task Run_AfterTheDueDate_EscalatesEachUnitWithUnansweredLinesOnce()
    {
        using var world = await RoundWorldAsync();
        world.Advance(7);
        await world.RunAsync();
        world.Advance(7);
        Assert.Equal(0, (await world.RunAsync()).Escalated);
        world.Advance(1);

        var report = await world.RunAsync();
        var rerun = await world.RunAsync();
        world.Advance(1);
        var nextDay = await world.RunAsync();
        world.Advance(30);
        var later = await world.RunAsync();

        Assert.Equal((0, 2), (report.Reminders, report.Escalated));
        Assert.Contains(report.Lines, l => l.Contains("2 verksamheter eskalerades till Soc-IT", StringComparison.Ordinal));
        Assert.Equal((0, 0), (rerun.Reminders, rerun.Escalated));
        Assert.Equal((0, 0), (nextDay.Reminders, nextDay.Escalated));
        Assert.Equal((0, 0), (later.Reminders, later.Escalated));
        Assert.Equal(2, Reminders(world).Count);
        Assert.Equal(2, await world.Rounds("operator").EscalatedUnitsAsync(Ct));
        await using var db = world.Database.CreateDbContext();
        var round = await db.ReviewRounds.SingleAsync(Ct);
        Assert.All(round.Units, u => Assert.Equal(ReviewWorld.Today.AddDays(15), u.EscalatedOn));
        var escalated = Assert.Single(await db.AuditEntries.Where(a => a.Action == "Review.Escalated").ToListAsync(Ct));
        Assert.Equal(round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), escalated.EntityId);
    }

    [Fact]
    public async Task Run_ForAClosedRound_DoesNothing()
    {
        using var world = await RoundWorldAsync();
        var admin = world.Rounds("admin");
        var round = (await admin.ListAsync(Ct)).Single();
        var details = await admin.GetAsync(round.Id, Ct);
        Assert.IsType<ReviewResult.Done>(await admin.CloseAsync(round.Id, details!.Version, "Fel verksamheter valda", Ct));

        world.Advance(7);
        var remind = await world.RunAsync();
        world.Advance(8);
        var escalate = await world.RunAsync();

        Assert.Equal((0, 0), (remind.Reminders, remind.Escalated));
        Assert.Equal((0, 0), (escalate.Reminders, escalate.Escalated));
        Assert.Empty(Reminders(world));
        Assert.Equal(0, await world.Rounds("operator").EscalatedUnitsAsync(Ct));
    }

    [Fact]
    public async Task Job_WhenASendFails_KeepsTheAttempt_Throws_AndTheRetrySendsTheSameMessageOnce()
    {
        using var world = await RoundWorldAsync();
        world.Advance(7);
        world.Mail.Refuse.Add(Chef2);
        var job = new ReviewRemindersJob(world.Run(), world.Clock, AppServices.JobRunner(world.Database, world.Clock));

        var failed = await world.RunAsync();
        await Assert.ThrowsAsync<ReminderSendException>(() => job.RunAsync(Ct));

        Assert.False(failed.Succeeded);
        Assert.Contains(Chef2, Assert.Single(failed.Failures), StringComparison.Ordinal);
        Assert.Equal(2, failed.Reminders);
        string messageId;
        await using (var db = world.Database.CreateDbContext())
        {
            var attempt = await db.ReviewMessages.SingleAsync(m => m.Status == ReminderStatus.Attempted, Ct);
            Assert.Equal((Chef2, ReviewMessageKind.Reminder, 2), (attempt.ToEmail.Value, attempt.Kind, attempt.Attempts));
            messageId = attempt.MessageId;
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Review.ReminderSent", Ct));
        }

        world.Mail.Refuse.Clear();
        await job.RunAsync(Ct);
        world.Advance(1);
        await job.RunAsync(Ct);

        Assert.Single(Reminders(world, Chef1));
        var erik = Assert.Single(Reminders(world, Chef2));
        Assert.Equal(messageId, erik.MessageId);
        await using var after = world.Database.CreateDbContext();
        var sent = await after.ReviewMessages.SingleAsync(m => m.MessageId == messageId, Ct);
        Assert.Equal((ReminderStatus.Sent, 3), (sent.Status, sent.Attempts));
        Assert.Equal(2, await after.AuditEntries.CountAsync(a => a.Action == "Review.ReminderSent", Ct));
    }

    [Fact]
    public async Task Run_SendsAnInvitationThatFailedWhenTheRoundStarted()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        world.Mail.Refuse.Add(Chef1);
        await world.StartRoundAsync();
        Assert.Empty(world.Mail.To(Chef1));
        world.Mail.Refuse.Clear();
        world.Advance(1);

        var report = await world.RunAsync();

        Assert.True(report.Succeeded);
        Assert.Equal(0, report.Reminders);
        var invitation = Assert.Single(world.Mail.To(Chef1));
        Assert.StartsWith("Uppföljning av behörigheter", invitation.Subject, StringComparison.Ordinal);
        Assert.Single(world.Mail.To(Chef2));
        await using var db = world.Database.CreateDbContext();
        var message = await db.ReviewMessages.SingleAsync(m => m.ToEmail == EmailAddress(Chef1), Ct);
        Assert.Equal((ReminderStatus.Sent, 2, invitation.MessageId), (message.Status, message.Attempts, message.MessageId));
        Assert.Equal(ReviewWorld.Today, message.Day);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "Review.InvitationSent", Ct));
        Assert.Equal(0, (await world.RunAsync()).Reminders);
        Assert.Single(world.Mail.To(Chef1));
    }

    [Fact]
    public async Task Run_DoesNotSendWhatIsLeftOfARoundThatWasClosedMeanwhile()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        world.Mail.Refuse.Add(Chef1);
        var id = await world.StartRoundAsync();
        var admin = world.Rounds("admin");
        var version = (await admin.GetAsync(id, Ct))!.Version;
        Assert.IsType<ReviewResult.Done>(await admin.CloseAsync(id, version, "Startad av misstag", Ct));
        world.Mail.Refuse.Clear();

        var report = await world.RunAsync();

        Assert.True(report.Succeeded);
        Assert.Empty(world.Mail.To(Chef1));
    }

    [Fact]
    public async Task DryRun_TellsWhatItWouldDo_AndChangesNothing()
    {
        using var world = await RoundWorldAsync();
        world.Advance(7);
        var audit = await AuditCountAsync(world);

        var reminders = await world.RunAsync(dryRun: true);
        world.Advance(8);
        var escalations = await world.RunAsync(dryRun: true);

        Assert.True(reminders.DryRun);
        Assert.Equal((2, 0), (reminders.Reminders, reminders.Escalated));
        Assert.Contains(reminders.Lines, l => l.Contains($"{Chef1} skulle påminnas om Hemtjänst Centrum", StringComparison.Ordinal));
        Assert.StartsWith("Provkörning 2026-12-04: 2 påminnelser skulle skickas", reminders.Summary, StringComparison.Ordinal);
        Assert.Equal((0, 2), (escalations.Reminders, escalations.Escalated));
        Assert.Contains(escalations.Lines, l => l.Contains("2 verksamheter skulle eskaleras till Soc-IT", StringComparison.Ordinal));
        Assert.Equal(2, world.Mail.Sent.Count);
        Assert.Equal(audit, await AuditCountAsync(world));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(2, await db.ReviewMessages.CountAsync(Ct));
        Assert.All((await db.ReviewRounds.SingleAsync(Ct)).Units, u => Assert.Equal((null, null), (u.LastRemindedOn, u.EscalatedOn)));
    }

    [Fact]
    public async Task DryRun_NamesWhatIsWaitingToBeResent_WithoutSendingIt()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        world.Mail.Refuse.Add(Chef1);
        await world.StartRoundAsync();
        world.Mail.Refuse.Clear();

        var report = await world.RunAsync(dryRun: true);

        Assert.Contains(report.Lines, l => l.Contains("1 ej skickat e-postmeddelande skulle skickas igen", StringComparison.Ordinal));
        Assert.Empty(world.Mail.To(Chef1));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.ReviewMessages.CountAsync(m => m.Status == ReminderStatus.Attempted, Ct));
    }

    [Fact]
    public async Task Run_TwiceAtTheSameTime_SendsEachMessageOnce()
    {
        using var world = await RoundWorldAsync();
        world.Advance(7);
        var slow = new SlowMailSender(world.Mail);
        var first = ReviewServices.Run(world.Database, slow, world.Clock, world.Options);
        var second = ReviewServices.Run(world.Database, slow, world.Clock, world.Options);

        var reports = await Task.WhenAll(
            first.RunAsync(world.CurrentDay, dryRun: false, Ct), second.RunAsync(world.CurrentDay, dryRun: false, Ct));

        Assert.All(reports, r => Assert.True(r.Succeeded));
        Assert.Equal(2, reports.Sum(r => r.Reminders));
        Assert.Single(Reminders(world, Chef1));
        Assert.Single(Reminders(world, Chef2));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Review.Reminded", Ct));
    }

    [Fact]
    public async Task SendPending_FromTheJobAndARoundStartAtTheSameTime_SendsEachMessageOnce()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        world.Mail.Refuse.Add(Chef1);
        world.Mail.Refuse.Add(Chef2);
        await world.StartRoundAsync();
        world.Mail.Refuse.Clear();
        var slow = new SlowMailSender(world.Mail);

        var results = await Task.WhenAll(
            ReviewServices.Mail(world.Database, slow, world.Clock).SendPendingAsync(null, Ct),
            ReviewServices.Mail(world.Database, slow, world.Clock).SendPendingAsync(null, Ct));

        Assert.Equal(2, results.Sum(r => r.Sent));
        Assert.Single(world.Mail.To(Chef1));
        Assert.Single(world.Mail.To(Chef2));
    }

    [Fact]
    public async Task SendPending_LeavesAMessageAnotherSenderHolds_AndSendsItOnceThatClaimRunsOut()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        world.Mail.Refuse.Add(Chef1);
        world.Mail.Refuse.Add(Chef2);
        await world.StartRoundAsync();
        world.Mail.Refuse.Clear();
        // Another sender (another process) claimed both invitations and then died mid-send.
        await using (var db = world.Database.CreateDbContext())
        {
            await db.ReviewMessages.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.SendingUntil, world.Clock.GetUtcNow() + TimeSpan.FromMinutes(1)), Ct);
        }

        var mail = ReviewServices.Mail(world.Database, world.Mail, world.Clock);

        Assert.Equal(0, (await mail.SendPendingAsync(null, Ct)).Sent);
        Assert.Empty(world.Mail.Sent);
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, (await mail.SendPendingAsync(null, Ct)).Sent);
        Assert.Single(world.Mail.To(Chef1));
        Assert.Single(world.Mail.To(Chef2));
        await using var after = world.Database.CreateDbContext();
        Assert.All(await after.ReviewMessages.ToListAsync(Ct), m => Assert.Null(m.SendingUntil));
    }

    /// <summary>The standard grants and the standard round, started today (due 2026-12-11).</summary>
    private static async Task<ReviewWorld> RoundWorldAsync()
    {
        var world = await ReviewWorld.CreateAsync();
        await world.AddStandardGrantsAsync();
        await world.StartRoundAsync();
        Assert.Equal(2, world.Mail.Sent.Count);
        return world;
    }

    private static IReadOnlyList<OutgoingMail> Reminders(ReviewWorld world, string? to = null) =>
        [.. (to is null ? world.Mail.Sent : world.Mail.To(to)).Where(m => m.Subject.StartsWith("Påminnelse", StringComparison.Ordinal))];

    private static SocItConsole.Shared.Common.EmailAddress EmailAddress(string address) => SocItConsole.Shared.Common.EmailAddress.Parse(address);

    private static async Task<int> AuditCountAsync(ReviewWorld world)
    {
        await using var db = world.Database.CreateDbContext();
        return await db.AuditEntries.CountAsync(Ct);
    }

    /// <summary>Maria Lundgren's permanent Appva in chef1's other unit, Hemtjänst Skrea.</summary>
    private static async Task AddGrantInSkreaAsync(ReviewWorld world)
    {
        var request = OrderRequests.Extend("19820407-2428") with
        {
            EmployeeName = "Maria Lundgren",
            Unit = Skrea,
            StartDate = ReviewWorld.Today.AddDays(-30),
            EndDate = null,
            Systems = [new RequestedSystemInput("Appva", "Standard")],
        };
        var placed = await AppServices.OrderIntake(world.Database, world.Clock)
            .PlaceAsync(request, OrderChannel.Console, new Actor("test", "Anna Lindqvist"), ct: Ct);
        var receipt = Assert.IsType<PlaceOrderResult.Created>(placed).Receipt;
        await using var db = world.Database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == receipt.Id, Ct);
        db.Grants.AddRange(GrantRules.Materialize(order, [], await TestEmployments.OwnerAsync(db, order.EmployeeId, order.UnitId, order.UnitName, order.StartDate!.Value, order.Id, Ct)).Added);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>A mail server that takes its time, so that two senders overlap; it hands each mail on one at a time.</summary>
    private sealed class SlowMailSender(RecordingMailSender inner) : IMailSender
    {
        private readonly Lock _lock = new();

        public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
        {
            await Task.Delay(30, ct);
            lock (_lock)
            {
                inner.SendAsync(mail, ct).GetAwaiter().GetResult();
            }
        }
    }
}
