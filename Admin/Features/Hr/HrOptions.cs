namespace SocItConsole.Admin.Features.Hr;

/// <summary>The reconciliation with the HR system (configuration section <c>Hr</c>).</summary>
public sealed class HrOptions
{
    public const string Section = "Hr";

    /// <summary>
    /// The folder the HR system exports its employment file to; the nightly <c>hr-reconciliation</c> job reads the newest
    /// file there. Empty: no nightly run (files are uploaded by an administrator).
    /// </summary>
    public string? ImportFolder { get; set; }

    /// <summary>How many days ahead a joiner (an HR employment starting without an order) is reported.</summary>
    public int JoinerWindowDays { get; set; } = 14;
}
