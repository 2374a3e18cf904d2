using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Tests.Infrastructure.Localization;

public class AdminTimeZoneTests
{
    [Fact]
    public void Minute_WritesTheSwedishLocalTime()
    {
        Assert.Equal("2026-11-27 10:00", AdminTimeZone.Minute(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026-06-27 11:00", AdminTimeZone.Minute(new DateTimeOffset(2026, 6, 27, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Minute_WritesADash_WhereThereIsNoInstant()
    {
        DateTimeOffset? none = null;
        DateTimeOffset? taken = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal("–", AdminTimeZone.Minute(none));
        Assert.Equal("2026-11-27 10:00", AdminTimeZone.Minute(taken));
    }

    [Fact]
    public void Day_IsTheSwedishDate_NotTheUtcDate()
    {
        Assert.Equal("2026-11-28", AdminTimeZone.Day(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero)));
    }
}
