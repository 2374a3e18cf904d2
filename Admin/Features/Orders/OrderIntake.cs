using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.CaseMail;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>
/// Takes an order from any channel: checks it with <see cref="OrderRules"/>, derives its systems with the matrix
/// rule, matches or creates the employee, numbers it, and commits it with its audit entry before answering. Callers
/// (the form, the API) check their own authorization first.
/// </summary>
public sealed partial class OrderIntake(
    IDbContextFactory<SocItDbContext> factory,
    NewEmployeeSystemsLookup systemsLookup,
    ReferenceDataCache referenceData,
    ChangeOrders changeOrders,
    CaseNotices notices,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<OrderIntake> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>Every title, unit and system, as of now (one query for the reference data's stamp when unchanged).</summary>
    public async Task<OrderReference> LoadReferenceAsync(CancellationToken ct = default) =>
        (await referenceData.GetAsync(ct)).Reference;

    /// <summary>
    /// The systems an order would concern, for showing live before it is sent: derived for a new employee or
    /// temporary access, as asked for in an extension, none for an end order. Empty while the order is incomplete.
    /// </summary>
    public async Task<IReadOnlyList<OrderSystemLine>> PreviewSystemsAsync(
        OrderType type, int? titleId, int? unitId, int? targetUnitId, DateOnly? startDate, CancellationToken ct = default)
    {
        var grantUnit = type == OrderType.TemporaryUnit ? targetUnitId : unitId;
        if (type is not (OrderType.New or OrderType.TemporaryUnit) || titleId is not { } title || grantUnit is not { } unit)
        {
            return [];
        }

        var derivation = await systemsLookup.DeriveAsync(title, unit, startDate ?? AdminTimeZone.Today(clock), ct);
        return derivation is null ? [] : [.. derivation.Included.Select(s => new OrderSystemLine(s.SystemName, s.LevelName))];
    }

    /// <summary>An order from the e-service, which names its titles, units and systems: the names become ids first.</summary>
    public Task<PlaceOrderResult> PlaceAsync(
        OrderRequest request,
        OrderChannel channel,
        Actor placedBy,
        string? idempotencyKey = null,
        string? requestHash = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PlaceAsync(
            request.Type, request.Personnummer, (reference, employments) => OrderNames.Resolve(request, reference, employments),
            channel, placedBy, idempotencyKey, requestHash, ct);
    }

    /// <summary>An order from the console, which knows its titles, units and systems by id.</summary>
    public Task<PlaceOrderResult> PlaceAsync(
        OrderInput input,
        OrderChannel channel,
        Actor placedBy,
        string? idempotencyKey = null,
        string? requestHash = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return PlaceAsync(input.Type, input.Personnummer, (_, _) => input, channel, placedBy, idempotencyKey, requestHash, ct);
    }

    /// <summary>
    /// Checks an order from the console without placing it (the form, to show every error at once): the same rules,
    /// with the person's employments for an order about one.
    /// </summary>
    internal async Task<OrderValidation> ValidateAsync(OrderInput input, CancellationToken ct)
    {
        var reference = await LoadReferenceAsync(ct);
        var today = AdminTimeZone.Today(clock);
        var employments = await EmploymentsForAsync(input.Type, input.Personnummer, today, ct);
        return OrderRules.Validate(input, reference, today, employments);
    }

    private async Task<IReadOnlyCollection<Employment>> EmploymentsForAsync(
        OrderType? type, string? personnummer, DateOnly today, CancellationToken ct) =>
        type == OrderType.Change && Personnummer.TryParse(personnummer, today, out var parsed, out _)
            ? await changeOrders.EmploymentsAsync(parsed, ct)
            : [];

    private async Task<PlaceOrderResult> PlaceAsync(
        OrderType? type,
        string? personnummer,
        Func<OrderReference, IReadOnlyCollection<Employment>, OrderInput> input,
        OrderChannel channel,
        Actor placedBy,
        string? idempotencyKey,
        string? requestHash,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(placedBy);
        // The only look-up of the key before the commit: a second request with it that races this one past here is
        // stopped by the key's unique index, and the retry below finds the order that won.
        if (idempotencyKey is not null && await FindReplayAsync(idempotencyKey, requestHash, ct) is { } earlier)
        {
            return earlier;
        }

        var snapshot = await referenceData.GetAsync(ct);
        var reference = snapshot.Reference;
        var today = AdminTimeZone.Today(clock);
        var employments = await EmploymentsForAsync(type, personnummer, today, ct);
        var validation = OrderRules.Validate(input(reference, employments), reference, today, employments);
        if (validation.Order is not { } order)
        {
            return new PlaceOrderResult.Invalid(validation.Errors);
        }

        if (order.Type == OrderType.Terminate)
        {
            switch (await EmploymentToEndAsync(order, reference, ct))
            {
                case { Error: { } error, Field: { } field }:
                    return new PlaceOrderResult.Invalid(new Dictionary<OrderFieldKey, string[]> { [field] = [error] });
                case { Employment: { } employment }:
                    order = order with
                    {
                        EmploymentId = employment.Id,
                        Title = reference.Titles.FirstOrDefault(t => t.Id == employment.TitleId) ?? order.Title,
                    };
                    break;
            }
        }

        var systems = await SystemsForAsync(order, snapshot, ct);
        IReadOnlyList<ChangeLine> changes = [];
        if (order.Type == OrderType.Change)
        {
            var preview = await changeOrders.PreviewAsync(order.EmploymentId!.Value, order.Title?.Id, order.Unit.Id, order.EffectiveDate, ct)
                ?? throw new InvalidOperationException("A valid change names an existing employment and unit.");
            systems = [.. preview.NewSystems.Select(s => new OrderSystem(s.SystemId, s.SystemName, s.LevelId, s.LevelName))];
            changes = preview.Difference.Lines;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CommitAsync(order, reference, systems, changes, channel, placedBy, idempotencyKey, requestHash, ct);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another order took the same case number, employee or Idempotency-Key at the same moment: try again;
                // a retried Idempotency-Key now finds the order that won.
                LogRetry(logger, attempt);
                if (idempotencyKey is not null && await FindReplayAsync(idempotencyKey, requestHash, ct) is { } winner)
                {
                    return winner;
                }
            }
        }
    }

    /// <summary>
    /// Places many new-employee orders, all valid, as one <see cref="OrderBatch"/>: one transaction, so either every
    /// case exists or none does. Each order is placed exactly as a single one is (its case number from the same
    /// counter, its audit entry, its case notices); the batch adds one <c>Order.BatchPlaced</c> entry. A batch with
    /// <paramref name="key"/> already placed is returned as it is, and nothing new is placed.
    /// </summary>
    internal async Task<BatchPlacement> PlaceBatchAsync(
        string key, IReadOnlyList<ValidOrder> orders, OrderChannel channel, Actor placedBy, string? fileName, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(placedBy);
        if (orders.Count == 0 || orders.Any(o => o.Type != OrderType.New))
        {
            throw new ArgumentException("A batch places one or more new-employee orders.", nameof(orders));
        }

        if (await FindBatchAsync(key, ct) is { } earlier)
        {
            return new BatchPlacement(earlier, Replayed: true);
        }

        var snapshot = await referenceData.GetAsync(ct);
        var systems = new List<IReadOnlyList<OrderSystem>>(orders.Count);
        foreach (var order in orders)
        {
            systems.Add(await SystemsForAsync(order, snapshot, ct));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CommitBatchAsync(key, orders, systems, channel, placedBy, fileName, ct);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // The same key placed by a second click, or a case number taken at the same moment: the first finds
                // the batch that won, the second tries again.
                LogRetry(logger, attempt);
                if (await FindBatchAsync(key, ct) is { } winner)
                {
                    return new BatchPlacement(winner, Replayed: true);
                }
            }
        }
    }

    /// <summary>
    /// Advances the year's counter in the database, in one statement, and returns the new number: the first of a year
    /// is inserted, every later one increments the row. The row stays locked by the caller's transaction until it
    /// commits, so concurrent orders — from this instance, another one or the command line — queue on it and each gets
    /// the next number; a rolled-back order gives its number back. No number is read first and written later, which
    /// on PostgreSQL (where readers do not block writers) would let two transactions read the same one.
    /// </summary>
    internal static async Task<CaseNumber> NextCaseNumberAsync(SocItDbContext db, int year, CancellationToken ct)
    {
        var dialect = SqlDialect.Of(db.Database);
        var numbers = await db.Database.SqlQueryRaw<int>(
                """
                INSERT INTO "CaseNumberCounters" ("Year", "LastNumber") VALUES (@year, 1)
                ON CONFLICT ("Year") DO UPDATE SET "LastNumber" = "CaseNumberCounters"."LastNumber" + 1
                RETURNING "LastNumber" AS "Value"
                """,
                dialect.Parameter("year", year))
            .ToListAsync(ct);
        return new CaseNumber(year, numbers.Single());
    }

    private async Task<BatchPlacement> CommitBatchAsync(
        string key,
        IReadOnlyList<ValidOrder> orders,
        List<IReadOnlyList<OrderSystem>> systems,
        OrderChannel channel,
        Actor placedBy,
        string? fileName,
        CancellationToken ct)
    {
        var reference = (await referenceData.GetAsync(ct)).Reference;
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.OrderBatches.AsNoTracking().Where(b => b.Key == key).Select(b => (int?)b.Id).SingleOrDefaultAsync(ct) is { } earlier)
        {
            return new BatchPlacement(earlier, Replayed: true);
        }

        var batch = new OrderBatch(key, orders.Count, channel, placedBy, clock.GetUtcNow(), fileName);
        db.OrderBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        var placed = new List<Order>(orders.Count);
        for (var i = 0; i < orders.Count; i++)
        {
            placed.Add(await AddOrderAsync(db, orders[i], reference, systems[i], [], channel, placedBy, null, null, batch, ct));
        }

        audit.Record(
            db,
            placedBy,
            "Order.BatchPlaced",
            "OrderBatch",
            batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{SwedishCount.Of(placed.Count, "beställning", "beställningar")} av ny behörighet togs emot på en gång "
                + $"({OrderTexts.ChannelName(channel)}): {string.Join(", ", placed.Select(p => p.CaseNumber))}.",
            before: null,
            after: new
            {
                batch.Key,
                batch.Count,
                Channel = channel.ToString(),
                CaseNumbers = placed.Select(p => p.CaseNumber),
                batch.FileName,
            });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var order in placed)
        {
            LogPlaced(logger, order.Id, order.Type, channel);
        }

        return new BatchPlacement(batch.Id, Replayed: false);
    }

    private async Task<int?> FindBatchAsync(string key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.OrderBatches.AsNoTracking().Where(b => b.Key == key).Select(b => (int?)b.Id).SingleOrDefaultAsync(ct);
    }

    public async Task<OrderReceipt?> GetReceiptAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Employee).SingleOrDefaultAsync(o => o.Id == id, ct);
        return order is null ? null : ToReceipt(order, order.Employee!.Personnummer);
    }

    private async Task<PlaceOrderResult> CommitAsync(
        ValidOrder order,
        OrderReference reference,
        IReadOnlyList<OrderSystem> systems,
        IReadOnlyList<ChangeLine> changes,
        OrderChannel channel,
        Actor placedBy,
        string? idempotencyKey,
        string? requestHash,
        CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // The case-number counter is advanced in the database (NextCaseNumberAsync) and stays locked until the commit;
        // the unique case number, employee and Idempotency-Key catch whatever else races, and the caller retries.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var placed = await AddOrderAsync(db, order, reference, systems, changes, channel, placedBy, idempotencyKey, requestHash, batch: null, ct);
        await transaction.CommitAsync(ct);
        LogPlaced(logger, placed.Id, order.Type, channel);
        return new PlaceOrderResult.Created(ToReceipt(placed, order.Personnummer));
    }

    /// <summary>
    /// Adds one order to <paramref name="db"/> inside the caller's transaction and saves it: the employee matched or
    /// created, the next case number, the placing checks, its audit entry, its case notices and a key purchase.
    /// </summary>
    private async Task<Order> AddOrderAsync(
        SocItDbContext db,
        ValidOrder order,
        OrderReference reference,
        IReadOnlyList<OrderSystem> systems,
        IReadOnlyList<ChangeLine> changes,
        OrderChannel channel,
        Actor placedBy,
        string? idempotencyKey,
        string? requestHash,
        OrderBatch? batch,
        CancellationToken ct)
    {
        // A known person keeps their registered name: a different name on the order is shown on the case and applied
        // only when the case is completed (NameChange), never silently here.
        var employee = await db.Employees.SingleOrDefaultAsync(e => e.Personnummer == order.Personnummer, ct);
        if (employee is null)
        {
            employee = new Employee(order.EmployeeName, order.Personnummer);
            db.Employees.Add(employee);
        }

        var now = clock.GetUtcNow();
        var year = TimeZoneInfo.ConvertTime(now, AdminTimeZone.Stockholm).Year;
        var caseNumber = await NextCaseNumberAsync(db, year, ct);
        // A retried commit places new rows: the lines are copied, not shared with the attempt that failed.
        var placed = Order.Place(
            order, caseNumber, employee, systems, channel, placedBy, now, idempotencyKey, requestHash,
            changes.Select(l => new ChangeLine(l.Kind, l.SystemId, l.SystemName, l.FromLevelId, l.FromLevelName, l.ToLevelId, l.ToLevelName, l.GrantId)));
        if (batch is not null)
        {
            placed.BelongTo(batch);
        }

        await PlacedOrderChecks.ApplyAsync(db, reference, placed, order, channel, AdminTimeZone.Today(clock), now, ct);
        db.Orders.Add(placed);
        audit.Record(
            db,
            placedBy,
            "Order.Created",
            "Order",
            caseNumber.Value,
            $"{OrderTexts.TypeName(order.Type)} {caseNumber} togs emot ({OrderTexts.ChannelName(channel)}) för {order.Personnummer.Masked} i {order.GrantUnit.Name}.",
            before: null,
            after: new
            {
                CaseNumber = caseNumber.Value,
                Type = order.Type.ToString(),
                Channel = channel.ToString(),
                Employee = order.EmployeeName,
                Personnummer = order.Personnummer.Masked,
                Title = order.Title?.Name,
                Unit = order.Unit.Name,
                TargetUnit = order.TargetUnit?.Name,
                order.StartDate,
                order.EndDate,
                Key = order.KeyKind.ToString(),
                Systems = systems.Select(s => $"{s.SystemName}: {s.LevelName}"),
                order.EmploymentId,
                Changes = changes.Select(ChangeOrderRules.Summary),
                Orderer = order.Orderer.Email.Value,
                Manager = order.Manager.Email.Value,
                OrdererCheck = placed.OrdererCheck.ToString(),
                Consent = placed.Consent?.Status.ToString(),
            });
        await db.SaveChangesAsync(ct);
        // The receipt to the orderer (and a consent request) exist exactly when the order does.
        await notices.OnPlacedAsync(db, placed, ct);
        await db.SaveChangesAsync(ct);
        if (order.KeyKind == KeyChoiceKind.BuyNewKey)
        {
            await KeyPurchases.StartForOrderAsync(db, placed, order.GrantUnit.Id, placedBy, now, ct);
            await db.SaveChangesAsync(ct);
        }

        return placed;
    }

    /// <summary>
    /// The employment an end-of-employment order ends: the person's current one in the order's unit, the one the form
    /// chose or the title named when there are several (<see cref="EmploymentEnd.Choose"/>).
    /// </summary>
    private async Task<EmploymentChoice> EmploymentToEndAsync(ValidOrder order, OrderReference reference, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var employments = await db.Employments.AsNoTracking()
            .Where(e => db.Employees.Any(p => p.Id == e.EmployeeId && p.Personnummer == order.Personnummer))
            .ToListAsync(ct);
        var title = order.Title is { } named ? reference.Titles.FirstOrDefault(t => t.Id == named.Id) : null;
        return EmploymentEnd.Choose(
            employments, order.EmployeeName, order.Unit.Id, order.Unit.Name, order.EmploymentId, title?.Id, title?.Name,
            order.EndDate!.Value);
    }

    private async Task<IReadOnlyList<OrderSystem>> SystemsForAsync(ValidOrder order, ReferenceSnapshot reference, CancellationToken ct)
    {
        switch (order.Type)
        {
            case OrderType.New or OrderType.TemporaryUnit when order.Title is { } title:
                var derivation = await systemsLookup.DeriveAsync(reference, title.Id, order.GrantUnit.Id, order.EffectiveDate, ct);
                return [.. (derivation?.Included ?? []).Select(s => new OrderSystem(s.SystemId, s.SystemName, s.LevelId, s.LevelName))];
            case OrderType.Extend or OrderType.EndTemporary:
                return [.. order.RequestedSystems.Select(r => new OrderSystem(r.System.Id, r.System.Name, r.Level.Id, r.Level.Name))];
            default:
                return [];
        }
    }

    private async Task<PlaceOrderResult?> FindReplayAsync(string idempotencyKey, string? requestHash, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var existing = await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Employee)
            .SingleOrDefaultAsync(o => o.IdempotencyKey == idempotencyKey, ct);
        if (existing is null)
        {
            return null;
        }

        return existing.RequestHash == requestHash
            ? new PlaceOrderResult.Replayed(ToReceipt(existing, existing.Employee!.Personnummer))
            : new PlaceOrderResult.IdempotencyConflict(existing.CaseNumber);
    }

    private static OrderReceipt ToReceipt(Order order, Personnummer personnummer) =>
        new(
            order.Id,
            order.CaseNumber,
            order.Type,
            order.Status,
            order.EmployeeName,
            personnummer.Masked,
            order.TargetUnitName ?? order.UnitName,
            order.ReceivedAt,
            order.StartDate,
            order.EndDate,
            [.. order.Systems.Select(s => new OrderSystemLine(s.SystemName, s.LevelName))]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} received: {Type} via {Channel}")]
    private static partial void LogPlaced(ILogger logger, int orderId, OrderType type, OrderChannel channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order commit collided with a concurrent one (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, int attempt);
}
