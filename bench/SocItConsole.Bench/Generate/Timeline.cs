using System.Globalization;

namespace SocItConsole.Bench.Generate;

/// <summary>
/// The generated organisation's time: orders arrive over the <see cref="Days"/> days before <see cref="Today"/>, the
/// matrix was saved a month before the first one. SQL works with day offsets from today (<c>date(@T + offset)</c>)
/// and with instants as UTC ticks, as the app stores them.
/// </summary>
internal sealed record Timeline(DateOnly Today)
{
    /// <summary>About three years of orders.</summary>
    public const int Days = 3 * 365;

    /// <summary>The window of "recently run out": a temporary grant that ended 1–120 days ago is the expiry job's.</summary>
    public const int ExpiredWindowDays = 120;

    private const long TicksPerDay = TimeSpan.TicksPerDay;

    public DateOnly WindowStart => Today.AddDays(-Days);

    /// <summary>UTC midnight of <see cref="WindowStart"/> in ticks: order times are counted from it.</summary>
    public long BaseTicks => WindowStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;

    public long MatrixSavedTicks => BaseTicks - (30 * TicksPerDay);

    /// <summary>Today as a Julian day number, so that <c>date(@T + n)</c> is the date n days from today.</summary>
    public double TodayJulian => 1721425.5 + Today.DayNumber;

    public string TodayText => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string ExpiredWindowStartText => Today.AddDays(-ExpiredWindowDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
