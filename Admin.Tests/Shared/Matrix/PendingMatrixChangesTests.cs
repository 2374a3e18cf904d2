using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Tests.Shared.Matrix;

public class PendingMatrixChangesTests
{
    private static readonly CellKey Lifecare = new(1, 6);
    private static readonly CellKey Appva = new(1, 3);
    private static readonly CellKey Combine = new(2, 1);

    private static PendingMatrixChanges Loaded() =>
        new(baseVersion: 4, [new MatrixCell(1, 6, 60), new MatrixCell(1, 3, 30)]);

    [Fact]
    public void NewSession_HasNoChanges_AndShowsTheLoadedLevels()
    {
        var pending = Loaded();

        Assert.False(pending.HasChanges);
        Assert.Equal(60, pending.Current(Lifecare));
        Assert.Null(pending.Current(Combine));
        Assert.Equal("Inga ändringar", pending.Summary);
    }

    [Fact]
    public void Set_RecordsAddedRemovedAndChangedCells()
    {
        var pending = Loaded();

        pending.Set(Combine, 10);
        pending.Set(Appva, null);
        pending.Set(Lifecare, 61);

        Assert.Equal(3, pending.Count);
        Assert.Equal(CellChangeKind.Added, pending.Changes.Single(c => c.Key == Combine).Kind);
        Assert.Equal(CellChangeKind.Removed, pending.Changes.Single(c => c.Key == Appva).Kind);
        Assert.Equal(new CellChange(Lifecare, 60, 61), pending.Changes.Single(c => c.Key == Lifecare));
        Assert.Equal("1 tillagd, 1 borttagen, 1 ändrad nivå", pending.Summary);
        Assert.True(pending.IsPending(Lifecare));
    }

    [Fact]
    public void SettingACellBackToItsLoadedLevel_TakesItOutOfThePendingChanges()
    {
        var pending = Loaded();
        pending.Set(Lifecare, 61);
        pending.Set(Lifecare, 60);
        pending.Set(Combine, 10);
        pending.Set(Combine, null);

        Assert.False(pending.HasChanges);
        Assert.False(pending.IsPending(Lifecare));
    }

    [Fact]
    public void Discard_DropsEveryPendingChange()
    {
        var pending = Loaded();
        pending.Set(Lifecare, null);
        pending.Set(Combine, 10);

        pending.Discard();

        Assert.False(pending.HasChanges);
        Assert.Equal(60, pending.Current(Lifecare));
    }

    [Fact]
    public void Revert_UndoesOneCell()
    {
        var pending = Loaded();
        pending.Set(Lifecare, null);
        pending.Set(Combine, 10);

        pending.Revert(Lifecare);

        Assert.Equal([Combine], pending.Changes.Select(c => c.Key));
    }

    [Fact]
    public void Rebase_KeepsEditsThatStillChangeSomething_AndDropsThoseAlreadyMadeByOthers()
    {
        var pending = Loaded();
        pending.Set(Lifecare, 61);   // someone else also set 61 meanwhile
        pending.Set(Combine, 10);    // still new
        pending.Set(Appva, null);    // the other removed nothing here

        var rebased = pending.Rebase(6, [new MatrixCell(1, 6, 61), new MatrixCell(1, 3, 30), new MatrixCell(3, 1, 10)]);

        Assert.Equal(6, rebased.BaseVersion);
        Assert.Equal([Appva, Combine], rebased.Changes.Select(c => c.Key).OrderBy(k => k.TitleId).ThenBy(k => k.SystemId));
        Assert.Equal(61, rebased.Current(Lifecare));
        Assert.False(rebased.IsPending(Lifecare));
    }

    [Fact]
    public void Rebase_ChangesTheBeforeLevelToWhatOthersSaved()
    {
        var pending = Loaded();
        pending.Set(Lifecare, 62);

        var rebased = pending.Rebase(5, [new MatrixCell(1, 6, 61)]);

        Assert.Equal(new CellChange(Lifecare, 61, 62), Assert.Single(rebased.Changes));
    }

    [Fact]
    public void Result_IsTheLoadedMatrixWithThePendingChangesApplied()
    {
        var pending = Loaded();
        pending.Set(Appva, null);
        pending.Set(Combine, 10);
        pending.Set(Lifecare, 61);

        Assert.Equal(
            [new MatrixCell(1, 6, 61), new MatrixCell(2, 1, 10)],
            pending.Result().OrderBy(c => c.TitleId).ThenByDescending(c => c.SystemId));
    }

    [Fact]
    public void Saved_GoesOnFromTheSavedVersion_WithTheEditsAsTheOriginal_AndNothingPending()
    {
        var pending = Loaded();
        pending.Set(Appva, null);
        pending.Set(Lifecare, 61);

        var saved = pending.Saved(pending.BaseVersion + 1);

        Assert.Equal(pending.BaseVersion + 1, saved.BaseVersion);
        Assert.False(saved.HasChanges);
        Assert.Null(saved.Original(Appva));
        Assert.Equal(61, saved.Original(Lifecare));
        Assert.Equal(pending.Result().OrderBy(c => c.TitleId).ThenBy(c => c.SystemId), saved.Result().OrderBy(c => c.TitleId).ThenBy(c => c.SystemId));
    }

    [Fact]
    public void Saved_RefusesAVersionThatDoesNotFollowTheBase()
    {
        var pending = Loaded();

        Assert.Throws<ArgumentOutOfRangeException>(() => pending.Saved(pending.BaseVersion));
    }
}
