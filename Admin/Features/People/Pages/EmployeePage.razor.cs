using Microsoft.AspNetCore.Components;

namespace SocItConsole.Admin.Features.People.Pages;

/// <summary>An employee's record: grants now and before, their cases, and the full personnummer on request (logged).</summary>
public partial class EmployeePage
{
    private EmployeeDetails? _employee;
    private string? _fullPersonnummer;
    private bool _loaded;

    [Parameter] public int Id { get; set; }

    [Inject] private EmployeeRegister Register { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _fullPersonnummer = null;
        _employee = await Register.GetAsync(Id);
        _loaded = true;
    }

    private async Task RevealAsync() => _fullPersonnummer = await Register.RevealPersonnummerAsync(Id);
}
