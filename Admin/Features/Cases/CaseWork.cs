using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.CaseMail;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Cases;

/// <summary>
/// An operator's work on a case: take it, tick its checklist, comment, move it along, complete it into grants.
/// Every change names the version it was based on; a case changed meanwhile by someone else is refused, never
/// overwritten. Every change is one audit entry.
/// </summary>
public sealed class CaseWork(
    IDbContextFactory<SocItDbContext> factory,
    CurrentUser currentUser,
    AuditedChange changes,
    AuditTrail audit,
    CaseNotices notices,
    TimeProvider clock)
{
    private const string ConflictMessage =
        "Ärendet har ändrats av någon annan sedan du öppnade det. Inget sparades; ladda om ärendet och försök igen.";

    // A new key number another case registered at the same moment is a conflict too. Completing saves a new employment
    // before the grants that name it, so a refusal after that must undo it: one transaction.
    private static readonly ChangeRules<CaseResult> Rules = new(
        Policies.Operator, ConflictMessage, m => new CaseResult.Refused(m), m => new CaseResult.Conflict(m))
    {
        InTransaction = true,
    };

    public async Task<CaseDetails?> GetAsync(int orderId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Employee).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return null;
        }

        var messages = await db.CaseMessages.AsNoTracking().Where(m => m.OrderId == orderId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Kind, m.ToName, m.ToEmail, m.Status, m.CreatedAt, m.SentAt })
            .ToListAsync(ct);
        var details = ToDetails(order) with
        {
            Messages = [.. messages.Select(m => new CaseMessageRow(
                CaseMailNames.Of(m.Kind), m.ToName, m.ToEmail.Value, m.Status == ReminderStatus.Sent, m.CreatedAt, m.SentAt))],
        };
        if (order.Type != OrderType.Change
            || await db.Employments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == order.EmploymentId, ct) is not { } employment)
        {
            return details;
        }

        var keyUnits = await db.Units.AsNoTracking()
            .Where(u => (u.Id == employment.UnitId || u.Id == order.UnitId) && u.UsesDigitalKeys)
            .Select(u => u.Id)
            .ToListAsync(ct);
        var moves = employment.UnitId != order.UnitId;
        var label = new ChangeableEmployment(
            employment.Id, employment.TitleId, employment.TitleName, employment.UnitId, employment.UnitName, employment.From, employment.To).Label;
        return details with
        {
            Change = new CaseChange(
                label, employment.UnitName,
                new ChangeDifference(order.Changes, moves && keyUnits.Contains(employment.UnitId), moves && keyUnits.Contains(order.UnitId))),
        };
    }

    /// <summary>
    /// For an end of employment: which employment it ends and which remain (<see cref="SocItConsole.Shared.People.EmploymentEnd"/>); null for
    /// any other order.
    /// </summary>
    public async Task<EmploymentEndView?> EndingAsync(int orderId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId && o.Type == OrderType.Terminate, ct);
        return order is null ? null : EmploymentEndView.Of(await CaseGrants.EndingAsync(db, order, ct), order.EmploymentId is not null);
    }

    /// <summary>The operator takes the case; their e-mail address is kept so that the orderer's answer reaches them.</summary>
    public async Task<CaseResult> TakeAsync(int orderId, int expectedVersion, CancellationToken ct = default)
    {
        var email = (await currentUser.GetPrincipalAsync()).EmailAddress()?.Value;
        return await ChangeAsync(orderId, expectedVersion, "Case.Taken", async (db, order, actor, now) =>
        {
            var grants = await db.Grants.AsNoTracking().Where(g => g.EmployeeId == order.EmployeeId).ToListAsync(ct);
            var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == order.UnitId, ct);
            var hasPersonalCode = await KeyCaseSteps.HasPersonalCodeAsync(db, order.EmployeeId, ct);
            var ending = order.Type == OrderType.Terminate ? await CaseGrants.EndingAsync(db, order, ct) : null;
            var keysToReturn = order.Type == OrderType.Terminate && order.Checklist.Count == 0
                ? await KeyCaseSteps.KeysToReturnAsync(db, order.EmployeeId, ct)
                : [];
            order.Take(actor, now, CaseChecklist.For(order, grants, unit?.MobileRepresentative, hasPersonalCode, keysToReturn, ending), email);
            return $"{actor.Name} tog ärendet {order.CaseNumber}.";
        }, ct);
    }

    /// <summary>
    /// Marks one checklist item. A key return item ticked "Klar" returns the key in the register in the same
    /// transaction, or is refused with the register's disagreement (see <see cref="KeyCaseSteps.ApplyOnItemMarkedAsync"/>).
    /// </summary>
    public Task<CaseResult> MarkItemAsync(
        int orderId, int expectedVersion, int itemId, ChecklistState state, string? note, CancellationToken ct = default) =>
        ChangeAsync(orderId, expectedVersion, "Case.ChecklistMarked", async (c, order) =>
        {
            var from = order.Checklist.FirstOrDefault(i => i.Id == itemId)?.State;
            order.MarkItem(itemId, state, c.Actor, c.Now, note);
            var item = order.Checklist.Single(i => i.Id == itemId);
            var key = await KeyCaseSteps.ApplyOnItemMarkedAsync(c, order, item, from!.Value, ct);
            return $"{order.CaseNumber}: \"{item.Label}\" är {StateText(state)}.{(key is null ? string.Empty : " " + key)}";
        }, ct);

    /// <summary>
    /// Confirms the orderer of a case marked <em>Kontrollera beställare</em> (the operator has made sure, with the unit's
    /// manager, that the person may order): the case may then be completed.
    /// </summary>
    public Task<CaseResult> ConfirmOrdererAsync(int orderId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(orderId, expectedVersion, "Case.OrdererConfirmed", (_, order, actor, now) =>
        {
            order.ConfirmOrderer(actor, now);
            return Task.FromResult($"{actor.Name} bekräftade att {order.Orderer.Name} får beställa för {order.UnitName} ({order.CaseNumber}).");
        }, ct);

    public Task<CaseResult> CommentAsync(int orderId, int expectedVersion, string text, CancellationToken ct = default) =>
        ChangeAsync(orderId, expectedVersion, "Case.Commented", (_, order, actor, now) =>
        {
            order.AddComment(actor, now, text);
            return Task.FromResult($"{actor.Name} kommenterade {order.CaseNumber}.");
        }, ct);

    /// <summary>
    /// Moves the case; completing it writes the employee's grants in the same transaction, as the checklist says (a
    /// system marked "Ej aktuell" is neither given nor ended), and says how many were really added or ended. It also
    /// applies a different name on the order to the person, audited on its own (never from an end order). Asking the
    /// orderer (<paramref name="reason"/> is the question), completing and rejecting each record the orderer's e-mail
    /// in the same save (<see cref="CaseNotices"/>).
    /// </summary>
    public Task<CaseResult> MoveAsync(
        int orderId, int expectedVersion, OrderStatus to, string? reason, CancellationToken ct = default)
    {
        // A change of title or unit moves grants to the new employment: the completion's entry says which, before and after.
        var moved = new List<GrantMove>();
        return ChangeAsync(orderId, expectedVersion, to == OrderStatus.Completed ? "Case.Completed" : "Case.StatusChanged", async (db, order, actor, now) =>
        {
            moved.Clear();
            order.MoveTo(to, actor, now, reason);
            if (to == OrderStatus.Rejected)
            {
                var cancelled = await KeyCaseSteps.ApplyOnRejectionAsync(db, order, actor, now, ct);
                await notices.OnRejectedAsync(db, order, ct);
                return $"{OrderTexts.MovedTo(order.CaseNumber, to)}{(cancelled is null ? string.Empty : " " + cancelled)}";
            }

            if (to == OrderStatus.WaitingForOrderer)
            {
                await notices.OnQuestionAsync(db, order, ct);
            }

            if (to != OrderStatus.Completed)
            {
                return OrderTexts.MovedTo(order.CaseNumber, to);
            }

            var changes = await CaseGrants.ApplyAsync(db, order, ct);
            moved.AddRange(changes.Moved ?? []);
            var keys = await KeyCaseSteps.ApplyOnCompletionAsync(db, order, actor, now, AdminTimeZone.Today(clock), ct);
            var renamed = ApplyNameOnCompletion(db, order, actor);
            var (keyNumber, poolName) = await KeyCaseSteps.GivenKeyAsync(db, order, ct);
            await notices.OnCompletedAsync(
                db, order, CaseCompletionText.GrantLines(order.Type, changes.Added, changes.Ended),
                CaseCompletionText.Notes(order, keyNumber, poolName), ct);
            return $"{CompletionMessage(order, changes)}{(keys is null ? string.Empty : " " + keys)}{(renamed is null ? string.Empty : " " + renamed)}";
        }, ct, moved);
    }

    /// <summary>
    /// Completing an order that spells the person's name differently applies that name (never an end order's, see
    /// <see cref="NameChange"/>), audited as its own event with the name before and after, saved with the completion.
    /// Returns a sentence for the case's message, or null.
    /// </summary>
    private string? ApplyNameOnCompletion(SocItDbContext db, Order order, Actor actor)
    {
        var employee = order.Employee ?? throw new InvalidOperationException("The case's employee is not loaded.");
        if (NameChange.OnCompletion(order.Type, employee.FullName, order.EmployeeName) is not { } change)
        {
            return null;
        }

        employee.Rename(change.Ordered);
        var sentence = $"Namnet ändrades från {change.Registered} till {change.Ordered}.";
        audit.Record(
            db,
            actor,
            "Employee.Renamed",
            "Employee",
            employee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{order.CaseNumber}: {sentence}",
            new { Name = change.Registered },
            new { Name = change.Ordered });
        return sentence;
    }

    private Task<CaseResult> ChangeAsync(
        int orderId,
        int expectedVersion,
        string action,
        Func<SocItDbContext, Order, Actor, DateTimeOffset, Task<string>> change,
        CancellationToken ct,
        IReadOnlyList<GrantMove>? moved = null) =>
        ChangeAsync(orderId, expectedVersion, action, (c, order) => change(c.Db, order, c.Actor, c.Now), ct, moved);

    private Task<CaseResult> ChangeAsync(
        int orderId,
        int expectedVersion,
        string action,
        Func<ChangeContext, Order, Task<string>> change,
        CancellationToken ct,
        IReadOnlyList<GrantMove>? moved = null) =>
        changes.RunAsync(Rules, async c =>
        {
            var order = await c.Db.Orders.AsSplitQuery().Include(o => o.Employee).SingleOrDefaultAsync(o => o.Id == orderId, ct);
            if (order is null)
            {
                return new CaseResult.Refused("Ärendet finns inte.");
            }

            if (order.Version != expectedVersion)
            {
                return new CaseResult.Conflict(ConflictMessage);
            }

            var before = Snapshot(order);
            var message = await change(c, order);
            if (moved is { Count: > 0 })
            {
                c.Audit(
                    action, "Order", order.CaseNumber, message,
                    new { Case = before, Grants = moved.Select(m => new { m.GrantId, m.SystemName, m.LevelName, Employment = m.FromEmploymentId, Unit = m.FromUnitName }) },
                    new { Case = Snapshot(order), Grants = moved.Select(m => new { m.GrantId, m.SystemName, m.LevelName, Employment = m.ToEmploymentId, Unit = m.ToUnitName }) });
            }
            else
            {
                c.Audit(action, "Order", order.CaseNumber, message, before, Snapshot(order));
            }

            return new CaseResult.Done(order.Version, message);
        }, ct);

    private static object Snapshot(Order order) => new
    {
        Status = order.Status.ToString(),
        order.AssignedToName,
        order.RejectionReason,
        Checklist = order.Checklist.Select(i => new { i.Label, State = i.State.ToString(), i.Note }),
        Comments = order.Comments.Count,
        OrdererCheck = order.OrdererCheck.ToString(),
    };

    private static string StateText(ChecklistState state) => state switch
    {
        ChecklistState.Done => "klar",
        ChecklistState.NotApplicable => "ej aktuell",
        _ => "återställd till att göra",
    };

    /// <summary>
    /// "SOC-2026-00042 är klart: 6 behörigheter tillagda, 1 system ej aktuellt." — what completing really changed;
    /// an end order counts the grants it ended and those it left running.
    /// </summary>
    internal static string CompletionMessage(Order order, GrantChanges changes)
    {
        var notApplicable = changes.NotApplicable.Count;
        if (order.Type == OrderType.Change)
        {
            var parts = new List<string>
            {
                SwedishCount.Of(changes.Added.Count, "behörighet tillagd", "behörigheter tillagda"),
                SwedishCount.Of(changes.Ended.Count, "avslutad", "avslutade"),
                SwedishCount.Of(changes.Moved?.Count ?? 0, "flyttad till den nya anställningen", "flyttade till den nya anställningen"),
            };
            if (notApplicable > 0)
            {
                parts.Add(SwedishCount.Of(notApplicable, "system ej aktuellt", "system ej aktuella"));
            }

            return $"{order.CaseNumber} är klart: {string.Join(", ", parts)}.";
        }

        var counts = OrderDays.IsEnd(order.Type)
            ? SwedishCount.Of(changes.Ended.Count, "behörighet avslutad", "behörigheter avslutade")
                + (notApplicable == 0 ? string.Empty
                    : ", " + SwedishCount.Of(notApplicable, "behörighet avslutas inte (ej aktuell)", "behörigheter avslutas inte (ej aktuella)"))
            : SwedishCount.Of(changes.Added.Count, "behörighet tillagd", "behörigheter tillagda")
                + (notApplicable == 0 ? string.Empty
                    : ", " + SwedishCount.Of(notApplicable, "system ej aktuellt", "system ej aktuella"));
        return $"{order.CaseNumber} är klart: {counts}.";
    }

    internal static CaseDetails ToDetails(Order order) =>
        new(
            order.Id,
            order.CaseNumber,
            order.Type,
            order.Status,
            order.Channel,
            order.PlacedByName,
            order.Version,
            order.ReceivedAt,
            order.EmployeeId,
            PersonName.Shown(order.EmployeeName, order.Employee?.IsProtected ?? false),
            order.Employee?.IsProtected ?? false,
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
            [.. CaseChecklist.NotApplicableSystems(order).Select(i =>
                new NotApplicableRow(CaseChecklist.Subject(i), i.Note ?? string.Empty, i.MarkedByName, i.MarkedAt))],
            [.. order.Comments.OrderBy(c => c.At).Select(c => new CommentRow(c.ByName, c.At, c.Text))])
        {
            // A protected person's names are not compared in the open: the page says only that they differ.
            RegisteredName = order.Employee is { IsProtected: true } ? null : order.Employee?.FullName,
            HiddenNameDiffers = order.Employee is { IsProtected: true } employee
                && NameChange.Between(employee.FullName, order.EmployeeName) is not null,
            OrdererToCheck = order.OrdererCheck == OrdererCheck.Pending,
            OrdererConfirmedByName = order.OrdererConfirmedByName,
            OrdererConfirmedAt = order.OrdererConfirmedAt,
            CompletionBlock = CaseStatusRules.IsOpen(order.Status) ? order.CompletionBlock() : null,
            Question = order is { Question: { } question, QuestionAskedAt: { } askedAt }
                ? new CaseQuestion(question, order.QuestionAskedByName ?? string.Empty, askedAt, order.Answer, order.AnsweredByName, order.AnsweredAt)
                : null,
        };
}
