using Microsoft.AspNetCore.Components;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Features.Matrix.Components;

/// <summary>Saved versions, one version's cell changes, the matrix on a date, and two versions compared.</summary>
public partial class MatrixHistoryPanel
{
    private IReadOnlyList<VersionRow>? _versions;
    private VersionDetails? _selected;
    private DateTime? _asOfDate;
    private HistoricMatrix? _asOf;
    private int _compareA;
    private int _compareB;
    private int _comparedA;
    private int _comparedB;
    private IReadOnlyList<VersionDifference>? _differences;

    [Inject] private MatrixService Matrix { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _asOfDate = AdminTimeZone.Today(Clock).ToDateTime(TimeOnly.MinValue);
        await RefreshAsync();
    }

    /// <summary>Reloads the versions, e.g. after the editor saved a new one.</summary>
    public async Task RefreshAsync()
    {
        _versions = await Matrix.ListVersionsAsync();
        if (_versions.Count > 0)
        {
            _compareB = _versions[0].Version;
            _compareA = _versions.Count > 1 ? _versions[1].Version : 0;
        }

        StateHasChanged();
    }

    private async Task ShowVersionAsync(int version) => _selected = await Matrix.GetVersionAsync(version);

    private async Task ShowAsOfAsync()
    {
        if (_asOfDate is { } date)
        {
            var version = await Matrix.VersionOnAsync(DateOnly.FromDateTime(date));
            _asOf = await Matrix.AtVersionAsync(version);
        }
    }

    private async Task CompareAsync()
    {
        _comparedA = _compareA;
        _comparedB = _compareB;
        _differences = await Matrix.CompareAsync(_compareA, _compareB);
    }

    private static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, AdminTimeZone.Stockholm).ToString("yyyy-MM-dd HH:mm", AdminLocalization.Swedish);

    private static string SourceText(MatrixChangeSource source) => source switch
    {
        MatrixChangeSource.Editor => "Matriseditorn",
        MatrixChangeSource.Import => "Import från fil",
        MatrixChangeSource.DemoData => "Demodata",
        _ => source.ToString(),
    };
}
