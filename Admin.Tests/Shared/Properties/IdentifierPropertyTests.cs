using System.Globalization;
using CsCheck;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Shared.Properties;

/// <summary>
/// Personnummer, key numbers and e-mail addresses against generated input: numbers built from the rules are accepted
/// and read back to the same value from every spelling the console writes, and anything else, however hostile, is
/// either accepted by the rule or refused with a Swedish message — never an exception.
/// </summary>
public class IdentifierPropertyTests
{
    private static readonly string[] PersonnummerMessages =
    [
        "Personnummer saknas.",
        "Personnumret får bara innehålla siffror och bindestreck, t.ex. 19900101-1234.",
        "Personnumret ska ha 10 eller 12 siffror, t.ex. 19900101-1234.",
        "Plustecken används bara med 10 siffror, för den som har fyllt 100 år, t.ex. 191212+1212.",
        "Personnumret innehåller ett datum som inte finns.",
        "Personnumret kan inte ha ett födelsedatum i framtiden.",
        "Kontrollsiffran stämmer inte: kontrollera personnumret.",
    ];

    private static readonly string[] KeyNumberMessages =
        ["Nyckelnummer saknas.", "Nyckelnumret ska vara 6–8 siffror (står på nyckelbladet)."];

    private static readonly Gen<DateOnly> Todays = Gen.DateOnly[new DateOnly(1990, 1, 1), new DateOnly(2099, 12, 31)];

    /// <summary>A person born up to 150 years before today, with serial and check digit, coordination or not.</summary>
    private static readonly Gen<(DateOnly Today, DateOnly Birth, string Serial, bool Coordination)> People =
        Gen.Select(Todays, Gen.Int[0, 150 * 366], Gen.Int[0, 999], Gen.Int[0, 4], (today, daysOld, serial, coordination) =>
        {
            var birth = today.AddDays(-daysOld);
            return (today, birth, serial.ToString("D3", CultureInfo.InvariantCulture), coordination == 0);
        });

    [Fact]
    public void Personnummer_BuiltFromTheRules_IsAccepted_InEverySpelling_AndReadsBackTheSame()
    {
        Hostile.Check(People, person =>
        {
            var (today, birth, serial, coordination) = person;
            var day = birth.Day + (coordination ? 60 : 0);
            var date = string.Create(CultureInfo.InvariantCulture, $"{birth.Year % 100:D2}{birth.Month:D2}{day:D2}");
            var ten = date + serial + Personnummer.CheckDigit(date + serial).ToString(CultureInfo.InvariantCulture);
            var century = (birth.Year / 100).ToString("D2", CultureInfo.InvariantCulture);
            var age = today.Year - birth.Year - ((today.Month, today.Day).CompareTo((birth.Month, birth.Day)) < 0 ? 1 : 0);
            var spellings = new List<string> { century + ten, $"{century}{ten[..6]}-{ten[6..]}", $" {century + ten}\t" };
            if (age < 100)
            {
                spellings.AddRange([ten, $"{ten[..6]}-{ten[6..]}"]);
            }
            else if (age < 200)
            {
                spellings.Add($"{ten[..6]}+{ten[6..]}");
            }

            foreach (var spelling in spellings)
            {
                Assert.True(
                    Personnummer.TryParse(spelling, today, out var parsed, out var error),
                    $"'{spelling}' on {Dates.Iso(today)} was refused: {error}");
                Assert.Equal(century + ten, parsed.Value);
                Assert.Equal(birth, parsed.BirthDate);
                Assert.Equal(coordination, parsed.IsCoordinationNumber);
                Assert.Equal(age, parsed.AgeOn(today));

                // Round trip through both written forms and the stored form.
                Assert.Equal(parsed, Personnummer.Parse(parsed.Formatted, today));
                Assert.Equal(parsed, Personnummer.Parse(parsed.Value, today));
                Assert.Equal(parsed, Personnummer.FromNormalized(parsed.Value));
                Assert.Equal($"{parsed.Value[..8]}-****", parsed.ToString());
            }
        }, "Personnummer, valid");
    }

    [Fact]
    public void Personnummer_AnyText_IsEitherAValidNumber_OrRefusedInSwedish_NeverAnException()
    {
        var valid = People.Select(p =>
        {
            var digits = p.Birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)[2..] + p.Serial;
            return string.Create(CultureInfo.InvariantCulture, $"{p.Birth.Year / 100:D2}{digits}{Personnummer.CheckDigit(digits)}");
        });
        var inputs = Gen.Select(
            Todays,
            Gen.Frequency<string>(
                (3, Hostile.Text),
                (3, Hostile.Near("0123456789-+ ", 16)),
                (4, Hostile.Mutated(valid))));

        Hostile.Check(inputs, input =>
        {
            var (today, text) = input;
            if (Personnummer.TryParse(text, today, out var parsed, out var error))
            {
                // Accepted: the rule's shape, a real date not after today, a correct check digit, and a round trip.
                Assert.Matches(@"^\d{12}$", parsed.Value);
                Assert.True(parsed.BirthDate <= today);
                Assert.True(Personnummer.IsValidChecksum(parsed.Value[2..]));
                Assert.Equal(parsed, Personnummer.Parse(parsed.Formatted, today));
                Assert.Equal(parsed, Personnummer.FromNormalized(parsed.Value));
                Assert.EndsWith(string.Concat(text.Where(char.IsAsciiDigit)), parsed.Value, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains(error, PersonnummerMessages);
                Assert.Throws<DomainException>(() => Personnummer.Parse(text, today));
            }
        }, "Personnummer, hostile");
    }

    [Fact]
    public void KeyNumber_SixToEightDigits_IsAccepted_AndReadsBackTheSame()
    {
        var keys = Gen.Select(
            Gen.Int[KeyNumber.MinLength, KeyNumber.MaxLength],
            Gen.Char['0', '9'].Array[KeyNumber.MaxLength],
            Gen.Char[" \t\r\n\u00A0"].Array[0, 3].Select(c => new string(c)),
            (length, digits, padding) => (Digits: new string(digits, 0, length), Padded: padding + new string(digits, 0, length) + padding));

        Hostile.Check(keys, key =>
        {
            Assert.True(KeyNumber.TryParse(key.Padded, out var parsed, out var error), error);
            Assert.Equal(key.Digits, parsed.Value);
            Assert.Equal(parsed, KeyNumber.Parse(parsed.ToString()));
        }, "Key number, valid");
    }

    [Fact]
    public void KeyNumber_AnyText_IsAcceptedExactlyWhenItIsSixToEightAsciiDigits_ElseRefusedInSwedish()
    {
        var inputs = Gen.Frequency<string>(
            (4, Hostile.Text),
            (4, Hostile.Near("0123456789 ", 11)),
            (2, Hostile.Mutated(Gen.Char['0', '9'].Array[6, 8].Select(c => new string(c)))));

        Hostile.Check(inputs, text =>
        {
            var trimmed = text.Trim();
            var shouldAccept = trimmed.Length is >= KeyNumber.MinLength and <= KeyNumber.MaxLength && trimmed.All(char.IsAsciiDigit);
            var accepted = KeyNumber.TryParse(text, out var parsed, out var error);

            Assert.Equal(shouldAccept, accepted);
            if (accepted)
            {
                Assert.Equal(trimmed, parsed.Value);
                Assert.Equal(parsed, KeyNumber.Parse(parsed.ToString()));
            }
            else
            {
                Assert.Contains(error, KeyNumberMessages);
            }
        }, "Key number, hostile");
    }

    [Fact]
    public void EmailAddress_BuiltFromTheRules_IsAccepted_LowerCased_AndReadsBackTheSame()
    {
        var localChars = Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZåäöÅÄÖ0123456789._%+-'"];
        var label = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"].Array[1, 20].Select(c => new string(c));
        var addresses = Gen.Select(
            localChars.Array[1, 64].Select(c => new string(c)),
            label.Array[1, 4],
            Gen.Char["abcdefghijklmnopqrstuvwxyz"].Array[2, 6].Select(c => new string(c)),
            (local, labels, top) => $"{local}@{string.Join('.', labels)}.{top}")
            .Where(a => a.Length <= EmailAddress.MaxLength);

        Hostile.Check(addresses, address =>
        {
            Assert.True(EmailAddress.TryParse($"  {address} ", out var parsed, out var error), $"'{address}' was refused: {error}");
            Assert.Equal(address.ToLowerInvariant(), parsed.Value);
            Assert.Equal(parsed, EmailAddress.Parse(parsed.Value));
            Assert.Equal(parsed, EmailAddress.Parse(address.ToUpperInvariant()));
        }, "E-mail address, valid");
    }

    [Fact]
    public void EmailAddress_AnyText_IsEitherAWellFormedAddress_OrRefusedInSwedish_NeverAnException()
    {
        var inputs = Gen.Frequency<string>(
            (4, Hostile.Text),
            (3, Hostile.Near("ab@.-_+", 30)),
            (3, Hostile.Mutated(Gen.Const("anna.lindqvist@kommun.example"))));

        Hostile.Check(inputs, text =>
        {
            if (EmailAddress.TryParse(text, out var parsed, out var error))
            {
                var value = parsed.Value;
                Assert.InRange(value.Length, 5, EmailAddress.MaxLength);
                Assert.Single(value, c => c == '@');
                Assert.DoesNotContain(value, c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"');
                Assert.Equal(value.ToLowerInvariant(), value);
                Assert.Equal(parsed, EmailAddress.Parse(value));
            }
            else
            {
                Hostile.AssertSwedish(error);
                Assert.Throws<DomainException>(() => EmailAddress.Parse(text));
            }
        }, "E-mail address, hostile");
    }
}
