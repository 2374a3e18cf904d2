using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SocItConsole.Admin.Features.Reviews.Components;
using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Features.Reviews.Pages;

/// <summary>The review rounds with their progress; administrators start new ones here.</summary>
public partial class ReviewRoundsPage
{
    private IReadOnlyList<ReviewRoundSummary>? _rounds;
    private bool _isAdministrator;
    private (Severity Severity, string Text)? _feedback;

    [Inject] private ReviewRounds Rounds { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _isAdministrator = (await Authentication).User.IsInRole(AppRoles.Administrator);
        _rounds = await Rounds.ListAsync();
    }

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
