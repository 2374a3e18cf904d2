using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Grants.Pages;

/// <summary>
/// "Behörigheter i min verksamhet": the active grants in a manager's units (or, for Soc-IT, any unit), filtered,
/// paged and sorted on the server. What each user may see and ask for is checked by <see cref="UnitGrants"/>.
/// </summary>
public partial class UnitGrantsPage
{
    private static readonly UnitGrantKind[] Kinds = [UnitGrantKind.All, UnitGrantKind.Temporary, UnitGrantKind.FromOtherUnits];

    private MudTable<UnitGrantRow>? _table;
    private UnitGrantScope? _scope;
    private int? _unitId;
    private int? _systemId;
    private UnitGrantKind _kind = UnitGrantKind.All;
    private string? _search;
    private UnitGrantSort _sort = UnitGrantSort.Employee;
    private bool _descending;
    private DateOnly _today;
    private int _total;
    private string? _summary;
    private string? _refusal;
    private string? _linkRefusal;
    private (Severity Severity, string Text)? _feedback;

    [Inject] private UnitGrants Grants { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>A unit to open at once, e.g. from a unit card on the start page (<c>/access?unit=7</c>).</summary>
    [SupplyParameterFromQuery(Name = "unit")]
    public int? UnitFromLink { get; set; }

    private string Title => _scope?.AllUnits == true ? "Behörigheter per verksamhet" : "Behörigheter i min verksamhet";

    private string AllUnitsText => _scope?.AllUnits == true ? "Alla verksamheter" : "Alla mina verksamheter";

    private bool ShowUnitColumn => _unitId is null;

    private bool IsFiltered => _systemId is not null || _kind != UnitGrantKind.All || !string.IsNullOrWhiteSpace(_search);

    private UnitGrantQuery Query => new(_unitId, _systemId, _kind, _search, _sort, _descending);

    protected override async Task OnInitializedAsync()
    {
        _today = AdminTimeZone.Today(Clock);
        _scope = await Grants.ScopeAsync();
        // A unit from a link that is not the user's is refused, and they see their own units instead (the service
        // refuses it too). A manager with one unit has nothing to choose: it is preselected.
        if (UnitFromLink is { } linked && _scope.Units.All(u => u.Id != linked))
        {
            _linkRefusal = UnitGrants.UnitNotFoundMessage;
        }

        _unitId = _linkRefusal is null && UnitFromLink is { } unit ? unit
            : _scope.Units.Count == 1 ? _scope.Units[0].Id
            : null;
    }

    private async Task<TableData<UnitGrantRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        _sort = Enum.TryParse<UnitGrantSort>(state.SortLabel, out var sort) ? sort : UnitGrantSort.Employee;
        _descending = state.SortDirection == SortDirection.Descending;
        var list = await Grants.ListAsync(Query, state.Page, state.PageSize, ct);
        _today = list.Today;
        _total = list.TotalCount;
        _refusal = list.Refusal;
        _summary = list.Refusal is null ? $"{GrantDisplay.Persons(list.PersonCount)}, {GrantDisplay.Grants(list.TotalCount)}" : null;
        StateHasChanged();
        return new TableData<UnitGrantRow> { Items = list.Items, TotalItems = list.TotalCount };
    }

    private string UnitName(int? id) => id is null
        ? AllUnitsText
        : _scope?.Units.FirstOrDefault(u => u.Id == id)?.Name ?? string.Empty;

    private string SystemName(int? id) => id is null
        ? "Alla system"
        : _scope?.Systems.FirstOrDefault(s => s.Id == id)?.Name ?? string.Empty;

    private async Task UnitChangedAsync(int? unitId)
    {
        _unitId = unitId;
        await ReloadAsync();
    }

    private async Task SystemChangedAsync(int? systemId)
    {
        _systemId = systemId;
        await ReloadAsync();
    }

    private async Task KindChangedAsync(UnitGrantKind kind)
    {
        _kind = kind;
        await ReloadAsync();
    }

    private async Task SearchChangedAsync(string? search)
    {
        _search = search;
        await ReloadAsync();
    }

    private async Task RequestedAsync(UnitGrantResult result)
    {
        _feedback = result switch
        {
            UnitGrantResult.Done { Existing: true } done => (Severity.Info, done.Message),
            UnitGrantResult.Done done => (Severity.Success, done.Message + " Soc-IT tar hand om det; du följer ärendet under Mina ärenden."),
            UnitGrantResult.Refused refused => (Severity.Error, refused.Message),
            _ => null,
        };
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private static string RowClass(UnitGrantRow row, int index) =>
        row.IsFromOtherUnit ? "access-other-unit" : row.IsTemporary ? "access-temporary" : string.Empty;
}
