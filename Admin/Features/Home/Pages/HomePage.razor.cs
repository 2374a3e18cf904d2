using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Home.Pages;

public partial class HomePage
{
    private string _displayName = string.Empty;
    private string? _email;
    private bool _hasRole;
    private bool _isAppointedOrderer;
    private IReadOnlyList<UnitRow>? _myUnits;
    private MasterDataSummary? _summary;
    private bool _isOperator;
    private TodaysWork? _todaysWork;
    private DashboardSummary? _caseSummary;

    /// <summary>How many of today's cases the start page lists; the rest are in the queue.</summary>
    private const int TodaysCasesShown = 10;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private UnitDirectory Directory { get; set; } = default!;

    [Inject] private HomeOverview Overview { get; set; } = default!;

    [Inject] private CaseList Cases { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    private string FirstName => _displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    private string Today
    {
        get
        {
            var text = AdminTimeZone.Today(Clock).ToString("dddd d MMMM yyyy", AdminLocalization.Swedish);
            return char.ToUpper(text[0], AdminLocalization.Swedish) + text[1..];
        }
    }

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _displayName = user.DisplayName();
        var email = user.EmailAddress();
        _email = email?.Value;
        var roles = user.AppRolesOf();
        _hasRole = roles.Count > 0;
        // Without an app role, a person may still order for a unit they are appointed for today.
        _isAppointedOrderer = !_hasRole && (await Authorization.AuthorizeAsync(user, Policies.OrderIntake)).Succeeded;

        if (roles.Contains(AppRoles.Manager))
        {
            _myUnits = email is { } address ? await Directory.ManagedByAsync(address) : [];
        }

        _isOperator = roles.Contains(AppRoles.Operator);
        if (_isOperator)
        {
            // Two independent queries, each on its own context: at the same time, so the streamed page completes sooner.
            var work = Overview.TodaysCasesAsync(TodaysCasesShown);
            var summary = Cases.SummaryAsync();
            _todaysWork = await work;
            _caseSummary = await summary;
        }

        if (roles.Contains(AppRoles.Administrator))
        {
            _summary = await Overview.GetSummaryAsync();
        }
    }
}
