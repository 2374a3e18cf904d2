using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Tests.Shared.Matrix;

public class MatrixChangeSummaryTests
{
    private const CellChangeKind A = CellChangeKind.Added;
    private const CellChangeKind R = CellChangeKind.Removed;
    private const CellChangeKind C = CellChangeKind.LevelChanged;

    public static TheoryData<CellChangeKind[], string> Cases => new()
    {
        { [], "Inga ändringar" },
        { [A], "1 tillagd" },
        { [A, A, A], "3 tillagda" },
        { [R], "1 borttagen" },
        { [R, R], "2 borttagna" },
        { [C], "1 ändrad nivå" },
        { [A, A, A, R, C, C], "3 tillagda, 1 borttagen, 2 ändrad nivå" },
        { [C, R, A], "1 tillagd, 1 borttagen, 1 ändrad nivå" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Describe_CountsEachKindInSwedish(CellChangeKind[] kinds, string expected) =>
        Assert.Equal(expected, MatrixChangeSummary.Describe(kinds));

    [Theory]
    [InlineData(0, 0, 0, "Inga ändringar")]
    [InlineData(2, 1, 3, "2 tillagda, 1 borttagen, 3 ändrad nivå")]
    [InlineData(1, 0, 0, "1 tillagd")]
    public void Describe_FromCounts_ReadsAsFromKinds(int added, int removed, int changed, string expected)
    {
        Assert.Equal(expected, MatrixChangeSummary.Describe(added, removed, changed));
        Assert.Equal(expected, MatrixChangeSummary.Describe(
            [.. Enumerable.Repeat(CellChangeKind.Added, added), .. Enumerable.Repeat(CellChangeKind.Removed, removed),
             .. Enumerable.Repeat(CellChangeKind.LevelChanged, changed)]));
    }
}
