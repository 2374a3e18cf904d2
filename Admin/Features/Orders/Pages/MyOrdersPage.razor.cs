using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Cases.Components;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders.Pages;

/// <summary>A manager's own orders, newest first, paged and searched on the server.</summary>
public partial class MyOrdersPage
{
    private static readonly MyOrdersFilter[] Filters =
        [MyOrdersFilter.All, MyOrdersFilter.WaitingForYou, MyOrdersFilter.Open, MyOrdersFilter.Completed, MyOrdersFilter.Rejected];

    private MudTable<MyOrderRow>? _table;
    private string? _search;
    private MyOrdersFilter _filter = MyOrdersFilter.All;
    private bool _busy;

    [Inject] private OrderForm Orders { get; set; } = default!;

    [Inject] private CaseAnswers Answers { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private async Task<TableData<MyOrderRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var result = await Orders.MyOrdersAsync(state.Page, state.PageSize, _search, _filter, ct);
        return new TableData<MyOrderRow> { Items = result.Items, TotalItems = result.TotalCount };
    }

    private async Task FilterChangedAsync(MyOrdersFilter filter)
    {
        _filter = filter;
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    /// <summary>Asks for the answer to Soc-IT's question and sends it; the case is under way again.</summary>
    private async Task AnswerAsync(MyOrderRow row)
    {
        var parameters = new DialogParameters<CaseReasonDialog>
        {
            { d => d.Prompt, $"Soc-IT:s fråga: {row.Question}" },
            { d => d.Label, "Ditt svar" },
            { d => d.ConfirmText, "Skicka svaret" },
            { d => d.ConfirmColor, Color.Primary },
            { d => d.MaxLength, CaseComment.TextMaxLength },
        };
        var dialog = await Dialogs.ShowAsync<CaseReasonDialog>(
            $"Svara på frågan i {row.CaseNumber}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string answer } || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Answers.AnswerAsync(row.Id, row.Version, answer);
            switch (result)
            {
                case CaseResult.Done done:
                    Snackbar.Add(done.Message, Severity.Success);
                    break;
                case CaseResult.Conflict conflict:
                    Snackbar.Add(conflict.Message, Severity.Warning);
                    break;
                case CaseResult.Refused refused:
                    Snackbar.Add(refused.Message, Severity.Error);
                    break;
            }
        }
        finally
        {
            _busy = false;
        }

        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private static string FilterName(MyOrdersFilter filter) => filter switch
    {
        MyOrdersFilter.WaitingForYou => "Väntar på dig",
        MyOrdersFilter.Open => "Pågående",
        MyOrdersFilter.Completed => "Klara",
        MyOrdersFilter.Rejected => "Avvisade",
        _ => "Alla",
    };

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
