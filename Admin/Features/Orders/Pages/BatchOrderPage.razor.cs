using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders.Pages;

/// <summary>
/// Orders for many: rows pasted or uploaded, checked by <see cref="BatchOrders"/> with each row's problems in place,
/// corrected in the grid, then placed all at once after a confirmation. The batch key is chosen with each dry run, so a
/// second click places nothing new.
/// </summary>
public partial class BatchOrderPage
{
    /// <summary>A CSV of 500 rows is far below this; anything larger is not a list of new employees.</summary>
    private const long MaxFileBytes = 1024 * 1024;

    private static readonly IReadOnlyList<BatchColumn> Columns = Enum.GetValues<BatchColumn>();

    private BatchOrderContext? _context;
    private string? _pasted;
    private string? _fileName;
    private List<BatchOrderRow> _rows = [];
    private IReadOnlyList<string> _readErrors = [];
    private BatchCheck? _check;
    private bool _stale;
    private bool _placing;
    private string _key = NewKey();

    [Inject] private BatchOrders Batches { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IJSRuntime Js { get; set; } = default!;

    private int FilledCount => _rows.Count(r => !r.IsEmpty);

    private bool CanPlace => !_placing && !_stale && _check is { IsValid: true } && FilledCount > 0;

    protected override async Task OnInitializedAsync() => _context = await Batches.LoadAsync();

    private async Task ReadPastedAsync()
    {
        _fileName = null;
        await TakeAsync(BatchOrderRows.ReadPasted(_pasted));
    }

    private async Task ReadFileAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        if (file.Size > MaxFileBytes)
        {
            _readErrors = [$"Filen är för stor. En lista med {BatchOrderRows.MaxRows} personer ryms på mindre än 1 MB."];
            return;
        }

        using var buffer = new MemoryStream();
        await using (var upload = file.OpenReadStream(MaxFileBytes))
        {
            await upload.CopyToAsync(buffer);
        }

        _fileName = file.Name;
        await TakeAsync(BatchOrderRows.ReadCsv(buffer.ToArray()));
    }

    private async Task TakeAsync(BatchOrderRowsResult result)
    {
        _readErrors = result.Errors;
        if (!result.IsValid)
        {
            return;
        }

        _rows = [.. result.Rows];
        await CheckAsync();
    }

    private async Task CheckAsync()
    {
        _check = await Batches.CheckAsync(_rows.Where(r => !r.IsEmpty).ToList());
        _stale = false;
        _key = NewKey();
    }

    private void Edit(BatchOrderRow row, BatchColumn column, string? value)
    {
        row[column] = value;
        _stale = true;
    }

    private void Remove(int index)
    {
        _rows.RemoveAt(index);
        _stale = true;
    }

    private void Clear()
    {
        _rows = [];
        _check = null;
        _stale = false;
        _pasted = null;
        _fileName = null;
        _readErrors = [];
    }

    private async Task PlaceAsync()
    {
        var count = FilledCount;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Beställ för {PersonCount(count)}?",
            $"{SwedishCount.Of(count, "ärende", "ärenden")} läggs upp hos Soc-IT, ett per person, med dig som beställare. "
            + "Du får ett kvitto med alla ärendenummer.",
            yesText: $"Beställ {PersonCount(count)}", cancelText: "Avbryt");
        if (confirmed != true)
        {
            return;
        }

        _placing = true;
        StateHasChanged();
        try
        {
            switch (await Batches.PlaceAsync(_key, _rows.Where(r => !r.IsEmpty).ToList(), _fileName))
            {
                case BatchPlaceResult.Placed placed:
                    Navigation.NavigateTo($"/orders/batch/{placed.BatchId}");
                    break;
                case BatchPlaceResult.Invalid invalid:
                    _check = invalid.Check;
                    _stale = false;
                    break;
            }
        }
        finally
        {
            _placing = false;
        }
    }

    private async Task DownloadTemplateAsync()
    {
        using var content = new DotNetStreamReference(new MemoryStream(BatchOrderRows.Template()));
        await Js.InvokeVoidAsync("socit.downloadFile", "bestallning-for-flera.csv", "text/csv;charset=utf-8", content);
    }

    /// <summary>The check of the row at <paramref name="index"/>: the check numbers the filled rows only.</summary>
    private BatchRowCheck? CheckOf(int index)
    {
        if (_check is null || _rows[index].IsEmpty)
        {
            return null;
        }

        var position = _rows.Take(index).Count(r => !r.IsEmpty);
        return position < _check.Rows.Count ? _check.Rows[position] : null;
    }

    private static string CellClass(BatchColumn column) => column switch
    {
        BatchColumn.Name or BatchColumn.Unit or BatchColumn.Title or BatchColumn.Manager => "cell cell-wide",
        BatchColumn.Personnummer => "cell cell-pnr",
        _ => "cell",
    };

    private static string PersonCount(int count) => SwedishCount.Of(count, "person", "personer");

    private static string AllGood(int count) =>
        count == 1 ? "Raden är i ordning." : $"Alla {count} rader är i ordning.";

    private static string Problems(BatchCheck check) =>
        (check.RowsWithProblems == 1
            ? $"1 av {SwedishCount.Of(check.Rows.Count, "rad", "rader")} har problem."
            : $"{check.RowsWithProblems} av {check.Rows.Count} rader har problem.")
        + " Rätta i tabellen och kontrollera igen. Inget beställs förrän alla rader är i ordning.";

    private static string SwedishList(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Join(string.Empty, names) : string.Join(", ", names.Take(names.Count - 1)) + " och " + names[^1];

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
