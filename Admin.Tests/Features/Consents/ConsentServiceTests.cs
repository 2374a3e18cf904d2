using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Consents;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Consents;

/// <summary>
/// The receiving unit's consent through the service, on a fake clock: chef1 orders temporary access to chef2's
/// Tallgården; chef2 approves or rejects it, Soc-IT records a phone answer; nobody decides for another's unit.
/// </summary>
public sealed class ConsentServiceTests
{
    private const string Reason = "Vi har ingen handledare på plats under perioden.";

    private static CancellationToken Ct => ConsentWorld.Ct;

    [Fact]
    public async Task Approve_ByTheReceivingUnitsManager_ApprovesAudits_AndLetsSocItComplete()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();
        Assert.NotNull((await world.OrderAsync(orderId)).CompletionBlock());

        var result = await world.Service("chef2").ApproveAsync(await world.ConsentIdAsync(orderId), Ct);

        Assert.IsType<ConsentResult.Done>(result);
        var order = await world.OrderAsync(orderId);
        Assert.Equal(ConsentStatus.Approved, order.Consent!.Status);
        Assert.Equal("Erik Johansson", order.Consent.DecidedByName);
        Assert.False(order.Consent.ByPhone);
        Assert.Equal(OrderStatus.Received, order.Status);
        Assert.Null(order.CompletionBlock());
        Assert.Equal(["Consent.Approved"], await world.AuditActionsAsync("Consent."));
        Assert.Empty(await world.MessagesAsync(orderId, CaseMessageKind.Rejected));
    }

    [Fact]
    public async Task ApproveAndReject_ForAUnitTheManagerDoesNotManage_AreRefusedById_AndChangeNothing()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();
        var consentId = await world.ConsentIdAsync(orderId);

        // chef1 placed the order, but Tallgården is chef2's: the id alone gives her nothing.
        var approved = await world.Service("chef1").ApproveAsync(consentId, Ct);
        var rejected = await world.Service("chef1").RejectAsync(consentId, Reason, Ct);
        var unknown = await world.Service("chef2").ApproveAsync(consentId + 1000, Ct);

        Assert.Equal(ConsentService.NotFoundMessage, Assert.IsType<ConsentResult.Refused>(approved).Message);
        Assert.Equal(ConsentService.NotFoundMessage, Assert.IsType<ConsentResult.Refused>(rejected).Message);
        Assert.Equal(ConsentService.NotFoundMessage, Assert.IsType<ConsentResult.Refused>(unknown).Message);
        var order = await world.OrderAsync(orderId);
        Assert.Equal(ConsentStatus.Pending, order.Consent!.Status);
        Assert.Equal(OrderStatus.Received, order.Status);
        Assert.Empty(await world.AuditActionsAsync("Consent."));
    }

    [Fact]
    public async Task ApproveAndReject_AreForManagersOnly()
    {
        using var world = await ConsentWorld.CreateAsync();
        var consentId = await world.ConsentIdAsync(await world.PlaceTemporaryAsync());

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Service("operator").ApproveAsync(consentId, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Service("admin").RejectAsync(consentId, Reason, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Service("chef2").RecordByPhoneAsync(1, approved: true, "Ringde.", Ct));
    }

    [Fact]
    public async Task Reject_RejectsTheCaseWithTheManagersReason_AndRecordsTheOrderersMessageOnce()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();
        var consentId = await world.ConsentIdAsync(orderId);
        var service = world.Service("chef2");

        var first = await service.RejectAsync(consentId, Reason, Ct);
        var again = await service.RejectAsync(consentId, "Ett annat skäl.", Ct);

        Assert.IsType<ConsentResult.Done>(first);
        Assert.Contains("redan nekad", Assert.IsType<ConsentResult.Refused>(again).Message, StringComparison.Ordinal);
        var order = await world.OrderAsync(orderId);
        Assert.Equal(ConsentStatus.Rejected, order.Consent!.Status);
        Assert.Equal(Reason, order.Consent.Text);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal($"Chefen för {ConsentWorld.Tallgarden} godkände inte behörigheten: {Reason}", order.RejectionReason);
        var message = Assert.Single(await world.MessagesAsync(orderId, CaseMessageKind.Rejected));
        Assert.Equal(ConsentWorld.Chef1Email, message.ToEmail.Value);
        Assert.Contains(Reason, message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("19900101", message.Body, StringComparison.Ordinal);
        Assert.Equal(["Consent.Rejected"], await world.AuditActionsAsync("Consent."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Reject_WithoutAReason_IsRefused_AndTheCaseStaysOpen(string reason)
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();

        var result = await world.Service("chef2").RejectAsync(await world.ConsentIdAsync(orderId), reason, Ct);

        Assert.Contains("Skriv varför", Assert.IsType<ConsentResult.Refused>(result).Message, StringComparison.Ordinal);
        var order = await world.OrderAsync(orderId);
        Assert.Equal((ConsentStatus.Pending, OrderStatus.Received), (order.Consent!.Status, order.Status));
        Assert.Empty(await world.MessagesAsync(orderId, CaseMessageKind.Rejected));
    }

    [Fact]
    public async Task Reject_CancelsTheKeyPurchaseTheOrderStarted_AsAnOperatorsRejectionDoes()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync(key: KeyChoiceKind.BuyNewKey);
        await using (var db = world.Database.CreateDbContext())
        {
            Assert.Equal(KeyPurchaseStatus.Ordered, (await db.KeyPurchases.SingleAsync(p => p.OrderId == orderId, Ct)).Status);
        }

        Assert.IsType<ConsentResult.Done>(await world.Service("chef2").RejectAsync(await world.ConsentIdAsync(orderId), Reason, Ct));

        await using (var db = world.Database.CreateDbContext())
        {
            Assert.Equal(KeyPurchaseStatus.Cancelled, (await db.KeyPurchases.SingleAsync(p => p.OrderId == orderId, Ct)).Status);
        }
    }

    [Fact]
    public async Task Decisions_OnACaseSocItAlreadyRejected_AreRefused()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();
        Assert.IsType<SocItConsole.Admin.Features.Cases.CaseResult.Done>(
            await AppServices.CaseWork(world.Database, "operator", world.Clock).MoveAsync(orderId, 0, OrderStatus.Rejected, "Dubblett.", Ct));
        var consentId = await world.ConsentIdAsync(orderId);

        Assert.IsType<ConsentResult.Refused>(await world.Service("chef2").ApproveAsync(consentId, Ct));
        Assert.IsType<ConsentResult.Refused>(await world.Service("chef2").RejectAsync(consentId, Reason, Ct));
        Assert.Empty((await world.Service("chef2").ApprovalsAsync(Ct)).Pending);
        Assert.Equal(ConsentStatus.Pending, (await world.OrderAsync(orderId)).Consent!.Status);
    }

    [Fact]
    public async Task Approvals_ListThePendingRequestsOfTheManagersUnits_AndThoseAnsweredInTheLast30Days()
    {
        using var world = await ConsentWorld.CreateAsync();
        var answered = await world.PlaceTemporaryAsync();
        var pending = await world.PlaceTemporaryAsync(OrderRequests.Pnr1985, employeeName: "Jonas Berg");
        var chef2 = world.Service("chef2");
        await chef2.RejectAsync(await world.ConsentIdAsync(answered), Reason, Ct);

        var view = await chef2.ApprovalsAsync(Ct);

        var row = Assert.Single(view.Pending);
        Assert.Equal((pending, "Jonas Berg", "Hemtjänst Centrum", ConsentWorld.Tallgarden, "Anna Lindqvist"),
            (row.OrderId, row.PersonName, row.HomeUnitName, row.UnitName, row.OrdererName));
        Assert.Equal((new DateOnly(2026, 12, 7), new DateOnly(2027, 1, 31)), (row.From, row.To));
        Assert.Equal(world.Clock.GetUtcNow(), row.RequestedAt);
        var done = Assert.Single(view.Answered);
        Assert.Equal((answered, ConsentStatus.Rejected, "Erik Johansson", Reason), (done.OrderId, done.Status, done.DecidedByName, done.Text));
        Assert.Equal(1, await chef2.PendingCountAsync(Ct));
        Assert.Equal(0, await world.Service("chef1").PendingCountAsync(Ct));
        Assert.Empty((await world.Service("chef1").ApprovalsAsync(Ct)).Pending);

        world.Clock.Advance(TimeSpan.FromDays(ConsentService.AnsweredDays + 1));
        Assert.Empty((await chef2.ApprovalsAsync(Ct)).Answered);
        Assert.Single((await chef2.ApprovalsAsync(Ct)).Pending);
    }

    [Fact]
    public async Task Approvals_ShowAProtectedPersonAsSkyddadPerson()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();
        await using (var db = world.Database.CreateDbContext())
        {
            var employee = await db.Employees.SingleAsync(e => e.Id == db.Orders.Single(o => o.Id == orderId).EmployeeId, Ct);
            employee.Protect("Skyddad folkbokföring.");
            await db.SaveChangesAsync(Ct);
        }

        var row = Assert.Single((await world.Service("chef2").ApprovalsAsync(Ct)).Pending);

        Assert.Equal("Skyddad person", row.PersonName);
    }

    [Fact]
    public async Task RecordByPhone_Approved_ApprovesWithTheNote_AndAudits()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();

        var result = await world.Service("operator").RecordByPhoneAsync(orderId, approved: true, "Erik Johansson ringde 10:05.", Ct);

        Assert.IsType<ConsentResult.Done>(result);
        var order = await world.OrderAsync(orderId);
        Assert.Equal((ConsentStatus.Approved, true, "Erik Johansson ringde 10:05.", "Sara Nilsson"),
            (order.Consent!.Status, order.Consent.ByPhone, order.Consent.Text, order.Consent.DecidedByName));
        Assert.Null(order.CompletionBlock());
        Assert.Equal(["Consent.RecordedByPhone"], await world.AuditActionsAsync("Consent."));
    }

    [Fact]
    public async Task RecordByPhone_NotApproved_RejectsTheCase_AndTellsTheOrdererOnce()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();
        var service = world.Service("operator");

        var result = await service.RecordByPhoneAsync(orderId, approved: false, "Erik Johansson: ingen plats i december.", Ct);
        var again = await service.RecordByPhoneAsync(orderId, approved: false, "Igen.", Ct);

        Assert.IsType<ConsentResult.Done>(result);
        Assert.IsType<ConsentResult.Refused>(again);
        var order = await world.OrderAsync(orderId);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal($"Chefen för {ConsentWorld.Tallgarden} godkände inte behörigheten: Erik Johansson: ingen plats i december.", order.RejectionReason);
        Assert.Single(await world.MessagesAsync(orderId, CaseMessageKind.Rejected));
        Assert.Equal(["Consent.RecordedByPhone"], await world.AuditActionsAsync("Consent."));
    }

    [Fact]
    public async Task RecordByPhone_WithoutANote_IsRefused()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();

        var result = await world.Service("operator").RecordByPhoneAsync(orderId, approved: true, " ", Ct);

        Assert.Contains("Skriv vem", Assert.IsType<ConsentResult.Refused>(result).Message, StringComparison.Ordinal);
        Assert.Equal(ConsentStatus.Pending, (await world.OrderAsync(orderId)).Consent!.Status);
    }

    [Fact]
    public async Task ForCase_ShowsTheConsent_AndNothingForACaseWithoutOne()
    {
        using var world = await ConsentWorld.CreateAsync();
        var orderId = await world.PlaceTemporaryAsync();
        var other = Assert.IsType<SocItConsole.Admin.Features.Orders.PlaceOrderResult.Created>(
            await AppServices.OrderIntake(world.Database, world.Clock).PlaceAsync(
                OrderRequests.NewUndersköterska(OrderRequests.Pnr1985), OrderChannel.Console, new SocItConsole.Shared.Audit.Actor("t", "T"), ct: Ct)).Receipt.Id;
        var service = world.Service("operator");

        var view = await service.ForCaseAsync(orderId, Ct);

        Assert.NotNull(view);
        Assert.Equal((ConsentWorld.Tallgarden, ConsentStatus.Pending, true), (view.UnitName, view.Status, view.CanRecordByPhone));
        Assert.Equal(["Erik Johansson"], view.ManagerNames);
        Assert.Null(await service.ForCaseAsync(other, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Service("chef2").ForCaseAsync(orderId, Ct));
    }
}
