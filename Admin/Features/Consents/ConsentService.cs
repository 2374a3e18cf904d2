using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.CaseMail;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Consents;

/// <summary>
/// The receiving unit's consent to temporary access (<see cref="UnitConsent"/>): its manager approves or rejects it on
/// <em>Att godkänna</em>, only for the units they manage — checked here by the consent's unit, whatever the page
/// offered — and Soc-IT records an answer the manager gave by phone. A rejection rejects the case in the same
/// transaction, with its side effects, and records the e-mail that tells the orderer. Every decision is audited.
/// </summary>
public sealed class ConsentService(
    IDbContextFactory<SocItDbContext> factory,
    CurrentUser currentUser,
    AuditedChange changes,
    CaseNotices notices,
    TimeProvider clock)
{
    /// <summary>How far back <em>Att godkänna</em> lists the requests the manager has answered.</summary>
    public const int AnsweredDays = 30;

    public const string NotFoundMessage = "Begäran finns inte, eller gäller inte någon av dina verksamheter.";

    private const string ConflictMessage = "Begäran har ändrats av någon annan sedan du öppnade den. Ladda om sidan och försök igen.";

    private static readonly ChangeRules<ConsentResult> ManagerRules = new(
        Policies.Manager, ConflictMessage, m => new ConsentResult.Refused(m), m => new ConsentResult.Conflict(m))
    {
        InTransaction = true,
    };

    private static readonly ChangeRules<ConsentResult> OperatorRules = ManagerRules with { Policy = Policies.Operator };

    /// <summary>The signed-in manager's pending requests and those answered in the last <see cref="AnsweredDays"/> days.</summary>
    public async Task<ApprovalsView> ApprovalsAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Manager);
        var user = await currentUser.GetPrincipalAsync();
        var since = clock.GetUtcNow().AddDays(-AnsweredDays);
        await using var db = await factory.CreateDbContextAsync(ct);
        var orders = await Managed(db, user)
            .Where(o => (o.Consent!.Status == ConsentStatus.Pending && o.Status != OrderStatus.Completed && o.Status != OrderStatus.Rejected)
                || (o.Consent!.Status != ConsentStatus.Pending && o.Consent.DecidedAt >= since))
            .Include(o => o.Employee)
            .AsSplitQuery()
            .ToListAsync(ct);
        var rows = orders.Select(ToRow).ToList();
        return new ApprovalsView(
            [.. rows.Where(r => r.Status == ConsentStatus.Pending).OrderBy(r => r.RequestedAt)],
            [.. rows.Where(r => r.Status != ConsentStatus.Pending).OrderByDescending(r => r.DecidedAt)]);
    }

    /// <summary>How many requests wait for the signed-in manager: the number beside <em>Att godkänna</em> in the menu.</summary>
    public async Task<int> PendingCountAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Manager);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Managed(db, user).CountAsync(
            o => o.Consent!.Status == ConsentStatus.Pending && o.Status != OrderStatus.Completed && o.Status != OrderStatus.Rejected, ct);
    }

    /// <summary>The manager approves: Soc-IT may complete the case.</summary>
    public async Task<ConsentResult> ApproveAsync(int consentId, CancellationToken ct = default)
    {
        var user = await currentUser.GetPrincipalAsync();
        return await changes.RunAsync(ManagerRules, async c =>
        {
            if (await ManagedConsentAsync(c.Db, user, consentId, ct) is not { } order)
            {
                return new ConsentResult.Refused(NotFoundMessage);
            }

            var consent = order.Consent!;
            var before = Snapshot(order);
            RequireOpen(order);
            consent.Approve(c.Actor, c.Now);
            var message = $"{order.CaseNumber}: {c.Actor.Name} godkände den tillfälliga behörigheten till {consent.UnitName}.";
            c.Audit("Consent.Approved", "Order", order.CaseNumber, message, before, Snapshot(order));
            return new ConsentResult.Done($"Du har godkänt behörigheten till {consent.UnitName} ({order.CaseNumber}). Soc-IT kan nu ge den.");
        }, ct);
    }

    /// <summary>The manager rejects, with a reason: the case is rejected and the orderer told why.</summary>
    public async Task<ConsentResult> RejectAsync(int consentId, string reason, CancellationToken ct = default)
    {
        var user = await currentUser.GetPrincipalAsync();
        return await changes.RunAsync(ManagerRules, async c =>
        {
            if (await ManagedConsentAsync(c.Db, user, consentId, ct) is not { } order)
            {
                return new ConsentResult.Refused(NotFoundMessage);
            }

            var consent = order.Consent!;
            var before = Snapshot(order);
            consent.Reject(c.Actor, c.Now, reason);
            var cancelled = await RejectCaseAsync(c, order, ct);
            var message = $"{order.CaseNumber}: {c.Actor.Name} godkände inte den tillfälliga behörigheten till {consent.UnitName}. "
                + $"Ärendet avvisades.{cancelled}";
            c.Audit("Consent.Rejected", "Order", order.CaseNumber, message, before, Snapshot(order));
            return new ConsentResult.Done($"Du har avslagit behörigheten till {consent.UnitName}. Ärendet {order.CaseNumber} är avvisat och beställaren får skälet.");
        }, ct);
    }

    /// <summary>The consent of a case's receiving unit for the case page; null when the case asks for none.</summary>
    public async Task<CaseConsentView?> ForCaseAsync(int orderId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order?.Consent is not { } consent)
        {
            return null;
        }

        var managers = await db.Units.AsNoTracking().Where(u => u.Id == consent.UnitId).SelectMany(u => u.Managers).Select(m => m.Name).ToListAsync(ct);
        return new CaseConsentView(
            consent.UnitName, managers, consent.Status, consent.RequestedAt, consent.RemindedAt, consent.EscalatedAt, consent.DecidedAt,
            consent.DecidedByName, consent.ByPhone, consent.Text, CaseStatusRules.IsOpen(order.Status));
    }

    /// <summary>
    /// Soc-IT records the answer the receiving unit's manager gave by phone, with a note (who said it, when). "Inte
    /// godkänt" rejects the case as the manager's own rejection does.
    /// </summary>
    public Task<ConsentResult> RecordByPhoneAsync(int orderId, bool approved, string note, CancellationToken ct = default) =>
        changes.RunAsync(OperatorRules, async c =>
        {
            var order = await c.Db.Orders.Include(o => o.Employee).SingleOrDefaultAsync(o => o.Id == orderId, ct);
            if (order?.Consent is not { } consent)
            {
                return new ConsentResult.Refused("Ärendet finns inte eller behöver inget godkännande.");
            }

            var before = Snapshot(order);
            if (approved)
            {
                RequireOpen(order);
            }

            consent.RecordByPhone(approved, c.Actor, c.Now, note);
            var cancelled = approved ? string.Empty : await RejectCaseAsync(c, order, ct);
            var message = approved
                ? $"{order.CaseNumber}: {c.Actor.Name} registrerade att chefen för {consent.UnitName} godkände behörigheten per telefon."
                : $"{order.CaseNumber}: {c.Actor.Name} registrerade att chefen för {consent.UnitName} inte godkände behörigheten per telefon. Ärendet avvisades.{cancelled}";
            c.Audit("Consent.RecordedByPhone", "Order", order.CaseNumber, message, before, Snapshot(order));
            return new ConsentResult.Done(approved
                ? $"Godkännandet från {consent.UnitName} är registrerat. Ärendet kan slutföras."
                : $"Beskedet är registrerat och ärendet {order.CaseNumber} är avvisat. Beställaren får skälet.");
        }, ct);

    /// <summary>
    /// The case's rejection for a consent that was not given: the status with the reason, the same side effects as
    /// an operator's rejection (a key purchase is cancelled), and the e-mail to the orderer, in the consent's save.
    /// Returns a sentence for the audit entry ("" when there was nothing more).
    /// </summary>
    private async Task<string> RejectCaseAsync(ChangeContext c, Order order, CancellationToken ct)
    {
        var consent = order.Consent!;
        order.MoveTo(OrderStatus.Rejected, c.Actor, c.Now, RejectionReason(consent));
        var cancelled = await KeyCaseSteps.ApplyOnRejectionAsync(c.Db, order, c.Actor, c.Now, ct);
        await notices.OnRejectedAsync(c.Db, order, ct);
        return cancelled is null ? string.Empty : " " + cancelled;
    }

    /// <summary>"Chefen för Tallgården godkände inte behörigheten: Vi har ingen plats för praktik just nu." — the case's reason, which the orderer gets.</summary>
    public static string RejectionReason(UnitConsent consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return $"Chefen för {consent.UnitName} godkände inte behörigheten: {consent.Text}";
    }

    private static void RequireOpen(Order order)
    {
        if (!CaseStatusRules.IsOpen(order.Status))
        {
            throw new DomainException($"Ärendet {order.CaseNumber} {OrderTexts.StatusPredicate(order.Status, already: true)}; beskedet behövs inte längre.");
        }
    }

    /// <summary>The orders whose receiving unit the user manages.</summary>
    private static IQueryable<Order> Managed(SocItDbContext db, ClaimsPrincipal user)
    {
        var units = db.UnitsManagedBy(user).Select(u => u.Id);
        return db.Orders.AsNoTracking().Where(o => o.Consent != null && units.Contains(o.Consent.UnitId));
    }

    /// <summary>The order of consent <paramref name="consentId"/>, tracked, when its unit is one the user manages; otherwise null.</summary>
    private static async Task<Order?> ManagedConsentAsync(SocItDbContext db, ClaimsPrincipal user, int consentId, CancellationToken ct)
    {
        // Read apart: the unit query is AsNoTracking, which inside this one would leave the order untracked and unsaved.
        var units = await db.UnitsManagedBy(user).Select(u => u.Id).ToListAsync(ct);
        return await db.Orders.Include(o => o.Employee)
            .SingleOrDefaultAsync(o => o.Consent != null && o.Consent.Id == consentId && units.Contains(o.Consent.UnitId), ct);
    }

    private static ApprovalRow ToRow(Order o)
    {
        var consent = o.Consent!;
        return new ApprovalRow(
            consent.Id, o.Id, o.CaseNumber, PersonName.Shown(o.EmployeeName, o.Employee?.IsProtected ?? false), o.UnitName, consent.UnitName,
            o.StartDate, o.EndDate, o.Orderer.Name, [.. o.Systems.Select(s => $"{s.SystemName}: {s.LevelName}")], consent.RequestedAt,
            consent.Status, consent.DecidedAt, consent.DecidedByName, consent.ByPhone, consent.Text);
    }

    private static object Snapshot(Order order) => new
    {
        Consent = order.Consent is { } c
            ? new { Unit = c.UnitName, Status = c.Status.ToString(), c.DecidedByName, c.ByPhone, c.Text }
            : null,
        Case = new { Status = order.Status.ToString(), order.RejectionReason },
    };
}
