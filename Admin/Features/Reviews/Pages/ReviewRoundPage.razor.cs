using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SocItConsole.Admin.Features.Reviews.Components;
using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Features.Reviews.Pages;

/// <summary>One round's progress per unit; administrators close it here.</summary>
public partial class ReviewRoundPage
{
    private ReviewRoundDetails? _round;
    private bool _loading = true;
    private bool _isAdministrator;
    private (Severity Severity, string Text)? _feedback;
    private List<BreadcrumbItem> _crumbs = [];

    [Parameter] public int RoundId { get; set; }

    [Inject] private ReviewRounds Rounds { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _isAdministrator = (await Authentication).User.IsInRole(AppRoles.Administrator);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _round = await Rounds.GetAsync(RoundId);
        _crumbs = [new("Granskningar", "/reviews"), new(_round?.Name ?? "Granskning", null, disabled: true)];
        _loading = false;
    }

    private async Task CloseAsync()
    {
        if (_round is null)
        {
            return;
        }

        var parameters = new DialogParameters<CloseReviewDialog>
        {
            { d => d.Round, _round },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<CloseReviewDialog>("Stäng granskningen", parameters, options);
        var result = await dialog.Result;
        if (result is not { Canceled: false, Data: string reason })
        {
            return;
        }

        var outcome = await Rounds.CloseAsync(_round.Id, _round.Version, string.IsNullOrWhiteSpace(reason) ? null : reason);
        _feedback = outcome switch
        {
            ReviewResult.Done done => (Severity.Success, done.Message),
            ReviewResult.Conflict conflict => (Severity.Warning, conflict.Message),
            _ => (Severity.Error, outcome.Message),
        };
        await LoadAsync();
    }
}
