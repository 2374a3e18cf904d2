using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Consents.Components;

/// <summary>
/// The consent of a case's receiving unit on the case page (nothing when the case asks for none): its state for Soc-IT
/// and, while it waits, "Registrera besked per telefon". A recorded answer tells the page, which reloads the case.
/// </summary>
public partial class ConsentPanel
{
    private CaseConsentView? _consent;
    private bool _busy;
    private (int OrderId, int Version)? _loadedFor;

    [Parameter, EditorRequired] public required int OrderId { get; set; }

    /// <summary>The case version the page shows; the panel reloads when it changes (the case moved).</summary>
    [Parameter] public int Version { get; set; }

    [Parameter] public EventCallback OnChanged { get; set; }

    [Inject] private ConsentService Consents { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private Severity Severity => _consent switch
    {
        { Status: ConsentStatus.Approved } => Severity.Success,
        { Status: ConsentStatus.Rejected } => Severity.Error,
        { EscalatedAt: not null } => Severity.Error,
        _ => Severity.Warning,
    };

    protected override async Task OnParametersSetAsync()
    {
        // The page re-renders often (every click); the consent changes only with the case or through this panel.
        if (_loadedFor != (OrderId, Version))
        {
            _loadedFor = (OrderId, Version);
            _consent = await Consents.ForCaseAsync(OrderId);
        }
    }

    private static string Headline(CaseConsentView consent) => consent.Status switch
    {
        ConsentStatus.Approved => $"Chefen för {consent.UnitName} har godkänt behörigheten.",
        ConsentStatus.Rejected => $"Chefen för {consent.UnitName} har inte godkänt behörigheten.",
        _ => $"Väntar på godkännande från chefen för {consent.UnitName}. Ärendet kan inte slutföras förrän behörigheten är godkänd.",
    };

    private static string Managers(CaseConsentView consent) => consent.ManagerNames.Count switch
    {
        0 => "verksamhetens chef",
        _ => string.Join(" och ", consent.ManagerNames),
    };

    private async Task RecordByPhoneAsync()
    {
        var dialog = await Dialogs.ShowAsync<PhoneConsentDialog>(
            "Registrera besked per telefon",
            new DialogParameters<PhoneConsentDialog> { { d => d.UnitName, _consent!.UnitName } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: PhoneConsent answer })
        {
            return;
        }

        _busy = true;
        try
        {
            switch (await Consents.RecordByPhoneAsync(OrderId, answer.Approved, answer.Note))
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

            _consent = await Consents.ForCaseAsync(OrderId);
            await OnChanged.InvokeAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
