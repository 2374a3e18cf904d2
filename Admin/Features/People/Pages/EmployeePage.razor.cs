using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.People.Pages;

/// <summary>
/// An employee's record: grants now and before, their cases, and the full personnummer on request (logged). A person
/// with protected identity is "Skyddad person" here too until the operator asks for the name (logged the same way).
/// Static (decision 0049): each reveal and the mark are POST forms answered with the page; only the key register is
/// an interactive island.
/// </summary>
public partial class EmployeePage
{
    private const string RevealPersonnummerForm = "reveal-personnummer";
    private const string RevealNameForm = "reveal-name";
    private const string ProtectionForm = "protection";

    private const string ProtectPrompt =
        "Personen har skyddade personuppgifter (sekretessmarkering eller skyddad folkbokföring). Namnet visas då som "
        + $"\"{PersonName.Protected}\" i listor, e-post, exporter och granskningar, och på den här sidan och i ärendena först när "
        + "du väljer att visa det. Vem som markerade och varför loggas.";

    private const string UnprotectPrompt =
        "Namnet visas då åter överallt i konsolen, i e-post och i exporter. Vem som tog bort skyddet och varför loggas.";

    private EmployeeDetails? _employee;
    private string? _fullPersonnummer;
    private string? _fullName;
    private bool _loaded;
    private bool _askAgain;
    private bool _protectionSaved;
    private (Severity Severity, string Text)? _feedback;

    [Parameter] public int Id { get; set; }

    /// <summary><c>ask</c> while the page asks for the reason to mark, or unmark, skyddad identitet.</summary>
    [SupplyParameterFromQuery(Name = "protection")] public string? Protection { get; set; }

    /// <summary>The mark the form asked for (true: mark, false: remove), so that a form posted twice changes nothing more.</summary>
    [SupplyParameterFromForm(FormName = ProtectionForm)] private bool? Protect { get; set; }

    [SupplyParameterFromForm(FormName = ProtectionForm)] private string? Reason { get; set; }

    [Inject] private EmployeeRegister Register { get; set; } = default!;

    private string Name => _fullName ?? _employee?.ShownName ?? string.Empty;

    private string PagePath => $"/employees/{Id}";

    private string ProtectionHref => $"{PagePath}?protection=ask";

    /// <summary>
    /// The dialog is open while the address asks for it: its form posts to that address, since a POST is handled only
    /// by a form that the page renders; after the mark it closes.
    /// </summary>
    private bool AskingForProtection => (Protection == "ask" || _askAgain) && !_protectionSaved;

    protected override async Task OnParametersSetAsync()
    {
        _employee = await Register.GetAsync(Id);
        _loaded = true;
    }

    private async Task RevealPersonnummerAsync() => _fullPersonnummer = await Register.RevealPersonnummerAsync(Id);

    private async Task RevealNameAsync() => _fullName = await Register.RevealNameAsync(Id);

    private async Task SetProtectionAsync()
    {
        if (Protect is not { } protect || string.IsNullOrWhiteSpace(Reason))
        {
            _askAgain = true;
            _feedback = (Severity.Warning, "Skriv skälet.");
            return;
        }

        switch (await Register.SetProtectionAsync(Id, protect, Reason.Trim()))
        {
            case EmployeeResult.Done done:
                _feedback = (Severity.Success, done.Message);
                _protectionSaved = true;
                _employee = await Register.GetAsync(Id);
                break;
            case EmployeeResult.Refused refused:
                _feedback = (Severity.Warning, refused.Message);
                _askAgain = true;
                break;
        }
    }
}
