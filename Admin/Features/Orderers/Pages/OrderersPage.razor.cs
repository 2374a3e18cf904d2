using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Features.Orderers.Components;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orderers;

namespace SocItConsole.Admin.Features.Orderers.Pages;

/// <summary>
/// "Utsedda beställare": a manager's appointments in their units (an administrator's in every unit), paged on the
/// server, with the appoint dialog and "Avsluta uppdraget". What each user may see and change is checked by
/// <see cref="AppointedOrderers"/>.
/// </summary>
public partial class OrderersPage
{
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private MudTable<AppointmentRow>? _table;
    private OrdererScope? _scope;
    private int? _unitId;
    private AppointmentFilter _filter = AppointmentFilter.Active;
    private string? _search;
    private string? _summary;
    private string? _refusal;
    private string? _linkRefusal;
    private DateOnly _today;
    private (Severity Severity, string Text)? _feedback;

    [Inject] private AppointedOrderers Orderers { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>A unit to open at once, from the unit's page or the units register (<c>/orderers?unit=7</c>).</summary>
    [SupplyParameterFromQuery(Name = "unit")]
    public int? UnitFromLink { get; set; }

    private string AllUnitsText => _scope?.AllUnits == true ? "Alla verksamheter" : "Alla mina verksamheter";

    private bool ShowUnitColumn => _unitId is null;

    private bool IsFiltered => _filter != AppointmentFilter.Active || !string.IsNullOrWhiteSpace(_search);

    protected override async Task OnInitializedAsync()
    {
        _today = AdminTimeZone.Today(Clock);
        _scope = await Orderers.ScopeAsync();
        if (UnitFromLink is { } linked && _scope.Units.All(u => u.Id != linked))
        {
            _linkRefusal = AppointedOrderers.UnitNotFoundMessage;
        }

        _unitId = _linkRefusal is null && UnitFromLink is { } unit ? unit
            : _scope.Units.Count == 1 ? _scope.Units[0].Id
            : null;
    }

    private async Task<TableData<AppointmentRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var list = await Orderers.ListAsync(new AppointmentQuery(_unitId, _filter, _search), state.Page, state.PageSize, ct);
        _refusal = list.Refusal;
        _summary = list.Refusal is null ? OrdererTexts.Appointments(list.TotalCount) : null;
        StateHasChanged();
        return new TableData<AppointmentRow> { Items = list.Items, TotalItems = list.TotalCount };
    }

    private string UnitName(int? id) => id is null
        ? AllUnitsText
        : _scope?.Units.FirstOrDefault(u => u.Id == id)?.Name ?? string.Empty;

    private async Task UnitChangedAsync(int? unitId)
    {
        _unitId = unitId;
        await ReloadAsync();
    }

    private async Task FilterChangedAsync(AppointmentFilter filter)
    {
        _filter = filter;
        await ReloadAsync();
    }

    private async Task SearchChangedAsync(string? search)
    {
        _search = search;
        await ReloadAsync();
    }

    private async Task AppointAsync()
    {
        var parameters = new DialogParameters<AppointDialog>
        {
            { d => d.Units, _scope!.Units },
            { d => d.Today, _today },
            { d => d.UnitId, _unitId },
        };
        var dialog = await Dialogs.ShowAsync<AppointDialog>("Utse beställare", parameters, DialogOptions);
        if (await dialog.Result is { Canceled: false, Data: string message })
        {
            _feedback = (Severity.Success, message);
            await ReloadAsync();
        }
    }

    private async Task EndAsync(AppointmentRow row)
    {
        var question = row.Status == AppointmentStatus.Coming
            ? $"{row.Name}s uppdrag att beställa för {row.UnitName} har inte börjat. Det återkallas och börjar aldrig."
            : $"{row.Name} kan inte längre beställa för {row.UnitName} från och med i dag ({Dates.Iso(_today)}). "
                + "Beställningar som redan är gjorda påverkas inte.";
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Avsluta uppdraget?", question, yesText: "Avsluta uppdraget", cancelText: "Avbryt",
            options: new DialogOptions { MaxWidth = MaxWidth.ExtraSmall });
        if (confirmed != true)
        {
            return;
        }

        var result = await Orderers.EndAsync(row.Id);
        _feedback = result switch
        {
            AppointmentResult.Done done => (Severity.Success, done.Message),
            AppointmentResult.Refused refused => (Severity.Error, refused.Message),
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

    private static string StatusName(AppointmentStatus status) => OrdererTexts.StatusName(status);

    private static Color StatusColor(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Current => Color.Success,
        AppointmentStatus.Coming => Color.Info,
        _ => Color.Default,
    };
}
