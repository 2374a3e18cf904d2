using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Components;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Grants.Pages;

/// <summary>
/// "Behörigheter i min verksamhet": the active grants in a manager's units (or, for Soc-IT, any unit), filtered,
/// paged and sorted on the server. A static page (decision 0049): the unit, system, kind, search, sort and page are in
/// the address; "Begär avslut" and "Begär förlängning" ask in the page (<c>?end=</c>, <c>?extend=</c>) and order by
/// POST forms. What each user may see and ask for is checked by <see cref="UnitGrants"/>.
/// </summary>
public partial class UnitGrantsPage
{
    private const string EndForm = "request-end";
    private const string EndField = "end-grant";
    private const string ExtendForm = "request-extension";
    private const string ExtendField = "extend-grant";
    private const string DayField = "last-day";

    private static readonly int[] PageSizes = [25, 50, 100];

    private static readonly UnitGrantKind[] Kinds = [UnitGrantKind.All, UnitGrantKind.Temporary, UnitGrantKind.FromOtherUnits];

    /// <summary>The query parameters of a question, left out of every other link and of the forms' addresses.</summary>
    private static readonly string[] Questions = ["end", "extend"];

    private UnitGrantScope? _scope;
    private UnitGrantList? _list;
    private int? _unitId;
    private int? _systemId;
    private UnitGrantKind _kind = UnitGrantKind.All;
    private UnitGrantSort _sort = UnitGrantSort.Employee;
    private bool _descending;
    private int _page = 1;
    private int _pageSize = PageSizes[0];
    private DateOnly _today;
    private string? _summary;
    private string? _linkRefusal;
    private UnitGrantRow? _ending;
    private UnitGrantRow? _extending;
    private string? _extendValue;
    private string? _extendError;
    private (Severity Severity, string Text)? _feedback;

    [Inject] private UnitGrants Grants { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>A unit to open at once, e.g. from a unit card on the start page (<c>/access?unit=7</c>).</summary>
    [SupplyParameterFromQuery(Name = "unit")]
    public int? UnitFromLink { get; set; }

    [SupplyParameterFromQuery(Name = "system")]
    public int? SystemFromLink { get; set; }

    /// <summary><c>Temporary</c> or <c>FromOtherUnits</c>; none is every grant. The export's names.</summary>
    [SupplyParameterFromQuery(Name = "kind")]
    public string? KindFromLink { get; set; }

    [SupplyParameterFromQuery(Name = "search")]
    public string? Search { get; set; }

    /// <summary>A column of <see cref="UnitGrantSort"/>; none is the employee's name.</summary>
    [SupplyParameterFromQuery(Name = "sort")]
    public string? SortFromLink { get; set; }

    [SupplyParameterFromQuery(Name = "desc")]
    public bool? DescendingFromLink { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public int? PageFromLink { get; set; }

    [SupplyParameterFromQuery(Name = "size")]
    public int? SizeFromLink { get; set; }

    /// <summary>The grant whose end is asked about before the POST form orders it.</summary>
    [SupplyParameterFromQuery(Name = "end")]
    public int? EndFromLink { get; set; }

    /// <summary>The temporary grant whose new last day is asked for before the POST form orders the extension.</summary>
    [SupplyParameterFromQuery(Name = "extend")]
    public int? ExtendFromLink { get; set; }

    [SupplyParameterFromForm(FormName = EndForm, Name = EndField)]
    public int? EndGrantId { get; set; }

    [SupplyParameterFromForm(FormName = ExtendForm, Name = ExtendField)]
    public int? ExtendGrantId { get; set; }

    /// <summary>The new last day as the date field sends it (yyyy-MM-dd), kept to be shown again with what is wrong.</summary>
    [SupplyParameterFromForm(FormName = ExtendForm, Name = DayField)]
    public string? NewLastDay { get; set; }

    private string Title => _scope?.AllUnits == true ? "Behörigheter per verksamhet" : "Behörigheter i min verksamhet";

    private string AllUnitsText => _scope?.AllUnits == true ? "Alla verksamheter" : "Alla mina verksamheter";

    private bool ShowUnitColumn => _unitId is null;

    private bool IsFiltered => _systemId is not null || _kind != UnitGrantKind.All || !string.IsNullOrWhiteSpace(Search);

    private UnitGrantQuery Query => new(_unitId, _systemId, _kind, Search, _sort, _descending);

    private string WithoutQuestion => With();

    protected override async Task OnParametersSetAsync()
    {
        _today = AdminTimeZone.Today(Clock);
        _scope ??= await Grants.ScopeAsync();
        // A unit from a link that is not the user's is refused, and they see their own units instead (the service
        // refuses it too). A manager with one unit has nothing to choose: it is preselected.
        _linkRefusal = UnitFromLink is { } linked && _scope.Units.All(u => u.Id != linked) ? UnitGrants.UnitNotFoundMessage : null;
        _unitId = _linkRefusal is null && UnitFromLink is { } unit ? unit
            : _scope.Units.Count == 1 ? _scope.Units[0].Id
            : null;
        _systemId = SystemFromLink is { } system && _scope.Systems.Any(s => s.Id == system) ? system : null;
        _kind = AddressValues.EnumOf<UnitGrantKind>(KindFromLink) ?? UnitGrantKind.All;
        _sort = AddressValues.EnumOf<UnitGrantSort>(SortFromLink) ?? UnitGrantSort.Employee;
        _descending = DescendingFromLink == true;
        _pageSize = StaticPager.SizeOf(SizeFromLink, PageSizes);
        // A posted answer loads the list after ordering (its handler), not twice.
        if (_scope.Units.Count > 0 && EndGrantId is null && ExtendGrantId is null)
        {
            await LoadAsync();
            _ending = Asked(EndFromLink, r => r.PendingEnd is null);
            _extending = Asked(ExtendFromLink, r => r.PendingEnd is null && r.IsTemporary && r.Extension is null);
        }
    }

    private async Task LoadAsync()
    {
        var query = Query;
        (_list, _page) = await StaticPager.LoadPageAsync(
            PageFromLink, _pageSize, index => Grants.ListAsync(query, index, _pageSize), l => l.TotalCount);

        _today = _list.Today;
        _summary = _list.Refusal is null ? $"{GrantDisplay.Persons(_list.PersonCount)}, {GrantDisplay.Grants(_list.TotalCount)}" : null;
    }

    /// <summary>The row a question is about, if this user may ask it and the row is on the page.</summary>
    private UnitGrantRow? Asked(int? grantId, Func<UnitGrantRow, bool> askable) =>
        _scope is { MayRequest: true } && grantId is { } id ? _list?.Items.FirstOrDefault(r => r.GrantId == id && askable(r)) : null;

    private async Task RequestEndAsync()
    {
        if (RefusedAsNotManager())
        {
            await LoadAsync();
            return;
        }

        if (EndGrantId is { } id)
        {
            _feedback = Feedback(await Grants.RequestEndAsync(id));
        }

        await LoadAsync();
    }

    private async Task RequestExtensionAsync()
    {
        if (RefusedAsNotManager())
        {
            await LoadAsync();
            return;
        }

        if (ExtendGrantId is not { } id)
        {
            await LoadAsync();
            return;
        }

        // The day is checked here as the service checks it, so that what is wrong shows under the field in the dialog.
        var day = DateOnly.TryParseExact(NewLastDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : (DateOnly?)null;
        await LoadAsync();
        if (_list?.Items.FirstOrDefault(r => r.GrantId == id) is { } row
            && GrantOrders.CheckNewLastDay(day, row.To ?? _today, _today) is { } invalid)
        {
            _extending = row;
            _extendValue = NewLastDay;
            _extendError = invalid;
            return;
        }

        _feedback = Feedback(await Grants.RequestExtensionAsync(id, day));
        await LoadAsync();
    }

    /// <summary>
    /// The forms are only on a manager's page; an answer posted by anyone else (an operator, a forged form) is refused in
    /// the page, as the service would refuse it, instead of ending in the error page.
    /// </summary>
    private bool RefusedAsNotManager()
    {
        if (_scope is { MayRequest: true })
        {
            return false;
        }

        _feedback = (Severity.Error, UnitGrants.OnlyManagersMayRequestMessage);
        return true;
    }

    private static (Severity Severity, string Text)? Feedback(UnitGrantResult result) => result switch
    {
        UnitGrantResult.Done { Existing: true } done => (Severity.Info, done.Message),
        UnitGrantResult.Done done => (Severity.Success, done.Message + " Soc-IT tar hand om det; du följer ärendet under Mina ärenden."),
        UnitGrantResult.Refused refused => (Severity.Error, refused.Message),
        _ => null,
    };

    private string AskLink(string question, UnitGrantRow row) => With((question, row.GrantId));

    private string KindLink(UnitGrantKind kind) => With(("kind", kind == UnitGrantKind.All ? null : kind.ToString()), ("page", null));

    /// <summary>Ascending first; the column sorted ascending turns descending. The employee's name ascending is the default.</summary>
    private string SortLink(UnitGrantSort sort)
    {
        var descending = _sort == sort && !_descending;
        return With(
            ("sort", sort == UnitGrantSort.Employee && !descending ? null : sort.ToString()),
            ("desc", descending ? "true" : null),
            ("page", null));
    }

    /// <summary>This address with <paramref name="changes"/>, and without a question unless one is among them.</summary>
    private string With(params (string Name, object? Value)[] changes)
    {
        var parameters = Questions.ToDictionary(q => q, object? (_) => null);
        foreach (var (name, value) in changes)
        {
            parameters[name] = value;
        }

        return Navigation.GetUriWithQueryParameters(parameters);
    }

    private static string RowClass(UnitGrantRow row) =>
        row.IsFromOtherUnit ? "access-other-unit" : row.IsTemporary ? "access-temporary" : string.Empty;
}
