using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace SocItConsole.Admin.Features.MasterData.Components;

/// <summary>Adds or edits an IT system with its levels. The service decides; a refusal is shown and the input stays.</summary>
public partial class SystemDialog
{
    private SystemForm _form = new();
    private string? _error;
    private bool _saving;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = default!;

    [Inject] private MasterDataService Service { get; set; } = default!;

    /// <summary>The system to edit; null adds a new one.</summary>
    [Parameter] public ItSystemRow? Existing { get; set; }

    protected override void OnInitialized() => _form = SystemForm.For(Existing);

    private bool CanRemove(LevelForm level) => _form.Levels.Count > 1 && level.MatrixCellCount == 0;

    private string RemoveTooltip(LevelForm level) =>
        level.MatrixCellCount > 0 ? "Nivån används i matrisen och kan inte tas bort"
        : _form.Levels.Count == 1 ? "Systemet måste ha minst en nivå"
        : "Ta bort nivån";

    private void AddLevel() => _form.Levels.Add(new LevelForm());

    private void RemoveLevel(LevelForm level) => _form.Levels.Remove(level);

    private void Cancel() => MudDialog.Cancel();

    private async Task SaveAsync()
    {
        _saving = true;
        var result = Existing is null
            ? await Service.CreateSystemAsync(_form.ToInput())
            : await Service.UpdateSystemAsync(Existing.Id, _form.ToInput());
        _saving = false;
        if (result.Succeeded)
        {
            MudDialog.Close(DialogResult.Ok(result.Id));
        }
        else
        {
            _error = result.Error;
            // The alert sits in the title, which the dialog container renders: it must be told to render again.
            MudDialog.StateHasChanged();
        }
    }
}
