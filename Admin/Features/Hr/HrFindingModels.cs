using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Hr;

namespace SocItConsole.Admin.Features.Hr;

/// <summary>One reconciliation run as the run picker offers it.</summary>
public sealed record HrRunOption(int Id, string FileName, DateOnly AsOf, DateTimeOffset StartedAt)
{
    public string Label => $"{Dates.Iso(AsOf)} – {FileName}";
}

/// <summary>
/// A run's header on the findings page: the file, who ran it and when, its figures, the orders placed from it so far,
/// and how many findings it has of each kind and status.
/// </summary>
public sealed record HrRunView(
    int Id,
    string FileName,
    DateOnly AsOf,
    HrImportSource Source,
    string ByName,
    DateTimeOffset StartedAt,
    HrRunFigures Figures,
    int OrdersPlaced,
    IReadOnlyList<HrFindingCount> Counts)
{
    public int Count(HrFindingKind kind, HrFindingStatus? status) =>
        Counts.Where(c => c.Kind == kind && (status is null || c.Status == status)).Sum(c => c.Count);

    public int Count(HrFindingStatus? status) =>
        Counts.Where(c => status is null || c.Status == status).Sum(c => c.Count);
}

public sealed record HrFindingCount(HrFindingKind Kind, HrFindingStatus Status, int Count);

/// <summary>The findings page's filters: one run, maybe one kind, status (null: all), unit, and a search.</summary>
public sealed record HrFindingQuery(int ImportId)
{
    public HrFindingKind? Kind { get; init; }

    public HrFindingStatus? Status { get; init; } = HrFindingStatus.Open;

    public int? UnitId { get; init; }

    /// <summary>Part of a name or a unit's name, or a whole personnummer (never matched by part).</summary>
    public string? Search { get; init; }
}

/// <summary>One finding as the page lists it: the person (by the protected-identity rule), the console's side and HR's.</summary>
public sealed record HrFindingRow(
    int Id,
    HrFindingKind Kind,
    HrFindingStatus Status,
    string Name,
    string PersonnummerMasked,
    string UnitName,
    string? TitleName,
    DateOnly? From,
    DateOnly? To,
    string? HrUnitName,
    string? HrTitleName,
    DateOnly? HrFrom,
    DateOnly? HrTo,
    int? LineNumber,
    DateOnly? EffectiveDate,
    int? OrderId,
    string? CaseNumber,
    string? DismissReason,
    string? DecidedByName)
{
    public bool IsOpen => Status == HrFindingStatus.Open;

    /// <summary>What confirming it does: "Avsluta behörighet, sista dag 2026-11-30".</summary>
    public string ProposedOrder => HrFindingTexts.ProposedOrder(Kind, EffectiveDate);
}

/// <summary>What became of one finding an operator confirmed or dismissed.</summary>
public abstract record HrFindingResult(int FindingId, string Name)
{
    /// <summary>Confirmed: its order is <paramref name="CaseNumber"/>; <paramref name="Placed"/> when this call placed it.</summary>
    public sealed record Confirmed(int FindingId, string Name, int OrderId, string CaseNumber, bool Placed) : HrFindingResult(FindingId, Name);

    public sealed record Dismissed(int FindingId, string Name, string Reason) : HrFindingResult(FindingId, Name);

    /// <summary>Nothing changed: why, in Swedish.</summary>
    public sealed record Refused(int FindingId, string Name, string Message) : HrFindingResult(FindingId, Name);
}

/// <summary>The Swedish words of the findings page, in one place.</summary>
public static class HrFindingTexts
{
    public const string NoRunYet =
        "Ingen HR-fil är inläst ännu. En systemförvaltare läser in HR-filen under Administration → Läs in HR-fil (/hr/import).";

    /// <summary>Reasons an operator may pick when dismissing; any other text is allowed too.</summary>
    public static readonly IReadOnlyList<string> CommonReasons =
    [
        "Beställning finns",
        "Kontrollerad: stämmer i konsolen",
        "Felaktigt i HR, anmält till HR",
    ];

    public static string KindName(HrFindingKind kind) => kind switch
    {
        HrFindingKind.Leaver => "Slutat enligt HR",
        HrFindingKind.Mover => "Ny titel eller enhet",
        HrFindingKind.Joiner => "Börjar snart",
        HrFindingKind.UnknownToHr => "Okänd i HR",
        _ => kind.ToString(),
    };

    public static string StatusName(HrFindingStatus status) => status switch
    {
        HrFindingStatus.Open => "Öppen",
        HrFindingStatus.Confirmed => "Bekräftad",
        HrFindingStatus.Dismissed => "Avfärdad",
        HrFindingStatus.Superseded => "Ersatt av senare körning",
        _ => status.ToString(),
    };

    /// <summary>Whether confirming a finding of <paramref name="kind"/> places an order (joiners and unknown ones are dismissed).</summary>
    public static bool IsOrdered(HrFindingKind kind) => kind is HrFindingKind.Leaver or HrFindingKind.Mover;

    public static string ProposedOrder(HrFindingKind kind, DateOnly? day) => kind switch
    {
        HrFindingKind.Leaver => $"Avsluta behörighet, sista dag {Dates.Iso(day)}",
        HrFindingKind.Mover => $"Byte av titel eller verksamhet från {Dates.Iso(day)}",
        HrFindingKind.Joiner => "Ingen beställning: chefen och beställarna har fått besked",
        HrFindingKind.UnknownToHr => "Ingen beställning: kontrollera anställningen",
        _ => string.Empty,
    };

    /// <summary>"3 avvikelser", "1 avvikelse".</summary>
    public static string Findings(int count) => SwedishCount.Of(count, "avvikelse", "avvikelser");

    /// <summary>"3 beställningar", "1 beställning".</summary>
    public static string Orders(int count) => SwedishCount.Of(count, "beställning", "beställningar");

    public static string SourceName(HrImportSource source) => source switch
    {
        HrImportSource.Upload => "uppladdad",
        HrImportSource.Folder => "nattlig körning",
        HrImportSource.CommandLine => "kommandorad",
        _ => source.ToString(),
    };
}
