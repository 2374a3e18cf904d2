using System.Text.RegularExpressions;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// A streamed page as the browser ends up showing it. With stream rendering the response is the first render, flushed
/// while the page still waits for the database, followed by <c>&lt;blazor-ssr&gt;</c> blocks that replace each updated
/// component's region (<c>&lt;!--bl:N--&gt;…&lt;!--/bl:N--&gt;</c>). Whether a page's data arrives before the first
/// flush depends on the database (SQLite answers before the await returns, PostgreSQL need not), so a test reads the
/// final state: the updates applied in order, the blocks removed.
/// </summary>
public static partial class StreamedHtml
{
    public static string Final(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var updates = Updates().Matches(html).Select(m => (Id: m.Groups["id"].Value, Content: m.Groups["content"].Value)).ToList();
        if (updates.Count == 0)
        {
            return html;
        }

        var document = Blocks().Replace(html, string.Empty);
        foreach (var (id, content) in updates)
        {
            var start = $"<!--bl:{id}-->";
            var end = $"<!--/bl:{id}-->";
            var from = document.IndexOf(start, StringComparison.Ordinal);
            var to = from < 0 ? -1 : document.IndexOf(end, from, StringComparison.Ordinal);
            if (from < 0 || to < 0)
            {
                continue;
            }

            document = string.Concat(document.AsSpan(0, from + start.Length), content, document.AsSpan(to));
        }

        return document;
    }

    [GeneratedRegex("""<template blazor-component-id="(?<id>\d+)">(?<content>.*?)</template>""", RegexOptions.Singleline)]
    private static partial Regex Updates();

    [GeneratedRegex("<blazor-ssr>.*?</blazor-ssr>|<blazor-ssr-end></blazor-ssr-end>", RegexOptions.Singleline)]
    private static partial Regex Blocks();
}
