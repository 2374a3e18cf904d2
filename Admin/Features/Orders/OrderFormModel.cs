using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>
/// What the order form holds while it is filled in. Every field keeps its value when the order type changes, so
/// switching back and forth loses nothing; <see cref="ToInput"/> sends only what the chosen type asks for, by id.
/// </summary>
public sealed class OrderFormModel
{
    private readonly OrderFormContext _context;

    public OrderFormModel(OrderFormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        Channel = context.Channels[0];
        if (!IsForSender)
        {
            FillInDefaults();
        }

        Systems.Add(new SystemChoice());
    }

    public OrderType? Type { get; set; }

    /// <summary>How the order reached Soc-IT; change it with <see cref="ChooseChannel"/>.</summary>
    public OrderChannel Channel { get; private set; }

    /// <summary>
    /// An order by secure message or phone is registered for its sender: the orderer and manager fields are the
    /// sender's to fill in, not the signed-in user's.
    /// </summary>
    public bool IsForSender => SenderRules.IsRegisteredForSender(Channel);

    public string? EmployeeName { get; set; }

    public string? Personnummer { get; set; }

    /// <summary>
    /// The employment the order is about: for a change of title or unit the one being changed (one of
    /// <see cref="Employments"/>), for an end of employment the one chosen when the person has several in the unit.
    /// </summary>
    public int? EmploymentId { get; set; }

    /// <summary>The person's running employments the user may change, looked up from the personnummer.</summary>
    public IReadOnlyList<ChangeableEmployment> Employments { get; set; } = [];

    public ChangeableEmployment? Employment => Employments.FirstOrDefault(e => e.Id == EmploymentId);

    public int? TitleId { get; set; }

    public int? UnitId { get; set; }

    public int? TargetUnitId { get; set; }

    /// <summary>The form asks which employment ends: the person has several current ones in the unit.</summary>
    public bool ChoosesEmployment { get; set; }

    public DateTime? StartDate { get; set; }

    /// <summary>The end of a temporary grant; for an end order, the last working day.</summary>
    public DateTime? EndDate { get; set; }

    /// <summary>The systems of an extension, one row each; a row may be half filled in while the form is edited.</summary>
    public List<SystemChoice> Systems { get; } = [];

    public KeyChoiceKind? KeyKind { get; set; }

    public string? KeyNumber { get; set; }

    public string? OrdererName { get; set; }

    public string? OrdererEmail { get; set; }

    public string? ManagerName { get; set; }

    public string? ManagerEmail { get; set; }

    public string? Note { get; set; }

    public bool NeedsTitle => Type is OrderType.New or OrderType.TemporaryUnit or OrderType.Change;

    public bool NeedsEmployment => Type == OrderType.Change;

    public bool NeedsTargetUnit => Type == OrderType.TemporaryUnit;

    public bool NeedsStartDate => Type is OrderType.New or OrderType.Extend or OrderType.TemporaryUnit or OrderType.Change;

    public bool NeedsSystems => Type == OrderType.Extend;

    /// <summary>The unit the grant is in: the other unit for temporary access, otherwise the employee's own.</summary>
    public ReferenceUnit? GrantUnit => FindUnit(NeedsTargetUnit ? TargetUnitId : UnitId);

    /// <summary>A key is chosen for a new employee or temporary access in a unit with digital keys.</summary>
    public bool NeedsKey =>
        (Type is OrderType.New or OrderType.TemporaryUnit || (Type == OrderType.Change && Employment is { } e && e.UnitId != UnitId))
        && GrantUnit is { UsesDigitalKeys: true };

    /// <summary>
    /// Chooses the employment to change; the new title and unit start as the employment's, for the user to change one.
    /// </summary>
    public void ChooseEmployment(int? employmentId)
    {
        EmploymentId = employmentId;
        if (Employment is { } chosen)
        {
            TitleId = chosen.TitleId;
            UnitId = chosen.UnitId;
        }
    }

    public bool NeedsKeyNumber => NeedsKey && KeyKind == KeyChoiceKind.PersonalKey;

    public ReferenceUnit? FindUnit(int? id) => id is null ? null : _context.Units.FirstOrDefault(u => u.Id == id);

    public ReferenceSystem? FindSystem(int? id) => id is null ? null : _context.Systems.FirstOrDefault(s => s.Id == id);

    /// <summary>The systems of an extension as chosen so far, for showing beside the form.</summary>
    public IReadOnlyList<OrderSystemLine> ChosenSystems =>
    [
        .. Systems
            .Select(row => (System: FindSystem(row.SystemId), row.LevelId))
            .Where(row => row.System is not null)
            .Select(row => new OrderSystemLine(
                row.System!.Name,
                row.System.Levels.FirstOrDefault(l => l.Id == row.LevelId)?.Name ?? FirstLevel(row.System)?.Name ?? string.Empty)),
    ];

    /// <summary>
    /// Changes the channel. Towards secure message or phone, what the form filled in for the signed-in user is
    /// emptied (what was typed stays); back to the console, empty fields get the user's own details again.
    /// </summary>
    public void ChooseChannel(OrderChannel channel)
    {
        var wasForSender = IsForSender;
        Channel = channel;
        if (IsForSender == wasForSender)
        {
            return;
        }

        if (IsForSender)
        {
            var defaults = _context.Defaults;
            OrdererName = UnlessDefault(OrdererName, defaults.OrdererName);
            OrdererEmail = UnlessDefault(OrdererEmail, defaults.OrdererEmail);
            ManagerName = UnlessDefault(ManagerName, defaults.ManagerName);
            ManagerEmail = UnlessDefault(ManagerEmail, defaults.ManagerEmail);
        }
        else
        {
            FillInDefaults();
        }
    }

    /// <summary>
    /// Chooses the unit. For a user ordering for a unit they do not manage (an appointed orderer; for a change, a new
    /// unit), the unit's manager is filled in as responsible manager when it has exactly one: the rules accept only
    /// one of the unit's registered managers.
    /// </summary>
    public void ChooseUnit(int? id)
    {
        UnitId = id;
        if (IsForSender || _context.IsOperator || FindUnit(id) is not { } unit || _context.ManagedUnitIds.Contains(unit.Id))
        {
            return;
        }

        if (unit.Managers is [var manager])
        {
            ManagerName = manager.Name;
            ManagerEmail = manager.Email.Value;
        }
    }

    /// <summary>
    /// Starts a system row's level at the system's first (lowest) level, as the rules do when none is given.
    /// </summary>
    public void ChooseSystem(SystemChoice row, int? systemId)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.SystemId = systemId;
        row.LevelId = FindSystem(systemId) is { } system ? FirstLevel(system)?.Id : null;
    }

    /// <summary>
    /// Whether the form shows <paramref name="field"/> for the chosen type, unit and key: the one list of what the
    /// form asks for, which its markup and its error summary both follow (an error for a field not shown goes in the
    /// summary).
    /// </summary>
    public bool Shows(OrderFieldKey field) => field.Field switch
    {
        OrderField.Employment => NeedsEmployment,
        OrderField.Title => NeedsTitle || (Type == OrderType.Terminate && ChoosesEmployment),
        OrderField.EndDate => Type != OrderType.Change,
        OrderField.TargetUnit => NeedsTargetUnit,
        OrderField.StartDate => NeedsStartDate,
        OrderField.Systems => NeedsSystems,
        OrderField.SystemName or OrderField.SystemLevel => NeedsSystems && field.Row is { } row && row >= 0 && row < Systems.Count,
        OrderField.KeyKind => NeedsKey,
        OrderField.KeyNumber => NeedsKeyNumber,
        _ => true,
    };

    /// <summary>The order as the console sends it: by id, and only what the chosen type asks for.</summary>
    public OrderInput ToInput() => new()
    {
        Type = Type,
        EmployeeName = EmployeeName,
        Personnummer = Personnummer,
        EmploymentId = NeedsEmployment || Type == OrderType.Terminate ? EmploymentId : null,
        TitleId = NeedsTitle ? TitleId : null,
        UnitId = UnitId,
        TargetUnitId = NeedsTargetUnit ? TargetUnitId : null,
        StartDate = NeedsStartDate ? ToDate(StartDate) : null,
        EndDate = Shows(OrderField.EndDate) ? ToDate(EndDate) : null,
        Systems = NeedsSystems ? [.. Systems.Select(row => new RequestedSystemId(row.SystemId, row.SystemId is null ? null : row.LevelId))] : [],
        KeyKind = NeedsKey ? KeyKind : null,
        KeyNumber = NeedsKeyNumber ? KeyNumber : null,
        OrdererName = OrdererName,
        OrdererEmail = OrdererEmail,
        ManagerName = ManagerName,
        ManagerEmail = ManagerEmail,
        Note = Note,
    };

    private void FillInDefaults()
    {
        var defaults = _context.Defaults;
        OrdererName = string.IsNullOrWhiteSpace(OrdererName) ? defaults.OrdererName : OrdererName;
        OrdererEmail = string.IsNullOrWhiteSpace(OrdererEmail) ? defaults.OrdererEmail : OrdererEmail;
        ManagerName = string.IsNullOrWhiteSpace(ManagerName) ? defaults.ManagerName : ManagerName;
        ManagerEmail = string.IsNullOrWhiteSpace(ManagerEmail) ? defaults.ManagerEmail : ManagerEmail;
    }

    private static string? UnlessDefault(string? value, string? filledIn) =>
        string.Equals(value?.Trim(), filledIn?.Trim(), StringComparison.OrdinalIgnoreCase) ? null : value;

    private static ReferenceLevel? FirstLevel(ReferenceSystem system) => system.Levels.Count > 0 ? system.Levels[0] : null;

    private static DateOnly? ToDate(DateTime? date) => date is { } value ? DateOnly.FromDateTime(value) : null;
}

/// <summary>One system row of an extension.</summary>
public sealed class SystemChoice
{
    public int? SystemId { get; set; }

    public int? LevelId { get; set; }
}
