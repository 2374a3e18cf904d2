using System.Globalization;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Hr;

namespace SocItConsole.Admin.Features.Hr;

public enum HrRunOutcome
{
    /// <summary>Reconciled and stored.</summary>
    Reconciled,

    /// <summary>Computed, nothing stored.</summary>
    DryRun,

    /// <summary>The same file (by SHA-256) was reconciled before: nothing new.</summary>
    AlreadyReconciled,

    /// <summary>The file has errors: nothing changed.</summary>
    Failed,

    /// <summary>No folder configured, or no file in it: nothing to do.</summary>
    NoFile,
}

/// <summary>An HR value that waits for an administrator's mapping, with the lines that carry it.</summary>
public sealed record HrWaitingValue(HrMappingKind Kind, string Value, string? Suggestion, IReadOnlyList<int> LineNumbers)
{
    public string KindName => Kind == HrMappingKind.Unit ? "Enhet" : "Titel";
}

/// <summary>What one reconciliation run did (or, in a dry run, would do).</summary>
public sealed record HrRunReport(HrRunOutcome Outcome, string FileName, DateOnly AsOf, bool DryRun) : IJobReport
{
    /// <summary>How many line problems the summary names before "och N till".</summary>
    public const int ProblemsNamed = 5;

    public HrRunFigures? Figures { get; init; }

    public int LinesRead { get; init; }

    public IReadOnlyList<HrLineError> Problems { get; init; } = [];

    public IReadOnlyList<HrWaitingValue> Waiting { get; init; } = [];

    public IReadOnlyList<HrProposedFinding> Findings { get; init; } = [];

    /// <summary>The run that reconciled the same file before (<see cref="HrRunOutcome.AlreadyReconciled"/>).</summary>
    public HrImport? Earlier { get; init; }

    public int? ImportId { get; init; }

    public int NoticesSent { get; init; }

    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>Why there was nothing to reconcile (<see cref="HrRunOutcome.NoFile"/>).</summary>
    public string? Message { get; init; }

    public bool Succeeded => Outcome is not (HrRunOutcome.Failed or HrRunOutcome.NoFile) && Failures.Count == 0;

    public static HrRunReport NoFile(bool dryRun, string message) =>
        new(HrRunOutcome.NoFile, string.Empty, default, dryRun) { Message = message };

    public string Summary => Outcome switch
    {
        HrRunOutcome.NoFile => Message!,
        HrRunOutcome.Failed =>
            $"Avstämningen misslyckades: {FileName} har {SwedishCount.Of(Problems.Count, "fel", "fel")} och ingenting ändrades. " +
            string.Join(" ", Problems.Take(ProblemsNamed).Select(p => p.LineNumber > 0 ? $"Rad {p.LineNumber.ToString(CultureInfo.InvariantCulture)}: {p.Message}" : p.Message)) +
            (Problems.Count > ProblemsNamed ? $" (och {(Problems.Count - ProblemsNamed).ToString(CultureInfo.InvariantCulture)} till)" : string.Empty),
        HrRunOutcome.AlreadyReconciled =>
            $"{FileName} är redan avstämd ({AdminTimeZone.Minute(Earlier!.StartedAt)} av {Earlier.ByName}, per {Dates.Iso(Earlier.AsOf)}); ingenting nytt. " +
            $"{HrReconciliationRun.Describe(Figures!)}, {SwedishCount.Of(Earlier.OrdersPlaced, "beställning lagd", "beställningar lagda")}.",
        _ =>
            $"{(DryRun ? "Provkörning: " : string.Empty)}Avstämning mot HR per {Dates.Iso(AsOf)} ({FileName}): " +
            $"{HrReconciliationRun.Describe(Figures!)}, {SwedishCount.Of(0, "beställning lagd", "beställningar lagda")}" +
            (Failures.Count > 0 ? $", {SwedishCount.Of(Failures.Count, "e-postmeddelande", "e-postmeddelanden")} kunde inte skickas" : string.Empty) + ".",
    };

    public IReadOnlyList<string> Lines
    {
        get
        {
            var lines = new List<string>();
            if (Outcome == HrRunOutcome.Failed)
            {
                lines.AddRange(Problems.Select(p => p.LineNumber > 0 ? $"Rad {p.LineNumber.ToString(CultureInfo.InvariantCulture)}: {p.Message}" : p.Message));
            }

            if (Figures is { } f && Outcome is HrRunOutcome.Reconciled or HrRunOutcome.DryRun)
            {
                if (f.LinesSkipped > 0)
                {
                    lines.Add($"{SwedishCount.Of(f.LinesSkipped, "rad hoppades över", "rader hoppades över")} (utanför Soc-IT:s ansvar).");
                }

                lines.AddRange(Waiting.Select(w =>
                    $"{w.KindName} \"{w.Value}\" väntar på koppling (rad {string.Join(", ", w.LineNumbers.Take(10).Select(n => n.ToString(CultureInfo.InvariantCulture)))}{(w.LineNumbers.Count > 10 ? " …" : string.Empty)})."));
                if (f.CarriedDismissals > 0)
                {
                    lines.Add($"{SwedishCount.Of(f.CarriedDismissals, "avvikelse var redan avfärdad", "avvikelser var redan avfärdade")} med samma uppgifter.");
                }
            }

            if (NoticesSent > 0)
            {
                lines.Add($"{SwedishCount.Of(NoticesSent, "e-postmeddelande skickades", "e-postmeddelanden skickades")}.");
            }

            lines.AddRange(Failures.Select(f => $"Kunde inte skickas: {f}. Det skickas igen vid nästa körning."));
            return lines;
        }
    }
}
