using System.Diagnostics.CodeAnalysis;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Keys;

/// <summary>
/// A Swedlock key number: 6–8 digits exactly as printed on the key. Leading zeros are part of the number, so it is
/// held as text, never as an integer. Only surrounding whitespace is forgiven; a space inside is refused rather
/// than guessed away, because a split number is more often two numbers or a typing slip than a printing habit.
/// </summary>
public readonly record struct KeyNumber
{
    public const int MinLength = 6;
    public const int MaxLength = 8;

    private const string MissingMessage = "Nyckelnummer saknas.";
    private const string WrongShapeMessage = "Nyckelnumret ska vara 6–8 siffror (står på nyckelbladet).";

    private KeyNumber(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value ?? string.Empty;

    public static KeyNumber Parse(string? text) =>
        TryParse(text, out var value, out var error) ? value : throw new DomainException(error);

    public static bool TryParse(string? text, out KeyNumber value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var candidate = text?.Trim();
        if (string.IsNullOrEmpty(candidate))
        {
            error = MissingMessage;
            return false;
        }

        if (candidate.Length is < MinLength or > MaxLength || !candidate.All(char.IsAsciiDigit))
        {
            error = WrongShapeMessage;
            return false;
        }

        value = new KeyNumber(candidate);
        error = null;
        return true;
    }
}
