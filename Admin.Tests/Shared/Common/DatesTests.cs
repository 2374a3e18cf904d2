using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Tests.Shared.Common;

public class DatesTests
{
    [Fact]
    public void Iso_WritesTheDate_AsTheConsoleWritesDates()
    {
        Assert.Equal("2026-11-27", Dates.Iso(new DateOnly(2026, 11, 27)));
        Assert.Equal("2026-01-05", Dates.Iso(new DateOnly(2026, 1, 5)));
    }

    [Fact]
    public void Iso_WritesADash_WhereThereIsNoDate()
    {
        DateOnly? openEnd = null;
        DateOnly? lastDay = new DateOnly(2026, 11, 27);

        Assert.Equal("–", Dates.Iso(openEnd));
        Assert.Equal("2026-11-27", Dates.Iso(lastDay));
    }
}
