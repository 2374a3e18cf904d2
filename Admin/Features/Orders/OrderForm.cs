using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orderers;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>
/// The console's order form and a manager's "Mina ärenden": what the form offers and fills in, sending it through
/// <see cref="OrderIntake"/>, and the orders a manager has placed. Every operation checks its policy itself.
/// </summary>
public sealed partial class OrderForm(
    IDbContextFactory<SocItDbContext> factory,
    OrderIntake intake,
    ChangeOrders changeOrders,
    CurrentUser currentUser,
    TimeProvider clock,
    ILoggerFactory loggers)
{
    private readonly ILogger _security = loggers.CreateLogger(SecurityLog.Category);

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
        var today = AdminTimeZone.Today(clock);

        await using var db = await factory.CreateDbContextAsync(ct);
        var mine = isOperator ? null : await OrderingUnitsAsync(db, user, today, ct);
        var managed = user.EmailAddress() is { } self
            ? reference.Units.Where(u => u.Managers.Any(m => m.Email == self)).Select(u => u.Id).ToHashSet()
            : [];
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
            today)
        {
            OrderingUnits = [.. reference.Units.Where(u => u.IsActive && (mine is null || mine.Contains(u.Id)))],
            ManagedUnitIds = managed,
        };
    }

    /// <summary>
    /// For an operator registering an order for its sender: a warning when <paramref name="ordererEmail"/> is neither a
    /// manager of nor appointed for <paramref name="unitId"/> today (the order may still be placed); null when they are,
    /// or while the e-mail or the unit is missing.
    /// </summary>
    public async Task<string?> OrdererRightAsync(string? ordererEmail, int? unitId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.OrderIntake);
        if (unitId is not { } unit || !EmailAddress.TryParse(ordererEmail, out var email, out _))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var name = await db.Units.AsNoTracking().Where(u => u.Id == unit).Select(u => u.Name).SingleOrDefaultAsync(ct);
        if (name is null
            || await PlacedOrderChecks.RightOfAsync(db, email, unit, AdminTimeZone.Today(clock), ct) != OrderingRight.None)
        {
            return null;
        }

        return $"{email} är varken chef för eller utsedd beställare för {name} i dag. Kontrollera att beställningen kommer från "
            + "verksamhetens chef eller en person som chefen har utsett.";
    }

    /// <summary>
    /// The units <paramref name="user"/> may order for on <paramref name="day"/>: those they manage and those they are
    /// appointed for (<see cref="OrderingRights.UnitsFor"/>).
    /// </summary>
    internal static async Task<IReadOnlySet<int>> OrderingUnitsAsync(SocItDbContext db, ClaimsPrincipal user, DateOnly day, CancellationToken ct)
    {
        if (user.EmailAddress() is not { } email)
        {
            return new HashSet<int>();
        }

        var managers = await db.UnitsManagedBy(user).Select(u => u.Id).ToListAsync(ct);
        var appointments = await db.AppointedOrderers.AsNoTracking().Where(a => a.Email == email).ToListAsync(ct);
        return OrderingRights.UnitsFor(email, day, managers.Select(id => new UnitManagerRef(id, email)), appointments);
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

    /// <summary>
    /// The units the user may order for today: null for an operator (any), else those they manage or are appointed
    /// for. For a change of title or unit it is the changed employment's unit that must be theirs.
    /// </summary>
    private async Task<IReadOnlySet<int>?> ChangeableUnitsAsync(CancellationToken ct)
    {
        var user = await currentUser.GetPrincipalAsync();
        if (user.IsInRole(AppRoles.Operator))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        return await OrderingUnitsAsync(db, user, AdminTimeZone.Today(clock), ct);
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
            LogUnitRefused(_security, SecurityLog.ObjectIdOf(user), null, employmentId);
            senderErrors = new Dictionary<OrderFieldKey, string[]>(senderErrors)
            {
                [OrderField.Employment] = ["Du kan bara beställa byte för anställningar i verksamheter som du är chef eller utsedd beställare för."],
            };
        }
        else if (input.Type is not OrderType.Change && input.UnitId is { } unitId && await ChangeableUnitsAsync(ct) is { } mine
            && !mine.Contains(unitId))
        {
            // The unit whose manager answers for the order must be the user's; for temporary access that is the home
            // unit (the receiving unit consents separately).
            LogUnitRefused(_security, SecurityLog.ObjectIdOf(user), unitId, null);
            senderErrors = new Dictionary<OrderFieldKey, string[]>(senderErrors)
            {
                [OrderField.Unit] = ["Du kan bara beställa för verksamheter som du är chef eller utsedd beställare för."],
            };
        }

        if (senderErrors.Count > 0)
        {
            // Every error at once: the form shows them all, as it does for the other rules. Where a sender rule or the
            // user's units speak about a field, theirs is the one message: it says what to do about it.
            var validation = await intake.ValidateAsync(input, ct);
            var errors = validation.Errors.ToDictionary(e => e.Key, e => e.Value);
            foreach (var (field, messages) in senderErrors)
            {
                errors[field] = messages;
            }

            return new PlaceOrderResult.Invalid(errors);
        }

        return await intake.PlaceAsync(input, channel, actor, ct: ct);
    }

    [LoggerMessage(EventId = SecurityLog.OperationDeniedId, EventName = nameof(SecurityLog.OperationDenied), Level = LogLevel.Warning,
        Message = "Operation denied: user {UserObjectId} may not order for unit {UnitId} (employment {EmploymentId})")]
    private static partial void LogUnitRefused(ILogger logger, string userObjectId, int? unitId, int? employmentId);

    /// <summary>
    /// The orders the signed-in manager placed, or that name them as the orderer (such as their orders through the
    /// e-service), newest first. <paramref name="page"/> counts from 0. <paramref name="search"/> matches the case
    /// number or the employee's name.
    /// </summary>
    public Task<PagedResult<MyOrderRow>> MyOrdersAsync(int page, int pageSize, string? search, CancellationToken ct = default) =>
        MyOrdersAsync(page, pageSize, search, MyOrdersFilter.All, ct);

    /// <summary>As above, only the cases <paramref name="filter"/> asks for: those waiting for the orderer, under way, done or rejected.</summary>
    public async Task<PagedResult<MyOrderRow>> MyOrdersAsync(
        int page, int pageSize, string? search, MyOrdersFilter filter, CancellationToken ct = default)
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

        orders = filter switch
        {
            MyOrdersFilter.WaitingForYou => orders.Where(o => o.Status == OrderStatus.WaitingForOrderer),
            MyOrdersFilter.Open => orders.Where(o => o.Status == OrderStatus.Received || o.Status == OrderStatus.InProgress),
            MyOrdersFilter.Completed => orders.Where(o => o.Status == OrderStatus.Completed),
            MyOrdersFilter.Rejected => orders.Where(o => o.Status == OrderStatus.Rejected),
            _ => orders,
        };

        var total = await orders.CountAsync(ct);
        var rows = await orders
            .OrderByDescending(o => o.ReceivedAt)
            .ThenByDescending(o => o.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(o => new MyOrderRow(
                o.Id, o.CaseNumber, o.Type, o.Status, PersonName.Shown(o.EmployeeName, o.Employee!.IsProtected), o.TargetUnitName ?? o.UnitName,
                o.StartDate, o.EndDate, o.ReceivedAt)
            {
                Version = o.Version,
                Question = o.Status == OrderStatus.WaitingForOrderer ? o.Question : null,
                QuestionAskedAt = o.QuestionAskedAt,
                Answer = o.Answer,
                AnsweredAt = o.AnsweredAt,
                AnsweredByName = o.AnsweredByName,
                RejectionReason = o.Status == OrderStatus.Rejected ? o.RejectionReason : null,
            })
            .ToListAsync(ct);
        return new PagedResult<MyOrderRow>(rows, total);
    }

}

/// <summary>
/// What the order form offers: active master data, the user's channels, and what it fills in. <see cref="Units"/> are
/// every active unit (another unit for temporary access, the new unit of a change); <see cref="OrderingUnits"/> those
/// the user may order for today (every active unit for an operator).
/// </summary>
public sealed record OrderFormContext(
    IReadOnlyList<ReferenceTitle> Titles,
    IReadOnlyList<ReferenceUnit> Units,
    IReadOnlyList<ReferenceSystem> Systems,
    bool IsOperator,
    IReadOnlyList<OrderChannel> Channels,
    OrdererDefaults Defaults,
    DateOnly Today)
{
    public IReadOnlyList<ReferenceUnit> OrderingUnits { get; init; } = Units;

    /// <summary>The units the user is a registered manager of.</summary>
    public IReadOnlySet<int> ManagedUnitIds { get; init; } = new HashSet<int>();
}
