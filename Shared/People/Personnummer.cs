using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.People;

/// <summary>
/// A Swedish personal identity number (personnummer) or coordination number (samordningsnummer), held in its
/// normalised 12-digit form <c>YYYYMMDDNNNC</c>. A coordination number has 60 added to the day of birth, as written.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> returns <see cref="Masked"/>, so a number that ends up interpolated into a log line or a
/// message does not leak in full; ask for <see cref="Formatted"/> or <see cref="Value"/> on purpose.
/// </remarks>
public readonly record struct Personnummer
{
    /// <summary>Length of <see cref="Value"/>, for column sizes.</summary>
    public const int Length = 12;

    private const string MissingMessage = "Personnummer saknas.";
    private const string InvalidCharactersMessage =
        "Personnumret får bara innehålla siffror och bindestreck, t.ex. 19900101-1234.";
    private const string WrongShapeMessage = "Personnumret ska ha 10 eller 12 siffror, t.ex. 19900101-1234.";
    private const string PlusWithCenturyMessage =
        "Plustecken används bara med 10 siffror, för den som har fyllt 100 år, t.ex. 191212+1212.";
    private const string NoSuchDateMessage = "Personnumret innehåller ett datum som inte finns.";
    private const string FutureMessage = "Personnumret kan inte ha ett födelsedatum i framtiden.";
    private const string ChecksumMessage = "Kontrollsiffran stämmer inte: kontrollera personnumret.";

    private const int CoordinationDayOffset = 60;

    private Personnummer(string value, DateOnly birthDate, bool isCoordinationNumber)
    {
        Value = value;
        BirthDate = birthDate;
        IsCoordinationNumber = isCoordinationNumber;
    }

    /// <summary>The 12 digits <c>YYYYMMDDNNNC</c> without separator.</summary>
    public string Value { get; }

    /// <summary>The real date of birth; for a coordination number the written day minus 60.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>True for a samordningsnummer (day of birth plus 60).</summary>
    public bool IsCoordinationNumber { get; }

    /// <summary>The full number as <c>YYYYMMDD-NNNC</c>.</summary>
    public string Formatted => Value is null ? string.Empty : $"{Value[..8]}-{Value[8..]}";

    /// <summary>
    /// The date part as written and the last four digits hidden, <c>YYYYMMDD-****</c>; a coordination number keeps
    /// its day plus 60 (<c>19900161-****</c>).
    /// </summary>
    public string Masked => Value is null ? string.Empty : $"{Value[..8]}-****";

    /// <summary>Returns <see cref="Masked"/>, never the full number.</summary>
    public override string ToString() => Masked;

    /// <summary>
    /// Completed years on <paramref name="date"/>. Someone born on 29 February turns a year older on 1 March in
    /// other years, which is also how a 10-digit number decides whether its holder has turned 100.
    /// </summary>
    public int AgeOn(DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date, BirthDate);
        return date.Year - BirthDate.Year - (IsBefore(date.Month, date.Day, BirthDate.Month, BirthDate.Day) ? 1 : 0);
    }

    public static Personnummer Parse(string? text, DateOnly today) =>
        TryParse(text, today, out var value, out var error) ? value : throw new DomainException(error);

    /// <summary>
    /// Reads <c>YYYYMMDDNNNC</c>, <c>YYYYMMDD-NNNC</c>, <c>YYMMDDNNNC</c>, <c>YYMMDD-NNNC</c> or <c>YYMMDD+NNNC</c>,
    /// trimmed. A 10-digit number without '+' belongs to someone under 100 at <paramref name="today"/>, with '+' to
    /// someone who is 100 or older; that decides its century. The date must exist and not lie after
    /// <paramref name="today"/>, and the last digit must be the Luhn check digit of the other nine after the century.
    /// </summary>
    public static bool TryParse(
        string? text, DateOnly today, out Personnummer value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var candidate = text?.Trim();
        if (string.IsNullOrEmpty(candidate))
        {
            error = MissingMessage;
            return false;
        }

        if (candidate.Any(c => !char.IsAsciiDigit(c) && c is not ('-' or '+')))
        {
            error = InvalidCharactersMessage;
            return false;
        }

        var separatorAt = candidate.IndexOfAny(['-', '+']);
        var digits = separatorAt < 0 ? candidate : candidate.Remove(separatorAt, 1);
        var wellShaped = digits.Length is 10 or 12
            && (separatorAt < 0
                || (separatorAt == candidate.Length - 5 && candidate.IndexOfAny(['-', '+'], separatorAt + 1) < 0));
        if (!wellShaped)
        {
            error = WrongShapeMessage;
            return false;
        }

        var plus = separatorAt >= 0 && candidate[separatorAt] == '+';
        if (plus && digits.Length == 12)
        {
            error = PlusWithCenturyMessage;
            return false;
        }

        int? century = digits.Length == 12 ? Number(digits.AsSpan(0, 2)) : null;
        return TryCreate(century, digits.AsSpan(digits.Length - 10), today, plus, out value, out error);
    }

    /// <summary>
    /// Reads back a <see cref="Value"/> stored earlier: exactly 12 digits, no separator, no century rule and no
    /// comparison with today. Bad data is a programming or data error, so it throws <see cref="ArgumentException"/>.
    /// </summary>
    public static Personnummer FromNormalized(string twelveDigits)
    {
        ArgumentNullException.ThrowIfNull(twelveDigits);
        if (twelveDigits.Length != Length || !twelveDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A stored personnummer must be exactly 12 digits.", nameof(twelveDigits));
        }

        return TryCreate(Number(twelveDigits.AsSpan(0, 2)), twelveDigits.AsSpan(2), today: null, plus: false,
            out var value, out var error)
            ? value
            : throw new ArgumentException($"A stored personnummer is not valid: {error}", nameof(twelveDigits));
    }

    /// <summary>
    /// True when <paramref name="tenDigits"/> is 10 digits <c>YYMMDDNNNC</c> whose last is the Luhn (mod 10) check
    /// digit of the other nine; nothing else about the number is checked.
    /// </summary>
    public static bool IsValidChecksum(string? tenDigits) =>
        tenDigits is { Length: 10 } && tenDigits.All(char.IsAsciiDigit) && HasValidCheckDigit(tenDigits);

    // tenDigits is YYMMDDNNNC; century is null when it must be resolved from today.
    private static bool TryCreate(
        int? century,
        ReadOnlySpan<char> tenDigits,
        DateOnly? today,
        bool plus,
        out Personnummer value,
        [NotNullWhen(false)] out string? error)
    {
        value = default;
        var twoDigitYear = Number(tenDigits[..2]);
        var month = Number(tenDigits[2..4]);
        var writtenDay = Number(tenDigits[4..6]);
        var isCoordination = writtenDay > CoordinationDayOffset;
        var day = isCoordination ? writtenDay - CoordinationDayOffset : writtenDay;
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            error = NoSuchDateMessage;
            return false;
        }

        var year = century.HasValue
            ? (century.Value * 100) + twoDigitYear
            : ResolveCentury(twoDigitYear, month, day, today!.Value, plus);
        if (year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month))
        {
            error = NoSuchDateMessage;
            return false;
        }

        var birthDate = new DateOnly(year, month, day);
        if (today is { } now && birthDate > now)
        {
            error = FutureMessage;
            return false;
        }

        if (!HasValidCheckDigit(tenDigits))
        {
            error = ChecksumMessage;
            return false;
        }

        var normalised = (year / 100).ToString("D2", CultureInfo.InvariantCulture) + tenDigits.ToString();
        value = new Personnummer(normalised, birthDate, isCoordination);
        error = null;
        return true;
    }

    // The latest year ending in twoDigitYear whose month and day are not after today: the holder is under 100.
    // '+' says the holder has turned 100, one century earlier.
    private static int ResolveCentury(int twoDigitYear, int month, int day, DateOnly today, bool plus)
    {
        var year = today.Year - (today.Year % 100) + twoDigitYear;
        if (year > today.Year || (year == today.Year && IsBefore(today.Month, today.Day, month, day)))
        {
            year -= 100;
        }

        return plus ? year - 100 : year;
    }

    private static bool IsBefore(int month, int day, int otherMonth, int otherDay) =>
        month < otherMonth || (month == otherMonth && day < otherDay);

    /// <summary>
    /// The check digit for the nine digits <c>YYMMDDNNN</c> after the century: Luhn with weights 2, 1, 2, …, the digit
    /// that makes the sum a multiple of ten.
    /// </summary>
    public static int CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length < 9)
        {
            throw new ArgumentException("Nine digits are needed.", nameof(nineDigits));
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static bool HasValidCheckDigit(ReadOnlySpan<char> tenDigits) => CheckDigit(tenDigits[..9]) == tenDigits[9] - '0';

    private static int Number(ReadOnlySpan<char> digits)
    {
        var number = 0;
        foreach (var digit in digits)
        {
            number = (number * 10) + (digit - '0');
        }

        return number;
    }
}
