namespace SocItConsole.Admin.Components;

/// <summary>
/// Values a static page reads from its address (decision 0049). A value that names nothing — a typo, a number of no
/// member, an old link — is no value, and the page shows its default instead of an error.
/// </summary>
public static class AddressValues
{
    /// <summary>
    /// The member of <typeparamref name="T"/> that <paramref name="value"/> names (or numbers, as <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>
    /// reads it); null for anything that is not a member.
    /// </summary>
    public static T? EnumOf<T>(string? value, bool ignoreCase = true)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
