using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Keys;

/// <summary>
/// What completing or rejecting a case does to the key register, inside the case's own transaction: a refusal here
/// (the key is someone else's, the bought key has not arrived) refuses the completion, with the reason in Swedish.
/// </summary>
internal static class KeyCaseSteps
{
    /// <summary>
    /// A new or temporary access order: the personal key is handed out (registered first if it is new to the register),
    /// the bought key must have arrived, the pool membership is added. An end order: personal keys are to be returned
    /// and pool memberships end on the last working day — those of the units the person leaves, all of them and the
    /// personal code (revoked) when the last employment ends (<see cref="SocItConsole.Shared.People.EmploymentEnd"/>).
    /// A Swedlock step marked "Ej aktuell" does none of the giving: no key is handed out, a purchase not yet received is cancelled, no pool membership is added. Returns a sentence
    /// for the case's message, or null. A change of title or unit that moves out of a unit with digital keys also
    /// returns what belonged to that unit (<see cref="LeaveUnitAsync"/>); one that moves into one gives as a new order does.
    /// </summary>
    public static async Task<string?> ApplyOnCompletionAsync(
        SocItDbContext db, Order order, Actor actor, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        if (order.Type == OrderType.Terminate)
        {
            return await EndAsync(db, order, actor, now, today, ct);
        }

        if (order.Type == OrderType.Change)
        {
            var left = await LeaveUnitAsync(db, order, actor, now, ct);
            var given = await GiveAsync(db, order, actor, now, today, ct);
            return left is null ? given : given is null ? left : $"{left} {given}";
        }

        return await GiveAsync(db, order, actor, now, today, ct);
    }

    private static async Task<string?> GiveAsync(
        SocItDbContext db, Order order, Actor actor, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        if (order.KeyKind != KeyChoiceKind.None && CaseChecklist.IsKeyStepNotApplicable(order))
        {
            return await SkipAsync(db, order, actor, now, ct);
        }

        var unitId = order.TargetUnitId ?? order.UnitId;
        var unitName = order.TargetUnitName ?? order.UnitName;
        switch (order.KeyKind)
        {
            case KeyChoiceKind.PersonalKey:
                return await HandOutAsync(db, order, unitId, unitName, actor, now, ct);
            case KeyChoiceKind.BuyNewKey:
                var purchase = await db.KeyPurchases.AsNoTracking().SingleOrDefaultAsync(p => p.OrderId == order.Id, ct);
                return purchase?.Status switch
                {
                    KeyPurchaseStatus.Received => $"Den köpta nyckeln {purchase.KeyNumber} är utlämnad.",
                    KeyPurchaseStatus.Cancelled => throw new DomainException(
                        "Nyckelinköpet för ärendet är avbrutet. Välj en annan nyckel och notera det i ärendet innan det avslutas."),
                    _ => throw new DomainException(
                        "Den köpta nyckeln har inte kommit. Ta emot den under Nycklar → Inköp innan ärendet avslutas."),
                };
            case KeyChoiceKind.Pool:
                return await JoinPoolAsync(db, order, unitId, unitName, today, ct);
            default:
                return null;
        }
    }

    /// <summary>
    /// After <see cref="ApplyOnCompletionAsync"/> (before the save): the key number the person was given (the order's
    /// own, or the bought key's), or the pool they are a member of in the order's unit, for the orderer's e-mail.
    /// </summary>
    public static async Task<(string? KeyNumber, string? PoolName)> GivenKeyAsync(SocItDbContext db, Order order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        switch (order.KeyKind)
        {
            case KeyChoiceKind.PersonalKey:
                return (order.KeyNumber, null);
            case KeyChoiceKind.BuyNewKey:
                var purchase = await db.KeyPurchases.AsNoTracking().SingleOrDefaultAsync(p => p.OrderId == order.Id, ct);
                return (purchase?.KeyNumber, null);
            case KeyChoiceKind.Pool:
                var unitId = order.TargetUnitId ?? order.UnitId;
                // Tracked, so that a membership this completion just added (not yet saved) counts.
                var pools = await db.KeyPools.Include(p => p.Members).Where(p => p.UnitId == unitId).ToListAsync(ct);
                return (null, pools.FirstOrDefault(p => p.Members.Any(m => m.EmployeeId == order.EmployeeId))?.Name);
            default:
                return (null, null);
        }
    }

    /// <summary>
    /// Whether the person has a personal code the key step can rely on ("har redan personlig kod"): a kept one does,
    /// also after a rehire; a revoked one does not, and the step asks for a new code.
    /// </summary>
    public static Task<bool> HasPersonalCodeAsync(SocItDbContext db, int employeeId, CancellationToken ct) =>
        db.PersonalCodes.AnyAsync(p => p.EmployeeId == employeeId && p.RevokedAt == null, ct);

    /// <summary>
    /// The personal keys the employee holds (handed out, or already to be returned), for the return items of an end
    /// order's checklist (<see cref="CaseChecklist.KeyReturns"/>).
    /// </summary>
    public static async Task<IReadOnlyList<KeyToReturn>> KeysToReturnAsync(SocItDbContext db, int employeeId, CancellationToken ct) =>
        await (
                from k in db.Keys.AsNoTracking()
                join u in db.Units on k.UnitId equals u.Id
                where k.HolderEmployeeId == employeeId && k.Kind == KeyKind.Personal
                    && (k.Status == KeyStatus.Issued || k.Status == KeyStatus.ToBeReturned)
                select new KeyToReturn(k.Number, u.Id, u.Name))
            .ToListAsync(ct);

    /// <summary>
    /// What marking a key return item does to the register, in the case's own transaction. Ticking it "Klar" returns
    /// the key (a key change of its own in the audit trail), or refuses when the register disagrees; un-ticking it is
    /// refused unless the register shows the key in the person's hands again; "Ej aktuell" from the open state leaves
    /// the register alone. Returns a sentence for the case's message, or null.
    /// </summary>
    public static async Task<string?> ApplyOnItemMarkedAsync(
        ChangeContext c, Order order, ChecklistItem item, ChecklistState from, CancellationToken ct)
    {
        if (CaseChecklist.KeyNumberOf(item) is not { } number || from == item.State
            || (from != ChecklistState.Done && item.State != ChecklistState.Done))
        {
            return null;
        }

        var key = await c.Db.Keys.SingleOrDefaultAsync(k => k.Number == number, ct);
        if (from == ChecklistState.Done)
        {
            return KeyReturnRules.UndoRefusal(number, key, order.EmployeeId, order.EmployeeName) is { } undoRefused
                ? throw new DomainException(undoRefused)
                : null;
        }

        var held = await c.Db.Keys
            .Where(k => k.HolderEmployeeId == order.EmployeeId && (k.Status == KeyStatus.Issued || k.Status == KeyStatus.ToBeReturned))
            .Select(k => k.Number)
            .ToListAsync(ct);
        if (KeyReturnRules.ReturnRefusal(number, key, order.EmployeeId, order.EmployeeName, held) is { } refused)
        {
            throw new DomainException(refused);
        }

        var before = KeyRegister.Snapshot(key!);
        key!.Return(c.Actor, c.Now, $"Återlämnad enligt ärendet {order.CaseNumber}.");
        var message = $"Nyckeln {number} återlämnades i nyckelregistret.";
        c.AuditRelated("Key.Returned", "Key", number.Value, $"Nyckeln {number} återlämnades (ärendet {order.CaseNumber}).",
            before, KeyRegister.Snapshot(key));
        return message;
    }

    /// <summary>A rejected order buys nothing: a purchase that is still only ordered is cancelled.</summary>
    public static async Task<string?> ApplyOnRejectionAsync(
        SocItDbContext db, Order order, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var purchase = await db.KeyPurchases.SingleOrDefaultAsync(
            p => p.OrderId == order.Id && p.Status == KeyPurchaseStatus.Ordered, ct);
        if (purchase is null)
        {
            return null;
        }

        purchase.Cancel($"Ärendet {order.CaseNumber} avslogs.", actor, now);
        return "Nyckelinköpet avbröts.";
    }

    /// <summary>
    /// A change out of a unit with digital keys: the person's personal keys of that unit are to be returned and the
    /// memberships of its key pools end the day before the effective date — unless another employment of theirs in
    /// that unit goes on. The personal code belongs to the person and stays.
    /// </summary>
    private static async Task<string?> LeaveUnitAsync(SocItDbContext db, Order order, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var old = await db.Employments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == order.EmploymentId, ct);
        var effective = order.StartDate ?? throw new InvalidOperationException("A change has an effective date.");
        if (old is null || old.UnitId == order.UnitId
            || !await db.Units.AnyAsync(u => u.Id == old.UnitId && u.UsesDigitalKeys, ct)
            || await db.Employments.AnyAsync(
                e => e.EmployeeId == order.EmployeeId && e.UnitId == old.UnitId && e.Id != old.Id && e.EndedByOrderId == null
                    && (e.To == null || e.To >= effective), ct))
        {
            return null;
        }

        var lastDay = effective.AddDays(-1);
        var keys = await db.Keys
            .Where(k => k.HolderEmployeeId == order.EmployeeId && k.UnitId == old.UnitId && k.Status == KeyStatus.Issued)
            .ToListAsync(ct);
        foreach (var key in keys)
        {
            key.MarkToBeReturned(actor, now, lastDay);
        }

        var pools = await db.KeyPools.Include(p => p.Members)
            .Where(p => p.UnitId == old.UnitId && p.Members.Any(m => m.EmployeeId == order.EmployeeId && (m.To == null || m.To > lastDay)))
            .ToListAsync(ct);
        foreach (var pool in pools)
        {
            pool.EndEmployment(order.EmployeeId, lastDay);
        }

        return Returns(keys, pools, lastDay);
    }

    private static string? Returns(List<Key> keys, List<KeyPool> pools, DateOnly lastDay)
    {
        var parts = new List<string>();
        if (keys.Count > 0)
        {
            parts.Add($"{(keys.Count == 1 ? "Nyckeln" : "Nycklarna")} {string.Join(", ", keys.Select(k => k.Number.Value))} ska återlämnas.");
        }

        if (pools.Count > 0)
        {
            parts.Add($"Sista dag i {string.Join(", ", pools.Select(p => p.Name))} är {lastDay:yyyy-MM-dd}.");
        }

        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    private static async Task<string> SkipAsync(SocItDbContext db, Order order, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (order.KeyKind != KeyChoiceKind.BuyNewKey)
        {
            return order.KeyKind == KeyChoiceKind.Pool
                ? $"Swedlock ej aktuellt: {ShownName(order)} lades inte till i nyckelpoolen."
                : "Swedlock ej aktuellt: ingen nyckel lämnades ut.";
        }

        var purchase = await db.KeyPurchases.SingleOrDefaultAsync(p => p.OrderId == order.Id, ct);
        switch (purchase?.Status)
        {
            case KeyPurchaseStatus.Ordered:
                purchase.Cancel($"Swedlock markerades ej aktuellt i ärendet {order.CaseNumber}.", actor, now);
                return "Swedlock ej aktuellt: nyckelinköpet avbröts.";
            case KeyPurchaseStatus.Received:
                return $"Swedlock ej aktuellt, men den köpta nyckeln {purchase.KeyNumber} är redan utlämnad. Återta den under Nycklar om den inte ska användas.";
            default:
                return "Swedlock ej aktuellt: ingen nyckel köptes.";
        }
    }

    private static async Task<string> HandOutAsync(
        SocItDbContext db, Order order, int unitId, string unitName, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var number = KeyNumber.Parse(order.KeyNumber);
        var key = await db.Keys.SingleOrDefaultAsync(k => k.Number == number, ct);
        if (key is null)
        {
            key = Key.Register(number, unitId, KeyKind.Personal, null, actor, now);
            db.Keys.Add(key);
        }
        else if (key.UnitId != unitId)
        {
            var owner = await db.Units.Where(u => u.Id == key.UnitId).Select(u => u.Name).SingleAsync(ct);
            throw new DomainException($"Nyckeln {number} hör till {owner}, inte till {unitName}. Kontrollera nyckelnumret.");
        }
        else if (key.HolderEmployeeId == order.EmployeeId && key.Status == KeyStatus.Issued)
        {
            return $"Nyckeln {number} var redan utlämnad till {ShownName(order)}.";
        }

        key.AssignTo(order.EmployeeId, actor, now);
        return $"Nyckeln {number} lämnades ut till {ShownName(order)}.";
    }

    private static async Task<string> JoinPoolAsync(
        SocItDbContext db, Order order, int unitId, string unitName, DateOnly today, CancellationToken ct)
    {
        var pools = await db.KeyPools.Include(p => p.Members).Where(p => p.UnitId == unitId).ToListAsync(ct);
        var from = order.StartDate is { } start && start > today ? start : today;
        if (pools.FirstOrDefault(p => p.Members.Any(m => m.EmployeeId == order.EmployeeId && (m.To is null || m.To >= from))) is { } member)
        {
            return $"{ShownName(order)} är redan med i nyckelpoolen {member.Name}.";
        }

        var pool = pools switch
        {
            [] => throw new DomainException(
                $"{unitName} har ingen nyckelpool. Skapa den under Nycklar → Nyckelpooler innan ärendet avslutas."),
            [var only] => only,
            _ => throw new DomainException(
                $"{unitName} har flera nyckelpooler. Lägg till {ShownName(order)} i rätt pool under Nycklar innan ärendet avslutas."),
        };
        pool.AddMember(order.EmployeeId, from);
        if (order.EndDate is { } end)
        {
            pool.EndMembership(order.EmployeeId, end);
        }

        return $"{ShownName(order)} är med i nyckelpoolen {pool.Name} från {from:yyyy-MM-dd}.";
    }

    private static async Task<string?> EndAsync(
        SocItDbContext db, Order order, Actor actor, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var lastDay = order.EndDate ?? today;
        var ending = await CaseGrants.EndingAsync(db, order, ct);
        var keys = (await db.Keys
            .Where(k => k.HolderEmployeeId == order.EmployeeId && k.Status == KeyStatus.Issued)
            .ToListAsync(ct))
            .Where(k => ending.ReturnsKeysOf(k.UnitId))
            .ToList();
        foreach (var key in keys)
        {
            key.MarkToBeReturned(actor, now, lastDay);
        }

        var pools = (await db.KeyPools.Include(p => p.Members)
            .Where(p => p.Members.Any(m => m.EmployeeId == order.EmployeeId && (m.To == null || m.To > lastDay)))
            .ToListAsync(ct))
            .Where(p => ending.ReturnsKeysOf(p.UnitId))
            .ToList();
        foreach (var pool in pools)
        {
            pool.EndEmployment(order.EmployeeId, lastDay);
        }

        // The personal code belongs to the person, not to an employment: it goes only with the last one.
        var code = ending.IsLast && !CaseChecklist.IsCodeRevocationNotApplicable(order)
            ? await db.PersonalCodes.SingleOrDefaultAsync(c => c.EmployeeId == order.EmployeeId && c.RevokedAt == null, ct)
            : null;
        code?.Revoke(actor, now);

        var parts = new List<string>();
        if (keys.Count > 0)
        {
            parts.Add($"{(keys.Count == 1 ? "Nyckeln" : "Nycklarna")} {string.Join(", ", keys.Select(k => k.Number.Value))} ska återlämnas.");
        }

        if (pools.Count > 0)
        {
            parts.Add($"Sista dag i {string.Join(", ", pools.Select(p => p.Name))} är {lastDay:yyyy-MM-dd}.");
        }

        if (code is not null)
        {
            parts.Add("Den personliga koden är spärrad.");
        }

        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    /// <summary>The person as a step's message (a snackbar, the audit trail) may name them.</summary>
    private static string ShownName(Order order) => PersonName.Shown(order.EmployeeName, order.Employee?.IsProtected ?? false);
}
