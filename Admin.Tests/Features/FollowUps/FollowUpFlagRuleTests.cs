using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Admin.Tests.Features.FollowUps;

/// <summary>One migrated database with the demo organisation, shared by the cases of the flagging rule.</summary>
public sealed class FlagRuleWorld : IAsyncLifetime
{
    private int _nextSystemId = 9000;

    public FollowUpWorld World { get; private set; } = null!;

    /// <summary>A system id no other case uses, so that no grant of another case continues this one's.</summary>
    public int NewSystemId() => Interlocked.Increment(ref _nextSystemId);

    public async ValueTask InitializeAsync() => World = await FollowUpWorld.CreateAsync();

    public ValueTask DisposeAsync()
    {
        World.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The flagging and continuation rule is the SQL production runs (<see cref="FollowUpRun.DueGrantsSql"/>, decision
/// 0025): these are its cases, run against that text on a real SQLite database. The first two tables were the cases of
/// the in-memory twin the job never called.
/// </summary>
public class FollowUpFlagRuleTests(FlagRuleWorld fixture) : IClassFixture<FlagRuleWorld>
{
    private static readonly DateOnly Today = FollowUpWorld.Today;
    private static readonly FollowUpSettings Settings = FollowUpSettings.Default;

    [Theory]
    [InlineData("2026-11-20", false, true)]   // ran out a week ago
    [InlineData("2025-11-27", false, true)]   // ran out a year ago: a missed night never hides it
    [InlineData("2026-11-26", false, true)]   // ran out yesterday
    [InlineData("2026-11-27", false, true)]   // last day today
    [InlineData("2026-12-04", false, true)]   // last day at the end of the heads-up window
    [InlineData("2026-12-05", false, false)]  // one day beyond the window
    [InlineData("2026-11-20", true, false)]   // an end order has ended it
    [InlineData(null, false, false)]          // runs until further notice
    public async Task Flags_ExpiredAndWithinHeadsUpWindow(string? lastDay, bool ended, bool expected)
    {
        var grant = await fixture.World.AddGrantRowAsync(
            fixture.NewSystemId(), new DateOnly(2025, 1, 1), lastDay is null ? null : Day(lastDay), ended ? 7 : null);

        Assert.Equal(expected, (await DueAsync(Settings)).Contains(grant));
    }

    [Theory]
    [InlineData(0, "2026-11-27", true)]
    [InlineData(0, "2026-11-28", false)]
    [InlineData(14, "2026-12-11", true)]
    [InlineData(14, "2026-12-12", false)]
    public async Task Flags_FollowingTheConfiguredWindow(int headsUpDays, string lastDay, bool expected)
    {
        var grant = await fixture.World.AddGrantRowAsync(fixture.NewSystemId(), new DateOnly(2025, 1, 1), Day(lastDay));

        Assert.Equal(expected, (await DueAsync(Settings with { HeadsUpDays = headsUpDays })).Contains(grant));
    }

    /// <summary>Another grant of the same access continues one that ran out on 2026-11-20 when it is active on 2026-11-21.</summary>
    [Theory]
    [InlineData("2026-11-21", null, null, false, false)]          // continued from the next day until further notice
    [InlineData("2026-11-21", "2027-02-28", null, false, false)]  // continued from the next day, for a while
    [InlineData("2026-10-01", "2026-11-25", null, false, false)]  // an overlapping grant lasting longer
    [InlineData("2026-11-22", null, null, false, true)]           // a day's gap: the access lapsed
    [InlineData("2026-10-01", "2026-11-20", null, false, true)]   // ends the same day: nothing lasts longer
    [InlineData("2026-11-21", null, 7, false, true)]              // the continuation was itself ended by an order
    [InlineData("2026-11-21", null, null, true, true)]            // another level is other access
    public async Task Flags_OnlyWhatNoActiveGrantContinues(string from, string? to, int? endedBy, bool otherLevel, bool flagged)
    {
        var systemId = fixture.NewSystemId();
        var grant = await fixture.World.AddGrantRowAsync(systemId, new DateOnly(2026, 5, 1), new DateOnly(2026, 11, 20));
        await fixture.World.AddGrantRowAsync(systemId, Day(from), to is null ? null : Day(to), endedBy, levelId: otherLevel ? 2 : 1);

        Assert.Equal(flagged, (await DueAsync(Settings)).Contains(grant));
    }

    /// <summary>The grant ids <see cref="FollowUpRun.DueGrantsSql"/> returns today under <paramref name="settings"/>.</summary>
    private async Task<HashSet<int>> DueAsync(FollowUpSettings settings)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.World.Database.CreateDbContext();
        var dialect = SqlDialect.Of(db.Database);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = FollowUpRun.DueGrantsSqlFor(dialect);
        command.Parameters.Add(dialect.Parameter("cutoff", FollowUpPolicy.FlagCutoff(Today, settings)));
        command.Parameters.Add(dialect.Parameter("afterTo", DateOnly.MinValue));
        command.Parameters.Add(dialect.Parameter("afterId", 0));
        command.Parameters.Add(dialect.Parameter("limit", int.MaxValue));
        var ids = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetInt32(reader.GetOrdinal("GrantId")));
        }

        return ids;
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);
}
