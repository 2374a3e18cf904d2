using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Features.Matrix.Components;

/// <summary>The title × system grid: edit many cells, see them pending, save them as one version.</summary>
public partial class MatrixEditor
{
    private MatrixModel? _model;
    private PendingMatrixChanges? _pending;
    private MatrixSaveResult.Conflict? _conflict;
    private string? _titleFilter;
    private string? _systemFilter;
    private bool _showInactive;
    private bool _saving;
    private List<MatrixTitle>? _visibleTitles;
    private (MatrixModel?, string?, bool) _visibleTitlesKey;
    private List<MatrixSystem>? _visibleSystems;
    private (MatrixModel?, string?, bool) _visibleSystemsKey;
    private ElementReference _scroll;
    private CellKey? _jumpTo;
    private int _gridRevision;
    private bool _cellChangeOnly;

    [Inject] private MatrixService Matrix { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>Raised after a version is saved, so that the history can refresh.</summary>
    [Parameter] public EventCallback<int> OnSaved { get; set; }

    private bool HasChanges => _pending?.HasChanges == true;

    // The grid reads these once per row: filter only when the model or a filter changed, not on every access.
    private List<MatrixTitle> VisibleTitles
    {
        get
        {
            var key = (_model, _titleFilter, _showInactive);
            if (_visibleTitles is null || _visibleTitlesKey != key)
            {
                _visibleTitlesKey = key;
                _visibleTitles = [.. (_model?.Titles ?? []).Where(t => (_showInactive || t.IsActive) && Matches(t.Name, _titleFilter))];
            }

            return _visibleTitles;
        }
    }

    private List<MatrixSystem> VisibleSystems
    {
        get
        {
            var key = (_model, _systemFilter, _showInactive);
            if (_visibleSystems is null || _visibleSystemsKey != key)
            {
                _visibleSystemsKey = key;
                _visibleSystems = [.. (_model?.Systems ?? []).Where(s => (_showInactive || s.IsActive) && Matches(s.Name, _systemFilter))];
            }

            return _visibleSystems;
        }
    }

    /// <summary>The unsaved changes in the grid's order (rows, then columns), named as the cells are labelled.</summary>
    private List<ChangeLocation> ChangeLocations
    {
        get
        {
            if (_model is null || _pending is not { HasChanges: true })
            {
                return [];
            }

            var rows = _model.Titles.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var columns = _model.Systems.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
            return
            [
                .. _pending.Changes
                    .OrderBy(c => rows.GetValueOrDefault(c.Key.TitleId, int.MaxValue))
                    .ThenBy(c => columns.GetValueOrDefault(c.Key.SystemId, int.MaxValue))
                    .Select(c => new ChangeLocation(
                        c.Key, _model.Title(c.Key.TitleId)?.Name ?? "?", _model.System(c.Key.SystemId)?.Name ?? "?", c.Kind)),
            ];
        }
    }

    protected override async Task OnInitializedAsync()
    {
        // Prerendering shows the page's frame with the progress bar; the 6,000 cells are read once, by the circuit that
        // edits them, not also for HTML that is replaced as soon as the circuit starts.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        _model = await Matrix.LoadAsync();
        _pending = new PendingMatrixChanges(_model.Version, _model.Cells);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_jumpTo is not { } key)
        {
            return;
        }

        _jumpTo = null;
        var row = VisibleTitles.FindIndex(t => t.Id == key.TitleId);
        if (row >= 0 && VisibleSystems.Exists(s => s.Id == key.SystemId))
        {
            await JS.InvokeVoidAsync("socit.scrollToCell", _scroll, $"{key.TitleId}-{key.SystemId}", row, VisibleTitles.Count);
        }
    }

    private void SetCell((CellKey Key, int? LevelId) change)
    {
        _pending?.Set(change.Key, change.LevelId);
        _cellChangeOnly = true;
    }

    // A render after a cell change updates the toolbar; the changed cell has rendered itself (MatrixGrid). Every other
    // render of the editor (a filter, a save, a discard, a reload) advances the grid's revision, so the grid follows.
    protected override bool ShouldRender()
    {
        if (!_cellChangeOnly)
        {
            _gridRevision++;
        }

        _cellChangeOnly = false;
        return true;
    }

    /// <summary>
    /// Brings a changed cell into view and focuses it. A filter or "Visa inaktiva" that hides its row or column is
    /// lifted first; the grid scrolls after the render that shows it.
    /// </summary>
    private void JumpTo(CellKey key)
    {
        if (_model?.Title(key.TitleId) is not { } title || _model.System(key.SystemId) is not { } system)
        {
            return;
        }

        if (!Matches(title.Name, _titleFilter))
        {
            _titleFilter = null;
        }

        if (!Matches(system.Name, _systemFilter))
        {
            _systemFilter = null;
        }

        if (!title.IsActive || !system.IsActive)
        {
            _showInactive = true;
        }

        _jumpTo = key;
    }

    private async Task SaveAsync()
    {
        if (_model is null || _pending is not { HasChanges: true })
        {
            return;
        }

        var parameters = new DialogParameters<MatrixSaveDialog>
        {
            { d => d.Summary, _pending.Summary },
            { d => d.Changes, Describe(_pending.Changes) },
        };
        var dialog = await Dialogs.ShowAsync<MatrixSaveDialog>(
            "Spara ändringar", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled)
        {
            return;
        }

        _saving = true;
        try
        {
            switch (await Matrix.SaveAsync(_pending.BaseVersion, _pending.Changes, result.Data as string))
            {
                case MatrixSaveResult.Saved saved:
                    _conflict = null;
                    Snackbar.Add($"Sparat som version {saved.Version}: {saved.Summary}.", Severity.Success);

                    // The save was based on our version, so the new version is our matrix with our edits: no reload.
                    _pending = _pending.Saved(saved.Version);
                    _model = _model with { Version = saved.Version, Cells = _pending.Result() };
                    await OnSaved.InvokeAsync(saved.Version);
                    break;
                case MatrixSaveResult.Conflict conflict:
                    _conflict = conflict;
                    break;
                case MatrixSaveResult.Rejected rejected:
                    Snackbar.Add(rejected.Message, Severity.Error);
                    break;
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DiscardAsync()
    {
        if (_pending is not { HasChanges: true })
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Ångra alla ändringar?",
            $"{_pending.Summary}. Ändringarna har inte sparats och försvinner.",
            yesText: "Ångra alla",
            cancelText: "Avbryt");
        if (confirmed == true)
        {
            _pending.Discard();
        }
    }

    /// <summary>
    /// After an import: the editor shows the new version. Unsaved edits are kept on top of it, as after a conflict,
    /// so nothing typed is lost; a later save is then based on the imported version.
    /// </summary>
    public async Task ReloadAfterImportAsync()
    {
        await ReloadAsync(keepChanges: true);
        StateHasChanged();
    }

    private Task ReloadKeepingChangesAsync() => ReloadAsync(keepChanges: true);

    private Task ReloadDiscardingChangesAsync() => ReloadAsync(keepChanges: false);

    private async Task ReloadAsync(bool keepChanges)
    {
        var before = _pending?.Count ?? 0;
        _model = await Matrix.LoadAsync();
        _pending = keepChanges && _pending is not null
            ? _pending.Rebase(_model.Version, _model.Cells)
            : new PendingMatrixChanges(_model.Version, _model.Cells);
        if (keepChanges && _conflict is not null)
        {
            var kept = _pending.Count;
            Snackbar.Add(
                kept == before
                    ? $"Matrisen är omladdad (version {_model.Version}) och dina {kept} ändringar ligger kvar, osparade."
                    : $"Matrisen är omladdad (version {_model.Version}). {kept} av dina {before} ändringar ligger kvar; "
                      + $"{before - kept} var redan gjorda av någon annan.",
                Severity.Info);
        }

        _conflict = null;
    }

    private async Task ConfirmLeavingAsync(LocationChangingContext context)
    {
        if (!HasChanges)
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync(
            "Lämna matrisen?",
            $"Du har osparade ändringar ({_pending!.Summary}). De försvinner om du lämnar sidan.",
            yesText: "Lämna sidan",
            cancelText: "Stanna kvar");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }

    private List<NamedCellChange> Describe(IEnumerable<CellChange> changes)
    {
        var order = AdminLocalization.SwedishOrder;
        return
        [
            .. changes
                .Select(c =>
                {
                    var system = _model!.System(c.Key.SystemId);
                    return new NamedCellChange(
                        c.Key,
                        _model.Title(c.Key.TitleId)?.Name ?? "?",
                        system?.Name ?? "?",
                        system?.LevelName(c.LevelBefore),
                        system?.LevelName(c.LevelAfter),
                        c.Kind);
                })
                .OrderBy(c => c.TitleName, order)
                .ThenBy(c => c.SystemName, order),
        ];
    }

    private static bool Matches(string name, string? filter) =>
        string.IsNullOrWhiteSpace(filter)
        || AdminLocalization.Swedish.CompareInfo.IndexOf(name, filter.Trim(), System.Globalization.CompareOptions.IgnoreCase) >= 0;
}
