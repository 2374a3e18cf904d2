namespace SocItConsole.Shared.People;

/// <summary>
/// The one rule for showing a person's name outside their own employee and case pages: a person with protected
/// personal data (skyddad identitet) is "Skyddad person" in every list, e-mail, export and review. Names kept as
/// snapshots (an order's or a follow-up's) go through the same rule with the person's flag as it is now.
/// </summary>
public static class PersonName
{
    /// <summary>What is shown instead of a protected person's name.</summary>
    public const string Protected = "Skyddad person";

    /// <summary>The name as it may be shown: the name itself, or <see cref="Protected"/> for a protected person.</summary>
    public static string Shown(string name, bool isProtected) => isProtected ? Protected : name;

    /// <summary>
    /// A text composed before the person was protected (a stored reminder body) with each protected name replaced,
    /// longest first so that a name contained in another is not half-replaced.
    /// </summary>
    public static string MaskIn(string text, IEnumerable<string> protectedNames)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(protectedNames);
        foreach (var name in protectedNames.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal)
                     .OrderByDescending(n => n.Length))
        {
            text = text.Replace(name, Protected, StringComparison.Ordinal);
        }

        return text;
    }
}
