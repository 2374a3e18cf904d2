using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Reviews;

namespace SocItConsole.Admin.Tests.Features.FollowUps;

/// <summary>
/// What the jobs say when they are done — the command line's last line, the console's "Kör nu" result, the job's row
/// in JobRuns and its log — in Swedish with singular and plural right: "1 påminnelse skickad", "2 påminnelser skickade".
/// </summary>
public class JobSummaryWordingTests
{
    private static readonly DateOnly Day = new(2026, 11, 27);

    [Theory]
    [InlineData(0, false, "Körning 2026-11-27: 0 nya uppföljningar, 0 stängda, 0 påminnelser skickade (0 rader), 0 eskalerade.")]
    [InlineData(1, false, "Körning 2026-11-27: 1 ny uppföljning, 1 stängd, 1 påminnelse skickad (1 rad), 1 eskalerad.")]
    [InlineData(2, false, "Körning 2026-11-27: 2 nya uppföljningar, 2 stängda, 2 påminnelser skickade (2 rader), 2 eskalerade.")]
    [InlineData(0, true, "Provkörning 2026-11-27: 0 nya uppföljningar, 0 stängda, 0 påminnelser skulle skickas (0 rader), 0 eskalerade.")]
    [InlineData(1, true, "Provkörning 2026-11-27: 1 ny uppföljning, 1 stängd, 1 påminnelse skulle skickas (1 rad), 1 eskalerad.")]
    [InlineData(2, true, "Provkörning 2026-11-27: 2 nya uppföljningar, 2 stängda, 2 påminnelser skulle skickas (2 rader), 2 eskalerade.")]
    public void ExpiryRun_Summary_CountsInSwedish(int count, bool dryRun, string expected)
    {
        var report = new FollowUpRunReport(Day, dryRun, count, count, count, count, count, [], []);

        Assert.Equal(expected, report.Summary);
    }

    [Fact]
    public void ExpiryRun_Summary_NamesTheFailures()
    {
        var report = new FollowUpRunReport(Day, false, 0, 0, 1, 1, 0, ["anna.lindqvist@kommun.example: 4.3.0"], []);

        Assert.Equal("Körning 2026-11-27: 0 nya uppföljningar, 0 stängda, 1 påminnelse skickad (1 rad), 0 eskalerade, 1 misslyckades.", report.Summary);
    }

    [Theory]
    [InlineData(0, false, "2026-11-27: 0 påminnelser, 0 verksamheter eskalerade.")]
    [InlineData(1, false, "2026-11-27: 1 påminnelse, 1 verksamhet eskalerad.")]
    [InlineData(2, false, "2026-11-27: 2 påminnelser, 2 verksamheter eskalerade.")]
    [InlineData(0, true, "Provkörning 2026-11-27: 0 påminnelser skulle skickas, 0 verksamheter eskalerade.")]
    [InlineData(1, true, "Provkörning 2026-11-27: 1 påminnelse skulle skickas, 1 verksamhet eskalerad.")]
    [InlineData(2, true, "Provkörning 2026-11-27: 2 påminnelser skulle skickas, 2 verksamheter eskalerade.")]
    public void ReviewRun_Summary_CountsInSwedish(int count, bool dryRun, string expected)
    {
        var report = new ReviewRunReport(Day, dryRun, count, count, [], []);

        Assert.Equal(expected, report.Summary);
    }
}
