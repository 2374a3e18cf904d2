namespace SocItConsole.Shared.Keys;

/// <summary>
/// One issue or reset of a personal code: which version, who, when and, for a reset, why. Never the code itself.
/// </summary>
public sealed class PersonalCodeEvent
{
    private PersonalCodeEvent()
    {
        ByName = string.Empty;
    }

    internal PersonalCodeEvent(int version, PersonalCodeResetReason? reason, string byName, DateTimeOffset at)
    {
        Version = version;
        Reason = reason;
        ByName = byName;
        At = at.ToUniversalTime();
    }

    public int Id { get; private set; }

    public int Version { get; private set; }

    /// <summary>Null for the first issue; the reason for a reset.</summary>
    public PersonalCodeResetReason? Reason { get; private set; }

    public bool IsReset => Reason is not null;

    public string ByName { get; private set; }

    public DateTimeOffset At { get; private set; }
}
