using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>
/// Orders for many at once (beställning för flera): new-employee orders pasted from Excel or uploaded as CSV, checked
/// row by row with the same rules as one order from the form (<see cref="OrderRules"/>, the titles and units by name
/// as <see cref="OrderNames"/> matches them, and the user's ordering rights on the start day), then placed all or
/// nothing through <see cref="OrderIntake"/>. Every operation checks its policy itself.
/// </summary>
public sealed partial class BatchOrders(
    IDbContextFactory<SocItDbContext> factory,
    OrderIntake intake,
    CurrentUser currentUser,
    TimeProvider clock,
    ILoggerFactory loggers)
{
    private readonly ILogger _security = loggers.CreateLogger(SecurityLog.Category);

    /// <summary>What the page shows before any row: the units the user may order for today and whether they may order for any.</summary>
    public async Task<BatchOrderContext> LoadAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.OrderIntake);
        var user = await currentUser.GetPrincipalAsync();
        var isOperator = user.IsInRole(AppRoles.Operator);
        var reference = await intake.LoadReferenceAsync(ct);
        var today = AdminTimeZone.Today(clock);
        IReadOnlySet<int>? mine = null;
        if (!isOperator)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            mine = await OrderForm.OrderingUnitsAsync(db, user, today, ct);
        }

        return new BatchOrderContext(
            isOperator,
            [.. reference.Units.Where(u => u.IsActive && (mine is null || mine.Contains(u.Id))).Select(u => u.Name)],
            [.. reference.Titles.Where(t => t.IsActive).Select(t => t.Name)],
            today);
    }

    /// <summary>The dry run: every row checked, every problem in Swedish under the cell (or row) it concerns. Nothing is stored.</summary>
    public async Task<BatchCheck> CheckAsync(IReadOnlyList<BatchOrderRow> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await currentUser.RequireAsync(Policies.OrderIntake);
        return (await CheckRowsAsync(rows, ct)).Check;
    }

    /// <summary>
    /// Places every row as one batch, or none when any row has a problem (the check is returned instead).
    /// <paramref name="key"/> is chosen when the dry run is shown: placing again with it returns the first batch.
    /// </summary>
    public async Task<BatchPlaceResult> PlaceAsync(string key, IReadOnlyList<BatchOrderRow> rows, string? fileName, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(rows);
        var actor = await currentUser.RequireAsync(Policies.OrderIntake);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await db.OrderBatches.AsNoTracking().Where(b => b.Key == key && b.PlacedById == actor.Id).Select(b => (int?)b.Id)
                    .SingleOrDefaultAsync(ct) is { } earlier)
            {
                return new BatchPlaceResult.Placed(earlier, Replayed: true);
            }
        }

        var (check, orders) = await CheckRowsAsync(rows, ct);
        if (!check.IsValid)
        {
            return new BatchPlaceResult.Invalid(check);
        }

        var placement = await intake.PlaceBatchAsync(key, orders, OrderChannel.Console, actor, fileName, ct);
        return new BatchPlaceResult.Placed(placement.BatchId, placement.Replayed);
    }

    /// <summary>The receipt of a placed batch: for the one who placed it, or an operator; null for anyone else or no such batch.</summary>
    public async Task<BatchReceipt?> ReceiptAsync(int id, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.OrderIntake);
        var isOperator = (await currentUser.GetPrincipalAsync()).IsInRole(AppRoles.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var batch = await db.OrderBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null || (!isOperator && batch.PlacedById != actor.Id))
        {
            return null;
        }

        var lines = await db.Orders.AsNoTracking()
            .Where(o => o.BatchId == id)
            .OrderBy(o => o.Id)
            .Select(o => new BatchReceiptLine(
                o.Id, o.CaseNumber, PersonName.Shown(o.EmployeeName, o.Employee!.IsProtected), o.UnitName, o.TitleName, o.StartDate, o.EndDate))
            .ToListAsync(ct);
        return new BatchReceipt(batch.Id, batch.PlacedAt, batch.PlacedByName, batch.FileName, isOperator, lines);
    }

    private async Task<(BatchCheck Check, List<ValidOrder> Orders)> CheckRowsAsync(IReadOnlyList<BatchOrderRow> rows, CancellationToken ct)
    {
        var actor = await currentUser.RequireAsync(Policies.OrderIntake);
        var user = await currentUser.GetPrincipalAsync();
        var isOperator = user.IsInRole(AppRoles.Operator);
        var self = user.EmailAddress();
        var filled = rows.Where(r => !r.IsEmpty).ToList();
        if (filled.Count == 0)
        {
            return (new BatchCheck([], ["Klistra in eller ladda upp minst en rad."]), []);
        }

        if (filled.Count > BatchOrderRows.MaxRows)
        {
            return (new BatchCheck([], [$"Högst {BatchOrderRows.MaxRows} personer kan beställas på en gång. Listan har {filled.Count}: dela upp den."]), []);
        }

        var reference = await intake.LoadReferenceAsync(ct);
        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var unitsOn = new Dictionary<DateOnly, IReadOnlySet<int>>();
        var checks = new List<BatchRowCheck>(filled.Count);
        var orders = new List<ValidOrder>(filled.Count);
        for (var i = 0; i < filled.Count; i++)
        {
            var row = filled[i];
            var cells = new CellErrors();
            var start = DateCell(row.StartDate, BatchColumn.StartDate, required: true, cells);
            var end = DateCell(row.EndDate, BatchColumn.EndDate, required: false, cells);
            var keyKind = BatchOrderRows.KeyChoice(row.Key);
            if (keyKind is null)
            {
                cells.Add(BatchColumn.Key, $"Okänt val av nyckel. Skriv {string.Join(", ", BatchOrderRows.KeyChoiceNames)} eller lämna tomt.");
            }

            var unit = reference.Units.FirstOrDefault(u => NameEquals(u.Name, row.Unit));
            var manager = unit is null ? null : ManagerFor(row.Manager, unit, self, cells);
            var request = new OrderRequest
            {
                Type = OrderType.New,
                EmployeeName = row.Name,
                Personnummer = row.Personnummer,
                Title = row.Title,
                Unit = row.Unit,
                StartDate = start,
                EndDate = end,
                KeyKind = keyKind ?? KeyChoiceKind.None,
                KeyNumber = row.KeyNumber,
                OrdererName = actor.Name,
                OrdererEmail = self?.Value,
                ManagerName = manager?.Name,
                ManagerEmail = manager?.Email.Value,
            };
            var validation = OrderRules.Validate(request, reference, today);
            var own = cells.Columns;
            var rowErrors = new List<string>();
            foreach (var (field, messages) in validation.Errors)
            {
                if (ColumnOf(field.Field) is not { } column)
                {
                    rowErrors.AddRange(messages);
                }
                else if (!own.Contains(column) && !(column == BatchColumn.Manager && unit is null))
                {
                    cells.AddRange(column, messages);
                }
            }

            if (!isOperator && unit is not null)
            {
                var day = start ?? today;
                if (!unitsOn.TryGetValue(day, out var mine))
                {
                    unitsOn[day] = mine = await OrderForm.OrderingUnitsAsync(db, user, day, ct);
                }

                if (!mine.Contains(unit.Id))
                {
                    // The routine's "ingen obehörig … till dina verksamheter": a manager or appointed orderer orders only
                    // for the units that are theirs on the start day.
                    LogUnitRefused(_security, SecurityLog.ObjectIdOf(user), unit.Id);
                    cells.Replace(BatchColumn.Unit,
                        $"Du kan bara beställa för verksamheter som du är chef eller utsedd beställare för den {day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}. {unit.Name} är inte din.");
                }
            }

            checks.Add(new BatchRowCheck(i + 1, cells.ToDictionary(), rowErrors));
            if (validation.Order is { } order)
            {
                orders.Add(order);
            }
        }

        AddDuplicates(filled, checks, today);
        var result = new BatchCheck(checks, []);
        return (result, result.IsValid ? orders : []);
    }

    /// <summary>The same person twice in one batch: an error on every row that names them.</summary>
    private static void AddDuplicates(List<BatchOrderRow> rows, List<BatchRowCheck> checks, DateOnly today)
    {
        var byPerson = rows
            .Select((row, index) => (Key: Personnummer.TryParse(row.Personnummer, today, out var parsed, out _) ? parsed.Value : null, Index: index))
            .Where(r => r.Key is not null)
            .GroupBy(r => r.Key)
            .Where(g => g.Count() > 1);
        foreach (var group in byPerson)
        {
            var numbers = group.Select(r => r.Index + 1).ToList();
            foreach (var (_, index) in group)
            {
                var others = numbers.Where(n => n != index + 1).ToList();
                var message = $"Samma personnummer står också på {(others.Count == 1 ? "rad" : "raderna")} {SwedishList(others)}: en person beställs en gång.";
                checks[index] = checks[index].With(BatchColumn.Personnummer, message);
            }
        }
    }

    private static string SwedishList(List<int> numbers) =>
        numbers.Count == 1 ? numbers[0].ToString(AdminLocalization.Swedish)
        : string.Join(", ", numbers.Take(numbers.Count - 1)) + " och " + numbers[^1];

    /// <summary>
    /// The responsible manager: the one the row names (by name or e-mail) among the unit's registered managers; none
    /// named, the user if they manage the unit, else the unit's only manager.
    /// </summary>
    private static Contact? ManagerFor(string? named, ReferenceUnit unit, EmailAddress? self, CellErrors cells)
    {
        var managers = unit.Managers;
        if (!string.IsNullOrWhiteSpace(named))
        {
            var match = managers.FirstOrDefault(m => NameEquals(m.Name, named) || NameEquals(m.Email.Value, named));
            if (match is null)
            {
                cells.Add(BatchColumn.Manager, managers.Count == 0
                    ? $"{unit.Name} har ingen registrerad chef. Soc-IT behöver lägga in verksamhetens chef innan beställningen kan tas emot."
                    : $"\"{named.Trim()}\" är inte registrerad som chef för {unit.Name}. Ange {ManagerChoices(managers)}.");
            }

            return match;
        }

        if (self is { } email && managers.FirstOrDefault(m => m.Email == email) is { } me)
        {
            return me;
        }

        switch (managers.Count)
        {
            case 1:
                return managers[0];
            case 0:
                cells.Add(BatchColumn.Manager,
                    $"{unit.Name} har ingen registrerad chef. Soc-IT behöver lägga in verksamhetens chef innan beställningen kan tas emot.");
                return null;
            default:
                cells.Add(BatchColumn.Manager, $"{unit.Name} har flera chefer: ange ansvarig chef, {ManagerChoices(managers)}.");
                return null;
        }
    }

    private static string ManagerChoices(IReadOnlyList<Contact> managers) =>
        string.Join(" eller ", managers.Select(m => $"{m.Name} ({m.Email})"));

    private static DateOnly? DateCell(string? text, BatchColumn column, bool required, CellErrors cells)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                cells.Add(column, "Ange startdatum.");
            }

            return null;
        }

        if (BatchOrderRows.Date(text) is { } date)
        {
            return date;
        }

        cells.Add(column, $"\"{text.Trim()}\" är inget datum. Skriv det som 2026-12-07.");
        return null;
    }

    private static BatchColumn? ColumnOf(OrderField field) => field switch
    {
        OrderField.EmployeeName => BatchColumn.Name,
        OrderField.Personnummer => BatchColumn.Personnummer,
        OrderField.Title => BatchColumn.Title,
        OrderField.Unit => BatchColumn.Unit,
        OrderField.StartDate => BatchColumn.StartDate,
        OrderField.EndDate => BatchColumn.EndDate,
        OrderField.KeyKind => BatchColumn.Key,
        OrderField.KeyNumber => BatchColumn.KeyNumber,
        OrderField.ManagerName or OrderField.ManagerEmail => BatchColumn.Manager,
        _ => null,
    };

    private static bool NameEquals(string a, string? b) =>
        string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = SecurityLog.OperationDeniedId, EventName = nameof(SecurityLog.OperationDenied), Level = LogLevel.Warning,
        Message = "Operation denied: user {UserObjectId} may not order for unit {UnitId} (order for many)")]
    private static partial void LogUnitRefused(ILogger logger, string userObjectId, int unitId);

    private sealed class CellErrors
    {
        private readonly Dictionary<BatchColumn, List<string>> _errors = [];

        public IReadOnlySet<BatchColumn> Columns => _errors.Keys.ToHashSet();

        public void Add(BatchColumn column, string message) => AddRange(column, [message]);

        public void AddRange(BatchColumn column, IEnumerable<string> messages)
        {
            if (!_errors.TryGetValue(column, out var list))
            {
                _errors[column] = list = [];
            }

            list.AddRange(messages);
        }

        public void Replace(BatchColumn column, string message) => _errors[column] = [message];

        public Dictionary<BatchColumn, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}

/// <summary>What the page for many orders offers: the user's units (for the help text) and the active titles.</summary>
public sealed record BatchOrderContext(bool IsOperator, IReadOnlyList<string> Units, IReadOnlyList<string> Titles, DateOnly Today);

/// <summary>One row's problems: per cell, and those that belong to no cell. <see cref="Row"/> counts from 1.</summary>
public sealed record BatchRowCheck(int Row, IReadOnlyDictionary<BatchColumn, string[]> Cells, IReadOnlyList<string> Other)
{
    public bool IsValid => Cells.Count == 0 && Other.Count == 0;

    /// <summary>All the row's messages, the cells' first in column order, for the line under the row.</summary>
    public IEnumerable<string> Messages =>
        Cells.OrderBy(c => c.Key).SelectMany(c => c.Value.Select(m => $"{BatchOrderRows.Headers[(int)c.Key]}: {m}")).Concat(Other);

    public BatchRowCheck With(BatchColumn column, string message)
    {
        var cells = Cells.ToDictionary(c => c.Key, c => c.Value);
        cells[column] = [.. cells.GetValueOrDefault(column, []), message];
        return this with { Cells = cells };
    }
}

/// <summary>The dry run of a batch: a check per row, and problems of the batch as a whole.</summary>
public sealed record BatchCheck(IReadOnlyList<BatchRowCheck> Rows, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.IsValid);

    public int RowsWithProblems => Rows.Count(r => !r.IsValid);
}

public abstract record BatchPlaceResult
{
    private BatchPlaceResult()
    {
    }

    /// <summary>Placed (or, with <paramref name="Replayed"/>, placed before with the same key): the receipt's batch.</summary>
    public sealed record Placed(int BatchId, bool Replayed) : BatchPlaceResult;

    /// <summary>Nothing placed: at least one row has a problem.</summary>
    public sealed record Invalid(BatchCheck Check) : BatchPlaceResult;
}

/// <summary>A batch placed by <see cref="OrderIntake"/>; <see cref="Replayed"/> when its key had already placed it.</summary>
public sealed record BatchPlacement(int BatchId, bool Replayed);

/// <summary>The receipt: every case the batch placed. <see cref="ForOperator"/>: the cases link to the case page.</summary>
public sealed record BatchReceipt(
    int Id, DateTimeOffset PlacedAt, string PlacedByName, string? FileName, bool ForOperator, IReadOnlyList<BatchReceiptLine> Lines);

public sealed record BatchReceiptLine(
    int OrderId, string CaseNumber, string Name, string UnitName, string? TitleName, DateOnly? StartDate, DateOnly? EndDate);
