using System.Globalization;

namespace SocItConsole.Shared.Common;

/// <summary>How the console writes a date, in pages, e-mail, messages and files alike.</summary>
public static class Dates
{
    /// <summary>What stands where there is no date: an open end, a case not yet taken.</summary>
    public const string None = "–";

    /// <summary>"2026-11-27".</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2026-11-27", or <see cref="None"/> where there is no date.</summary>
    public static string Iso(DateOnly? date) => date is { } day ? Iso(day) : None;
}
