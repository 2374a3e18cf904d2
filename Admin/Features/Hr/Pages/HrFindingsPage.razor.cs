using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Components;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Hr;

namespace SocItConsole.Admin.Features.Hr.Pages;

/// <summary>
/// <em>Avstämning mot HR</em>: a run's findings, confirmed (which places their orders) or dismissed with a reason.
/// A static page (decision 0049): the run, kind, filters and page are in the address; "Bekräfta valda" carries the
/// chosen findings into the address (<c>?confirm=selected&amp;ids=…</c>), "Bekräfta alla" and "Avfärda" open their
/// question there too (<c>?confirm=all</c>, <c>?dismiss=id</c>), and each question's POST form answers with the page and
/// the outcome. <see cref="HrFindings"/> checks the operator's role on every operation.
/// </summary>
public sealed partial class HrFindingsPage
{
    /// <summary>The value of <c>confirm</c> for the chosen findings and for every open one of the chosen kind.</summary>
    private const string SelectedQuestion = "selected";
    private const string AllQuestion = "all";
    private const string ConfirmForm = "hr-confirm";
    private const string DismissForm = "hr-dismiss";

    private static readonly int[] PageSizes = [25, 50, 100];

    private static readonly IReadOnlyList<(string Value, string Text)> StatusOptions =
    [
        (string.Empty, "Öppna"),
        (nameof(HrFindingStatus.Confirmed), "Bekräftade"),
        (nameof(HrFindingStatus.Dismissed), "Avfärdade"),
        ("All", "Alla"),
    ];

    private bool _loaded;
    private HrRunView? _run;
    private IReadOnlyList<HrRunOption> _runs = [];
    private IReadOnlyList<UnitOption> _units = [];
    private PagedResult<HrFindingRow>? _result;
    private int _page = 1;
    private HrFindingKind? _kind;
    private HrFindingStatus? _status = HrFindingStatus.Open;
    private int? _unitId;
    private Confirming? _confirming;
    private HrFindingRow? _dismissing;
    private string? _reasonError;
    private Feedback? _feedback;

    [Inject] private HrFindings Findings { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The run, e.g. <c>?run=12</c>; none is the latest.</summary>
    [SupplyParameterFromQuery(Name = "run")] public int? RunQuery { get; set; }

    [SupplyParameterFromQuery(Name = "kind")] public string? KindQuery { get; set; }

    /// <summary><c>Confirmed</c>, <c>Dismissed</c> or <c>All</c>; none is the open findings.</summary>
    [SupplyParameterFromQuery(Name = "status")] public string? StatusQuery { get; set; }

    [SupplyParameterFromQuery(Name = "unit")] public int? UnitQuery { get; set; }

    [SupplyParameterFromQuery(Name = "q")] public string? Search { get; set; }

    [SupplyParameterFromQuery(Name = "page")] public int? PageQuery { get; set; }

    [SupplyParameterFromQuery(Name = "size")] public int? SizeQuery { get; set; }

    /// <summary>The question "Bekräfta avvikelser" asks: <c>selected</c> (with <see cref="IdsQuery"/>) or <c>all</c>.</summary>
    [SupplyParameterFromQuery(Name = "confirm")] public string? ConfirmQuery { get; set; }

    /// <summary>The findings chosen with their boxes.</summary>
    [SupplyParameterFromQuery(Name = "ids")] public int[]? IdsQuery { get; set; }

    /// <summary>The finding whose dismissal asks for a reason.</summary>
    [SupplyParameterFromQuery(Name = "dismiss")] public int? DismissQuery { get; set; }

    [SupplyParameterFromForm(FormName = DismissForm)] public DismissalForm? Dismissal { get; set; }

    private int PageSize => StaticPager.SizeOf(SizeQuery, PageSizes);

    private IReadOnlyList<int> SelectedIds => IdsQuery is { Length: > 0 } ids ? [.. ids.Distinct()] : [];

    /// <summary>"Bekräfta alla" for the chosen kind, when it places orders and has open findings.</summary>
    private int? ConfirmAllCount => _run is { } run && _kind is { } kind && HrFindingTexts.IsOrdered(kind)
        && run.Count(kind, HrFindingStatus.Open) is > 0 and var open ? open : null;

    /// <summary>The filters as the selection form carries them, so that the question keeps the list as it is.</summary>
    private IEnumerable<(string Name, string Value)> FilterFields
    {
        get
        {
            if (RunQuery is { } run)
            {
                yield return ("run", run.ToString(CultureInfo.InvariantCulture));
            }

            if (_kind is { } kind)
            {
                yield return ("kind", kind.ToString());
            }

            if (StatusValue(_status) is { Length: > 0 } status)
            {
                yield return ("status", status);
            }

            if (_unitId is { } unit)
            {
                yield return ("unit", unit.ToString(CultureInfo.InvariantCulture));
            }

            if (!string.IsNullOrWhiteSpace(Search))
            {
                yield return ("q", Search);
            }

            if (_page > 1)
            {
                yield return ("page", _page.ToString(CultureInfo.InvariantCulture));
            }

            if (SizeQuery is { } size && size != PageSizes[0])
            {
                yield return ("size", size.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _kind = AddressValues.EnumOf<HrFindingKind>(KindQuery);
        _status = StatusQuery switch
        {
            "All" => null,
            _ when AddressValues.EnumOf<HrFindingStatus>(StatusQuery) is { } status => status,
            _ => HrFindingStatus.Open,
        };
        _runs = await Findings.RunsAsync();
        await LoadRunAsync();
        _unitId = UnitQuery is { } unit && _units.Any(u => u.Id == unit) ? unit : null;
        await LoadAsync();
        _confirming = ConfirmQuery switch
        {
            SelectedQuestion when SelectedIds.Count > 0 => new Confirming(null, SelectedIds.Count),
            AllQuestion when _kind is { } all && ConfirmAllCount is { } count => new Confirming(all, count),
            _ => null,
        };
        _dismissing = _confirming is null && DismissQuery is { } dismiss
            ? _result?.Items.FirstOrDefault(r => r.Id == dismiss && r.IsOpen)
            : null;
        _loaded = true;
    }

    private async Task LoadRunAsync()
    {
        _run = await Findings.RunAsync(RunQuery);
        _units = _run is { } run ? await Findings.UnitsAsync(run.Id) : [];
    }

    private async Task LoadAsync()
    {
        if (_run is not { } run)
        {
            _result = null;
            return;
        }

        var query = new HrFindingQuery(run.Id) { Kind = _kind, Status = _status, UnitId = _unitId, Search = Search };
        (_result, _page) = await StaticPager.LoadPageAsync(
            PageQuery, PageSize, index => Findings.SearchAsync(query, index, PageSize), r => r.TotalCount);
    }

    private string KindHref(HrFindingKind? kind) => Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["kind"] = kind?.ToString(),
        ["page"] = null,
        ["confirm"] = null,
        ["ids"] = null,
        ["dismiss"] = null,
    });

    /// <summary>This list with <paramref name="question"/> asked (<c>all</c>), or with no question open (null).</summary>
    private string QuestionHref(string? question) => Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["confirm"] = question,
        ["ids"] = null,
        ["dismiss"] = null,
    });

    private string DismissHref(int id) => Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["confirm"] = null,
        ["ids"] = null,
        ["dismiss"] = id,
    });

    /// <summary>The confirmed question: the chosen findings, or every open one of the kind, each on its own.</summary>
    private async Task ConfirmAsync()
    {
        if (_confirming is not { } confirming || _run is not { } run)
        {
            return;
        }

        var results = confirming.Kind is { } kind
            ? await Findings.ConfirmAllAsync(run.Id, kind)
            : await Findings.ConfirmAsync(SelectedIds);
        await AnsweredAsync(Feedback.Of(results));
    }

    private async Task DismissAsync()
    {
        if (Dismissal is not { } dismissal)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(dismissal.Reason))
        {
            _reasonError = "Skriv ett skäl.";
            return;
        }

        var result = await Findings.DismissAsync(dismissal.FindingId, dismissal.Reason.Trim());
        await AnsweredAsync(Feedback.Of([result]));
    }

    /// <summary>The outcome in the page, with the run's counts and the list as they are now, and no question open.</summary>
    private async Task AnsweredAsync(Feedback feedback)
    {
        _feedback = feedback;
        _confirming = null;
        _dismissing = null;
        await LoadRunAsync();
        await LoadAsync();
    }

    private static string ConfirmPrompt(Confirming confirming)
    {
        var which = confirming.Kind is { } k
            ? $"alla öppna avvikelser av typen {HrFindingTexts.KindName(k).ToLowerInvariant()}"
            : "de valda avvikelserna";
        return $"Du bekräftar {which}: högst {HrFindingTexts.Orders(confirming.Count)} läggs (kanal Avstämning mot HR), en per person, "
            + "med verksamhetens chef som beställare och ansvarig chef. En beställning som redan finns läggs inte igen.";
    }

    private static string DismissPrompt(HrFindingRow row) =>
        $"Avfärda avvikelsen {HrFindingTexts.KindName(row.Kind).ToLowerInvariant()} för {row.Name} ({row.PersonnummerMasked}) i {row.UnitName}. Ingen beställning läggs.";

    private static string StatusValue(HrFindingStatus? status) => status switch
    {
        HrFindingStatus.Open => string.Empty,
        null => "All",
        { } other => other.ToString(),
    };

    private string NoRecordsText => (_kind, _status, _unitId, string.IsNullOrWhiteSpace(Search)) switch
    {
        (_, _, null, true) when _kind is { } kind && _status == HrFindingStatus.Open =>
            $"Inga öppna avvikelser av typen {HrFindingTexts.KindName(kind).ToLowerInvariant()} i den här körningen.",
        (null, HrFindingStatus.Open, null, true) => "Inga öppna avvikelser i den här körningen: allt är bekräftat eller avfärdat.",
        _ => "Inga avvikelser matchar filtret.",
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

    /// <summary>The fields of the dismissal form.</summary>
    public sealed class DismissalForm
    {
        public int FindingId { get; set; }

        public string? Reason { get; set; }
    }

    /// <summary>What "Bekräfta avvikelser" asks: every open finding of a kind, or the chosen ones; how many at most.</summary>
    private sealed record Confirming(HrFindingKind? Kind, int Count);

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
