using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Features.Reviews.Pages;

/// <summary>
/// The evidence report of a round: per unit, who attested which line and when, and what became of each removal;
/// printable, and exported as CSV through the same service (which writes the export to the audit trail).
/// </summary>
public partial class ReviewEvidencePage
{
    private ReviewEvidenceReportData? _evidence;
    private ILookup<int, ReviewEvidenceLine> _linesByUnit = Array.Empty<ReviewEvidenceLine>().ToLookup(l => l.UnitId);
    private bool _loading = true;
    private bool _exporting;
    private DateTimeOffset _printedAt;
    private List<BreadcrumbItem> _crumbs = [];

    [Parameter] public int RoundId { get; set; }

    [Inject] private ReviewRounds Rounds { get; set; } = default!;

    [Inject] private IJSRuntime Js { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _evidence = await Rounds.EvidenceAsync(RoundId);
        _linesByUnit = (_evidence?.Lines ?? []).ToLookup(l => l.UnitId);
        _printedAt = Clock.GetUtcNow();
        _crumbs =
        [
            new("Granskningar", "/reviews"),
            new(_evidence?.Round.Name ?? "Granskning", $"/reviews/{RoundId}"),
            new("Underlag", null, disabled: true),
        ];
        _loading = false;
    }

    private async Task PrintAsync() => await Js.InvokeVoidAsync("print");

    private async Task ExportAsync()
    {
        _exporting = true;
        try
        {
            if (await Rounds.EvidenceCsvAsync(RoundId) is { } file)
            {
                using var content = new DotNetStreamReference(new MemoryStream(file.Content));
                await Js.InvokeVoidAsync("socit.downloadFile", file.FileName, "text/csv;charset=utf-8", content);
                Snackbar.Add($"{file.FileName} är nedladdad. Exporten är noterad i händelseloggen.", Severity.Success);
            }
        }
        finally
        {
            _exporting = false;
        }
    }
}
