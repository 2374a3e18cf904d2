using System.Globalization;
using System.Text;

namespace SocItConsole.Shared.Hr;

/// <summary>A console unit or title an HR value may map to: a unit by its cost centre (<see cref="Code"/>), a title by its name.</summary>
public sealed record HrTarget(int Id, string Name, string? Code = null, bool IsActive = true);

/// <summary>What an HR value maps to now.</summary>
public abstract record HrResolution
{
    private HrResolution()
    {
    }

    /// <summary>Mapped, by itself (<see cref="Automatic"/>) or by an administrator.</summary>
    public sealed record Mapped(HrTarget Target, bool Automatic) : HrResolution;

    /// <summary>Outside Soc-IT's care: the line is skipped.</summary>
    public sealed record Ignored : HrResolution;

    /// <summary>Waits for an administrator (a row exists); the line is reported.</summary>
    public sealed record Pending(HrMapping Mapping) : HrResolution;

    /// <summary>First sight: a row must be made, with this suggestion (maybe none); the line is reported.</summary>
    public sealed record Unseen(HrTarget? Suggestion) : HrResolution;
}

/// <summary>
/// The rule that maps HR's words to the console's: a unit code equal to a unit's cost centre and a title equal to a
/// console title (ignoring case and spacing) map by themselves; a decided row maps or ignores; anything else waits.
/// </summary>
public static class HrMappingRules
{
    /// <summary>The value as compared: trimmed, inner spacing collapsed, upper case (invariant).</summary>
    public static string Key(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// What <paramref name="value"/> maps to, given the console's <paramref name="targets"/> (units with their cost
    /// centres, or titles: the index knows which) and that kind's decided or pending rows by <see cref="HrMapping.Key"/>.
    /// </summary>
    public static HrResolution Resolve(string value, HrTargetIndex targets, IReadOnlyDictionary<string, HrMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(mappings);
        var key = Key(value);
        if (mappings.TryGetValue(key, out var mapping))
        {
            return mapping.Status switch
            {
                HrMappingStatus.Mapped when mapping.TargetId is { } id && targets.ById(id) is { } target => new HrResolution.Mapped(target, false),
                HrMappingStatus.Ignored => new HrResolution.Ignored(),
                _ => new HrResolution.Pending(mapping),
            };
        }

        return targets.Exact(key) is { } exact
            ? new HrResolution.Mapped(exact, true)
            : new HrResolution.Unseen(targets.Suggest(value));
    }
}

/// <summary>The console's units or titles, indexed for <see cref="HrMappingRules.Resolve"/>.</summary>
public sealed class HrTargetIndex
{
    private const double SuggestionThreshold = 0.6;

    private readonly HrMappingKind _kind;
    private readonly Dictionary<int, HrTarget> _byId;
    private readonly Dictionary<string, HrTarget> _exact;
    private readonly List<(HrTarget Target, string Simple)> _names;

    public HrTargetIndex(HrMappingKind kind, IEnumerable<HrTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        _kind = kind;
        var list = targets.ToList();
        _byId = list.ToDictionary(t => t.Id);

        // A unit maps by itself by its cost centre, a title by its name; an active one wins over an inactive one.
        _exact = [];
        foreach (var target in list.OrderByDescending(t => t.IsActive))
        {
            var compared = kind == HrMappingKind.Unit ? target.Code : target.Name;
            if (!string.IsNullOrWhiteSpace(compared))
            {
                _exact.TryAdd(HrMappingRules.Key(compared), target);
            }
        }

        _names = [.. list.Where(t => t.IsActive).Select(t => (t, Simple(t.Name)))];
    }

    public HrMappingKind Kind => _kind;

    public HrTarget? ById(int id) => _byId.GetValueOrDefault(id);

    public HrTarget? Exact(string key) => _exact.GetValueOrDefault(key);

    /// <summary>The active target whose name is closest to <paramref name="value"/>, when close enough; else none.</summary>
    public HrTarget? Suggest(string value)
    {
        var simple = Simple(value);
        if (simple.Length == 0)
        {
            return null;
        }

        HrTarget? best = null;
        var bestScore = 0.0;
        foreach (var (target, name) in _names)
        {
            var score = Similarity(simple, name);
            if (score > bestScore)
            {
                best = target;
                bestScore = score;
            }
        }

        return bestScore >= SuggestionThreshold ? best : null;
    }

    /// <summary>Letters and digits only, lower case, accents kept (å, ä, ö are letters of their own in Swedish).</summary>
    private static string Simple(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>1 for equal, 0.9 when one contains the other, else 1 − edit distance / longer length.</summary>
    private static double Similarity(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }

        if (a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)))
        {
            return 0.9 * Math.Min(a.Length, b.Length) / Math.Max(a.Length, b.Length) + 0.1;
        }

        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 0 : 1.0 - (double)Distance(a, b) / longer;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
