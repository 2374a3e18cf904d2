using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>
/// The console's order form and a manager's "Mina ärenden": what the form offers and fills in, sending it through
/// <see cref="OrderIntake"/>, and the orders a manager has placed. Every operation checks its policy itself.
/// </summary>
public sealed class OrderForm(
    IDbContextFactory<SocItDbContext> factory, OrderIntake intake, ChangeOrders changeOrders, CurrentUser currentUser, TimeProvider clock)
{
    public const int MaxPageSize = 100;


    /// <summary>The channels an operator registers an order from; a manager's own orders always come through the console.</summary>
    public static readonly IReadOnlyList<OrderChannel> OperatorChannels =
        [OrderChannel.SecureMessage, OrderChannel.Phone, OrderChannel.Console];

    public async Task<OrderFormContext> LoadAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.OrderIntake);
        var user = await currentUser.GetPrincipalAsync();
        var isOperator = user.IsInRole(AppRoles.Operator);
        var reference = await intake.LoadReferenceAsync(ct);

        await using var db = await factory.CreateDbContextAsync(ct);
        // Only the user's own orders through the console: one an operator registered by secure message or phone
        // names its sender, not them.
        var previous = await db.Orders.AsNoTracking()
            .Where(o => o.PlacedById == actor.Id && o.Channel == OrderChannel.Console)
            .OrderByDescending(o => o.ReceivedAt)
            .ThenByDescending(o => o.Id)
            .Select(o => new { OrdererName = o.Orderer.Name, OrdererEmail = o.Orderer.Email, ManagerName = o.Manager.Name, ManagerEmail = o.Manager.Email })
            .FirstOrDefaultAsync(ct);

        OrdererDefaults defaults;
        if (previous is not null)
        {
            defaults = new OrdererDefaults(previous.OrdererName, previous.OrdererEmail.Value, previous.ManagerName, previous.ManagerEmail.Value);
        }
        else
        {
            var email = user.EmailAddress()?.Value;
            var isManager = user.IsInRole(AppRoles.Manager);
            defaults = new OrdererDefaults(actor.Name, email, isManager ? actor.Name : null, isManager ? email : null);
        }

        return new OrderFormContext(
            [.. reference.Titles.Where(t => t.IsActive)],
            [.. reference.Units.Where(u => u.IsActive)],
            [.. reference.Systems.Where(s => s.IsActive)],
            isOperator,
            isOperator ? OperatorChannels : [OrderChannel.Console],
            defaults,
            AdminTimeZone.Today(clock));
    }

    /// <summary>The systems the order would concern, for the form to show while it is filled in.</summary>
    public async Task<IReadOnlyList<OrderSystemLine>> PreviewAsync(
        OrderType type, int? titleId, int? unitId, int? targetUnitId, DateOnly? startDate, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.OrderIntake);
        return await intake.PreviewSystemsAsync(type, titleId, unitId, targetUnitId, startDate, ct);
    }

    /// <summary>
    /// For an end of employment: the person's current employments in <paramref name="unitId"/> on the last working day
    /// (the form lets the orderer choose when there are several) and those elsewhere that continue after it. Nothing
    /// when the personnummer is not valid or the person has no current employment in that unit.
    /// </summary>
    public async Task<EmploymentChoices> EmploymentsAsync(
        string? personnummer, int? unitId, DateOnly? lastDay, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.OrderIntake);
        var today = AdminTimeZone.Today(clock);
        if (unitId is not { } unit || !Personnummer.TryParse(personnummer, today, out var pnr, out _))
        {
            return EmploymentChoices.None;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var employments = await db.Employments.AsNoTracking()
            .Where(e => e.EndedByOrderId == null && db.Employees.Any(p => p.Id == e.EmployeeId && p.Personnummer == pnr))
            .OrderBy(e => e.From)
            .ToListAsync(ct);
        var day = lastDay ?? today;
        var inUnit = employments.Where(e => e.UnitId == unit && e.IsCurrentOn(day)).ToList();
        if (inUnit.Count == 0)
        {
            return EmploymentChoices.None;
        }

        return new EmploymentChoices(
            [.. inUnit.Select(EmploymentLine.Of)],
            [.. employments.Where(e => e.UnitId != unit && e.IsCurrentOn(day.AddDays(1))).Select(EmploymentLine.Of)]);
    }

    /// <summary>
    /// The person's running employments the signed-in user may order a change of title or unit for: an operator all,
    /// a manager those in the units she manages. None for a personnummer that is not valid or not known.
    /// </summary>
    public async Task<IReadOnlyList<ChangeableEmployment>> ChangeableEmploymentsAsync(string? personnummer, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.OrderIntake);
        var today = AdminTimeZone.Today(clock);
        if (!SocItConsole.Shared.People.Personnummer.TryParse(personnummer, today, out var parsed, out _))
        {
            return [];
        }

        var mine = await ChangeableUnitsAsync(ct);
        return
        [
            .. (await changeOrders.EmploymentsAsync(parsed, ct))
                .Where(e => !e.IsEnded && e.IsCurrentOn(today) && (mine is null || mine.Contains(e.UnitId)))
                .Select(e => new ChangeableEmployment(e.Id, e.TitleId, e.TitleName, e.UnitId, e.UnitName, e.From, e.To)),
        ];
    }

    /// <summary>The difference a change would make, for the form to show before it is sent; null when incomplete or not the user's to see.</summary>
    public async Task<ChangePreview?> PreviewChangeAsync(
        int employmentId, int? titleId, int? unitId, DateOnly effectiveDate, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.OrderIntake);
        return await MayChangeAsync(employmentId, ct)
            ? await changeOrders.PreviewAsync(employmentId, titleId, unitId, effectiveDate, ct)
            : null;
    }

    /// <summary>The units whose employments the user may change: null for an operator (all), a manager's own units.</summary>
    private async Task<HashSet<int>?> ChangeableUnitsAsync(CancellationToken ct)
    {
        var user = await currentUser.GetPrincipalAsync();
        if (user.IsInRole(AppRoles.Operator))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        return [.. await db.UnitsManagedBy(user).Select(u => u.Id).ToListAsync(ct)];
    }

    private async Task<bool> MayChangeAsync(int employmentId, CancellationToken ct)
    {
        var mine = await ChangeableUnitsAsync(ct);
        if (mine is null)
        {
            return true;
        }

        var units = mine.ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Employments.AnyAsync(e => e.Id == employmentId && units.Contains(e.UnitId), ct);
    }

    /// <summary>
    /// Places the order as the signed-in user. A manager's order always comes through the console; an operator says
    /// how it reached Soc-IT (secure message, phone or the console). One that came by secure message or phone is
    /// registered for its sender (<see cref="SenderRules"/>): the operator is recorded as who registered it, never as
    /// its orderer or manager.
    /// </summary>
    public async Task<PlaceOrderResult> SubmitAsync(OrderInput input, OrderChannel channel, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await currentUser.RequireAsync(Policies.OrderIntake);
        var user = await currentUser.GetPrincipalAsync();
        var allowed = user.IsInRole(AppRoles.Operator) ? OperatorChannels : [OrderChannel.Console];
        if (!allowed.Contains(channel))
        {
            throw new UnauthorizedAccessException(
                $"Du kan inte registrera en beställning som kommit via {OrderTexts.ChannelName(channel).ToLower(AdminLocalization.Swedish)}.");
        }

        var senderErrors = SenderRules.Check(input, channel, user.EmailAddress()?.Value);
        if (input.Type == OrderType.Change && input.EmploymentId is { } employmentId && !await MayChangeAsync(employmentId, ct))
        {
            // A manager orders changes for her own units' staff only: the routine's "ingen obehörig … till dina verksamheter".
            senderErrors = new Dictionary<OrderFieldKey, string[]>(senderErrors)
            {
                [OrderField.Employment] = ["Du kan bara beställa byte för anställningar i verksamheter du är chef för."],
            };
        }

        if (senderErrors.Count > 0)
        {
            // Every error at once: the form shows them all, as it does for the other rules.
            var validation = await intake.ValidateAsync(input, ct);
            var errors = validation.Errors.ToDictionary(e => e.Key, e => e.Value);
            foreach (var (field, messages) in senderErrors)
            {
                errors[field] = errors.TryGetValue(field, out var earlier) ? [.. earlier, .. messages] : messages;
            }

            return new PlaceOrderResult.Invalid(errors);
        }

        return await intake.PlaceAsync(input, channel, actor, ct: ct);
    }

    /// <summary>
    /// The orders the signed-in manager placed, or that name them as the orderer (such as their orders through the
    /// e-service), newest first. <paramref name="page"/> counts from 0. <paramref name="search"/> matches the case
    /// number or the employee's name.
    /// </summary>
    public async Task<PagedResult<MyOrderRow>> MyOrdersAsync(int page, int pageSize, string? search, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.OrderIntake);
        var email = (await currentUser.GetPrincipalAsync()).EmailAddress();
        page = Math.Max(page, 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);

        await using var db = await factory.CreateDbContextAsync(ct);
        var orders = email is { } address
            ? db.Orders.AsNoTracking().Where(o => o.PlacedById == actor.Id || o.Orderer.Email == address)
            : db.Orders.AsNoTracking().Where(o => o.PlacedById == actor.Id);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = SqlLike.Containing(search.Trim());
            orders = orders.Where(o =>
                EF.Functions.Like(o.CaseNumber, pattern, SqlLike.Escape)
                || EF.Functions.Like(PersonName.Shown(o.EmployeeName, o.Employee!.IsProtected), pattern, SqlLike.Escape));
        }

        var total = await orders.CountAsync(ct);
        var rows = await orders
            .OrderByDescending(o => o.ReceivedAt)
            .ThenByDescending(o => o.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(o => new MyOrderRow(
                o.Id, o.CaseNumber, o.Type, o.Status, PersonName.Shown(o.EmployeeName, o.Employee!.IsProtected), o.TargetUnitName ?? o.UnitName,
                o.StartDate, o.EndDate, o.ReceivedAt))
            .ToListAsync(ct);
        return new PagedResult<MyOrderRow>(rows, total);
    }

}

/// <summary>What the order form offers: active master data, the user's channels, and what it fills in.</summary>
public sealed record OrderFormContext(
    IReadOnlyList<ReferenceTitle> Titles,
    IReadOnlyList<ReferenceUnit> Units,
    IReadOnlyList<ReferenceSystem> Systems,
    bool IsOperator,
    IReadOnlyList<OrderChannel> Channels,
    OrdererDefaults Defaults,
    DateOnly Today);
