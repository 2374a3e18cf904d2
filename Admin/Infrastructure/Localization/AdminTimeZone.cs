namespace SocItConsole.Admin.Infrastructure.Localization;

/// <summary>The municipality's time zone: dates people see and deadlines they act on are Swedish dates.</summary>
public static class AdminTimeZone
{
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Today's date in Sweden by <paramref name="clock"/>: the date a rule is checked against.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm).DateTime);
    }
}
