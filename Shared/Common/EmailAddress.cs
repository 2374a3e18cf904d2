using System.Diagnostics.CodeAnalysis;

namespace SocItConsole.Shared.Common;

/// <summary>
/// An e-mail address, trimmed and lower-cased so that two spellings of the same mailbox compare equal. Managers are
/// matched to their units by it, so the normalisation is the rule, not a nicety.
/// </summary>
public readonly record struct EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value ?? string.Empty;

    public static EmailAddress Parse(string? text) =>
        TryParse(text, out var address, out var error) ? address : throw new DomainException(error);

    public static bool TryParse(string? text, out EmailAddress address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        var candidate = text?.Trim();
        if (string.IsNullOrEmpty(candidate))
        {
            error = "E-postadress saknas.";
            return false;
        }

        if (candidate.Length > MaxLength)
        {
            error = $"E-postadressen får vara högst {MaxLength} tecken.";
            return false;
        }

        var at = candidate.IndexOf('@', StringComparison.Ordinal);
        var local = at > 0 ? candidate[..at] : string.Empty;
        var domain = at > 0 ? candidate[(at + 1)..] : string.Empty;
        var wellFormed = at > 0
            && candidate.IndexOf('@', at + 1) < 0
            && local.Length <= 64
            && domain.Length >= 3
            && domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal)
            && !candidate.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"');
        if (!wellFormed)
        {
            error = $"\"{candidate}\" är inte en giltig e-postadress.";
            return false;
        }

        address = new EmailAddress(candidate.ToLowerInvariant());
        error = null;
        return true;
    }
}
