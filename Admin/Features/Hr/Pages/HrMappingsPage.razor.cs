using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Shared.Hr;

namespace SocItConsole.Admin.Features.Hr.Pages;

/// <summary>HR-kopplingar: the HR values that wait for an administrator first, then the decided ones, per kind.</summary>
public partial class HrMappingsPage
{
    private MudTable<HrMappingRow>? _table;
    private HrMappingKind _kind = HrMappingKind.Unit;
    private string? _search;
    private int _unitsWaiting;
    private int _titlesWaiting;
    private bool _busy;
    private (Severity Severity, string Text)? _feedback;
    private int? _mapping;
    private HrTargetChoice? _mapTarget;
    private bool _adding;
    private string? _newValue;
    private HrTargetChoice? _newTarget;
    private IReadOnlyList<HrAutomaticMapping>? _automatic;

    [Inject] private HrMappings Mappings { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private string AutomaticTitle => _kind == HrMappingKind.Unit
        ? $"HR-enheter som kopplas av sig själva{Count(_automatic)}"
        : $"Befattningar som kopplas av sig själva{Count(_automatic)}";

    protected override async Task OnInitializedAsync() => _automatic = await Mappings.AutomaticAsync(_kind);

    private async Task<TableData<HrMappingRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await Mappings.ListAsync(_kind, _search, state.Page, state.PageSize, ct);
        if ((_unitsWaiting, _titlesWaiting) != (page.UnitsWaiting, page.TitlesWaiting))
        {
            // The table re-renders itself; the counts on the switch above it belong to the page.
            (_unitsWaiting, _titlesWaiting) = (page.UnitsWaiting, page.TitlesWaiting);
            StateHasChanged();
        }

        return new TableData<HrMappingRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private async Task KindChangedAsync(HrMappingKind kind)
    {
        _kind = kind;
        _mapping = null;
        _newTarget = null;
        _automatic = null;
        await ReloadAsync();
        _automatic = await Mappings.AutomaticAsync(kind);
    }

    private async Task SearchChangedAsync(string? search)
    {
        _search = search;
        await ReloadAsync();
    }

    private async Task<IEnumerable<HrTargetChoice>> FindTargetsAsync(string? text, CancellationToken ct) =>
        await Mappings.TargetsAsync(_kind, text, ct);

    private void ToggleAdd()
    {
        _adding = !_adding;
        _newValue = null;
        _newTarget = null;
    }

    private void StartMapping(HrMappingRow row)
    {
        _mapping = row.Id;
        _mapTarget = null;
    }

    private async Task AcceptAsync(HrMappingRow row, int suggested)
    {
        await RunAsync(() => Mappings.MapAsync(row.Id, suggested));
    }

    private async Task MapAsync(HrMappingRow row)
    {
        if (_mapTarget is { } target)
        {
            await RunAsync(() => Mappings.MapAsync(row.Id, target.Id));
            _mapping = null;
        }
    }

    private async Task AddAsync()
    {
        if (_newTarget is { } target)
        {
            if (await RunAsync(() => Mappings.AddAsync(_kind, _newValue, target.Id)))
            {
                _adding = false;
            }
        }
    }

    private async Task IgnoreAsync(HrMappingRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Utanför Soc-IT:s uppdrag?",
            $"Rader med \"{row.HrValue}\" hoppas över vid avstämningen mot HR och rapporteras inte. Du kan öppna beslutet igen senare.",
            yesText: "Utanför uppdraget", cancelText: "Avbryt",
            options: new DialogOptions { MaxWidth = MaxWidth.ExtraSmall });
        if (confirmed == true)
        {
            await RunAsync(() => Mappings.IgnoreAsync(row.Id));
        }
    }

    private async Task ReopenAsync(HrMappingRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Öppna beslutet igen?",
            $"\"{row.HrValue}\" väntar då på ett nytt beslut, och dess rader rapporteras vid nästa avstämning i stället för att stämmas av.",
            yesText: "Öppna igen", cancelText: "Avbryt",
            options: new DialogOptions { MaxWidth = MaxWidth.ExtraSmall });
        if (confirmed == true)
        {
            await RunAsync(() => Mappings.ReopenAsync(row.Id));
        }
    }

    private async Task<bool> RunAsync(Func<Task<HrMappingResult>> change)
    {
        _busy = true;
        try
        {
            var result = await change();
            _feedback = result switch
            {
                HrMappingResult.Done done => (Severity.Success, done.Message),
                HrMappingResult.Refused refused => (Severity.Error, refused.Message),
                _ => null,
            };
            await ReloadAsync();
            return result is HrMappingResult.Done;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ReloadAsync()
    {
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private static string Waiting(int count) => count == 0 ? string.Empty : $" ({count} väntar)";

    private static string Count<T>(IReadOnlyList<T>? list) => list is null ? string.Empty : $" ({list.Count})";

    private static string KindPlural(HrMappingKind kind) => kind == HrMappingKind.Unit ? "HR-enheter" : "Befattningar";

    private static string TargetLabel(HrMappingKind kind) => kind == HrMappingKind.Unit ? "Verksamhet i konsolen" : "Titel i konsolen";

    private static string NoTargetText(HrMappingKind kind) => kind == HrMappingKind.Unit ? "Ingen aktiv verksamhet matchar." : "Ingen aktiv titel matchar.";

    private static string EmptyText(HrMappingKind kind) => kind == HrMappingKind.Unit
        ? "Inga HR-enheter väntar eller har kopplats för hand. Enheter som inte kopplas av sig själva visas här när de syns i en HR-fil."
        : "Inga befattningar väntar eller har kopplats för hand. Befattningar som inte kopplas av sig själva visas här när de syns i en HR-fil.";

    private static string StatusName(HrMappingStatus status) => status switch
    {
        HrMappingStatus.Pending => "Väntar",
        HrMappingStatus.Mapped => "Kopplad",
        _ => "Utanför uppdraget",
    };

    private static Color StatusColor(HrMappingStatus status) => status switch
    {
        HrMappingStatus.Pending => Color.Warning,
        HrMappingStatus.Mapped => Color.Success,
        _ => Color.Default,
    };
}
