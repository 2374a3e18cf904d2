using System.Globalization;
using Microsoft.AspNetCore.Components;
using SocItConsole.Admin.Components;
using SocItConsole.Admin.Infrastructure.Common;

namespace SocItConsole.Admin.Features.Audit.Pages;

/// <summary>
/// The audit trail, newest first, filtered and paged on the server; a row opens its before and after. Static
/// (decision 0049): the filters, the page and the open entry are all in the address.
/// </summary>
public partial class AuditPage
{
    private static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];

    private IReadOnlyList<string> _entityTypes = [];
    private PagedResult<AuditRow>? _result;
    private AuditDetails? _details;
    private DateOnly? _from;
    private DateOnly? _to;
    private int _page = 1;
    private int _pageSize = PageSizes[0];

    [SupplyParameterFromQuery(Name = "type")] public string? Type { get; set; }

    [SupplyParameterFromQuery(Name = "id")] public string? EntityId { get; set; }

    [SupplyParameterFromQuery(Name = "actor")] public string? Actor { get; set; }

    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "text")] public string? Text { get; set; }

    [SupplyParameterFromQuery(Name = "page")] public int? Page { get; set; }

    [SupplyParameterFromQuery(Name = "size")] public int? Size { get; set; }

    /// <summary>The entry shown in the dialog.</summary>
    [SupplyParameterFromQuery(Name = "entry")] public long? Entry { get; set; }

    /// <summary>The stored JSON shown in the dialog (administrators only; the service leaves it out for others).</summary>
    [SupplyParameterFromQuery(Name = "raw")] public bool? Raw { get; set; }

    [Inject] private AuditLog Log { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private bool IsFiltered =>
        !string.IsNullOrWhiteSpace(Type) || !string.IsNullOrWhiteSpace(EntityId) || !string.IsNullOrWhiteSpace(Actor)
        || _from is not null || _to is not null || !string.IsNullOrWhiteSpace(Text);

    private string CloseHref => Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["entry"] = null, ["raw"] = null });

    private string RawHref => Navigation.GetUriWithQueryParameter("raw", Raw == true ? null : "true");

    protected override async Task OnParametersSetAsync()
    {
        _from = ParseDay(From);
        _to = ParseDay(To);
        _pageSize = StaticPager.SizeOf(Size, PageSizes);
        _entityTypes = await Log.EntityTypesAsync();

        var query = new AuditQuery
        {
            EntityType = string.IsNullOrWhiteSpace(Type) ? null : Type,
            EntityId = EntityId,
            Actor = Actor,
            From = _from,
            To = _to,
            Text = Text,
        };
        (_result, _page) = await StaticPager.LoadPageAsync(
            Page, _pageSize, index => Log.SearchAsync(query, index, _pageSize), r => r.TotalCount);

        _details = Entry is { } entry ? await Log.GetAsync(entry) : null;
    }

    private string EntryHref(long id) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["entry"] = id, ["raw"] = null });

    private static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
