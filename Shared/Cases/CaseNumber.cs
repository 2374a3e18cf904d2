using System.Globalization;

namespace SocItConsole.Shared.Cases;

/// <summary>The case number people quote on the phone: SOC-2026-00042, numbered from 1 each year.</summary>
public readonly record struct CaseNumber(int Year, int Sequence)
{
    public const int MaxLength = 16;
    private const string Prefix = "SOC-";

    public string Value => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Year:0000}-{Sequence:00000}");

    public override string ToString() => Value;

    public static bool TryParse(string? text, out CaseNumber caseNumber)
    {
        caseNumber = default;
        var value = text?.Trim().ToUpperInvariant();
        if (value is null || value.Length < 14 || !value.StartsWith(Prefix, StringComparison.Ordinal) || value[8] != '-')
        {
            return false;
        }

        if (!int.TryParse(value.AsSpan(4, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(value.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || year < 2000 || sequence < 1 || value.Length - 9 < 5)
        {
            return false;
        }

        caseNumber = new CaseNumber(year, sequence);
        return true;
    }
}
