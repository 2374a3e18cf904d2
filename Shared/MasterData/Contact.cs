using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.MasterData;

/// <summary>A named person with a mailbox: a unit's manager or its mobile representative (mobilombud).</summary>
public sealed record Contact
{
    public const int NameMaxLength = 100;

    private Contact()
    {
        Name = string.Empty;
    }

    public Contact(string name, EmailAddress email)
    {
        Name = Text.Required(name, NameMaxLength, "Namnet");
        Email = email.Value is null ? throw new DomainException("E-postadress saknas.") : email;
    }

    public string Name { get; private init; }

    public EmailAddress Email { get; private init; }
}
