namespace SocItConsole.Shared.Matrix;

/// <summary>The stored form of a filled cell: the title's employees get the system at the level.</summary>
public sealed class MatrixEntry
{
    private MatrixEntry()
    {
    }

    public MatrixEntry(int jobTitleId, int itSystemId, int systemLevelId)
    {
        JobTitleId = jobTitleId;
        ItSystemId = itSystemId;
        SystemLevelId = systemLevelId;
    }

    public int JobTitleId { get; private set; }

    public int ItSystemId { get; private set; }

    public int SystemLevelId { get; private set; }

    public MatrixCell ToCell() => new(JobTitleId, ItSystemId, SystemLevelId);

    public void ChangeLevel(int systemLevelId) => SystemLevelId = systemLevelId;
}

/// <summary>
/// The matrix's version number, one row. Every saved change set advances it; a save based on an older version is
/// refused (optimistic concurrency), so that two administrators never overwrite each other.
/// </summary>
public sealed class MatrixState
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    public int Version { get; private set; }

    public void Advance() => Version++;
}
