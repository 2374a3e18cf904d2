using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Hr.Pages;

public sealed partial class HrImportPage
{
    private byte[]? _bytes;
    private string? _fileName;
    private DateTime? _asOf;
    private HrRunReport? _report;
    private IReadOnlyList<HrImportRow>? _runs;
    private bool _busy;
    private string _busyText = string.Empty;
    private string? _error;

    [Inject]
    public required HrImportService Imports { get; set; }

    [Inject]
    public required TimeProvider Clock { get; set; }

    /// <summary>Only after a dry run of this file that found no errors and no earlier run of it.</summary>
    private bool CanReconcile => !_busy && _bytes is not null && _report is { Outcome: HrRunOutcome.DryRun };

    private DateOnly? AsOf => _asOf is { } day ? DateOnly.FromDateTime(day) : null;

    protected override async Task OnInitializedAsync() => _runs = await Imports.ListAsync();

    private async Task ReadFileAsync(IBrowserFile? file)
    {
        (_bytes, _report, _error) = (null, null, null);
        if (file is null)
        {
            return;
        }

        _fileName = file.Name;
        if (file.Size > HrImportService.MaxFileBytes)
        {
            _error = $"Filen är {Math.Ceiling(file.Size / 1024d / 1024d)} MB; en HR-fil får vara högst {HrImportService.MaxFileBytes / 1024 / 1024} MB.";
            return;
        }

        await WhileBusyAsync("Läser filen …", async () =>
        {
            using var buffer = new MemoryStream();
            await using (var upload = file.OpenReadStream(HrImportService.MaxFileBytes))
            {
                await upload.CopyToAsync(buffer);
            }

            _bytes = buffer.ToArray();
            var day = HrReconciliationRun.DateInName(file.Name) ?? AdminTimeZone.Today(Clock);
            _asOf = day.ToDateTime(TimeOnly.MinValue);
        });
    }

    /// <summary>Another day makes the dry run stale: it is run again before <em>Stäm av</em>.</summary>
    private void AsOfChanged(DateTime? day)
    {
        _asOf = day;
        _report = null;
    }

    private async Task DryRunAsync()
    {
        if (_bytes is { } bytes)
        {
            await WhileBusyAsync("Provkör …", async () => _report = await Imports.DryRunAsync(bytes, _fileName!, AsOf));
        }
    }

    private async Task ReconcileAsync()
    {
        if (_bytes is { } bytes && CanReconcile)
        {
            await WhileBusyAsync("Stämmer av … det kan ta en halv minut för en stor fil.", async () =>
            {
                _report = await Imports.ReconcileAsync(bytes, _fileName!, AsOf);
                _runs = await Imports.ListAsync();
            });
        }
    }

    private async Task WhileBusyAsync(string text, Func<Task> work)
    {
        (_busy, _busyText, _error) = (true, text, null);
        try
        {
            await work();
        }
        catch (IOException)
        {
            _error = "Filen kunde inte läsas. Försök igen.";
        }
        catch (JobBusyException busy)
        {
            _error = busy.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>A run's findings in one cell: only the kinds it found, e.g. "1 slutat, 2 ny titel/enhet".</summary>
    private static string FindingsText(Shared.Hr.HrRunFigures figures)
    {
        var parts = new List<string>();
        if (figures.Leavers > 0)
        {
            parts.Add($"{figures.Leavers} slutat");
        }

        if (figures.Movers > 0)
        {
            parts.Add($"{figures.Movers} ny titel/enhet");
        }

        if (figures.Joiners > 0)
        {
            parts.Add($"{figures.Joiners} börjar snart");
        }

        if (figures.UnknownToHr > 0)
        {
            parts.Add($"{figures.UnknownToHr} okänd{(figures.UnknownToHr == 1 ? string.Empty : "a")} i HR");
        }

        return parts.Count == 0 ? "Inga" : string.Join(", ", parts);
    }
}
