using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Features.Hr.Components;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Hr;

namespace SocItConsole.Admin.Features.Hr.Pages;

public sealed partial class HrFindingsPage
{
    private readonly HashSet<int> _selected = [];
    private MudTable<HrFindingRow>? _table;
    private bool _loaded;
    private bool _busy;
    private HrRunView? _run;
    private IReadOnlyList<HrRunOption> _runs = [];
    private IReadOnlyList<UnitOption> _units = [];
    private HrFindingKind? _kind;
    private HrFindingStatus? _status = HrFindingStatus.Open;
    private int? _unitId;
    private string? _search;
    private (int Done, int Total)? _progress;
    private Feedback? _feedback;

    [Inject] private HrFindings Findings { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _runs = await Findings.RunsAsync();
        await LoadRunAsync(null);
        _loaded = true;
    }

    private async Task LoadRunAsync(int? importId)
    {
        _run = await Findings.RunAsync(importId);
        _units = _run is { } run ? await Findings.UnitsAsync(run.Id) : [];
    }

    private async Task<TableData<HrFindingRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        if (_run is not { } run)
        {
            return new TableData<HrFindingRow> { Items = [], TotalItems = 0 };
        }

        var query = new HrFindingQuery(run.Id) { Kind = _kind, Status = _status, UnitId = _unitId, Search = _search };
        var result = await Findings.SearchAsync(query, state.Page, state.PageSize, ct);
        return new TableData<HrFindingRow> { Items = result.Items, TotalItems = result.TotalCount };
    }

    private async Task RunChangedAsync(int importId)
    {
        _unitId = null;
        _selected.Clear();
        _feedback = null;
        await LoadRunAsync(importId);
        await ReloadAsync();
    }

    private Task KindChangedAsync(HrFindingKind? kind)
    {
        _kind = kind;
        return FilterChangedAsync();
    }

    private Task StatusChangedAsync(HrFindingStatus? status)
    {
        _status = status;
        return FilterChangedAsync();
    }

    private Task UnitChangedAsync(int? unitId)
    {
        _unitId = unitId;
        return FilterChangedAsync();
    }

    private Task SearchChangedAsync(string? search)
    {
        _search = search;
        return FilterChangedAsync();
    }

    private Task FilterChangedAsync()
    {
        _selected.Clear();
        return ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private void Select(int id, bool on)
    {
        if (on)
        {
            _selected.Add(id);
        }
        else
        {
            _selected.Remove(id);
        }
    }

    private async Task ConfirmSelectedAsync()
    {
        var ids = _selected.ToList();
        if (await AskAsync(ids.Count))
        {
            await ConfirmAsync(ids.Count, progress => Findings.ConfirmAsync(ids, progress));
        }
    }

    private async Task ConfirmAllAsync(HrFindingKind kind, int count)
    {
        if (await AskAsync(count, kind))
        {
            var run = _run!.Id;
            await ConfirmAsync(count, progress => Findings.ConfirmAllAsync(run, kind, progress));
        }
    }

    private async Task<bool> AskAsync(int count, HrFindingKind? kind = null)
    {
        var which = kind is { } k ? $"alla öppna avvikelser av typen {HrFindingTexts.KindName(k).ToLowerInvariant()}" : "de valda avvikelserna";
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Bekräfta avvikelser",
            $"Du bekräftar {which}: högst {HrFindingTexts.Orders(count)} läggs (kanal Avstämning mot HR), en per person, "
            + "med verksamhetens chef som beställare och ansvarig chef. En beställning som redan finns läggs inte igen.",
            yesText: $"Lägg {HrFindingTexts.Orders(count)}", cancelText: "Avbryt");
        return confirmed == true;
    }

    private async Task ConfirmAsync(int total, Func<IProgress<int>, Task<IReadOnlyList<HrFindingResult>>> confirm)
    {
        _busy = true;
        _feedback = null;
        _progress = (0, total);
        try
        {
            // Progress<T> posts its reports: one may arrive after the last finding is done, and must not bring the bar back.
            var progress = new Progress<int>(done => _ = InvokeAsync(() =>
            {
                if (_busy)
                {
                    _progress = (done, Math.Max(total, done));
                    StateHasChanged();
                }
            }));
            var results = await confirm(progress);
            _feedback = Feedback.Of(results);
        }
        finally
        {
            _busy = false;
            _progress = null;
            _selected.Clear();
        }

        await LoadRunAsync(_run?.Id);
        await ReloadAsync();
    }

    private async Task DismissAsync(HrFindingRow row)
    {
        var parameters = new DialogParameters<HrDismissDialog>
        {
            { d => d.Prompt, $"Avfärda avvikelsen {HrFindingTexts.KindName(row.Kind).ToLowerInvariant()} för {row.Name} ({row.PersonnummerMasked}) i {row.UnitName}. Ingen beställning läggs." },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<HrDismissDialog>("Avfärda avvikelsen", parameters, options);
        if (await dialog.Result is not { Canceled: false, Data: string reason })
        {
            return;
        }

        var result = await Findings.DismissAsync(row.Id, reason);
        _feedback = Feedback.Of([result]);
        _selected.Remove(row.Id);
        await LoadRunAsync(_run?.Id);
        await ReloadAsync();
    }

    private string NoRecordsText => (_kind, _status, _unitId, string.IsNullOrWhiteSpace(_search)) switch
    {
        (_, _, null, true) when _kind is { } kind && _status == HrFindingStatus.Open =>
            $"Inga öppna avvikelser av typen {HrFindingTexts.KindName(kind).ToLowerInvariant()} i den här körningen.",
        (null, HrFindingStatus.Open, null, true) => "Inga öppna avvikelser i den här körningen: allt är bekräftat eller avfärdat.",
        _ => "Inga avvikelser matchar filtret.",
    };

    private string UnitFilterName(int? unitId) =>
        unitId is { } id ? _units.FirstOrDefault(u => u.Id == id)?.Name ?? string.Empty : "Alla verksamheter";

    private static string StatusFilterName(HrFindingStatus? status) => status switch
    {
        HrFindingStatus.Open => "Öppna",
        HrFindingStatus.Confirmed => "Bekräftade",
        HrFindingStatus.Dismissed => "Avfärdade",
        _ => "Alla",
    };

    private static Color StatusColor(HrFindingStatus status) => status switch
    {
        HrFindingStatus.Open => Color.Warning,
        HrFindingStatus.Confirmed => Color.Success,
        _ => Color.Default,
    };

    private static string Period(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        (null, null) => string.Empty,
        ({ } start, null) => $", från {Dates.Iso(start)}",
        (null, { } end) => $", till {Dates.Iso(end)}",
        ({ } start, { } end) => $", {Dates.Iso(start)}–{Dates.Iso(end)}",
    };

    private static string Stamp(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, AdminTimeZone.Stockholm).ToString("yyyy-MM-dd HH:mm", AdminLocalization.Swedish);

    /// <summary>What a confirmation or dismissal came to: a summary, and each refused finding with its reason.</summary>
    private sealed record Feedback(Severity Severity, string Message, IReadOnlyList<HrFindingResult.Refused> Refusals)
    {
        public static Feedback Of(IReadOnlyList<HrFindingResult> results)
        {
            var confirmed = results.OfType<HrFindingResult.Confirmed>().ToList();
            var dismissed = results.OfType<HrFindingResult.Dismissed>().ToList();
            var refused = results.OfType<HrFindingResult.Refused>().ToList();
            var placed = confirmed.Count(c => c.Placed);
            var parts = new List<string>();
            if (confirmed.Count > 0)
            {
                parts.Add($"{SwedishCount.Of(confirmed.Count, "avvikelse bekräftad", "avvikelser bekräftade")}: "
                    + $"{HrFindingTexts.Orders(placed)} {(placed == 1 ? "lagd" : "lagda")}"
                    + (confirmed.Count > placed ? $", {confirmed.Count - placed} fanns redan" : string.Empty)
                    + (confirmed.Count <= 3 ? $" ({(confirmed.Count == 1 ? "ärende" : "ärenden")} {string.Join(", ", confirmed.Select(c => c.CaseNumber))})" : string.Empty) + ".");
            }

            if (dismissed.Count > 0)
            {
                parts.Add($"{SwedishCount.Of(dismissed.Count, "avvikelse avfärdad", "avvikelser avfärdade")}.");
            }

            if (refused.Count > 0)
            {
                parts.Add($"{SwedishCount.Of(refused.Count, "avvikelse ändrades inte", "avvikelser ändrades inte")}:");
            }

            var severity = refused.Count == 0 ? Severity.Success : confirmed.Count + dismissed.Count == 0 ? Severity.Error : Severity.Warning;
            return new Feedback(severity, string.Join(" ", parts), refused);
        }
    }
}
