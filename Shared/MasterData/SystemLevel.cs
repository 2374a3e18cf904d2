using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.MasterData;

/// <summary>An access level or role that exists in one IT system, e.g. "Handläggare" in Lifecare.</summary>
public sealed class SystemLevel
{
    public const int NameMaxLength = 60;

    private SystemLevel()
    {
        Name = string.Empty;
    }

    internal SystemLevel(string name, int position)
    {
        Name = Text.Required(name, NameMaxLength, "Nivåns namn");
        Position = position;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The order in which levels are offered, lowest first.</summary>
    public int Position { get; private set; }

    internal void Rename(string name) => Name = Text.Required(name, NameMaxLength, "Nivåns namn");

    internal void MoveTo(int position) => Position = position;
}
