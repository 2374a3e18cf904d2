using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>
/// What the order form holds while it is filled in. Every field keeps its value when the order type changes, so
/// switching back and forth loses nothing; <see cref="ToRequest"/> sends only what the chosen type asks for.
/// </summary>
public sealed class OrderFormModel
{
    private readonly OrderFormContext _context;

    public OrderFormModel(OrderFormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        Channel = context.Channels[0];
        OrdererName = context.Defaults.OrdererName;
        OrdererEmail = context.Defaults.OrdererEmail;
        ManagerName = context.Defaults.ManagerName;
        ManagerEmail = context.Defaults.ManagerEmail;
        Systems.Add(new SystemChoice());
    }

    public OrderType? Type { get; set; }

    public OrderChannel Channel { get; set; }

    public string? EmployeeName { get; set; }

    public string? Personnummer { get; set; }

    public int? TitleId { get; set; }

    public int? UnitId { get; set; }

    public int? TargetUnitId { get; set; }

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

    public bool NeedsTitle => Type is OrderType.New or OrderType.TemporaryUnit;

    public bool NeedsTargetUnit => Type == OrderType.TemporaryUnit;

    public bool NeedsStartDate => Type is OrderType.New or OrderType.Extend or OrderType.TemporaryUnit;

    public bool NeedsSystems => Type == OrderType.Extend;

    /// <summary>The unit the grant is in: the other unit for temporary access, otherwise the employee's own.</summary>
    public ReferenceUnit? GrantUnit => FindUnit(NeedsTargetUnit ? TargetUnitId : UnitId);

    /// <summary>A key is chosen for a new employee or temporary access in a unit with digital keys.</summary>
    public bool NeedsKey => Type is OrderType.New or OrderType.TemporaryUnit && GrantUnit is { UsesDigitalKeys: true };

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
    /// Starts a system row's level at the system's first (lowest) level, as the rules do when none is given.
    /// </summary>
    public void ChooseSystem(SystemChoice row, int? systemId)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.SystemId = systemId;
        row.LevelId = FindSystem(systemId) is { } system ? FirstLevel(system)?.Id : null;
    }

    public OrderRequest ToRequest() => new()
    {
        Type = Type,
        EmployeeName = EmployeeName,
        Personnummer = Personnummer,
        Title = NeedsTitle ? _context.Titles.FirstOrDefault(t => t.Id == TitleId)?.Name : null,
        Unit = FindUnit(UnitId)?.Name,
        TargetUnit = NeedsTargetUnit ? FindUnit(TargetUnitId)?.Name : null,
        StartDate = NeedsStartDate ? ToDate(StartDate) : null,
        EndDate = ToDate(EndDate),
        Systems = NeedsSystems
            ? [.. Systems.Select(row => FindSystem(row.SystemId) is { } system
                ? new RequestedSystemInput(system.Name, system.Levels.FirstOrDefault(l => l.Id == row.LevelId)?.Name)
                : new RequestedSystemInput(null, null))]
            : [],
        KeyKind = NeedsKey ? KeyKind : null,
        KeyNumber = NeedsKeyNumber ? KeyNumber : null,
        OrdererName = OrdererName,
        OrdererEmail = OrdererEmail,
        ManagerName = ManagerName,
        ManagerEmail = ManagerEmail,
        Note = Note,
    };

    private static ReferenceLevel? FirstLevel(ReferenceSystem system) => system.Levels.Count > 0 ? system.Levels[0] : null;

    private static DateOnly? ToDate(DateTime? date) => date is { } value ? DateOnly.FromDateTime(value) : null;
}

/// <summary>One system row of an extension.</summary>
public sealed class SystemChoice
{
    public int? SystemId { get; set; }

    public int? LevelId { get; set; }
}
