using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Tests.Shared.Matrix;

public class MatrixHistoryTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private static readonly Actor Admin = new("a1", "Johan Berg");

    private static MatrixChangeSet Set(int version, string savedAtUtc, params MatrixCellChange[] changes)
    {
        var set = new MatrixChangeSet(version, DateTimeOffset.Parse(savedAtUtc, System.Globalization.CultureInfo.InvariantCulture), Admin, null, MatrixChangeSource.Editor);
        foreach (var change in changes)
        {
            set.Add(change);
        }

        return set;
    }

    private static MatrixCellChange Change(int title, int system, int? before, int? after) =>
        new(title, $"Titel {title}", system, $"System {system}", before, before is null ? null : $"N{before}", after, after is null ? null : $"N{after}");

    private static readonly MatrixChangeSet[] History =
    [
        Set(1, "2026-03-01T08:00:00Z", Change(1, 1, null, 10), Change(1, 2, null, 20), Change(2, 1, null, 10)),
        Set(2, "2026-04-15T21:30:00Z", Change(1, 2, 20, 21), Change(2, 1, 10, null)),
        Set(3, "2026-04-15T22:30:00Z", Change(3, 3, null, 30)),
    ];

    [Fact]
    public void AtVersion_ReplaysChangeSetsInOrder()
    {
        var v2 = MatrixHistory.AtVersion(History.Reverse(), 2);

        Assert.Equal(2, v2.Count);
        Assert.Equal(10, v2[new CellKey(1, 1)].LevelId);
        Assert.Equal("N21", v2[new CellKey(1, 2)].LevelName);
        Assert.False(v2.ContainsKey(new CellKey(2, 1)));
    }

    [Fact]
    public void AtVersionZero_IsTheEmptyMatrix() => Assert.Empty(MatrixHistory.AtVersion(History, 0));

    [Theory]
    [InlineData("2026-02-28", 0)]
    [InlineData("2026-03-01", 1)]
    [InlineData("2026-04-14", 1)]
    [InlineData("2026-04-15", 2)]   // 21:30 UTC is 23:30 in Stockholm (summer time): still the 15th
    [InlineData("2026-04-16", 3)]   // 22:30 UTC is 00:30 on the 16th in Stockholm
    [InlineData("2027-01-01", 3)]
    public void VersionInForceOn_IsTheLastSavedByTheEndOfThatSwedishDay(string date, int expected) =>
        Assert.Equal(expected, MatrixHistory.VersionInForceOn(History, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Stockholm));

    [Fact]
    public void Compare_ListsEveryCellThatDiffers()
    {
        var differences = MatrixHistory.Compare(
            MatrixHistory.AtVersion(History, 1), MatrixHistory.AtVersion(History, 3), StringComparer.Ordinal);

        Assert.Equal(3, differences.Count);
        Assert.Contains(differences, d => d.Key == new CellKey(1, 2) && d.LevelA == "N20" && d.LevelB == "N21");
        Assert.Contains(differences, d => d.Key == new CellKey(2, 1) && d.LevelA == "N10" && d.LevelB is null);
        Assert.Contains(differences, d => d.Key == new CellKey(3, 3) && d.LevelA is null && d.LevelB == "N30");
    }

    [Fact]
    public void Compare_OfAVersionWithItself_IsEmpty() =>
        Assert.Empty(MatrixHistory.Compare(MatrixHistory.AtVersion(History, 2), MatrixHistory.AtVersion(History, 2), StringComparer.Ordinal));

    [Fact]
    public void ChangeSet_SummarisesItsChanges() =>
        Assert.Equal("3 tillagda", History[0].Summary);

    [Fact]
    public void CellChange_WithNeitherBeforeNorAfter_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Change(1, 1, null, null));
}
