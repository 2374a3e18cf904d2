using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.People;

/// <summary>
/// A member of staff that Soc-IT gives permissions to. Identified by personnummer: an order for someone already known
/// is matched to them, otherwise the employee is created.
/// </summary>
public sealed class Employee
{
    public const int FullNameMaxLength = 120;

    private Employee()
    {
        FullName = string.Empty;
    }

    public Employee(string fullName, Personnummer personnummer)
    {
        FullName = Text.Required(fullName, FullNameMaxLength, "Namnet");
        Personnummer = personnummer;
    }

    public int Id { get; private set; }

    public string FullName { get; private set; }

    public Personnummer Personnummer { get; private set; }

    /// <summary>
    /// A newer order may spell the name differently (a marriage, a typo corrected). Applied only when that order's case
    /// is completed, never at intake and never from an end order (see <see cref="NameChange"/>).
    /// </summary>
    public void Rename(string fullName) => FullName = Text.Required(fullName, FullNameMaxLength, "Namnet");
}
