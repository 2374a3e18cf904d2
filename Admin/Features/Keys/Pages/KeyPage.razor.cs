using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Features.Keys.Components;

namespace SocItConsole.Admin.Features.Keys.Pages;

/// <summary>One key: its facts, what can be done with it now, and everything that happened to it.</summary>
public partial class KeyPage
{
    private KeyDetails? _key;
    private IReadOnlyList<PoolRow> _pools = [];
    private bool _loaded;
    private List<BreadcrumbItem> _crumbs = [];

    [Parameter] public int Id { get; set; }

    [Inject] private KeyQueries Queries { get; set; } = default!;

    [Inject] private KeyRegister Register { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _key = await Queries.GetAsync(Id);
        _pools = _key is null ? [] : await Queries.PoolsAsync(_key.Key.UnitId);
        _crumbs = [new("Nycklar", "/keys"), new(_key?.Key.Number ?? "Nyckel", null, disabled: true)];
        _loaded = true;
    }

    private async Task AssignAsync() =>
        await AfterAsync(await Dialogs.ShowFormAsync("Lämna ut nyckel", new DialogParameters<AssignKeyDialog>
        {
            { d => d.KeyId, _key!.Key.Id },
            { d => d.Version, _key.Key.Version },
            { d => d.KeyNumber, _key.Key.Number },
        }));

    private async Task ToBeReturnedAsync() =>
        await AfterAsync(await Register.MarkToBeReturnedAsync(_key!.Key.Id, _key.Key.Version));

    private async Task ReturnAsync()
    {
        var restock = await Dialogs.ShowMessageBoxAsync(
            "Nyckeln återlämnad",
            $"{_key!.Key.HolderName ?? "Innehavaren"} har lämnat tillbaka nyckeln {_key.Key.Number}. Ska den läggas i lager, redo att lämnas ut igen?",
            yesText: "Ja, lägg i lager", noText: "Nej, bara återlämnad", cancelText: "Avbryt");
        if (restock is not null)
        {
            await AfterAsync(await Register.ReturnAsync(_key.Key.Id, _key.Key.Version, restock.Value));
        }
    }

    private async Task RestockAsync() => await AfterAsync(await Register.RestockAsync(_key!.Key.Id, _key.Key.Version));

    private async Task AddToPoolAsync(PoolRow pool)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Lägg i nyckelpool?",
            $"Nyckeln {_key!.Key.Number} blir poolnyckel i {pool.Name} och kan inte längre lämnas ut som personlig nyckel.",
            yesText: "Lägg i poolen", cancelText: "Avbryt");
        if (confirmed == true)
        {
            await AfterAsync(await Register.AddToPoolAsync(_key.Key.Id, _key.Key.Version, pool.Id));
        }
    }

    private async Task LostAsync()
    {
        var note = await Dialogs.AskTextAsync(
            "Förlorad nyckel",
            $"Hur försvann nyckeln {_key!.Key.Number}? Verksamheten betalar en ersättningsnyckel.",
            "Vad hände", "Markera som förlorad", Color.Error);
        if (note is not null)
        {
            await AfterAsync(await Register.MarkLostAsync(_key.Key.Id, _key.Key.Version, note));
        }
    }

    private async Task RetireAsync()
    {
        var note = await Dialogs.AskTextAsync(
            "Kassera nyckel",
            $"Nyckeln {_key!.Key.Number} tas ur bruk för gott. Varför?",
            "Skäl", "Kassera", Color.Error);
        if (note is not null)
        {
            await AfterAsync(await Register.RetireAsync(_key.Key.Id, _key.Key.Version, note));
        }
    }

    private async Task AfterAsync(KeyResult? result)
    {
        if (result is null)
        {
            return;
        }

        await Dialogs.AnnounceAsync(Snackbar, result);
        await LoadAsync();
    }
}
