namespace SocItConsole.Shared.Common;

/// <summary>Guards for the free text that master data and orders carry.</summary>
public static class Text
{
    /// <summary>
    /// Trims <paramref name="value"/> and checks that it is present and no longer than <paramref name="maxLength"/>;
    /// <paramref name="label"/> names the field in the Swedish error message.
    /// </summary>
    public static string Required(string? value, int maxLength, string label)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException($"{label} måste anges.");
        }

        if (Unstorable(trimmed) is { } problem)
        {
            throw new DomainException($"{label} {problem}");
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainException($"{label} får vara högst {maxLength} tecken.");
    }

    /// <summary>
    /// Why <paramref name="value"/> cannot be stored as text, as the end of a Swedish sentence, or null when it can:
    /// the NUL character or half of a surrogate pair. Neither is ever typed by a person; PostgreSQL refuses both (NUL
    /// outright, the other as invalid UTF-8) where SQLite stored them, so the same input gets the same answer on either
    /// database instead of a failure on one of them.
    /// </summary>
    public static string? Unstorable(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (c == '\0' || char.IsSurrogate(c))
            {
                return "innehåller ett ogiltigt tecken.";
            }
        }

        return null;
    }

    /// <summary>Like <see cref="Required"/>, but an empty value becomes null.</summary>
    public static string? Optional(string? value, int maxLength, string label)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Required(trimmed, maxLength, label);
    }
}
