using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Features.Cases.Components;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Consents.Pages;

/// <summary>
/// <em>Att godkänna</em>: a manager's requests to let someone from another unit into one of theirs, each approved
/// (after a confirmation) or rejected with a reason, and what they answered lately.
/// </summary>
public partial class ApprovalsPage
{
    private ApprovalsView? _view;
    private bool _busy;

    [Inject] private ConsentService Consents { get; set; } = default!;

    [Inject] private ApprovalsChanged Changed { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _view = await Consents.ApprovalsAsync();

    private async Task ApproveAsync(ApprovalRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Godkänn {row.CaseNumber}",
            $"{row.PersonName} från {row.HomeUnitName} får tillfällig behörighet till {row.UnitName} {Period(row)}. Soc-IT ger behörigheten när du har godkänt.",
            yesText: "Godkänn", cancelText: "Avbryt", options: new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (confirmed == true)
        {
            await RunAsync(() => Consents.ApproveAsync(row.ConsentId));
        }
    }

    private async Task RejectAsync(ApprovalRow row)
    {
        var parameters = new DialogParameters<CaseReasonDialog>
        {
            { d => d.Prompt, $"Skriv varför {row.PersonName} inte ska få behörighet till {row.UnitName}. Ärendet avvisas och skälet skickas till beställaren, {row.OrdererName}." },
            { d => d.Label, "Skäl" },
            { d => d.ConfirmText, "Avslå" },
            { d => d.ConfirmColor, Color.Error },
            { d => d.MaxLength, UnitConsent.TextMaxLength },
        };
        var dialog = await Dialogs.ShowAsync<CaseReasonDialog>(
            $"Avslå {row.CaseNumber}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string reason })
        {
            await RunAsync(() => Consents.RejectAsync(row.ConsentId, reason));
        }
    }

    private async Task RunAsync(Func<Task<ConsentResult>> decide)
    {
        _busy = true;
        try
        {
            switch (await decide())
            {
                case ConsentResult.Done done:
                    Snackbar.Add(done.Message, Severity.Success);
                    break;
                case ConsentResult.Refused refused:
                    Snackbar.Add(refused.Message, Severity.Error);
                    break;
                case ConsentResult.Conflict conflict:
                    Snackbar.Add(conflict.Message, Severity.Warning);
                    break;
            }

            _view = await Consents.ApprovalsAsync();
            Changed.Notify();
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Period(ApprovalRow row) => $"{Dates.Iso(row.From)} – {Dates.Iso(row.To)}";
}
