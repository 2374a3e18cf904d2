using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.MasterData;

/// <summary>A job title (titel) such as undersköterska; with the unit it decides a new employee's systems.</summary>
public sealed class JobTitle
{
    public const int NameMaxLength = 80;

    private JobTitle()
    {
        Name = string.Empty;
    }

    public JobTitle(string name)
    {
        Name = Text.Required(name, NameMaxLength, "Titeln");
        IsActive = true;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public bool IsActive { get; private set; }

    public void Rename(string name) => Name = Text.Required(name, NameMaxLength, "Titeln");

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
