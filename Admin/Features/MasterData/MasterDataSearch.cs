using System.Globalization;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.MasterData;

/// <summary>The free-text search of the administration tables: any of the texts contains the term, Swedish rules.</summary>
public static class MasterDataSearch
{
    public static bool Matches(string? search, params ReadOnlySpan<string?> texts)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return true;
        }

        var term = search.Trim();
        foreach (var text in texts)
        {
            if (text is not null && AdminLocalization.Swedish.CompareInfo.IndexOf(text, term, CompareOptions.IgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
