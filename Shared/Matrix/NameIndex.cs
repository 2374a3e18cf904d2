namespace SocItConsole.Shared.Matrix;

/// <summary>
/// Finds titles, systems and levels by the name an administrator typed: ignoring case and surrounding whitespace.
/// Names that differ only in case are distinct in the database, so a name can match several items; that is reported
/// rather than guessed.
/// </summary>
internal sealed class NameIndex<T>
    where T : class
{
    private readonly Dictionary<string, NameMatch<T>> _byName = new(StringComparer.OrdinalIgnoreCase);

    public NameIndex(IEnumerable<T> items, Func<T, string> name)
    {
        foreach (var item in items)
        {
            var key = name(item).Trim();
            _byName[key] = _byName.TryGetValue(key, out var existing)
                ? existing with { IsAmbiguous = true }
                : new NameMatch<T>(item, IsAmbiguous: false);
        }
    }

    public NameMatch<T>? Find(string name) => _byName.TryGetValue(name.Trim(), out var match) ? match : null;
}

internal sealed record NameMatch<T>(T Item, bool IsAmbiguous);
