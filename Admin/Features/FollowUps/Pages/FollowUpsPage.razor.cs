using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Admin.Features.FollowUps.Pages;

/// <summary>
/// Follow-ups of temporary grants, fixed-term employments and placements (one row each, its grants listed under it
/// on demand): a manager's own staff's, or for operators all of them with the job's button.
/// Paged and searched on the server; what each user may see and decide is checked by <see cref="FollowUpService"/>.
/// </summary>
public partial class FollowUpsPage
{
    private static readonly FollowUpFilter[] Filters =
        [FollowUpFilter.Undecided, FollowUpFilter.Escalated, FollowUpFilter.Decided, FollowUpFilter.All];

    private MudTable<FollowUpRow>? _table;
    private FollowUpFilter _filter = FollowUpFilter.Undecided;
    private string? _search;
    private bool _isOperator;
    private DateOnly _today;
    private (Severity Severity, string Text)? _feedback;
    private readonly HashSet<int> _expanded = [];

    [Inject] private FollowUpService FollowUps { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _isOperator = (await Authentication).User.IsInRole(AppRoles.Operator);
        _today = AdminTimeZone.Today(Clock);
    }

    private async Task<TableData<FollowUpRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await FollowUps.ListAsync(_filter, _search, state.Page, state.PageSize, ct);
        _today = page.Today;
        return new TableData<FollowUpRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task FilterChangedAsync(FollowUpFilter filter)
    {
        _filter = filter;
        await ReloadAsync();
    }

    private async Task SearchChangedAsync(string? search)
    {
        _search = search;
        await ReloadAsync();
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
        await ReloadAsync();
    }

    /// <summary>Opens or closes the list of grants under a fixed-term employment's or a placement's row.</summary>
    private void Toggle(int id)
    {
        if (!_expanded.Remove(id))
        {
            _expanded.Add(id);
        }
    }

    private async Task ReloadAsync()
    {
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private static string RowClass(FollowUpRow row, int index) =>
        row.Status == FollowUpStatus.Escalated ? "follow-up-escalated" : string.Empty;
}
