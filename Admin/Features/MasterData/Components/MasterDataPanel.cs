using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace SocItConsole.Admin.Features.MasterData.Components;

/// <summary>
/// What the three administration tabs share: search and "show inactive", the edit dialog, the confirmation before
/// (de)activating or deleting, and the snackbar afterwards. A tab tells the page through <see cref="Changed"/> that
/// the lists need reloading.
/// </summary>
public abstract class MasterDataPanel : ComponentBase
{
    public static readonly DialogOptions EditDialogOptions = new()
    {
        MaxWidth = MaxWidth.Medium,
        FullWidth = true,
        CloseButton = true,
        CloseOnEscapeKey = true,
        BackdropClick = false,
    };

    public static readonly int[] PageSizes = [25, 50, 100];

    [Parameter] public EventCallback Changed { get; set; }

    [Inject] protected MasterDataService Service { get; set; } = default!;

    [Inject] protected IDialogService Dialogs { get; set; } = default!;

    [Inject] protected ISnackbar Snackbar { get; set; } = default!;

    protected string? Search { get; set; }

    protected bool ShowInactive { get; set; }

    /// <summary>Opens an edit dialog; when it saved, says so and reloads.</summary>
    protected async Task OpenEditorAsync<TDialog>(string title, DialogParameters<TDialog> parameters)
        where TDialog : ComponentBase
    {
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, EditDialogOptions);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add("Sparat", Severity.Success);
            await Changed.InvokeAsync();
        }
    }

    /// <summary>Asks first, then runs <paramref name="change"/>; shows its outcome and reloads when it succeeded.</summary>
    protected async Task ConfirmAndRunAsync(
        string title, string question, string confirmText, Func<Task<MasterDataResult>> change, string doneText)
    {
        ArgumentNullException.ThrowIfNull(change);
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            title, question, yesText: confirmText, cancelText: "Avbryt", options: new DialogOptions { MaxWidth = MaxWidth.ExtraSmall });
        if (confirmed != true)
        {
            return;
        }

        var result = await change();
        if (result.Succeeded)
        {
            Snackbar.Add(doneText, Severity.Success);
            await Changed.InvokeAsync();
        }
        else
        {
            Snackbar.Add(result.Error, Severity.Error);
        }
    }

    /// <summary>The tooltip of a disabled delete button: why, and what to do instead.</summary>
    protected static string CannotDelete(string usage) =>
        $"{char.ToUpperInvariant(usage[0])}{usage[1..]} och kan därför inte tas bort. Inaktivera i stället.";
}
