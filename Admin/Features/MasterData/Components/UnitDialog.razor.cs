using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace SocItConsole.Admin.Features.MasterData.Components;

/// <summary>Adds or edits a unit: its facts, managers, mobile representative and systems.</summary>
public partial class UnitDialog
{
    private UnitForm _form = new();
    private string? _error;
    private bool _saving;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = default!;

    [Inject] private MasterDataService Service { get; set; } = default!;

    /// <summary>The unit to edit; null adds a new one.</summary>
    [Parameter] public UnitRow? Existing { get; set; }

    /// <summary>All IT systems; the active ones are offered, an inactive one only where the unit still uses it.</summary>
    [Parameter, EditorRequired] public required IReadOnlyList<ItSystemRow> Systems { get; set; }

    private IReadOnlyList<ItSystemRow> Choices { get; set; } = [];

    protected override void OnInitialized()
    {
        _form = UnitForm.For(Existing);
        Choices = [.. Systems.Where(s => s.IsActive || _form.SystemIds.Contains(s.Id))];
    }

    private void Choose(int systemId, bool selected)
    {
        if (selected)
        {
            _form.SystemIds.Add(systemId);
        }
        else
        {
            _form.SystemIds.Remove(systemId);
        }
    }

    private async Task SaveAsync()
    {
        _saving = true;
        var result = Existing is null
            ? await Service.CreateUnitAsync(_form.ToInput())
            : await Service.UpdateUnitAsync(Existing.Id, _form.ToInput());
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
