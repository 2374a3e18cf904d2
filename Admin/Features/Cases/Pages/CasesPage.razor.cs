using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Cases.Pages;

/// <summary>The operators' dashboard: figures at the top, the queue below, filtered and paged on the server.</summary>
public partial class CasesPage
{
    private const string OpenFilter = "open";
    private const string AllFilter = "all";
    private const string TodayFilter = "today";
    private const string SortCase = "case";
    private const string SortStart = "start";
    private const string SortReceived = "received";

    private MudTable<CaseRow>? _table;
    private DashboardSummary? _summary;
    private string _status = OpenFilter;
    private OrderType? _type;
    private CaseMark? _mark;
    private UnitOption? _unit;
    private DateTime? _from;
    private DateTime? _to;
    private string? _search;
    private bool _onlyMine;
    private string? _assignee;
    private IReadOnlyList<(string Id, string Name)> _assignees = [];
    private string? _actorId;
    private bool _taking;
    private CaseDay? _day;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private CaseList Cases { get; set; } = default!;

    [Inject] private CaseWork Work { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actorId = CurrentUser.ToActor((await AuthenticationState).User).Id;
        _summary = await Cases.SummaryAsync();
        _assignees = await Cases.AssigneesAsync();
    }

    private async Task<TableData<CaseRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var result = await Cases.SearchAsync(Query(), Sort(state), state.Page, state.PageSize, ct);
        return new TableData<CaseRow> { Items = result.Items, TotalItems = result.TotalCount };
    }

    private CaseQuery Query() => new(
        Status: Enum.TryParse<OrderStatus>(_status, out var status) ? status : null,
        Type: _type,
        UnitId: _unit?.Id,
        AssignedToId: _onlyMine ? _actorId : _assignee,
        OnlyOpen: _status == OpenFilter,
        From: _from is { } from ? DateOnly.FromDateTime(from) : null,
        To: _to is { } to ? DateOnly.FromDateTime(to) : null,
        Search: _search,
        Today: _status == TodayFilter,
        Mark: _mark);

    private static CaseSort Sort(TableState state) => (state.SortLabel, state.SortDirection) switch
    {
        (SortCase, not SortDirection.None) => CaseSort.CaseNumber,
        (SortStart, not SortDirection.None) => CaseSort.StartDate,
        (SortReceived, SortDirection.Ascending) => CaseSort.ReceivedOldest,
        _ => CaseSort.ReceivedNewest,
    };

    private async Task TakeAsync(CaseRow row)
    {
        _taking = true;
        try
        {
            var details = await Work.GetAsync(row.Id);
            if (details is null)
            {
                Snackbar.Add($"Ärendet {row.CaseNumber} finns inte längre.", Severity.Warning);
            }
            else
            {
                var (message, severity) = await Work.TakeAsync(row.Id, details.Version) switch
                {
                    CaseResult.Done done => (done.Message, Severity.Success),
                    CaseResult.Conflict conflict => (conflict.Message, Severity.Warning),
                    CaseResult.Refused refused => (refused.Message, Severity.Warning),
                    _ => ("Ärendet kunde inte tas.", Severity.Warning),
                };
                Snackbar.Add(message, severity);
            }
        }
        finally
        {
            _taking = false;
        }

        _summary = await Cases.SummaryAsync();
        await ReloadAsync();
    }

    private async Task StatusChangedAsync(string status)
    {
        _status = status;
        await ReloadAsync();
    }

    private async Task TypeChangedAsync(OrderType? type)
    {
        _type = type;
        await ReloadAsync();
    }

    private async Task MarkChangedAsync(CaseMark? mark)
    {
        _mark = mark;
        await ReloadAsync();
    }

    private static string MarkFilterName(CaseMark? mark) => mark switch
    {
        CaseMark.OrdererToCheck => "Kontrollera beställare",
        CaseMark.ConsentEscalated => "Eskalerade",
        _ => "Alla",
    };

    private const int UnitsShown = 30;

    private async Task<IEnumerable<UnitOption>> FindUnitsAsync(string? text, CancellationToken ct) =>
        await Cases.FindUnitsAsync(text, UnitsShown, ct);

    private async Task UnitChangedAsync(UnitOption? unit)
    {
        _unit = unit;
        await ReloadAsync();
    }

    private async Task FromChangedAsync(DateTime? from)
    {
        _from = from;
        await ReloadAsync();
    }

    private async Task ToChangedAsync(DateTime? to)
    {
        _to = to;
        await ReloadAsync();
    }

    private async Task SearchChangedAsync(string? search)
    {
        _search = search;
        await ReloadAsync();
    }

    private async Task AssigneeChangedAsync(string? assignee)
    {
        _assignee = string.IsNullOrEmpty(assignee) ? null : assignee;
        await ReloadAsync();
    }

    private async Task OnlyMineChangedAsync(bool onlyMine)
    {
        _onlyMine = onlyMine;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _day = _status == TodayFilter ? await Cases.TodayAsync(Query()) : null;
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    /// <summary>"4 ärenden, varav 1 försenat."</summary>
    private static string DayCount(CaseDay day) =>
        SwedishCount.Of(day.Total, "ärende", "ärenden")
        + (day.Overdue == 0 ? "." : $", varav {SwedishCount.Of(day.Overdue, "försenat", "försenade")}.");

    private static string RowClass(CaseRow row, int index) => row.IsOverdue ? "case-overdue" : string.Empty;

    private static bool IsOpen(OrderStatus status) =>
        status is OrderStatus.Received or OrderStatus.InProgress or OrderStatus.WaitingForOrderer;

    private static string StatusFilterName(string? value) => value switch
    {
        OpenFilter or null => "Öppna",
        TodayFilter => "Idag",
        AllFilter => "Alla",
        _ => Enum.TryParse<OrderStatus>(value, out var status) ? OrderTexts.StatusName(status) : value,
    };

    private static string TypeFilterName(OrderType? type) => type is { } t ? OrderTexts.TypeName(t) : "Alla typer";

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
