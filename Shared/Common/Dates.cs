using System.Globalization;

namespace SocItConsole.Shared.Common;

/// <summary>How the console writes a date, in pages, e-mail, messages and files alike.</summary>
public static class Dates
{
    /// <summary>"2026-11-27".</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
