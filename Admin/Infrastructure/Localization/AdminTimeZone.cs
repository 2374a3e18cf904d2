using System.Globalization;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Infrastructure.Localization;

/// <summary>The municipality's time zone: dates people see and deadlines they act on are Swedish dates.</summary>
public static class AdminTimeZone
{
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Today's date in Sweden by <paramref name="clock"/>: the date a rule is checked against.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>The Swedish date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Stockholm).DateTime);

    /// <summary>The instant a Swedish day begins: a date filter's "from", or with the next day its "to" (exclusive).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Stockholm.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>An instant as people read it in the console: Swedish local time, "2026-11-27 10:00".</summary>
    public static string Minute(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Stockholm).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An instant as people read it, or "–" where there is none (a case not yet taken).</summary>
    public static string Minute(DateTimeOffset? at) => at is { } value ? Minute(value) : Dates.None;

    /// <summary>The Swedish date of an instant as the console writes dates, "2026-11-27".</summary>
    public static string Day(DateTimeOffset at) => Dates.Iso(DateOf(at));
}
