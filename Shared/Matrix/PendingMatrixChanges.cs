namespace SocItConsole.Shared.Matrix;

/// <summary>
/// The editor's unsaved work: the matrix as loaded (with its version) and the cells the administrator has changed
/// since. Setting a cell back to what it was loaded as takes it out of the pending changes.
/// </summary>
public sealed class PendingMatrixChanges
{
    private readonly Dictionary<CellKey, int> _original;
    private readonly Dictionary<CellKey, int?> _pending = [];

    public PendingMatrixChanges(int baseVersion, IEnumerable<MatrixCell> original)
    {
        ArgumentNullException.ThrowIfNull(original);
        BaseVersion = baseVersion;
        _original = original.ToDictionary(c => c.Key, c => c.LevelId);
    }

    /// <summary>The matrix version the changes are based on; a save is refused if the matrix has moved on.</summary>
    public int BaseVersion { get; }

    public int Count => _pending.Count;

    public bool HasChanges => _pending.Count > 0;

    public IReadOnlyList<CellChange> Changes =>
        [.. _pending.Select(p => new CellChange(p.Key, Original(p.Key), p.Value))];

    public string Summary => MatrixChangeSummary.Describe(Changes.Select(c => c.Kind));

    public int? Original(CellKey key) => _original.TryGetValue(key, out var level) ? level : null;

    public int? Current(CellKey key) => _pending.TryGetValue(key, out var level) ? level : Original(key);

    public bool IsPending(CellKey key) => _pending.ContainsKey(key);

    /// <summary>Sets a cell to a level, or empties it with null.</summary>
    public void Set(CellKey key, int? levelId)
    {
        if (Original(key) == levelId)
        {
            _pending.Remove(key);
        }
        else
        {
            _pending[key] = levelId;
        }
    }

    public void Revert(CellKey key) => _pending.Remove(key);

    public void Discard() => _pending.Clear();

    /// <summary>
    /// The same edits on top of a newer matrix: what someone else saved meanwhile becomes the original, and an edit
    /// that now equals it is no longer pending. Nothing the administrator did is dropped silently: the edits that
    /// remain are exactly those that still change something.
    /// </summary>
    public PendingMatrixChanges Rebase(int newVersion, IEnumerable<MatrixCell> newOriginal)
    {
        var rebased = new PendingMatrixChanges(newVersion, newOriginal);
        foreach (var (key, level) in _pending)
        {
            rebased.Set(key, level);
        }

        return rebased;
    }

    /// <summary>
    /// After the pending edits were saved as <paramref name="savedVersion"/> on top of <see cref="BaseVersion"/>: the
    /// matrix of that version is exactly the original with the edits applied, so the editor goes on from it with no
    /// reload, and nothing is pending.
    /// </summary>
    public PendingMatrixChanges Saved(int savedVersion)
    {
        if (savedVersion <= BaseVersion)
        {
            throw new ArgumentOutOfRangeException(nameof(savedVersion), savedVersion, "A saved version follows the base version.");
        }

        return new PendingMatrixChanges(savedVersion, Result());
    }

    /// <summary>The full matrix with the pending changes applied.</summary>
    public IReadOnlyList<MatrixCell> Result()
    {
        var cells = new Dictionary<CellKey, int>(_original);
        foreach (var (key, level) in _pending)
        {
            if (level is { } value)
            {
                cells[key] = value;
            }
            else
            {
                cells.Remove(key);
            }
        }

        return [.. cells.Select(c => new MatrixCell(c.Key.TitleId, c.Key.SystemId, c.Value))];
    }
}
