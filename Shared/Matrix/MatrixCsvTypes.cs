namespace SocItConsole.Shared.Matrix;

public sealed record CsvLevel(int LevelId, string Name);

public sealed record CsvSystem(int SystemId, string Name, IReadOnlyList<CsvLevel> Levels);

public sealed record CsvTitle(int TitleId, string Name);

/// <summary>
/// The titles and systems (active and inactive) that a matrix file may name: a file is matched against them by name.
/// </summary>
public sealed record MatrixCsvSchema(IReadOnlyList<CsvTitle> Titles, IReadOnlyList<CsvSystem> Systems);

/// <summary>
/// One problem in an imported file, in Swedish for the administrator. <c>Line</c> is the 1-based line in
/// the file as a text editor counts it, or 0 when the problem concerns the whole file (its encoding).
/// </summary>
public sealed record MatrixCsvError(int Line, string Message);

/// <summary>
/// What an imported file says: its filled cells, and the titles (rows) and systems (columns) it speaks for. A cell
/// inside that area that the file leaves empty means "not included"; anything outside it is not the file's business.
/// </summary>
public sealed record MatrixCsvParseResult(
    IReadOnlyList<MatrixCell> Cells,
    IReadOnlySet<int> CoveredTitleIds,
    IReadOnlySet<int> CoveredSystemIds,
    IReadOnlyList<MatrixCsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
