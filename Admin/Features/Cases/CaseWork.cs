using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Cases;

/// <summary>
/// An operator's work on a case: take it, tick its checklist, comment, move it along, complete it into grants.
/// Every change names the version it was based on; a case changed meanwhile by someone else is refused, never
/// overwritten. Every change is one audit entry.
/// </summary>
public sealed class CaseWork(
    IDbContextFactory<SocItDbContext> factory,
    CurrentUser currentUser,
    AuditTrail audit,
    TimeProvider clock)
{
    private const string ConflictMessage =
        "Ärendet har ändrats av någon annan sedan du öppnade det. Inget sparades; ladda om ärendet och försök igen.";

    public async Task<CaseDetails?> GetAsync(int orderId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Employee).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        return order is null ? null : ToDetails(order);
    }

    public Task<CaseResult> TakeAsync(int orderId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(orderId, expectedVersion, "Case.Taken", async (db, order, actor, now) =>
        {
            var grants = await db.Grants.AsNoTracking().Where(g => g.EmployeeId == order.EmployeeId).ToListAsync(ct);
            var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == order.UnitId, ct);
            order.Take(actor, now, CaseChecklist.For(order, grants, unit?.MobileRepresentative));
            return $"{actor.Name} tog ärendet {order.CaseNumber}.";
        }, ct);

    public Task<CaseResult> MarkItemAsync(
        int orderId, int expectedVersion, int itemId, ChecklistState state, string? note, CancellationToken ct = default) =>
        ChangeAsync(orderId, expectedVersion, "Case.ChecklistMarked", (_, order, actor, now) =>
        {
            order.MarkItem(itemId, state, actor, now, note);
            var item = order.Checklist.Single(i => i.Id == itemId);
            return Task.FromResult($"{order.CaseNumber}: \"{item.Label}\" är {StateText(state)}.");
        }, ct);

    public Task<CaseResult> CommentAsync(int orderId, int expectedVersion, string text, CancellationToken ct = default) =>
        ChangeAsync(orderId, expectedVersion, "Case.Commented", (_, order, actor, now) =>
        {
            order.AddComment(actor, now, text);
            return Task.FromResult($"{actor.Name} kommenterade {order.CaseNumber}.");
        }, ct);

    /// <summary>Moves the case; completing it writes the employee's grants in the same transaction.</summary>
    public Task<CaseResult> MoveAsync(
        int orderId, int expectedVersion, OrderStatus to, string? reason, CancellationToken ct = default) =>
        ChangeAsync(orderId, expectedVersion, to == OrderStatus.Completed ? "Case.Completed" : "Case.StatusChanged", async (db, order, actor, now) =>
        {
            order.MoveTo(to, actor, now, reason);
            if (to == OrderStatus.Rejected)
            {
                var cancelled = await KeyCaseSteps.ApplyOnRejectionAsync(db, order, actor, now, ct);
                return $"{order.CaseNumber} är nu {OrderTexts.StatusName(to).ToLowerInvariant()}.{(cancelled is null ? string.Empty : " " + cancelled)}";
            }

            if (to != OrderStatus.Completed)
            {
                return $"{order.CaseNumber} är nu {OrderTexts.StatusName(to).ToLowerInvariant()}.";
            }

            var grants = await db.Grants.Where(g => g.EmployeeId == order.EmployeeId).ToListAsync(ct);
            var changes = GrantRules.Materialize(order, grants);
            db.Grants.AddRange(changes.Added);
            var keys = await KeyCaseSteps.ApplyOnCompletionAsync(db, order, actor, now, AdminTimeZone.Today(clock), ct);
            return $"{order.CaseNumber} är klart: {changes.Added.Count} behörigheter tillagda, {changes.Ended.Count} avslutade.{(keys is null ? string.Empty : " " + keys)}";
        }, ct);

    private async Task<CaseResult> ChangeAsync(
        int orderId,
        int expectedVersion,
        string action,
        Func<SocItDbContext, Order, Actor, DateTimeOffset, Task<string>> change,
        CancellationToken ct)
    {
        var actor = await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsSplitQuery().Include(o => o.Employee).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return new CaseResult.Refused("Ärendet finns inte.");
        }

        if (order.Version != expectedVersion)
        {
            return new CaseResult.Conflict(ConflictMessage);
        }

        var before = Snapshot(order);
        string message;
        try
        {
            message = await change(db, order, actor, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return new CaseResult.Refused(e.Message);
        }

        audit.Record(db, actor, action, "Order", order.CaseNumber, message, before, Snapshot(order));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CaseResult.Conflict(ConflictMessage);
        }
        catch (DbUpdateException e) when (KeyChanges.IsUniqueViolation(e))
        {
            // Another case registered the same new key number at the same moment.
            return new CaseResult.Conflict(ConflictMessage);
        }

        return new CaseResult.Done(order.Version, message);
    }

    private static object Snapshot(Order order) => new
    {
        Status = order.Status.ToString(),
        order.AssignedToName,
        order.RejectionReason,
        Checklist = order.Checklist.Select(i => new { i.Label, State = i.State.ToString(), i.Note }),
        Comments = order.Comments.Count,
    };

    private static string StateText(ChecklistState state) => state switch
    {
        ChecklistState.Done => "klar",
        ChecklistState.NotApplicable => "ej aktuell",
        _ => "att göra",
    };

    internal static CaseDetails ToDetails(Order order) =>
        new(
            order.Id,
            order.CaseNumber,
            order.Type,
            order.Status,
            order.Channel,
            order.Version,
            order.ReceivedAt,
            order.EmployeeId,
            order.EmployeeName,
            order.Employee?.Personnummer.Masked ?? string.Empty,
            order.TitleName,
            order.UnitName,
            order.TargetUnitName,
            order.StartDate,
            order.EndDate,
            order.KeyKind,
            order.KeyNumber,
            order.Orderer.Name,
            order.Orderer.Email.Value,
            order.Manager.Name,
            order.Manager.Email.Value,
            order.Note,
            order.AssignedToName,
            order.RejectionReason,
            [.. order.Systems.Select(s => new OrderSystemLine(s.SystemName, s.LevelName))],
            [.. order.Checklist.Select(i => new ChecklistRow(i.Id, i.Kind, i.Label, i.State, i.MarkedByName, i.MarkedAt, i.Note))],
            [.. order.Comments.OrderBy(c => c.At).Select(c => new CommentRow(c.ByName, c.At, c.Text))]);
}
