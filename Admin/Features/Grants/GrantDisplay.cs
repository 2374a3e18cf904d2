using System.Globalization;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Features.Grants;

/// <summary>How the access view reads in Swedish.</summary>
public static class GrantDisplay
{
    public static string KindName(UnitGrantKind kind) => kind switch
    {
        UnitGrantKind.All => "Alla",
        UnitGrantKind.Temporary => "Tillfälliga",
        UnitGrantKind.FromOtherUnits => "Från andra verksamheter",
        _ => kind.ToString(),
    };

    /// <summary>"1 person", "3 personer".</summary>
    public static string Persons(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "person" : "personer")}");

    /// <summary>"1 behörighet", "3 behörigheter".</summary>
    public static string Grants(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "behörighet" : "behörigheter")}");

    /// <summary>What is already ordered for a grant, in words; the page adds ": ärende SOC-2026-00042".</summary>
    public static string RequestLabel(UnitGrantRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Kind switch
        {
            UnitGrantRequestKind.End => "Avslut beställt",
            UnitGrantRequestKind.Extension => request.Until is { } until ? $"Förlängning till {Dates.Iso(until)} beställd" : "Förlängning beställd",
            _ => request.Until is { } to ? $"Förlängd till {Dates.Iso(to)}" : "Förlängd tills vidare",
        };
    }

    public static string DaysLeft(DateOnly to, DateOnly today) => (to.DayNumber - today.DayNumber) switch
    {
        0 => "Sista dag i dag",
        1 => "Slutar i morgon",
        var days => string.Create(CultureInfo.InvariantCulture, $"Slutar om {days} dagar"),
    };
}
