using System.Globalization;

namespace SocItConsole.Admin.Features.Access;

/// <summary>How the access view reads in Swedish.</summary>
public static class AccessDisplay
{
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string KindName(AccessKind kind) => kind switch
    {
        AccessKind.All => "Alla",
        AccessKind.Temporary => "Tillfälliga",
        AccessKind.FromOtherUnits => "Från andra verksamheter",
        _ => kind.ToString(),
    };

    /// <summary>"1 person", "3 personer".</summary>
    public static string Persons(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "person" : "personer")}");

    /// <summary>"1 behörighet", "3 behörigheter".</summary>
    public static string Grants(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "behörighet" : "behörigheter")}");

    /// <summary>What is already ordered for a grant, in words.</summary>
    public static string Request(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Kind switch
        {
            AccessRequestKind.End => $"Avslut beställt: ärende {request.CaseNumber}",
            AccessRequestKind.Extension => request.Until is { } until
                ? $"Förlängning till {Day(until)} beställd: ärende {request.CaseNumber}"
                : $"Förlängning beställd: ärende {request.CaseNumber}",
            _ => request.Until is { } to
                ? $"Förlängd till {Day(to)}: ärende {request.CaseNumber}"
                : $"Förlängd tills vidare: ärende {request.CaseNumber}",
        };
    }

    public static string DaysLeft(DateOnly to, DateOnly today) => (to.DayNumber - today.DayNumber) switch
    {
        0 => "Sista dag i dag",
        1 => "Slutar i morgon",
        var days => string.Create(CultureInfo.InvariantCulture, $"Slutar om {days} dagar"),
    };
}
