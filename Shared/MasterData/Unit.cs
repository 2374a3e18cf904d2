using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.MasterData;

/// <summary>
/// A workplace (verksamhet) such as a home-care district or a residential home. It uses some of the IT systems and
/// may use digital keys; it pays for its keys through its cost centre.
/// </summary>
public sealed class Unit
{
    public const int NameMaxLength = 120;
    public const int AreaMaxLength = 80;
    public const int CostCentreMaxLength = 20;

    private readonly List<UnitManager> _managers = [];
    private readonly List<ItSystem> _systems = [];

    private Unit()
    {
        Name = string.Empty;
        Area = string.Empty;
        CostCentre = string.Empty;
    }

    public Unit(string name, string area, string costCentre, bool usesDigitalKeys)
    {
        Name = Text.Required(name, NameMaxLength, "Verksamhetens namn");
        Area = Text.Required(area, AreaMaxLength, "Området");
        CostCentre = ValidCostCentre(costCentre);
        UsesDigitalKeys = usesDigitalKeys;
        IsActive = true;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The part of social services the unit belongs to, e.g. Hemtjänst or Särskilt boende.</summary>
    public string Area { get; private set; }

    /// <summary>Kostnadsställe: where the unit's key purchases are billed.</summary>
    public string CostCentre { get; private set; }

    public bool UsesDigitalKeys { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>The unit's mobile representative (mobilombud), who factory resets its phones.</summary>
    public Contact? MobileRepresentative { get; private set; }

    public IReadOnlyList<UnitManager> Managers => _managers;

    public IReadOnlyList<ItSystem> Systems => _systems;

    public void Update(string name, string area, string costCentre, bool usesDigitalKeys)
    {
        Name = Text.Required(name, NameMaxLength, "Verksamhetens namn");
        Area = Text.Required(area, AreaMaxLength, "Området");
        CostCentre = ValidCostCentre(costCentre);
        UsesDigitalKeys = usesDigitalKeys;
    }

    /// <summary>Makes <paramref name="managers"/> the unit's managers; at least one, each mailbox once.</summary>
    public void ReplaceManagers(IReadOnlyCollection<Contact> managers)
    {
        ArgumentNullException.ThrowIfNull(managers);
        if (managers.Count == 0)
        {
            throw new DomainException($"{Name} måste ha minst en ansvarig chef.");
        }

        var duplicate = managers.GroupBy(m => m.Email).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException($"{duplicate.Key} står med mer än en gång bland cheferna.");
        }

        _managers.RemoveAll(m => managers.All(n => n.Email != m.Email));
        foreach (var manager in managers)
        {
            var existing = _managers.FirstOrDefault(m => m.Email == manager.Email);
            if (existing is null)
            {
                _managers.Add(new UnitManager(manager));
            }
            else
            {
                existing.Rename(manager.Name);
            }
        }
    }

    /// <summary>Makes <paramref name="systems"/> the systems the unit uses.</summary>
    public void ReplaceSystems(IReadOnlyCollection<ItSystem> systems)
    {
        ArgumentNullException.ThrowIfNull(systems);
        _systems.RemoveAll(s => !systems.Contains(s));
        foreach (var system in systems)
        {
            UseSystem(system);
        }
    }

    public void AddManager(Contact manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (_managers.Any(m => m.Email == manager.Email))
        {
            throw new DomainException($"{manager.Email} är redan chef för {Name}.");
        }

        _managers.Add(new UnitManager(manager));
    }

    public void RemoveManager(EmailAddress email) => _managers.RemoveAll(m => m.Email == email);

    public bool IsManagedBy(EmailAddress email) => _managers.Any(m => m.Email == email);

    public void SetMobileRepresentative(Contact? representative) => MobileRepresentative = representative;

    public void UseSystem(ItSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var alreadyUsed = _systems.Contains(system) || (system.Id != 0 && _systems.Any(s => s.Id == system.Id));
        if (alreadyUsed)
        {
            return;
        }

        if (!system.IsActive)
        {
            throw new DomainException($"{system.Name} är inaktiverat och kan inte kopplas till en verksamhet.");
        }

        _systems.Add(system);
    }

    public void StopUsingSystem(ItSystem system) => _systems.Remove(system);

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static string ValidCostCentre(string? costCentre)
    {
        var value = Text.Required(costCentre, CostCentreMaxLength, "Kostnadsstället");
        return value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? value
            : throw new DomainException("Kostnadsstället får bara innehålla siffror, bokstäver och bindestreck.");
    }
}
