using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Features.Audit.Components;

namespace SocItConsole.Admin.Features.Audit.Pages;

/// <summary>The audit trail, newest first, filtered and paged on the server; a row opens its before and after.</summary>
public partial class AuditPage
{
    private const string AllTypes = "";

    private MudTable<AuditRow>? _table;
    private IReadOnlyList<string> _entityTypes = [];
    private string _entityType = AllTypes;
    private string? _entityId;
    private string? _actor;
    private DateTime? _from;
    private DateTime? _to;
    private string? _text;

    [Inject] private AuditLog Log { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _entityTypes = await Log.EntityTypesAsync();

    private async Task<TableData<AuditRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var query = new AuditQuery
        {
            EntityType = _entityType == AllTypes ? null : _entityType,
            EntityId = _entityId,
            Actor = _actor,
            From = _from is { } from ? DateOnly.FromDateTime(from) : null,
            To = _to is { } to ? DateOnly.FromDateTime(to) : null,
            Text = _text,
        };
        var result = await Log.SearchAsync(query, state.Page, state.PageSize, ct);
        return new TableData<AuditRow> { Items = result.Items, TotalItems = result.TotalCount };
    }

    private static string TypeName(string? type) => string.IsNullOrEmpty(type) ? "Alla" : AuditTexts.EntityTypeName(type);

    private Task EntityTypeChangedAsync(string? value) => ReloadAfter(() => _entityType = value ?? AllTypes);

    private Task EntityIdChangedAsync(string? value) => ReloadAfter(() => _entityId = value);

    private Task ActorChangedAsync(string? value) => ReloadAfter(() => _actor = value);

    private Task FromChangedAsync(DateTime? value) => ReloadAfter(() => _from = value);

    private Task ToChangedAsync(DateTime? value) => ReloadAfter(() => _to = value);

    private Task TextChangedAsync(string? value) => ReloadAfter(() => _text = value);

    private async Task ReloadAfter(Action change)
    {
        change();
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private async Task OpenAsync(TableRowClickEventArgs<AuditRow> args)
    {
        if (args.Item is not { } row || await Log.GetAsync(row.Id) is not { } details)
        {
            return;
        }

        var parameters = new DialogParameters<AuditEntryDialog> { { d => d.Details, details } };
        await Dialogs.ShowAsync<AuditEntryDialog>(
            "Händelse", parameters, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true });
    }
}
