namespace SocItConsole.Admin.Infrastructure.Localization;

/// <summary>The municipality's time zone: dates people see and deadlines they act on are Swedish dates.</summary>
public static class AdminTimeZone
{
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
}
