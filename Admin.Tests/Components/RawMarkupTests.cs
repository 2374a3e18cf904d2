using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Components;

/// <summary>
/// Every free-text value reaches the page through Razor's encoding: no component writes raw markup and no script of
/// the app writes HTML. <c>Browser/FreeTextBrowserTests</c> proves the encoding for the fields it types; this holds the
/// rule for all the others (key notes, pool names, review comments, unit texts…), and for any field added later.
/// </summary>
public class RawMarkupTests
{
    // Ways to put text into the DOM as markup: a MarkupString in a component, or HTML written by the app's JavaScript.
    private static readonly string[] ComponentMarkup = ["MarkupString", "AddMarkupContent"];
    // ISnackbar makes its implementer declare a markup overload; the console's shows the text encoded (tested in
    // SnackbarPlacementTests). Only that declaration, written exactly so, is let through.
    private static readonly string[] AllowedDeclarations =
        ["Snackbar? ISnackbar.Add(MarkupString message, Severity severity, Action<SnackbarOptions>? configure, string? key) =>"];

    private static readonly string[] ScriptMarkup = ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("];

    [Fact]
    public void NoComponentRendersRawMarkup()
    {
        var files = RepositoryFiles.Source("Admin", ".razor", ".cs").ToList();

        var hits = Hits(files, ComponentMarkup, AllowedDeclarations);

        Assert.True(files.Count > 100, $"Only {files.Count} source files found: the scan looked in the wrong place.");
        Assert.True(hits.Count == 0, "Raw markup in: " + string.Join("; ", hits));
    }

    [Fact]
    public void NoScriptOfTheAppWritesHtml()
    {
        var files = RepositoryFiles.Source(Path.Combine("Admin", "wwwroot"), ".js").ToList();

        var hits = Hits(files, ScriptMarkup);

        Assert.NotEmpty(files);
        Assert.True(hits.Count == 0, "HTML written by script in: " + string.Join("; ", hits));
    }

    private static List<string> Hits(IEnumerable<string> files, string[] patterns, string[]? allowed = null) =>
    [
        .. files.SelectMany(file => File.ReadLines(file)
            .Select((line, index) => (line, index))
            .Where(l => patterns.Any(p => l.line.Contains(p, StringComparison.Ordinal)))
            .Where(l => allowed is null || !allowed.Contains(l.line.Trim(), StringComparer.Ordinal))
            .Select(l => $"{Path.GetFileName(file)}:{l.index + 1}")),
    ];
}
