using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Features.Matrix;

public sealed record LevelOption(int Id, string Name);

public sealed record MatrixTitle(int Id, string Name, bool IsActive);

public sealed record MatrixSystem(int Id, string Name, bool IsActive, bool RequiresDigitalKeys, IReadOnlyList<LevelOption> Levels)
{
    /// <summary>The longest column header the matrix shows in full; a longer name is cut, and its whole shows on hover.</summary>
    public const int ShortNameMaxLength = 10;

    /// <summary>
    /// The column header: the name itself when short (all ten of the routine's systems but "Smartkort (SITHS)"),
    /// else its first characters and an ellipsis, so that ten columns fit beside the titles at 1366 px.
    /// </summary>
    public string ShortName => Name.Length <= ShortNameMaxLength ? Name : Name[..(ShortNameMaxLength - 1)].TrimEnd() + "…";

    public string? LevelName(int? levelId) => levelId is { } id ? Levels.FirstOrDefault(l => l.Id == id)?.Name : null;
}

/// <summary>The matrix as the editor loads it: every title and system (inactive ones flagged), the cells, the version.</summary>
public sealed record MatrixModel(
    int Version,
    IReadOnlyList<MatrixTitle> Titles,
    IReadOnlyList<MatrixSystem> Systems,
    IReadOnlyList<MatrixCell> Cells)
{
    public MatrixTitle? Title(int id) => Titles.FirstOrDefault(t => t.Id == id);

    public MatrixSystem? System(int id) => Systems.FirstOrDefault(s => s.Id == id);
}

/// <summary>A cell change described with names, for dialogs, conflicts and history.</summary>
public sealed record NamedCellChange(
    CellKey Key, string TitleName, string SystemName, string? LevelBefore, string? LevelAfter, CellChangeKind Kind)
{
    /// <summary>The level id after the change, where the change is yet to be applied (an import's dry run).</summary>
    public int? LevelAfterId { get; init; }
}

/// <summary>Where an unsaved change is: the cell's row and column as the grid names them, for the editor's summary.</summary>
public sealed record ChangeLocation(CellKey Key, string TitleName, string SystemName, CellChangeKind Kind)
{
    /// <summary>As the cell's own label reads: "Undersköterska – Appva".</summary>
    public string Label => $"{TitleName} – {SystemName}";
}

/// <summary>A cell someone else changed after the version an editor was based on.</summary>
public sealed record ConflictingCell(
    int Version, string SavedBy, DateTimeOffset SavedAt, NamedCellChange Change, bool AlsoChangedByYou);

public abstract record MatrixSaveResult
{
    public sealed record Saved(int Version, string Summary) : MatrixSaveResult;

    /// <summary>The matrix moved on since <c>baseVersion</c>; nothing was saved.</summary>
    public sealed record Conflict(int CurrentVersion, IReadOnlyList<ConflictingCell> ChangedMeanwhile) : MatrixSaveResult;

    public sealed record Rejected(string Message) : MatrixSaveResult;
}

public sealed record VersionRow(
    int Version, DateTimeOffset SavedAt, string SavedBy, string? Comment, MatrixChangeSource Source, string Summary, int ChangeCount);

public sealed record VersionDetails(VersionRow Version, IReadOnlyList<NamedCellChange> Changes);

/// <summary>A read-only matrix of some version: the rows and columns it has, and the level name per cell.</summary>
public sealed record HistoricMatrix(
    int Version, IReadOnlyList<string> Titles, IReadOnlyList<string> Systems, IReadOnlyDictionary<(string Title, string System), string> Cells);

