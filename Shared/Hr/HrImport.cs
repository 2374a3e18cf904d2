using SocItConsole.Shared.Audit;

namespace SocItConsole.Shared.Hr;

/// <summary>What one reconciliation run counted; kept on its <see cref="HrImport"/> and in the audit trail.</summary>
public sealed record HrRunFigures(
    int LinesRead,
    int LinesSkipped,
    int LinesUnmapped,
    int PersonsMatched,
    int Leavers,
    int Movers,
    int Joiners,
    int UnknownToHr,
    int CarriedDismissals);

/// <summary>
/// One HR file reconciled against the console: which file (by its SHA-256, so that the same file is never reconciled
/// twice), as of which day, how it came, who ran it, and its figures. A dry run and a failed run leave none: they
/// change nothing. Its findings are <see cref="HrFinding"/> rows.
/// </summary>
public sealed class HrImport
{
    public const int FileNameMaxLength = 260;
    public const int Sha256Length = 64;

    private HrImport()
    {
        FileName = FileSha256 = ById = ByName = string.Empty;
    }

    public HrImport(string fileName, string fileSha256, long fileBytes, DateOnly asOf, HrImportSource source, Actor by, DateTimeOffset startedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(by);
        if (fileSha256.Length != Sha256Length)
        {
            throw new ArgumentException("A SHA-256 in hex is 64 characters.", nameof(fileSha256));
        }

        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        FileSha256 = fileSha256.ToLowerInvariant();
        FileBytes = fileBytes;
        AsOf = asOf;
        Source = source;
        ById = by.Id;
        ByName = by.Name;
        StartedAt = startedAt.ToUniversalTime();
    }

    public int Id { get; private set; }

    public string FileName { get; private set; }

    /// <summary>Lower-case hex; unique: a file already reconciled is not reconciled again.</summary>
    public string FileSha256 { get; private set; }

    public long FileBytes { get; private set; }

    /// <summary>The file's date: the day its facts are true, and the day the reconciliation compares on.</summary>
    public DateOnly AsOf { get; private set; }

    public HrImportSource Source { get; private set; }

    public string ById { get; private set; }

    public string ByName { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int LinesRead { get; private set; }

    /// <summary>Lines of HR units or titles marked as outside Soc-IT's care.</summary>
    public int LinesSkipped { get; private set; }

    /// <summary>Lines whose HR unit or title waits for an administrator's mapping: reported, not reconciled.</summary>
    public int LinesUnmapped { get; private set; }

    /// <summary>Persons found both in the file and in the console (by personnummer).</summary>
    public int PersonsMatched { get; private set; }

    public int Leavers { get; private set; }

    public int Movers { get; private set; }

    public int Joiners { get; private set; }

    public int UnknownToHr { get; private set; }

    /// <summary>Findings dismissed earlier for the same facts, and so dismissed again at once.</summary>
    public int CarriedDismissals { get; private set; }

    /// <summary>Orders placed from this run's findings so far (grows as operators confirm them).</summary>
    public int OrdersPlaced { get; private set; }

    public void Finish(HrRunFigures figures, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(figures);
        LinesRead = figures.LinesRead;
        LinesSkipped = figures.LinesSkipped;
        LinesUnmapped = figures.LinesUnmapped;
        PersonsMatched = figures.PersonsMatched;
        Leavers = figures.Leavers;
        Movers = figures.Movers;
        Joiners = figures.Joiners;
        UnknownToHr = figures.UnknownToHr;
        CarriedDismissals = figures.CarriedDismissals;
        FinishedAt = at.ToUniversalTime();
    }

    public void CountOrdersPlaced(int count) => OrdersPlaced += count;
}
