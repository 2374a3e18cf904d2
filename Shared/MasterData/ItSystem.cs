using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.MasterData;

/// <summary>An IT system that Soc-IT grants permissions in (Combine, Lifecare, Swedlock …).</summary>
public sealed class ItSystem
{
    public const int NameMaxLength = 60;
    public const int DescriptionMaxLength = 500;
    public const int ContactMaxLength = 200;
    public const string DefaultLevelName = "Standard";

    private readonly List<SystemLevel> _levels = [];

    private ItSystem()
    {
        Name = string.Empty;
    }

    public ItSystem(string name, string? description = null, string? contact = null, bool requiresDigitalKeys = false)
    {
        Name = Text.Required(name, NameMaxLength, "Systemets namn");
        Description = Text.Optional(description, DescriptionMaxLength, "Beskrivningen");
        Contact = Text.Optional(contact, ContactMaxLength, "Kontakten");
        RequiresDigitalKeys = requiresDigitalKeys;
        IsActive = true;
        _levels.Add(new SystemLevel(DefaultLevelName, 0));
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Who to turn to about the system: the system owner, the supplier's support.</summary>
    public string? Contact { get; private set; }

    /// <summary>
    /// True for the digital-key system (Swedlock): a new employee gets it only in a unit that uses digital keys.
    /// </summary>
    public bool RequiresDigitalKeys { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>The access levels or roles of the system, in <see cref="SystemLevel.Position"/> order; never empty.</summary>
    public IReadOnlyList<SystemLevel> Levels => [.. _levels.OrderBy(l => l.Position)];

    public void Update(string name, string? description, string? contact, bool requiresDigitalKeys)
    {
        Name = Text.Required(name, NameMaxLength, "Systemets namn");
        Description = Text.Optional(description, DescriptionMaxLength, "Beskrivningen");
        Contact = Text.Optional(contact, ContactMaxLength, "Kontakten");
        RequiresDigitalKeys = requiresDigitalKeys;
    }

    public SystemLevel AddLevel(string name)
    {
        var level = new SystemLevel(name, _levels.Count == 0 ? 0 : _levels.Max(l => l.Position) + 1);
        EnsureUnique(level.Name, except: null);
        _levels.Add(level);
        return level;
    }

    public void RenameLevel(SystemLevel level, string name)
    {
        ArgumentNullException.ThrowIfNull(level);
        var trimmed = Text.Required(name, SystemLevel.NameMaxLength, "Nivåns namn");
        EnsureUnique(trimmed, except: level);
        level.Rename(trimmed);
    }

    /// <summary>Removes a level; the caller has checked that no matrix cell or grant uses it.</summary>
    public void RemoveLevel(SystemLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (_levels.Count == 1)
        {
            throw new DomainException($"{Name} måste ha minst en nivå.");
        }

        _levels.Remove(level);
    }

    public SystemLevel? FindLevel(string name) =>
        _levels.FirstOrDefault(l => string.Equals(l.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private void EnsureUnique(string name, SystemLevel? except)
    {
        if (_levels.Any(l => l != except && string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"{Name} har redan nivån \"{name}\".");
        }
    }
}
