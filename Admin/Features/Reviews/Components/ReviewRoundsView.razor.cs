using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace SocItConsole.Admin.Features.Reviews.Components;

/// <summary>The review rounds with their progress; with <see cref="CanStart"/> (administrators) new ones start here.</summary>
public partial class ReviewRoundsView
{
    private IReadOnlyList<ReviewRoundSummary>? _rounds;
    private (Severity Severity, string Text)? _feedback;

    /// <summary>Offers "Starta granskning"; the view must then be rendered interactively, for its dialog.</summary>
    [Parameter] public bool CanStart { get; set; }

    [Inject] private ReviewRounds Rounds { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _rounds = await Rounds.ListAsync();

    private async Task StartAsync()
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<StartReviewDialog>("Starta granskning", options);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: ReviewResult.Done done })
        {
            _feedback = (Severity.Success, done.Message);
            _rounds = await Rounds.ListAsync();
        }
    }
}
