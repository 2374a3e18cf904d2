using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace SocItConsole.Admin.Features.Keys.Components;

/// <summary>Opens the key register's dialogs and announces what they did, the same way on every page.</summary>
public static class KeyDialogs
{
    // No focus is moved when the dialog opens: the focus trap moving it a moment later could take the caret away from
    // an operator (or a test) who already started typing in the search field.
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, DefaultFocus = DefaultFocus.None };

    /// <summary>Shows a <see cref="KeyFormDialog"/>; the result it saved with, or null when the operator cancelled.</summary>
    public static async Task<KeyResult?> ShowFormAsync<TDialog>(
        this IDialogService dialogs, string title, DialogParameters<TDialog>? parameters = null)
        where TDialog : IComponent
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters ?? [], Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: KeyResult keyResult } ? keyResult : null;
    }

    /// <summary>Asks for a required note; null when cancelled.</summary>
    public static async Task<string?> AskTextAsync(
        this IDialogService dialogs, string title, string prompt, string label, string confirmText, Color confirmColor)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<KeyTextDialog>
        {
            { d => d.Prompt, prompt },
            { d => d.Label, label },
            { d => d.ConfirmText, confirmText },
            { d => d.ConfirmColor, confirmColor },
        };
        var dialog = await dialogs.ShowAsync<KeyTextDialog>(title, parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string text } ? text : null;
    }

    /// <summary>
    /// Says what happened: a new personal code in its own dialog (the only time it is shown), otherwise a snackbar.
    /// </summary>
    public static async Task AnnounceAsync(this IDialogService dialogs, ISnackbar snackbar, KeyResult? result, string? employeeName = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(snackbar);
        switch (result)
        {
            case KeyResult.CodeIssued issued:
                var parameters = new DialogParameters<OneTimeCodeDialog>
                {
                    { d => d.Code, issued.Code },
                    { d => d.Message, issued.Message },
                    { d => d.EmployeeName, employeeName ?? "personen" },
                };
                var dialog = await dialogs.ShowAsync<OneTimeCodeDialog>(
                    "Personlig kod", parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, BackdropClick = false });
                await dialog.Result;
                break;
            case KeyResult.Done done:
                snackbar.Add(done.Message, Severity.Success);
                break;
            case KeyResult.Refused refused:
                snackbar.Add(refused.Message, Severity.Warning);
                break;
            case KeyResult.Conflict conflict:
                snackbar.Add(conflict.Message, Severity.Error);
                break;
        }
    }
}
