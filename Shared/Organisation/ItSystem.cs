using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Organisation;

/// <summary>An IT system that Soc-IT grants permissions in (Combine, Lifecare, Swedlock …).</summary>
public sealed class ItSystem
{
    public const int NameMaxLength = 60;
    public const int DescriptionMaxLength = 500;

    private ItSystem()
    {
        Name = string.Empty;
    }

    public ItSystem(string name, string? description = null)
    {
        Name = Text.Required(name, NameMaxLength, "Systemets namn");
        Description = Text.Optional(description, DescriptionMaxLength, "Beskrivningen");
        IsActive = true;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    public bool IsActive { get; private set; }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
