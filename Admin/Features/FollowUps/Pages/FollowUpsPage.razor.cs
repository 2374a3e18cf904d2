using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SocItConsole.Admin.Components;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.FollowUps;
using FollowUpList = SocItConsole.Admin.Features.FollowUps.FollowUpPage;

namespace SocItConsole.Admin.Features.FollowUps.Pages;

/// <summary>
/// Follow-ups of temporary grants, fixed-term employments and placements (one row each, its grants listed under it
/// on demand): a manager's own staff's, or for operators all of them with the job's button.
/// A static page (decision 0049): the filter, search, page and open rows are in the address; Avsluta and Förläng open
/// a dialog of the address (<see cref="FollowUpDecisions"/>) whose POST form answers with this page and the outcome.
/// Paged and searched on the server; what each user may see and decide is checked by <see cref="FollowUpService"/>.
/// </summary>
public partial class FollowUpsPage
{
    private static readonly int[] PageSizes = [25, 50, 100];

    private static readonly IReadOnlyList<(string Value, string Text)> FilterOptions =
    [
        .. new[] { FollowUpFilter.Undecided, FollowUpFilter.Escalated, FollowUpFilter.Decided, FollowUpFilter.All }
            .Select(f => (f.ToString(), FollowUpDisplay.FilterName(f))),
    ];

    private FollowUpList? _result;
    private FollowUpFilter _filter = FollowUpFilter.Undecided;
    private int _page = 1;
    private bool _isOperator;
    private DateOnly _today;
    private FollowUpQuestion? _asking;
    private (Severity Severity, string Text)? _feedback;

    [Inject] private FollowUpService FollowUps { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>Which follow-ups, e.g. <c>?filter=Decided</c>; none is those waiting for a decision.</summary>
    [SupplyParameterFromQuery(Name = "filter")] public string? FilterQuery { get; set; }

    [SupplyParameterFromQuery(Name = "q")] public string? Search { get; set; }

    [SupplyParameterFromQuery(Name = "page")] public int? PageQuery { get; set; }

    [SupplyParameterFromQuery(Name = "size")] public int? SizeQuery { get; set; }

    /// <summary>The rows whose grants are listed under them, e.g. <c>?open=4&amp;open=9</c>.</summary>
    [SupplyParameterFromQuery(Name = "open")] public int[]? OpenQuery { get; set; }

    [SupplyParameterFromQuery(Name = FollowUpDecisions.EndParameter)] public int? EndQuery { get; set; }

    [SupplyParameterFromQuery(Name = FollowUpDecisions.ExtendParameter)] public int? ExtendQuery { get; set; }

    [SupplyParameterFromQuery(Name = FollowUpDecisions.GrantParameter)] public int? GrantQuery { get; set; }

    private int PageSize => StaticPager.SizeOf(SizeQuery, PageSizes);

    /// <summary>This list (filter, search, page, open rows) without an open question.</summary>
    private string ListHref => Navigation.GetUriWithQueryParameters(FollowUpDecisions.Query(null));

    protected override async Task OnInitializedAsync() =>
        _isOperator = (await Authentication).User.IsInRole(AppRoles.Operator);

    protected override async Task OnParametersSetAsync()
    {
        _filter = AddressValues.EnumOf<FollowUpFilter>(FilterQuery) ?? FollowUpFilter.Undecided;
        _today = AdminTimeZone.Today(Clock);
        _asking = await FollowUpQuestion.FindAsync(FollowUps, EndQuery, ExtendQuery, GrantQuery);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        (_result, _page) = await StaticPager.LoadPageAsync(
            PageQuery, PageSize, index => FollowUps.ListAsync(_filter, Search, index, PageSize), r => r.TotalCount);
        _today = _result.Today;
    }

    private async Task DecidedAsync(FollowUpResult result)
    {
        _feedback = result switch
        {
            FollowUpResult.Done done => (Severity.Success, done.Message + " Soc-IT tar hand om det."),
            FollowUpResult.Refused refused => (Severity.Error, refused.Message),
            FollowUpResult.Conflict conflict => (Severity.Warning, conflict.Message),
            _ => null,
        };
        _asking = null;
        await LoadAsync();
    }

    private bool IsOpen(int id) => OpenQuery?.Contains(id) == true;

    /// <summary>The address with the grants under a fixed-term employment's or a placement's row opened or closed.</summary>
    private string ToggleHref(int id)
    {
        var open = OpenQuery ?? [];
        int[] toggled = open.Contains(id) ? [.. open.Where(o => o != id)] : [.. open, id];
        return Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>(FollowUpDecisions.Query(null))
        {
            ["open"] = toggled.Length == 0 ? null : toggled,
        });
    }

    private static string RowClass(FollowUpRow row, int index) =>
        row.Status == FollowUpStatus.Escalated ? "follow-up-escalated" : string.Empty;
}
