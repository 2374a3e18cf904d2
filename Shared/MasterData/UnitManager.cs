using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.MasterData;

/// <summary>
/// A manager responsible for a unit. A signed-in manager is matched to their units by <see cref="Email"/>, the same
/// way under Entra ID (preferred_username) as with the development sign-in.
/// </summary>
public sealed class UnitManager
{
    private UnitManager()
    {
        Name = string.Empty;
    }

    internal UnitManager(Contact contact)
    {
        Name = contact.Name;
        Email = contact.Email;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public EmailAddress Email { get; private set; }

    internal void Rename(string name) => Name = Text.Required(name, Contact.NameMaxLength, "Namnet");
}
