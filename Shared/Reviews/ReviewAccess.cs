using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Reviews;

/// <summary>
/// Who may answer a line: a manager of the line's unit, matched by e-mail address (the same normalised address the
/// unit's managers are stored with). A manager of the person's own unit does not answer for access in another unit:
/// the unit that gave the access attests it.
/// </summary>
public static class ReviewAccess
{
    public static bool MayAnswer(EmailAddress manager, IEnumerable<EmailAddress> unitManagerEmails)
    {
        ArgumentNullException.ThrowIfNull(unitManagerEmails);
        return !string.IsNullOrEmpty(manager.Value) && unitManagerEmails.Contains(manager);
    }
}
