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

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainException($"{label} får vara högst {maxLength} tecken.");
    }

    /// <summary>Like <see cref="Required"/>, but an empty value becomes null.</summary>
    public static string? Optional(string? value, int maxLength, string label)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Required(trimmed, maxLength, label);
    }
}
