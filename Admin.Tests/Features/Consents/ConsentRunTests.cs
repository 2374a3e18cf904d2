using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Consents;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Consents;

/// <summary>
/// The consent job run directly, as Hangfire's morning run does, on a fake clock. chef1 orders on Friday 2026-11-27;
/// chef2 is reminded on Wednesday 2026-12-02 (three working days later) and the case escalates on Monday 2026-12-07.
/// </summary>
public sealed class ConsentRunTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private static readonly DateOnly Wednesday = new(2026, 12, 2);
    private static readonly DateOnly Friday = new(2026, 12, 4);
    private static readonly DateOnly NextMonday = new(2026, 12, 7);

    private static CancellationToken Ct => ConsentWorld.Ct;

    [Fact]
    public async Task Run_OnTheThirdWorkingDay_RemindsEachManagerOnce_EvenWhenRunAgain()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();

        world.MorningOf(Tuesday);
        var early = await world.Run().RunAsync(Tuesday, dryRun: false, Ct);
        world.MorningOf(Wednesday);
        var report = await world.Run().RunAsync(Wednesday, dryRun: false, Ct);
        var again = await world.Run().RunAsync(Wednesday, dryRun: false, Ct);
        world.MorningOf(Friday);
        var later = await world.Run().RunAsync(Friday, dryRun: false, Ct);

        Assert.Equal((0, 0), (early.Reminded, early.Escalated));
        Assert.Equal((1, 0), (report.Reminded, report.Escalated));
        Assert.True(report.Succeeded);
        Assert.Equal("2026-12-02: 1 påminnelse, 0 ärenden eskalerade.", report.Summary);
        Assert.Equal((0, 0), (again.Reminded, again.Escalated));
        Assert.Equal((0, 0), (later.Reminded, later.Escalated));
        var message = Assert.Single(await world.MessagesAsync(orderId, CaseMessageKind.ConsentReminder));
        Assert.Equal((ConsentWorld.Chef2Email, ReminderStatus.Sent), (message.ToEmail.Value, message.Status));
        var sent = Assert.Single(world.Mail.To(ConsentWorld.Chef2Email), m => m.Subject.StartsWith("Påminnelse", StringComparison.Ordinal));
        Assert.Equal(message.MessageId, sent.MessageId);
        Assert.Contains("/approvals", sent.Body, StringComparison.Ordinal);
        Assert.Contains("Lisa Andersson", sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("19900101", sent.Body, StringComparison.Ordinal);
        var consent = (await world.OrderAsync(orderId)).Consent!;
        Assert.Equal((Wednesday, (DateTimeOffset?)null), (consent.RemindedOn, consent.EscalatedAt));
        Assert.Equal(["Consent.Reminded"], await world.AuditActionsAsync("Consent."));
    }

    [Fact]
    public async Task Run_ThreeWorkingDaysAfterTheReminder_EscalatesToSocIt_Once()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();
        world.MorningOf(Wednesday);
        await world.Run().RunAsync(Wednesday, dryRun: false, Ct);

        world.MorningOf(Friday);
        var friday = await world.Run().RunAsync(Friday, dryRun: false, Ct);
        world.MorningOf(NextMonday);
        var monday = await world.Run().RunAsync(NextMonday, dryRun: false, Ct);
        var again = await world.Run().RunAsync(NextMonday, dryRun: false, Ct);

        Assert.Equal((0, 0), (friday.Reminded, friday.Escalated));
        Assert.Equal((0, 1), (monday.Reminded, monday.Escalated));
        Assert.Equal((0, 0), (again.Reminded, again.Escalated));
        var consent = (await world.OrderAsync(orderId)).Consent!;
        Assert.Equal(world.Clock.GetUtcNow(), consent.EscalatedAt);
        Assert.Equal(ConsentStatus.Pending, consent.Status);
        Assert.Single(await world.MessagesAsync(orderId, CaseMessageKind.ConsentReminder));
        Assert.Equal(["Consent.Reminded", "Consent.Escalated"], await world.AuditActionsAsync("Consent."));
    }

    [Fact]
    public async Task Run_ForAnAnsweredConsent_OrAClosedCase_DoesNothing()
    {
        using var world = await ConsentWorld.CreateAsync();
        var approved = await world.PlaceTemporaryAsync();
        var closed = await world.PlaceTemporaryAsync(TestData.OrderRequests.Pnr1985, employeeName: "Jonas Berg");
        await world.Service("chef2").ApproveAsync(await world.ConsentIdAsync(approved), Ct);
        await AppServices.CaseWork(world.Database, "operator", world.Clock).MoveAsync(closed, 0, OrderStatus.Rejected, "Dubblett.", Ct);

        world.MorningOf(NextMonday);
        var report = await world.Run().RunAsync(NextMonday, dryRun: false, Ct);

        Assert.Equal((0, 0), (report.Reminded, report.Escalated));
        Assert.Empty(await world.MessagesAsync(approved, CaseMessageKind.ConsentReminder));
        Assert.Empty(await world.MessagesAsync(closed, CaseMessageKind.ConsentReminder));
    }

    [Fact]
    public async Task DryRun_SaysWhatItWouldDo_AndChangesNothing()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();
        world.MorningOf(Wednesday);

        var report = await world.Run().RunAsync(Wednesday, dryRun: true, Ct);

        Assert.Equal(1, report.Reminded);
        Assert.Equal("Provkörning 2026-12-02: 1 påminnelse skulle skickas, 0 ärenden eskalerade.", report.Summary);
        Assert.Contains(report.Lines, l => l.Contains("skulle påminnas", StringComparison.Ordinal) && l.Contains("Erik Johansson", StringComparison.Ordinal));
        Assert.Empty(await world.MessagesAsync(orderId, CaseMessageKind.ConsentReminder));
        Assert.Null((await world.OrderAsync(orderId)).Consent!.RemindedOn);
        Assert.Empty(world.Mail.Sent);
        Assert.Empty(await world.AuditActionsAsync("Consent."));
    }

    [Fact]
    public async Task TwoRunsAtOnce_RemindOnce()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();
        world.MorningOf(Wednesday);

        var reports = await Task.WhenAll(
            world.Run().RunAsync(Wednesday, dryRun: false, Ct), world.Run().RunAsync(Wednesday, dryRun: false, Ct));

        Assert.Equal(1, reports.Sum(r => r.Reminded));
        Assert.Single(await world.MessagesAsync(orderId, CaseMessageKind.ConsentReminder));
        Assert.Single(world.Mail.To(ConsentWorld.Chef2Email), m => m.Subject.StartsWith("Påminnelse", StringComparison.Ordinal));
        Assert.Equal(["Consent.Reminded"], await world.AuditActionsAsync("Consent."));
    }

    [Fact]
    public async Task Job_WhenTheReminderCannotBeSent_FailsForARetry_WhichSendsItOnce()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();
        world.MorningOf(Wednesday);
        world.Mail.Refuse.Add(ConsentWorld.Chef2Email);

        await Assert.ThrowsAsync<ReminderSendException>(() =>
            new ConsentRemindersJob(world.Run(), world.Clock, AppServices.JobRunner(world.Database, world.Clock)).RunAsync(Ct));
        var unsent = Assert.Single(await world.MessagesAsync(orderId, CaseMessageKind.ConsentReminder));
        Assert.Equal(ReminderStatus.Attempted, unsent.Status);

        world.Mail.Refuse.Clear();
        await new ConsentRemindersJob(world.Run(), world.Clock, AppServices.JobRunner(world.Database, world.Clock)).RunAsync(Ct);

        var message = Assert.Single(await world.MessagesAsync(orderId, CaseMessageKind.ConsentReminder));
        Assert.Equal(ReminderStatus.Sent, message.Status);
        Assert.Single(world.Mail.To(ConsentWorld.Chef2Email), m => m.Subject.StartsWith("Påminnelse", StringComparison.Ordinal));
        await using var db = world.Database.CreateDbContext();
        Assert.NotNull((await db.JobRuns.SingleAsync(j => j.JobId == ConsentRemindersJob.Id, Ct)).LastSucceededAt);
    }
}
