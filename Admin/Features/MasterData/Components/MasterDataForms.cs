using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Features.MasterData.Components;

/// <summary>What the system dialog edits; it outlives a refused save so that the administrator's input stays.</summary>
public sealed class SystemForm
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Contact { get; set; }

    public bool RequiresDigitalKeys { get; set; }

    public List<LevelForm> Levels { get; } = [];

    public static SystemForm For(ItSystemRow? system)
    {
        var form = new SystemForm
        {
            Name = system?.Name,
            Description = system?.Description,
            Contact = system?.Contact,
            RequiresDigitalKeys = system?.RequiresDigitalKeys ?? false,
        };
        form.Levels.AddRange(system is null
            ? [new LevelForm { Name = ItSystem.DefaultLevelName }]
            : system.Levels.Select(l => new LevelForm { Id = l.Id, Name = l.Name, MatrixCellCount = l.MatrixCellCount }));
        return form;
    }

    public ItSystemInput ToInput() =>
        new(Name, Description, Contact, RequiresDigitalKeys, [.. Levels.Select(l => new SystemLevelInput(l.Id, l.Name))]);
}

public sealed class LevelForm
{
    public int? Id { get; init; }

    public string? Name { get; set; }

    /// <summary>How many matrix cells give this level; such a level cannot be removed.</summary>
    public int MatrixCellCount { get; init; }
}

public sealed class ContactForm
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public ContactInput ToInput() => new(Name, Email);
}

/// <summary>What the unit dialog edits.</summary>
public sealed class UnitForm
{
    public string? Name { get; set; }

    public string? Area { get; set; }

    public string? CostCentre { get; set; }

    public bool UsesDigitalKeys { get; set; }

    public List<ContactForm> Managers { get; } = [];

    public ContactForm MobileRepresentative { get; } = new();

    public HashSet<int> SystemIds { get; } = [];

    public static UnitForm For(UnitRow? unit)
    {
        var form = new UnitForm
        {
            Name = unit?.Name,
            Area = unit?.Area,
            CostCentre = unit?.CostCentre,
            UsesDigitalKeys = unit?.UsesDigitalKeys ?? false,
        };
        form.Managers.AddRange(unit is null
            ? [new ContactForm()]
            : unit.Managers.Select(m => new ContactForm { Name = m.Name, Email = m.Email }));
        form.MobileRepresentative.Name = unit?.MobileRepresentative?.Name;
        form.MobileRepresentative.Email = unit?.MobileRepresentative?.Email;
        form.SystemIds.UnionWith(unit?.SystemIds ?? []);
        return form;
    }

    public UnitInput ToInput() =>
        new(Name, Area, CostCentre, UsesDigitalKeys,
            [.. Managers.Select(m => m.ToInput())],
            MobileRepresentative.ToInput(),
            [.. SystemIds.Order()]);
}
