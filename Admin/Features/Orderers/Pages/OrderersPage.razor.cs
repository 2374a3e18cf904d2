using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Components;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orderers;

namespace SocItConsole.Admin.Features.Orderers.Pages;

/// <summary>
/// "Utsedda beställare": a manager's appointments in their units (an administrator's in every unit). A static page
/// (decision 0049): the unit, the search, the status and the page are in the address; "Avsluta uppdraget" asks in the
/// page (<c>?end=</c>) and ends by a POST form; appointing is the one interactive island (<c>AppointLauncher</c>).
/// What each user may see and change is checked by <see cref="AppointedOrderers"/>.
/// </summary>
public partial class OrderersPage
{
    private const string EndForm = "end-appointment";
    private const string EndField = "end-id";

    private static readonly int[] PageSizes = [25, 50, 100];

    private static readonly (AppointmentFilter Filter, string Label, string TestId)[] Filters =
    [
        (AppointmentFilter.Active, "Gäller nu eller kommande", "status-active"),
        (AppointmentFilter.Ended, "Upphörda", "status-ended"),
        (AppointmentFilter.All, "Alla", "status-all"),
    ];

    private OrdererScope? _scope;
    private AppointmentList? _list;
    private int? _unitId;
    private int _page = 1;
    private int _pageSize = PageSizes[0];
    private string? _summary;
    private string? _linkRefusal;
    private AppointmentRow? _confirming;
    private DateOnly _today;
    private (Severity Severity, string Text)? _feedback;

    [Inject] private AppointedOrderers Orderers { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The unit, also from the unit's page or the units register (<c>/orderers?unit=7</c>).</summary>
    [SupplyParameterFromQuery(Name = "unit")]
    public int? UnitFromLink { get; set; }

    /// <summary><c>active</c> (the default), <c>ended</c> or <c>all</c>.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? StatusFromLink { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Search { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public int? PageFromLink { get; set; }

    [SupplyParameterFromQuery(Name = "size")]
    public int? SizeFromLink { get; set; }

    /// <summary>The appointment whose end is asked about before the POST form ends it.</summary>
    [SupplyParameterFromQuery(Name = "end")]
    public int? EndFromLink { get; set; }

    /// <summary>The appointment the answer ends: the value of the dialog's submit button.</summary>
    [SupplyParameterFromForm(FormName = EndForm, Name = EndField)]
    public int? EndId { get; set; }

    private AppointmentFilter Status => StatusFromLink?.Trim().ToLowerInvariant() switch
    {
        "ended" => AppointmentFilter.Ended,
        "all" => AppointmentFilter.All,
        _ => AppointmentFilter.Active,
    };

    private string AllUnitsText => _scope?.AllUnits == true ? "Alla verksamheter" : "Alla mina verksamheter";

    private bool ShowUnitColumn => _unitId is null;

    private bool IsFiltered => Status != AppointmentFilter.Active || !string.IsNullOrWhiteSpace(Search);

    private string CancelEndLink => Navigation.GetUriWithQueryParameter("end", (int?)null);

    protected override async Task OnParametersSetAsync()
    {
        _today = AdminTimeZone.Today(Clock);
        _scope ??= await Orderers.ScopeAsync();
        _linkRefusal = UnitFromLink is { } linked && _scope.Units.All(u => u.Id != linked) ? AppointedOrderers.UnitNotFoundMessage : null;
        _unitId = _linkRefusal is null && UnitFromLink is { } unit ? unit
            : _scope.Units.Count == 1 ? _scope.Units[0].Id
            : null;
        _pageSize = StaticPager.SizeOf(SizeFromLink, PageSizes);
        // A posted answer loads the list after ending (EndAsync), not twice.
        if (_scope.Units.Count > 0 && EndId is null)
        {
            await LoadAsync(confirm: true);
        }
    }

    private async Task LoadAsync(bool confirm)
    {
        var query = new AppointmentQuery(_unitId, Status, Search);
        (_list, _page) = await StaticPager.LoadPageAsync(
            PageFromLink, _pageSize, index => Orderers.ListAsync(query, index, _pageSize), l => l.TotalCount);

        _summary = _list.Refusal is null ? OrdererTexts.Appointments(_list.TotalCount) : null;
        _confirming = confirm && EndFromLink is { } id ? _list.Items.FirstOrDefault(r => r.Id == id && r.MayEnd) : null;
    }

    private async Task EndAsync()
    {
        if (EndId is not { } id)
        {
            return;
        }

        var result = await Orderers.EndAsync(id);
        _feedback = result switch
        {
            AppointmentResult.Done done => (Severity.Success, done.Message),
            AppointmentResult.Refused refused => (Severity.Error, refused.Message),
            _ => null,
        };
        if (_scope is { Units.Count: > 0 })
        {
            await LoadAsync(confirm: false);
        }
    }

    private string EndQuestion(AppointmentRow row) => row.Status == AppointmentStatus.Coming
        ? $"{row.Name}s uppdrag att beställa för {row.UnitName} har inte börjat. Det återkallas och börjar aldrig."
        : $"{row.Name} kan inte längre beställa för {row.UnitName} från och med i dag ({Dates.Iso(_today)}). "
            + "Beställningar som redan är gjorda påverkas inte.";

    private string EndLink(AppointmentRow row) => Navigation.GetUriWithQueryParameter("end", row.Id);

    private string StatusLink(AppointmentFilter filter) => Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["status"] = StatusValue(filter),
        ["page"] = null,
        ["end"] = null,
    });

    private static string? StatusValue(AppointmentFilter filter) => filter switch
    {
        AppointmentFilter.Ended => "ended",
        AppointmentFilter.All => "all",
        _ => null,
    };

    /// <summary>The colour of MudChip the interactive page gave each status, as its class name.</summary>
    private static string StatusColorName(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Current => "success",
        AppointmentStatus.Coming => "info",
        _ => "default",
    };
}
