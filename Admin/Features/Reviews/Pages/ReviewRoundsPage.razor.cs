using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Features.Reviews.Pages;

/// <summary>
/// The review rounds with their progress: static for everyone who only reads them, and for administrators, who start
/// new ones in a dialog, one interactive island (<see cref="Components.ReviewRoundsView"/>).
/// </summary>
public partial class ReviewRoundsPage
{
    private bool? _isAdministrator;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync() =>
        _isAdministrator = (await Authentication).User.IsInRole(AppRoles.Administrator);
}
