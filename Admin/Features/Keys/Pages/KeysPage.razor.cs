using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using SocItConsole.Admin.Features.Keys.Components;
using SocItConsole.Admin.Infrastructure.Common;

namespace SocItConsole.Admin.Features.Keys.Pages;

/// <summary>The key register: figures that double as filters, the register itself, pools and purchases.</summary>
public partial class KeysPage
{
    private static readonly KeyView[] StatViews =
        [KeyView.Free, KeyView.Held, KeyView.ToBeReturned, KeyView.OverdueReturn, KeyView.Lost];

    /// <summary>The value of <c>?visa=</c> that opens the keys not returned in time (the dashboard links to it).</summary>
    public const string OverdueReturnsQuery = "ej-aterlamnade";

    private KeyListPanel? _list;
    private IReadOnlyList<UnitOption> _units = [];
    private IReadOnlyDictionary<KeyView, int>? _counts;
    private int _waitingPurchases;
    private int? _unitId;
    private KeyView _view = KeyView.All;
    private int _tab;

    /// <summary>Opens a tab directly: <c>?flik=pooler</c> or <c>?flik=inkop</c> (the dashboard links to purchases).</summary>
    [SupplyParameterFromQuery(Name = "flik")] public string? Tab { get; set; }

    /// <summary>Opens a view directly: <c>?visa=ej-aterlamnade</c>, the keys not returned in time.</summary>
    [SupplyParameterFromQuery(Name = "visa")] public string? ViewQuery { get; set; }

    [Inject] private KeyQueries Queries { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _tab = Tab switch
        {
            "pooler" => 1,
            "inkop" => 2,
            _ => 0,
        };
        if (ViewQuery == OverdueReturnsQuery)
        {
            _view = KeyView.OverdueReturn;
        }

        _units = await Queries.UnitsAsync();
        await RefreshCountsAsync();
    }

    private async Task RefreshCountsAsync()
    {
        _counts = await Queries.CountsAsync(_unitId);
        _waitingPurchases = await Queries.WaitingPurchasesAsync();
        if (_list is not null)
        {
            await _list.ReloadAsync();
        }
    }

    private async Task UnitChangedAsync(int? unitId)
    {
        _unitId = unitId;
        _counts = await Queries.CountsAsync(_unitId);
    }

    private Task ShowAsync(KeyView view)
    {
        _view = _view == view && StatViews.Contains(view) ? KeyView.All : view;
        _tab = 0;
        return Task.CompletedTask;
    }

    private Task OnStatKeyAsync(KeyboardEventArgs e, KeyView view) =>
        e.Key is "Enter" or " " ? ShowAsync(view) : Task.CompletedTask;

    private async Task RegisterAsync()
    {
        var dialog = await Dialogs.ShowAsync<RegisterKeysDialog>(
            "Registrera nycklar",
            new DialogParameters<RegisterKeysDialog>
            {
                { d => d.Units, _units.Where(u => u.UsesDigitalKeys).ToList() },
                { d => d.UnitId, _unitId },
            },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string message })
        {
            Snackbar.Add(message, Severity.Success);
            await RefreshCountsAsync();
        }
    }

    private static string StatIcon(KeyView view) => view switch
    {
        KeyView.Free => Icons.Material.Outlined.Inventory2,
        KeyView.Held => Icons.Material.Outlined.Badge,
        KeyView.ToBeReturned => Icons.Material.Outlined.AssignmentReturn,
        KeyView.OverdueReturn => Icons.Material.Outlined.AssignmentLate,
        _ => Icons.Material.Outlined.ReportProblem,
    };
}
