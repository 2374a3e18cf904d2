using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Features.Reviews.Pages;

/// <summary>
/// The evidence report of a round: per unit, who attested which line and when, and what became of each removal;
/// printable, and exported as CSV through the same service (which writes the export to the audit trail). Static
/// (decision 0049): printing is the browser's, the CSV a plain download from <see cref="ReviewsFeature.EvidenceCsvPath"/>.
/// </summary>
public partial class ReviewEvidencePage
{
    private ReviewEvidenceReportData? _evidence;
    private ILookup<int, ReviewEvidenceLine> _linesByUnit = Array.Empty<ReviewEvidenceLine>().ToLookup(l => l.UnitId);
    private bool _loaded;
    private DateTimeOffset _printedAt;
    private List<BreadcrumbItem> _crumbs = [];

    [Parameter] public int RoundId { get; set; }

    [Inject] private ReviewRounds Rounds { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _evidence = await Rounds.EvidenceAsync(RoundId);
        _linesByUnit = (_evidence?.Lines ?? []).ToLookup(l => l.UnitId);
        _printedAt = Clock.GetUtcNow();
        _crumbs =
        [
            new("Granskningar", "/reviews"),
            new(_evidence?.Round.Name ?? "Granskning", $"/reviews/{RoundId}"),
            new("Underlag", null, disabled: true),
        ];
        _loaded = true;
    }
}
