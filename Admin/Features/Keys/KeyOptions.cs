using SocItConsole.Shared.Keys;

namespace SocItConsole.Admin.Features.Keys;

/// <summary>The <c>Keys</c> section: when a key still to be returned counts as overdue.</summary>
public sealed class KeyOptions
{
    public const string Section = "Keys";

    /// <summary>Days after a key's due day (the last working day) before it counts as not returned.</summary>
    public int ReturnOverdueAfterDays { get; set; } = KeyReturnRules.DefaultOverdueAfterDays;
}
