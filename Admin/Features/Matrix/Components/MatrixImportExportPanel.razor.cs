using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace SocItConsole.Admin.Features.Matrix.Components;

public partial class MatrixImportExportPanel
{
    private bool _busy;
    private string? _fileName;
    private string? _fileError;
    private string? _comment;
    private ImportPreview? _preview;

    [Inject] private MatrixImport Import { get; set; } = default!;

    [Inject] private IJSRuntime Js { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Raised after an import is applied, so that the editor and the history reload.</summary>
    [Parameter] public EventCallback<int> OnImported { get; set; }

    private async Task ExportAsync()
    {
        _busy = true;
        try
        {
            var file = await Import.ExportAsync();
            using var content = new DotNetStreamReference(new MemoryStream(file.Content));
            await Js.InvokeVoidAsync("socit.downloadFile", file.FileName, "text/csv;charset=utf-8", content);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ReadFileAsync(IBrowserFile? file)
    {
        Reset();
        if (file is null)
        {
            return;
        }

        _fileName = file.Name;
        if (file.Size > MatrixImport.MaxFileBytes)
        {
            _fileError = $"Filen är {file.Size / 1024 / 1024} MB; den får vara högst {MatrixImport.MaxFileBytes / 1024 / 1024} MB.";
            return;
        }

        _busy = true;
        try
        {
            // The parser reads synchronously; the browser's stream only asynchronously.
            using var buffer = new MemoryStream();
            await using (var upload = file.OpenReadStream(MatrixImport.MaxFileBytes))
            {
                await upload.CopyToAsync(buffer);
            }

            buffer.Position = 0;
            _preview = await Import.DryRunAsync(buffer);
        }
        catch (IOException)
        {
            _fileError = "Filen kunde inte läsas. Försök igen.";
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ApplyAsync()
    {
        if (_preview is null)
        {
            return;
        }

        _busy = true;
        try
        {
            switch (await Import.ApplyAsync(_preview, _comment))
            {
                case MatrixSaveResult.Saved saved:
                    Snackbar.Add($"Importen sparades som version {saved.Version}: {saved.Summary}.", Severity.Success);
                    Reset();
                    await OnImported.InvokeAsync(saved.Version);
                    break;
                case MatrixSaveResult.Conflict:
                    _preview = null;
                    _fileError = "Matrisen har ändrats sedan filen lästes in. Inget har importerats; läs in filen igen.";
                    break;
                case MatrixSaveResult.Rejected rejected:
                    _fileError = rejected.Message;
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void Reset()
    {
        _preview = null;
        _fileError = null;
        _fileName = null;
        _comment = null;
    }
}
