using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace SocItConsole.Admin.Features.Keys.Components;

/// <summary>
/// A dialog that saves through a key register service: a refusal stays in the dialog beside what the operator typed,
/// so nothing is lost; success closes the dialog with the <see cref="KeyResult"/> for the page to announce.
/// </summary>
public abstract class KeyFormDialog : ComponentBase
{
    [CascadingParameter] protected IMudDialogInstance MudDialog { get; set; } = default!;

    protected string? Refusal { get; private set; }

    protected bool Busy { get; private set; }

    protected async Task SubmitAsync(Func<Task<KeyResult>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Busy = true;
        Refusal = null;
        try
        {
            var result = await action();
            switch (result)
            {
                case KeyResult.Refused refused:
                    Refusal = refused.Message;
                    break;
                case KeyResult.Conflict conflict:
                    Refusal = conflict.Message;
                    break;
                default:
                    MudDialog.Close(DialogResult.Ok(result));
                    break;
            }
        }
        finally
        {
            Busy = false;
        }
    }

    protected void Cancel() => MudDialog.Cancel();
}
