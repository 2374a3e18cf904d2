namespace SocItConsole.Shared.Keys;

/// <summary>
/// A personal key returned on an end-of-employment case, and a key that is late: when a case's return item may
/// change the register, and when a key still to be returned counts as overdue.
/// </summary>
public static class KeyReturnRules
{
    /// <summary>The routine's days after the last working day before an unreturned key is chased.</summary>
    public const int DefaultOverdueAfterDays = 14;

    private const string FixIt = " Inget sparades. Rätta nyckelregistret under Nycklar, eller markera punkten ej aktuell med en anteckning.";

    /// <summary>
    /// A key to be returned is overdue when its due day lies more than <paramref name="overdueAfterDays"/> days before
    /// <paramref name="today"/>, that is when <see cref="Key.ReturnDueOn"/> is before the day returned: due 2026-12-01
    /// with 14 days is on time through 2026-12-15 and overdue from 2026-12-16.
    /// </summary>
    public static DateOnly OverdueIfDueBefore(DateOnly today, int overdueAfterDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(overdueAfterDays);
        return today.AddDays(-overdueAfterDays);
    }

    /// <summary>
    /// Why ticking the return of key <paramref name="named"/> on <paramref name="employeeName"/>'s case must be
    /// refused, or null when the register agrees that the person holds it (<paramref name="key"/> is the register's
    /// key of that number, if any; <paramref name="heldByEmployee"/> the numbers of all keys the person holds).
    /// </summary>
    public static string? ReturnRefusal(
        KeyNumber named, Key? key, int employeeId, string employeeName, IReadOnlyCollection<KeyNumber> heldByEmployee)
    {
        ArgumentNullException.ThrowIfNull(heldByEmployee);
        if (key is not null && IsHeld(key) && key.HolderEmployeeId == employeeId)
        {
            return null;
        }

        var others = heldByEmployee.Where(n => n != named).Select(n => n.Value).Order(StringComparer.Ordinal).ToList();
        var theirs = others.Count == 0
            ? null
            : $" Enligt registret har {employeeName} {(others.Count == 1 ? "nyckeln" : "nycklarna")} {string.Join(", ", others)}, inte {named}.";
        if (key is null)
        {
            return $"Nyckeln {named} finns inte i nyckelregistret.{theirs}{FixIt}";
        }

        return key.Status switch
        {
            KeyStatus.Issued or KeyStatus.ToBeReturned =>
                $"Nyckeln {named} är enligt nyckelregistret utlämnad till någon annan än {employeeName}.{theirs}{FixIt}",
            KeyStatus.Returned => $"Nyckeln {named} är redan återlämnad enligt nyckelregistret.{theirs}{FixIt}",
            _ => $"Nyckeln {named} har status \"{KeyTexts.Status(key.Status)}\" i nyckelregistret och kan inte återlämnas.{theirs}{FixIt}",
        };
    }

    /// <summary>
    /// Why a ticked return of key <paramref name="named"/> cannot be undone on the case, or null when it can: only
    /// when the register shows the key in the person's hands again (handed out anew under Nycklar). The case never
    /// takes a key back out of the register itself, since someone may have restocked or handed it on meanwhile.
    /// </summary>
    public static string? UndoRefusal(KeyNumber named, Key? key, int employeeId, string employeeName)
    {
        if (key is not null && IsHeld(key) && key.HolderEmployeeId == employeeId)
        {
            return null;
        }

        var status = key is null ? "finns inte i nyckelregistret" : $"har status \"{KeyTexts.Status(key.Status)}\" i nyckelregistret";
        return $"Nyckeln {named} {status}, så återlämningen kan inte ångras här. Var den fel: lämna ut nyckeln till "
            + $"{employeeName} igen under Nycklar och ändra sedan punkten. Inget sparades.";
    }

    private static bool IsHeld(Key key) => key.Status is KeyStatus.Issued or KeyStatus.ToBeReturned;
}
