using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.People;

/// <summary>
/// A member of staff that Soc-IT gives permissions to. Identified by personnummer: an order for someone already known
/// is matched to them, otherwise the employee is created.
/// </summary>
public sealed class Employee
{
    public const int FullNameMaxLength = 120;
    public const int ProtectionReasonMaxLength = 500;

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
    /// Protected personal data (skyddad identitet: sekretessmarkering or skyddad folkbokföring): the name is shown as
    /// <see cref="PersonName.Protected"/> everywhere but the person's own employee and case pages.
    /// </summary>
    public bool IsProtected { get; private set; }

    /// <summary>Why the person is protected (or, after clearing, why the protection was removed).</summary>
    public string? ProtectionReason { get; private set; }

    /// <summary>The name as lists, e-mails and exports may show it.</summary>
    public string ShownName => PersonName.Shown(FullName, IsProtected);

    /// <summary>Marks the person as protected; the reason (e.g. the tax agency's decision) is required.</summary>
    public void Protect(string reason)
    {
        var why = Text.Required(reason, ProtectionReasonMaxLength, "Skälet");
        if (IsProtected)
        {
            throw new DomainException("Personen är redan markerad med skyddad identitet.");
        }

        IsProtected = true;
        ProtectionReason = why;
    }

    /// <summary>Clears the protection; also needs a reason, which replaces the one given when it was set.</summary>
    public void Unprotect(string reason)
    {
        var why = Text.Required(reason, ProtectionReasonMaxLength, "Skälet");
        if (!IsProtected)
        {
            throw new DomainException("Personen är inte markerad med skyddad identitet.");
        }

        IsProtected = false;
        ProtectionReason = why;
    }

    /// <summary>
    /// A newer order may spell the name differently (a marriage, a typo corrected). Applied only when that order's case
    /// is completed, never at intake and never from an end order (see <see cref="NameChange"/>).
    /// </summary>
    public void Rename(string fullName) => FullName = Text.Required(fullName, FullNameMaxLength, "Namnet");
}
