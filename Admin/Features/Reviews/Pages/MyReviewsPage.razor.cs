using Microsoft.AspNetCore.Components;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Reviews.Pages;

/// <summary>The manager's review rounds, open ones first; what each manager sees is limited by <see cref="ReviewTasks"/>.</summary>
public partial class MyReviewsPage
{
    private IReadOnlyList<MyReviewRound>? _rounds;
    private DateOnly _today;

    [Inject] private ReviewTasks Tasks { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _today = AdminTimeZone.Today(Clock);
        _rounds = await Tasks.MyRoundsAsync();
    }
}
