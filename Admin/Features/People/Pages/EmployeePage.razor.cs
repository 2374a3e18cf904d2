using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Features.Cases.Components;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.People.Pages;

/// <summary>
/// An employee's record: grants now and before, their cases, and the full personnummer on request (logged). A person
/// with protected identity is "Skyddad person" here too until the operator asks for the name (logged the same way).
/// </summary>
public partial class EmployeePage
{
    private EmployeeDetails? _employee;
    private string? _fullPersonnummer;
    private string? _fullName;
    private bool _loaded;
    private bool _busy;

    [Parameter] public int Id { get; set; }

    [Inject] private EmployeeRegister Register { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private string Name => _fullName ?? _employee?.ShownName ?? string.Empty;

    protected override async Task OnParametersSetAsync()
    {
        _fullPersonnummer = null;
        _fullName = null;
        _employee = await Register.GetAsync(Id);
        _loaded = true;
    }

    private async Task RevealAsync() => _fullPersonnummer = await Register.RevealPersonnummerAsync(Id);

    private async Task RevealNameAsync() => _fullName = await Register.RevealNameAsync(Id);

    private Task ProtectAsync() => SetProtectionAsync(
        isProtected: true,
        "Markera skyddad identitet",
        "Personen har skyddade personuppgifter (sekretessmarkering eller skyddad folkbokföring). Namnet visas då som "
            + $"\"{PersonName.Protected}\" i listor, e-post, exporter och granskningar, och på den här sidan och i ärendena först när "
            + "du väljer att visa det. Vem som markerade och varför loggas.",
        "Markera");

    private Task UnprotectAsync() => SetProtectionAsync(
        isProtected: false,
        "Ta bort skyddad identitet",
        "Namnet visas då åter överallt i konsolen, i e-post och i exporter. Vem som tog bort skyddet och varför loggas.",
        "Ta bort skyddet");

    private async Task SetProtectionAsync(bool isProtected, string title, string prompt, string confirmText)
    {
        var parameters = new DialogParameters<CaseReasonDialog>
        {
            { d => d.Prompt, prompt },
            { d => d.Label, "Skäl" },
            { d => d.ConfirmText, confirmText },
            { d => d.ConfirmColor, isProtected ? Color.Warning : Color.Primary },
            { d => d.MaxLength, Employee.ProtectionReasonMaxLength },
        };
        var dialog = await Dialogs.ShowAsync<CaseReasonDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string reason })
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Register.SetProtectionAsync(Id, isProtected, reason);
            switch (result)
            {
                case EmployeeResult.Done done:
                    Snackbar.Add(done.Message, Severity.Success);
                    _fullName = null;
                    _employee = await Register.GetAsync(Id);
                    break;
                case EmployeeResult.Refused refused:
                    Snackbar.Add(refused.Message, Severity.Warning);
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
