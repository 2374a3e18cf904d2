namespace SocItConsole.Shared.Keys;

/// <summary>One change of a key's status: from what, to what, by whom, when, why, and who held the key.</summary>
public sealed class KeyEvent
{
    private KeyEvent()
    {
        ByName = string.Empty;
    }

    internal KeyEvent(KeyStatus? from, KeyStatus to, string byName, DateTimeOffset at, string? note, int? holderEmployeeId)
    {
        From = from;
        To = to;
        ByName = byName;
        At = at.ToUniversalTime();
        Note = note;
        HolderEmployeeId = holderEmployeeId;
    }

    public int Id { get; private set; }

    /// <summary>Null for the registration, when the key had no status yet.</summary>
    public KeyStatus? From { get; private set; }

    public KeyStatus To { get; private set; }

    public string ByName { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The employee who held the key at the change (the new holder on an assignment, the last one after).</summary>
    public int? HolderEmployeeId { get; private set; }
}
