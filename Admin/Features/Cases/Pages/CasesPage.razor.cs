using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SocItConsole.Admin.Components;
using SocItConsole.Admin.Components.Layout;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Cases.Pages;

/// <summary>
/// The operators' dashboard: figures at the top, the queue below, filtered, sorted and paged on the server. A static
/// page (decision 0049): the view is the address (a GET form and links), "Ta ärendet" a POST form.
/// </summary>
public partial class CasesPage
{
    private const string OpenFilter = "open";
    private const string AllFilter = "all";
    private const string TodayFilter = "today";
    private const string SortCase = "case";
    private const string SortStart = "start";
    private const string SortOldest = "oldest";
    private const string TakeForm = "take-case";
    private static readonly int[] PageSizes = [25, 50, 100];

    private DashboardSummary? _summary;
    private IReadOnlyList<(string Id, string Name)> _assignees = [];
    private IReadOnlyList<UnitOption> _units = [];
    private PagedResult<CaseRow>? _result;
    private CaseDay? _day;
    private string? _actorId;
    private int _page = 1;
    private PageNotice.Message? _notice;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private CaseList Cases { get; set; } = default!;

    [Inject] private CaseWork Work { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "status")] private string? StatusQuery { get; set; }

    [SupplyParameterFromQuery(Name = "type")] private string? TypeQuery { get; set; }

    [SupplyParameterFromQuery(Name = "mark")] private string? MarkQuery { get; set; }

    [SupplyParameterFromQuery(Name = "unit")] private int? UnitQuery { get; set; }

    [SupplyParameterFromQuery(Name = "from")] private string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = "to")] private string? ToQuery { get; set; }

    [SupplyParameterFromQuery(Name = "q")] private string? SearchQuery { get; set; }

    [SupplyParameterFromQuery(Name = "assignee")] private string? AssigneeQuery { get; set; }

    [SupplyParameterFromQuery(Name = "mine")] private bool OnlyMine { get; set; }

    [SupplyParameterFromQuery(Name = "sort")] private string? SortQuery { get; set; }

    [SupplyParameterFromQuery(Name = "page")] private int? PageQuery { get; set; }

    [SupplyParameterFromQuery(Name = "size")] private int? SizeQuery { get; set; }

    /// <summary>The case whose "Ta ärendet" button was pressed (the button's name and value).</summary>
    [SupplyParameterFromForm(FormName = TakeForm, Name = "take")] private int? TakeCaseId { get; set; }

    private string Status => StatusQuery is OpenFilter or TodayFilter or AllFilter
        || Enum.TryParse<OrderStatus>(StatusQuery, out _) ? StatusQuery! : OpenFilter;

    private OrderType? Type => AddressValues.EnumOf<OrderType>(TypeQuery, ignoreCase: false);

    private CaseMark? Mark => AddressValues.EnumOf<CaseMark>(MarkQuery, ignoreCase: false);

    private DateOnly? From => Day(FromQuery);

    private DateOnly? To => Day(ToQuery);

    private string? Assignee => string.IsNullOrEmpty(AssigneeQuery) ? null : AssigneeQuery;

    private string Sort => SortQuery is SortCase or SortStart or SortOldest ? SortQuery : string.Empty;

    private int PageSize => StaticPager.SizeOf(SizeQuery, PageSizes);

    protected override async Task OnParametersSetAsync()
    {
        _actorId = CurrentUser.ToActor((await AuthenticationState).User).Id;
        // A post of "Ta ärendet" loads after taking (TakeAsync), not twice.
        if (TakeCaseId is null)
        {
            await LoadAsync();
        }
    }

    /// <summary>Everything the page shows, the independent queries at the same time (each opens its own context).</summary>
    private async Task LoadAsync()
    {
        var query = Query();
        var summary = Cases.SummaryAsync();
        var assignees = Cases.AssigneesAsync();
        var units = Cases.FindUnitsAsync(null, int.MaxValue);
        var day = Status == TodayFilter ? Cases.TodayAsync(query) : null;
        (_result, _page) = await StaticPager.LoadPageAsync(
            PageQuery, PageSize, index => Cases.SearchAsync(query, CaseSortOf(Sort), index, PageSize), r => r.TotalCount);
        _summary = await summary;
        _assignees = await assignees;
        _units = await units;
        _day = day is null ? null : await day;
    }

    private CaseQuery Query() => new(
        Status: Enum.TryParse<OrderStatus>(Status, out var status) ? status : null,
        Type: Type,
        UnitId: UnitQuery,
        AssignedToId: OnlyMine ? _actorId : Assignee,
        OnlyOpen: Status == OpenFilter,
        From: From,
        To: To,
        Search: string.IsNullOrWhiteSpace(SearchQuery) ? null : SearchQuery.Trim(),
        Today: Status == TodayFilter,
        Mark: Mark);

    private static CaseSort CaseSortOf(string sort) => sort switch
    {
        SortCase => CaseSort.CaseNumber,
        SortStart => CaseSort.StartDate,
        SortOldest => CaseSort.ReceivedOldest,
        _ => CaseSort.ReceivedNewest,
    };

    /// <summary>"Ta ärendet": the same operation and messages as on the case page; the answer is the queue again.</summary>
    private async Task TakeAsync()
    {
        if (TakeCaseId is not { } id)
        {
            return;
        }

        var details = await Work.GetAsync(id);
        if (details is null)
        {
            _notice = new PageNotice.Message("Ärendet finns inte längre.", Severity.Warning);
        }
        else
        {
            _notice = await Work.TakeAsync(id, details.Version) switch
            {
                CaseResult.Done done => new PageNotice.Message(done.Message, Severity.Success),
                CaseResult.Conflict conflict => new PageNotice.Message(conflict.Message, Severity.Warning),
                CaseResult.Refused refused => new PageNotice.Message(refused.Message, Severity.Warning),
                _ => new PageNotice.Message("Ärendet kunde inte tas.", Severity.Warning),
            };
        }

        await LoadAsync();
    }

    /// <summary>The address of this view with some query values changed (null removes one).</summary>
    private string With(params (string Name, object? Value)[] changes)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return Navigation.GetUriWithQueryParameters(values);
    }

    /// <summary>A sort link: the first click sorts by the column, the next returns to the default (newest received first).</summary>
    private string SortLink(string sort) => With(("sort", Sort == sort ? null : sort), ("page", null));

    /// <summary>"Mottagen" flips between newest and oldest first.</summary>
    private string ReceivedSortLink() => With(("sort", Sort == SortOldest ? null : SortOldest), ("page", null));

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Iso(DateOnly? day) => day is { } d ? Dates.Iso(d) : null;

    /// <summary>"4 ärenden, varav 1 försenat."</summary>
    private static string DayCount(CaseDay day) =>
        SwedishCount.Of(day.Total, "ärende", "ärenden")
        + (day.Overdue == 0 ? "." : $", varav {SwedishCount.Of(day.Overdue, "försenat", "försenade")}.");

    private static bool IsOpen(OrderStatus status) =>
        status is OrderStatus.Received or OrderStatus.InProgress or OrderStatus.WaitingForOrderer;

    private static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, AdminTimeZone.Stockholm);

    private static string Received(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>MudBlazor's colour class suffix for a status chip (mud-chip-color-…).</summary>
    private static string StatusColorName(OrderStatus status) => status switch
    {
        OrderStatus.Received => "info",
        OrderStatus.InProgress => "primary",
        OrderStatus.WaitingForOrderer => "warning",
        OrderStatus.Completed => "success",
        OrderStatus.Rejected => "error",
        _ => "default",
    };
}
