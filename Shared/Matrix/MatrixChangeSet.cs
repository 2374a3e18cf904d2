using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Matrix;

public enum MatrixChangeSource
{
    Editor,
    Import,
    DemoData,
}

/// <summary>
/// One saved version of the matrix: who, when, why, and every cell before → after. Versions are numbered from 1
/// and replaying them in order rebuilds the matrix as it stood at any point.
/// </summary>
public sealed class MatrixChangeSet
{
    public const int CommentMaxLength = 500;

    private readonly List<MatrixCellChange> _changes = [];

    private MatrixChangeSet()
    {
        SavedById = SavedByName = string.Empty;
    }

    public MatrixChangeSet(int version, DateTimeOffset savedAt, Actor savedBy, string? comment, MatrixChangeSource source)
    {
        ArgumentNullException.ThrowIfNull(savedBy);
        Version = version;
        SavedAt = savedAt.ToUniversalTime();
        SavedById = savedBy.Id;
        SavedByName = savedBy.Name;
        Comment = Text.Optional(comment, CommentMaxLength, "Kommentaren");
        Source = source;
    }

    public int Id { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    public string SavedById { get; private set; }

    public string SavedByName { get; private set; }

    public string? Comment { get; private set; }

    public MatrixChangeSource Source { get; private set; }

    public IReadOnlyList<MatrixCellChange> Changes => _changes;

    /// <summary>"3 tillagda, 1 borttagen, 2 ändrad nivå".</summary>
    public string Summary => MatrixChangeSummary.Describe(_changes.Select(c => c.Kind));

    public void Add(MatrixCellChange change) => _changes.Add(change);
}

/// <summary>One cell in a change set, with names as they were then, so history reads true after renames.</summary>
public sealed class MatrixCellChange
{
    private MatrixCellChange()
    {
        TitleName = SystemName = string.Empty;
    }

    public MatrixCellChange(
        int titleId, string titleName, int systemId, string systemName,
        int? levelBeforeId, string? levelBeforeName, int? levelAfterId, string? levelAfterName)
    {
        if (levelBeforeId is null && levelAfterId is null)
        {
            throw new ArgumentException("A change needs a level before or after.", nameof(levelAfterId));
        }

        TitleId = titleId;
        TitleName = titleName;
        SystemId = systemId;
        SystemName = systemName;
        LevelBeforeId = levelBeforeId;
        LevelBeforeName = levelBeforeName;
        LevelAfterId = levelAfterId;
        LevelAfterName = levelAfterName;
    }

    public int Id { get; private set; }

    public int TitleId { get; private set; }

    public string TitleName { get; private set; }

    public int SystemId { get; private set; }

    public string SystemName { get; private set; }

    public int? LevelBeforeId { get; private set; }

    public string? LevelBeforeName { get; private set; }

    public int? LevelAfterId { get; private set; }

    public string? LevelAfterName { get; private set; }

    public CellKey Key => new(TitleId, SystemId);

    public CellChangeKind Kind => new CellChange(Key, LevelBeforeId, LevelAfterId).Kind;
}
