using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Keys;

/// <summary>
/// Keys bought for a unit: started by an order that says "köp ny nyckel" or by an operator for stock, received when
/// the key arrives (registered against the purchase and handed to the person it was for), and reported per unit and
/// period for the invoice.
/// </summary>
public sealed class KeyPurchases(
    KeyChanges changes,
    IDbContextFactory<SocItDbContext> factory,
    CurrentUser currentUser)
{
    public const decimal DefaultPrice = 450m;

    public Task<KeyResult> StartAsync(int unitId, int? employeeId, string? note, CancellationToken ct = default) =>
        changes.RunAsync(async c =>
        {
            var unit = await c.Db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct)
                ?? throw new DomainException("Välj den verksamhet som betalar nyckeln.");
            if (employeeId is not null && !await c.Db.Employees.AnyAsync(e => e.Id == employeeId, ct))
            {
                throw new DomainException("Medarbetaren finns inte.");
            }

            var purchase = KeyPurchase.Start(unit.Id, unit.Name, unit.CostCentre, employeeId, null, null, note, c.Actor, c.Now);
            c.Db.KeyPurchases.Add(purchase);
            return new KeyAudit("KeyPurchase.Started", "Unit", PoolRegister.Id(unit.Id),
                $"En ny nyckel beställdes för {unit.Name} (kostnadsställe {unit.CostCentre}).", null,
                new { Unit = unit.Name, unit.CostCentre, Employee = employeeId });
        }, ct);

    /// <summary>
    /// The key has arrived: it is registered in the purchase's unit as a personal key and, when the purchase was for a
    /// person, handed to them.
    /// </summary>
    public Task<KeyResult> ReceiveAsync(
        int purchaseId, int expectedVersion, string? keyNumber, decimal? price, CancellationToken ct = default) =>
        changes.RunAsync(async c =>
        {
            var purchase = await c.Db.KeyPurchases.SingleOrDefaultAsync(p => p.Id == purchaseId, ct)
                ?? throw new DomainException("Inköpet finns inte.");
            if (purchase.Version != expectedVersion)
            {
                throw new StaleChangeException();
            }

            if (purchase.Status != KeyPurchaseStatus.Ordered)
            {
                throw new DomainException($"Inköpet är redan {KeyTexts.PurchaseState(purchase.Status)}.");
            }

            if (price is null)
            {
                throw new DomainException("Ange vad nyckeln kostade.");
            }

            var number = (await KeyRegister.ParseNewNumbersAsync(c.Db, keyNumber, ct)) switch
            {
                [var one] => one,
                _ => throw new DomainException("Ange ett nyckelnummer: ett inköp är en nyckel."),
            };
            var key = Key.Register(number, purchase.UnitId, KeyKind.Personal, null, c.Actor, c.Now);
            c.Db.Keys.Add(key);
            await c.Db.SaveChangesAsync(ct);
            purchase.Receive(key, price.Value, c.Actor, c.Now);
            var handedTo = string.Empty;
            if (purchase.EmployeeId is { } employeeId)
            {
                key.AssignTo(employeeId, c.Actor, c.Now);
                var name = await c.Db.Employees.Where(e => e.Id == employeeId).Select(e => PersonName.Shown(e.FullName, e.IsProtected)).SingleAsync(ct);
                handedTo = $" och lämnades ut till {name}";
            }

            return new KeyAudit("KeyPurchase.Received", "Key", number.Value,
                $"Nyckeln {number} togs emot för {purchase.UnitName}{handedTo}; {price.Value.ToString("0.00", AdminLocalization.Swedish)} kr faktureras kostnadsställe {purchase.CostCentre}.",
                null, new { Purchase = purchase.Id, Key = number.Value, Price = price, Employee = purchase.EmployeeId, purchase.CaseNumber });
        }, ct, staleMessage: "Inköpet har ändrats av någon annan sedan du öppnade det. Ladda om och försök igen.");

    public Task<KeyResult> CancelAsync(int purchaseId, int expectedVersion, string? reason, CancellationToken ct = default) =>
        changes.RunAsync(async c =>
        {
            var purchase = await c.Db.KeyPurchases.SingleOrDefaultAsync(p => p.Id == purchaseId, ct)
                ?? throw new DomainException("Inköpet finns inte.");
            if (purchase.Version != expectedVersion)
            {
                throw new StaleChangeException();
            }

            purchase.Cancel(reason, c.Actor, c.Now);
            return new KeyAudit("KeyPurchase.Cancelled", "Unit", PoolRegister.Id(purchase.UnitId),
                $"Nyckelinköpet för {purchase.UnitName}{(purchase.CaseNumber is null ? string.Empty : $" ({purchase.CaseNumber})")} avbröts: {purchase.CancelReason}",
                null, new { Purchase = purchase.Id, Reason = purchase.CancelReason });
        }, ct, staleMessage: "Inköpet har ändrats av någon annan sedan du öppnade det. Ladda om och försök igen.");

    public async Task<PagedResult<PurchaseRow>> SearchAsync(
        PurchaseQuery query, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var purchases = db.KeyPurchases.AsNoTracking();
        if (query.UnitId is { } unitId)
        {
            purchases = purchases.Where(p => p.UnitId == unitId);
        }

        if (query.Status is { } status)
        {
            purchases = purchases.Where(p => p.Status == status);
        }

        var total = await purchases.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, KeyQueries.MaxPageSize);
        var rows = await purchases
            .OrderBy(p => p.Status == KeyPurchaseStatus.Ordered ? 0 : 1).ThenByDescending(p => p.OrderedAt)
            .Skip(Math.Max(page, 0) * size).Take(size)
            .Select(p => new PurchaseRow(
                p.Id, p.UnitId, p.UnitName, p.CostCentre, p.CaseNumber, p.OrderId, p.EmployeeId,
                db.Employees.Where(e => e.Id == p.EmployeeId).Select(e => PersonName.Shown(e.FullName, e.IsProtected)).FirstOrDefault(),
                p.OrderedAt, p.OrderedByName, p.Status, p.KeyNumber, p.Price, p.ReceivedAt, p.CancelReason ?? p.Note, p.Version))
            .ToListAsync(ct);
        return new PagedResult<PurchaseRow>(rows, total);
    }

    /// <summary>The received keys a unit (or every unit) is billed for from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<KeyPurchaseLine>> ReportAsync(
        int? unitId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        if (to < from)
        {
            throw new DomainException("Periodens slut kan inte vara före dess början.");
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var start = AdminTimeZone.StartOfDay(from);
        var end = AdminTimeZone.StartOfDay(to.AddDays(1));
        var purchases = db.KeyPurchases.AsNoTracking()
            .Where(p => p.Status == KeyPurchaseStatus.Received && p.ReceivedAt >= start && p.ReceivedAt < end);
        if (unitId is { } id)
        {
            purchases = purchases.Where(p => p.UnitId == id);
        }

        var rows = await purchases
            .Select(p => new
            {
                p.ReceivedAt,
                p.UnitName,
                p.CostCentre,
                p.KeyNumber,
                p.CaseNumber,
                Employee = db.Employees.Where(e => e.Id == p.EmployeeId).Select(e => PersonName.Shown(e.FullName, e.IsProtected)).FirstOrDefault(),
                p.Price,
            })
            .ToListAsync(ct);
        var lines = rows.Select(r => new KeyPurchaseLine(
            AdminTimeZone.DateOf(r.ReceivedAt!.Value),
            r.UnitName, r.CostCentre, r.KeyNumber ?? string.Empty, r.CaseNumber, r.Employee, r.Price ?? 0m));
        return KeyPurchaseReport.For(lines, from, to);
    }

    public async Task<KeyFile> ExportAsync(int? unitId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var lines = await ReportAsync(unitId, from, to, ct);
        var scope = unitId is null ? "alla" : PoolRegister.Id(unitId.Value);
        return new KeyFile(
            string.Create(CultureInfo.InvariantCulture, $"nyckelinkop-{scope}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv"),
            KeyPurchaseReport.Export(lines));
    }

    /// <summary>
    /// The purchase an order that says "köp ny nyckel" starts, in the order's own transaction, so that an accepted
    /// order never lacks it.
    /// </summary>
    internal static async Task StartForOrderAsync(
        SocItDbContext db, Order order, int unitId, Actor by, DateTimeOffset at, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Id, u.Name, u.CostCentre }).SingleAsync(ct);
        db.KeyPurchases.Add(KeyPurchase.Start(
            unit.Id, unit.Name, unit.CostCentre, order.EmployeeId, order.Id, order.CaseNumber, null, by, at));
    }
}
