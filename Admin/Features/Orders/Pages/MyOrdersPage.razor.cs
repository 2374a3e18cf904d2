using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Components;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders.Pages;

/// <summary>A manager's own orders, newest first, paged and searched on the server.</summary>
public partial class MyOrdersPage
{
    private static readonly int[] PageSizes = [25, 50, 100];

    private static readonly IReadOnlyList<(string Value, string Text)> FilterOptions =
    [
        .. new[] { MyOrdersFilter.All, MyOrdersFilter.WaitingForYou, MyOrdersFilter.Open, MyOrdersFilter.Completed, MyOrdersFilter.Rejected }
            .Select(f => (f.ToString(), FilterName(f))),
    ];

    private PagedResult<MyOrderRow>? _result;
    private MyOrdersFilter _filter = MyOrdersFilter.All;
    private int _page = 1;
    private int? _answering;
    private string? _answerError;
    private (Severity Severity, string Text)? _feedback;

    [Inject] private OrderForm Orders { get; set; } = default!;

    [Inject] private CaseAnswers Answers { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The status filter, e.g. <c>?status=WaitingForYou</c>; none is all.</summary>
    [SupplyParameterFromQuery(Name = "status")] public string? Status { get; set; }

    [SupplyParameterFromQuery(Name = "q")] public string? Search { get; set; }

    [SupplyParameterFromQuery(Name = "page")] public int? PageQuery { get; set; }

    [SupplyParameterFromQuery(Name = "size")] public int? SizeQuery { get; set; }

    /// <summary>The case whose question is being answered: the form opens under it (what the dialog asked).</summary>
    [SupplyParameterFromQuery(Name = "svara")] public int? AnswerQuery { get; set; }

    [SupplyParameterFromForm(FormName = "answer")] public AnswerForm? Answer { get; set; }

    private int PageSize => StaticPager.SizeOf(SizeQuery, PageSizes);

    /// <summary>This list (filter, search, page) without an open answer.</summary>
    private string ListHref => Navigation.GetUriWithQueryParameter("svara", (int?)null);

    protected override async Task OnParametersSetAsync()
    {
        _filter = AddressValues.EnumOf<MyOrdersFilter>(Status) ?? MyOrdersFilter.All;
        _answering = AnswerQuery;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        (_result, _page) = await StaticPager.LoadPageAsync(
            PageQuery, PageSize, index => Orders.MyOrdersAsync(index, PageSize, Search, _filter), r => r.TotalCount);
    }

    private string AnswerHref(MyOrderRow row) =>
        Navigation.GetUriWithQueryParameter("svara", row.Id) + $"#fraga-{row.Id}";

    /// <summary>Sends the answer to Soc-IT's question; the case is under way again. The service checks who may.</summary>
    private async Task AnswerAsync()
    {
        if (Answer is not { } answer)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(answer.Text))
        {
            _answering = answer.OrderId;
            _answerError = "Skriv ditt svar.";
            return;
        }

        _answering = null;
        _feedback = await Answers.AnswerAsync(answer.OrderId, answer.Version, answer.Text.Trim()) switch
        {
            CaseResult.Done done => (Severity.Success, done.Message),
            CaseResult.Conflict conflict => (Severity.Warning, conflict.Message),
            CaseResult.Refused refused => (Severity.Error, refused.Message),
            _ => null,
        };
        await LoadAsync();
    }

    private static string FilterName(MyOrdersFilter filter) => filter switch
    {
        MyOrdersFilter.WaitingForYou => "Väntar på dig",
        MyOrdersFilter.Open => "Pågående",
        MyOrdersFilter.Completed => "Klara",
        MyOrdersFilter.Rejected => "Avvisade",
        _ => "Alla",
    };

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

    /// <summary>The answer form's fields: the case, the version the answer names, and the text.</summary>
    public sealed class AnswerForm
    {
        public int OrderId { get; set; }

        public int Version { get; set; }

        public string? Text { get; set; }
    }
}
