namespace SocItConsole.Shared.Matrix;

/// <summary>A cell's address: one job title's row, one system's column.</summary>
public readonly record struct CellKey(int TitleId, int SystemId);

/// <summary>A filled cell of the title × system matrix: the title gets the system at this level.</summary>
public readonly record struct MatrixCell(int TitleId, int SystemId, int LevelId)
{
    public CellKey Key => new(TitleId, SystemId);
}

public enum CellChangeKind
{
    Added,
    Removed,
    LevelChanged,
}

/// <summary>A cell before and after a change; a null level is an empty cell.</summary>
public readonly record struct CellChange(CellKey Key, int? LevelBefore, int? LevelAfter)
{
    public CellChangeKind Kind => (LevelBefore, LevelAfter) switch
    {
        (null, _) => CellChangeKind.Added,
        (_, null) => CellChangeKind.Removed,
        _ => CellChangeKind.LevelChanged,
    };
}
