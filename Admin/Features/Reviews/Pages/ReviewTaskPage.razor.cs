using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Features.Reviews.Components;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Reviews.Pages;

/// <summary>
/// A manager's review task: their lines in one round, grouped by unit and person, answered one by one and saved at
/// once. Lines are paged on the server; a line just answered is refreshed in place rather than reloaded away, so it
/// does not vanish from under the mouse while "Obesvarade" is chosen. What the manager may see and answer is checked
/// by <see cref="ReviewTasks"/>.
/// </summary>
public partial class ReviewTaskPage
{
    public const int PageSize = 50;

    private static readonly ReviewTaskFilter[] Filters = [ReviewTaskFilter.Unanswered, ReviewTaskFilter.Answered, ReviewTaskFilter.All];

    private MyReviewRound? _round;
    private bool _loading = true;
    private DateOnly _today;
    private List<ReviewTaskLine> _lines = [];
    private int _total;
    private int _page;
    private ReviewTaskFilter _filter = ReviewTaskFilter.Unanswered;
    private int? _unitId;
    private string? _search;
    private (Severity Severity, string Text)? _feedback;

    // Lines shown as unanswered when the page was loaded and answered since: with "Obesvarade" they have left the
    // server's list, so the next page starts that many lines earlier.
    private readonly HashSet<int> _answeredSinceLoad = [];

    [Inject] private ReviewTasks Tasks { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public int RoundId { get; set; }

    private int PageCount => (_total + PageSize - 1) / PageSize;

    private IEnumerable<(int UnitId, string Name, List<List<ReviewTaskLine>> People)> Groups =>
        _lines.GroupBy(l => l.UnitId).Select(unit => (
            unit.Key,
            unit.First().UnitName,
            unit.GroupBy(l => l.EmployeeId).Select(person => person.ToList()).ToList()));

    private string Showing
    {
        get
        {
            var first = _page * PageSize + 1;
            var last = _page * PageSize + _lines.Count;
            var word = _filter switch
            {
                ReviewTaskFilter.Unanswered => "obesvarade rader",
                ReviewTaskFilter.Answered => "besvarade rader",
                _ => "rader",
            };
            return string.Create(CultureInfo.InvariantCulture, $"Visar {first}–{last} av {_total} {word}");
        }
    }

    /// <summary>Every line on the page is answered and more are waiting: offer the next ones.</summary>
    private bool ShowNextUnanswered =>
        _round is { IsOpen: true, Unanswered: > 0 } && _lines.Count > 0 && _lines.All(l => l.IsAnswered);

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _today = AdminTimeZone.Today(Clock);
        _round = await Tasks.MyRoundAsync(RoundId);
        if (_round is not null)
        {
            _filter = _round is { IsOpen: true, Unanswered: > 0 } ? ReviewTaskFilter.Unanswered : ReviewTaskFilter.All;
            _unitId = null;
            _search = null;
            _page = 0;
            await LoadLinesAsync();
        }
        else if (!RendererInfo.IsInteractive)
        {
            // The first response answers 404 with the status page, like the export and the API; a circuit shows the message.
            Navigation.NotFound();
        }

        _loading = false;
    }

    private string FilterLabel(ReviewTaskFilter filter)
    {
        var name = ReviewDisplay.FilterName(filter);
        if (filter != ReviewTaskFilter.Unanswered || _round is null)
        {
            return name;
        }

        var unanswered = _unitId is { } unit ? _round.Units.Where(u => u.UnitId == unit).Sum(u => u.Unanswered) : _round.Unanswered;
        return string.Create(CultureInfo.InvariantCulture, $"{name} ({unanswered})");
    }

    private async Task LoadLinesAsync()
    {
        var page = await Tasks.LinesAsync(RoundId, _unitId, _filter, _search, _page, PageSize);
        if (page.Lines.Count == 0 && _page > 0 && page.Total > 0)
        {
            _page = (page.Total - 1) / PageSize;
            page = await Tasks.LinesAsync(RoundId, _unitId, _filter, _search, _page, PageSize);
        }

        _lines = [.. page.Lines];
        _total = page.Total;
        _answeredSinceLoad.Clear();
    }

    private async Task AnsweredAsync(ReviewLineOutcome outcome)
    {
        var fresh = await Tasks.LinesByIdAsync(RoundId, outcome.LineIds);
        foreach (var line in fresh)
        {
            var index = _lines.FindIndex(l => l.LineId == line.LineId);
            if (index < 0)
            {
                continue;
            }

            if (!_lines[index].IsAnswered && line.IsAnswered)
            {
                _answeredSinceLoad.Add(line.LineId);
            }

            _lines[index] = line;
        }

        _round = await Tasks.MyRoundAsync(RoundId) ?? _round;
        switch (outcome.Result)
        {
            case ReviewResult.Done done:
                _feedback = null;
                Snackbar.Add(done.Message, Severity.Success);
                break;
            case ReviewResult.Refused refused:
                _feedback = (Severity.Error, refused.Message);
                break;
            case ReviewResult.Conflict conflict:
                _feedback = (Severity.Warning, conflict.Message);
                break;
        }
    }

    private async Task FilterChangedAsync(ReviewTaskFilter filter)
    {
        _filter = filter;
        _page = 0;
        await LoadLinesAsync();
    }

    private async Task UnitChangedAsync(int unitId)
    {
        _unitId = unitId == 0 ? null : unitId;
        _page = 0;
        await LoadLinesAsync();
    }

    private async Task SearchChangedAsync(string? search)
    {
        _search = search;
        _page = 0;
        await LoadLinesAsync();
    }

    private async Task PageChangedAsync(int selected)
    {
        var target = selected - 1;
        if (_filter == ReviewTaskFilter.Unanswered && target > _page && _answeredSinceLoad.Count > 0)
        {
            // The answered lines have left the list: step back far enough that no unanswered line is skipped.
            target = Math.Max(0, target - ((_answeredSinceLoad.Count + PageSize - 1) / PageSize));
        }

        _page = target;
        await LoadLinesAsync();
    }

    private async Task NextUnansweredAsync()
    {
        _page = 0;
        _filter = ReviewTaskFilter.Unanswered;
        await LoadLinesAsync();
    }
}
