using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders.Pages;

/// <summary>A manager's own orders, newest first, paged and searched on the server.</summary>
public partial class MyOrdersPage
{
    private MudTable<MyOrderRow>? _table;
    private string? _search;

    [Inject] private OrderForm Orders { get; set; } = default!;

    private async Task<TableData<MyOrderRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var result = await Orders.MyOrdersAsync(state.Page, state.PageSize, _search, ct);
        return new TableData<MyOrderRow> { Items = result.Items, TotalItems = result.TotalCount };
    }

    private async Task SearchChangedAsync(string? search)
    {
        _search = search;
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private static string Period(MyOrderRow row) => (OrderDays.IsEnd(row.Type), row.StartDate, row.EndDate) switch
    {
        // An end order has no start: its date is the last working day, or the last day of the grant it ends.
        (true, _, { } lastDay) => OrderDays.LastDayText(lastDay),
        (_, { } start, { } end) => $"{Dates.Iso(start)} – {Dates.Iso(end)}",
        (_, { } start, null) => $"Från {Dates.Iso(start)}",
        _ => "–",
    };

    private static string Received(DateTimeOffset receivedAt) =>
        AdminTimeZone.Minute(receivedAt);

    private static Color StatusColor(OrderStatus status) => status switch
    {
        OrderStatus.Received => Color.Info,
        OrderStatus.InProgress => Color.Primary,
        OrderStatus.WaitingForOrderer => Color.Warning,
        OrderStatus.Completed => Color.Success,
        OrderStatus.Rejected => Color.Error,
        _ => Color.Default,
    };
}
