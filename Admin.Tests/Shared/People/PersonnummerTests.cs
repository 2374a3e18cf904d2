using System.Globalization;
using System.Text;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Shared.People;

public class PersonnummerTests
{
    private const string Missing = "Personnummer saknas.";
    private const string InvalidCharacters =
        "Personnumret får bara innehålla siffror och bindestreck, t.ex. 19900101-1234.";
    private const string WrongShape = "Personnumret ska ha 10 eller 12 siffror, t.ex. 19900101-1234.";
    private const string PlusWithCentury =
        "Plustecken används bara med 10 siffror, för den som har fyllt 100 år, t.ex. 191212+1212.";
    private const string NoSuchDate = "Personnumret innehåller ett datum som inte finns.";
    private const string Future = "Personnumret kan inte ha ett födelsedatum i framtiden.";
    private const string Checksum = "Kontrollsiffran stämmer inte: kontrollera personnumret.";

    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly string[] AllMessages =
        [Missing, InvalidCharacters, WrongShape, PlusWithCentury, NoSuchDate, Future, Checksum];

    private static readonly string[] Serials = ["001", "017", "238", "456", "789", "999", "100", "555", "010", "321"];

    [Theory]
    [InlineData("19121212-1212", "191212121212", "1912-12-12")]
    [InlineData("191212121212", "191212121212", "1912-12-12")]
    [InlineData("121212-1212", "201212121212", "2012-12-12")]
    [InlineData("1212121212", "201212121212", "2012-12-12")]
    [InlineData("121212+1212", "191212121212", "1912-12-12")]
    [InlineData("811228-9874", "198112289874", "1981-12-28")]
    [InlineData("8112289874", "198112289874", "1981-12-28")]
    [InlineData("670919-9530", "196709199530", "1967-09-19")]
    [InlineData("19900101-1239", "199001011239", "1990-01-01")]
    [InlineData("  19900101-1239 ", "199001011239", "1990-01-01")]
    [InlineData("\t900101-1239\r\n", "199001011239", "1990-01-01")]
    [InlineData("\u00A0199001011239\u00A0", "199001011239", "1990-01-01")]
    [InlineData("19901231-9993", "199012319993", "1990-12-31")]
    [InlineData("19900101-0009", "199001010009", "1990-01-01")]
    [InlineData("19900101-9992", "199001019992", "1990-01-01")]
    [InlineData("20000229-1235", "200002291235", "2000-02-29")]
    [InlineData("000229-1235", "200002291235", "2000-02-29")]
    [InlineData("19880229-1230", "198802291230", "1988-02-29")]
    [InlineData("20120229-1231", "201202291231", "2012-02-29")]
    [InlineData("040229+1231", "190402291231", "1904-02-29")]
    [InlineData("19990101-0992", "199901010992", "1999-01-01")]
    [InlineData("20131231-1234", "201312311234", "2013-12-31")]
    [InlineData("19400415-5554", "194004155554", "1940-04-15")]
    [InlineData("20261127-1236", "202611271236", "2026-11-27")]
    public void Parse_AcceptsPersonnummer(string input, string expectedValue, string expectedBirthDate)
    {
        var personnummer = Personnummer.Parse(input, Today);

        Assert.Equal(expectedValue, personnummer.Value);
        Assert.Equal(Date(expectedBirthDate), personnummer.BirthDate);
        Assert.False(personnummer.IsCoordinationNumber);
    }

    [Theory]
    [InlineData("19900161-1236", "199001611236", "1990-01-01")]
    [InlineData("900161-4560", "199001614560", "1990-01-01")]
    [InlineData("19900191-1230", "199001911230", "1990-01-31")]
    [InlineData("19900181-0176", "199001810176", "1990-01-21")]
    [InlineData("19900288-1234", "199002881234", "1990-02-28")]
    [InlineData("19880289-1237", "198802891237", "1988-02-29")]
    [InlineData("20000289-1232", "200002891232", "2000-02-29")]
    [InlineData("20120289-1238", "201202891238", "2012-02-29")]
    [InlineData("261187-1233", "202611871233", "2026-11-27")]
    [InlineData("2611871233", "202611871233", "2026-11-27")]
    [InlineData("261188-1232", "192611881232", "1926-11-28")]
    [InlineData("261187+4567", "192611874567", "1926-11-27")]
    public void Parse_AcceptsSamordningsnummer_WithSixtyAddedToTheDay(
        string input, string expectedValue, string expectedBirthDate)
    {
        var personnummer = Personnummer.Parse(input, Today);

        Assert.Equal(expectedValue, personnummer.Value);
        Assert.Equal(Date(expectedBirthDate), personnummer.BirthDate);
        Assert.True(personnummer.IsCoordinationNumber);
    }

    [Theory]
    [InlineData("121212-1212", "2026-11-27", "201212121212")]
    [InlineData("1212121212", "2026-11-27", "201212121212")]
    [InlineData("121212+1212", "2026-11-27", "191212121212")]
    [InlineData("121212-1212", "2012-12-12", "201212121212")]
    [InlineData("121212-1212", "2012-12-11", "191212121212")]
    [InlineData("121212+1212", "2012-12-12", "191212121212")]
    [InlineData("121212+1212", "2012-12-11", "181212121212")]
    [InlineData("261127-1236", "2026-11-27", "202611271236")]
    [InlineData("261126-1237", "2026-11-27", "202611261237")]
    [InlineData("261128-1235", "2026-11-27", "192611281235")]
    [InlineData("261215-1239", "2026-11-27", "192612151239")]
    [InlineData("271231-1238", "2026-11-27", "192712311238")]
    [InlineData("261127+1236", "2026-11-27", "192611271236")]
    [InlineData("261126+1237", "2026-11-27", "192611261237")]
    [InlineData("261128+1235", "2026-11-27", "182611281235")]
    [InlineData("260101-1238", "2026-11-27", "202601011238")]
    [InlineData("260101-1238", "2026-01-01", "202601011238")]
    [InlineData("251231-1230", "2026-01-01", "202512311230")]
    [InlineData("251231+1230", "2026-01-01", "192512311230")]
    [InlineData("211231-1234", "2026-11-27", "202112311234")]
    [InlineData("300101-1232", "2026-11-27", "193001011232")]
    [InlineData("991231-1231", "2026-11-27", "199912311231")]
    [InlineData("000101-1238", "2026-11-27", "200001011238")]
    [InlineData("050301-1231", "2026-11-27", "200503011231")]
    [InlineData("050301+1231", "2026-11-27", "190503011231")]
    [InlineData("000229-1235", "2000-02-29", "200002291235")]
    [InlineData("000301-1236", "2000-02-29", "190003011236")]
    [InlineData("991231-1231", "2000-02-29", "199912311231")]
    [InlineData("000229-1235", "2100-02-28", "200002291235")]
    [InlineData("000229+1235", "2100-03-01", "200002291235")]
    [InlineData("880229-1230", "2087-02-28", "198802291230")]
    [InlineData("880229+1230", "2088-02-29", "198802291230")]
    public void Parse_ChoosesTheCenturyOfATenDigitNumberFromToday(
        string input, string today, string expectedValue) =>
        Assert.Equal(expectedValue, Personnummer.Parse(input, Date(today)).Value);

    [Theory]
    [InlineData("121212-1212", "2026-11-27")]
    [InlineData("121212+1212", "2026-11-27")]
    [InlineData("121212+1212", "2012-12-11")]
    [InlineData("261128-1235", "2026-11-27")]
    [InlineData("261128+1235", "2026-11-27")]
    [InlineData("261127+1236", "2026-11-27")]
    [InlineData("880229+1230", "2088-02-28")]
    [InlineData("880229+1230", "2088-02-29")]
    [InlineData("261188-1232", "2026-11-27")]
    public void TenDigitNumbers_UseAPlusExactlyWhenTheHolderIsAHundredOrOlder(string input, string today)
    {
        var personnummer = Personnummer.Parse(input, Date(today));

        var hundred = IndependentAge(personnummer.BirthDate, Date(today)) >= 100;

        Assert.Equal(input.Contains('+', StringComparison.Ordinal), hundred);
    }

    [Theory]
    [InlineData("19900001-1230")]
    [InlineData("19901301-1235")]
    [InlineData("19901300-1236")]
    [InlineData("19900100-1230")]
    [InlineData("19900132-1232")]
    [InlineData("19900131-1233", true)]
    [InlineData("19900230-1233")]
    [InlineData("19900229-1236")]
    [InlineData("19900228-1237", true)]
    [InlineData("19900431-1230")]
    [InlineData("19230229-1238")]
    [InlineData("19240229-1237", true)]
    [InlineData("19000229-1235")]
    [InlineData("20000229-1235", true)]
    [InlineData("00000101-1238")]
    [InlineData("20000000-0000")]
    [InlineData("900001-1230")]
    [InlineData("901301-1235")]
    [InlineData("900132-1232")]
    [InlineData("900230-1233")]
    [InlineData("230229-1238")]
    [InlineData("000229+1235")]
    [InlineData("000229-1235", true)]
    public void TryParse_RejectsDateThatDoesNotExist(string input, bool isTheValidCounterpart = false)
    {
        Assert.True(IndependentLuhn(TenDigits(input)), "The row must fail on its date, not its check digit.");

        var accepted = Personnummer.TryParse(input, Today, out _, out var error);

        Assert.Equal(isTheValidCounterpart, accepted);
        Assert.Equal(isTheValidCounterpart ? null : NoSuchDate, error);
    }

    [Theory]
    [InlineData("19900160-1237")]
    [InlineData("19900192-1239")]
    [InlineData("19900290-1230")]
    [InlineData("19900491-1237")]
    [InlineData("19230289-1235")]
    [InlineData("19000289-1232")]
    [InlineData("900160-1237")]
    [InlineData("900192-1239")]
    [InlineData("900290-1230")]
    [InlineData("230289-1235")]
    public void TryParse_RejectsSamordningsnummerWhoseRealDateDoesNotExist(string input)
    {
        Assert.True(IndependentLuhn(TenDigits(input)), "The row must fail on its date, not its check digit.");

        Assert.False(Personnummer.TryParse(input, Today, out _, out var error));
        Assert.Equal(NoSuchDate, error);
    }

    [Theory]
    [InlineData("20261128-1235", "2026-11-27")]
    [InlineData("202611281235", "2026-11-27")]
    [InlineData("20261188-1232", "2026-11-27")]
    [InlineData("20300101-1232", "2026-11-27")]
    [InlineData("20991231-1231", "2026-11-27")]
    [InlineData("20121212-1212", "2012-12-11")]
    [InlineData("20000301-1236", "2000-02-29")]
    public void TryParse_RejectsBirthDateInTheFuture(string input, string today)
    {
        Assert.True(IndependentLuhn(TenDigits(input)), "The row must fail on its date, not its check digit.");

        Assert.False(Personnummer.TryParse(input, Date(today), out _, out var error));
        Assert.Equal(Future, error);
    }

    [Theory]
    [InlineData("19121212-1213")]
    [InlineData("19121212-1211")]
    [InlineData("121212-1210")]
    [InlineData("1212121219")]
    [InlineData("121212+1218")]
    [InlineData("811228-9875")]
    [InlineData("19811228-9847")]
    [InlineData("19900101-1230")]
    [InlineData("19900161-1237")]
    [InlineData("19211212-1212")]
    public void TryParse_RejectsWrongCheckDigit(string input)
    {
        Assert.False(Personnummer.TryParse(input, Today, out _, out var error));
        Assert.Equal(Checksum, error);
    }

    [Theory]
    [InlineData(null, Missing)]
    [InlineData("", Missing)]
    [InlineData("   ", Missing)]
    [InlineData("\t\r\n", Missing)]
    [InlineData("121212121", WrongShape)]
    [InlineData("12121212121", WrongShape)]
    [InlineData("1912121212121", WrongShape)]
    [InlineData("19121212-121", WrongShape)]
    [InlineData("19121212-12121", WrongShape)]
    [InlineData("12121-21212", WrongShape)]
    [InlineData("1212121-212", WrongShape)]
    [InlineData("1912121212-12", WrongShape)]
    [InlineData("191212-121212", WrongShape)]
    [InlineData("-1212121212", WrongShape)]
    [InlineData("1212121212-", WrongShape)]
    [InlineData("+1212121212", WrongShape)]
    [InlineData("1212121212+", WrongShape)]
    [InlineData("121212--1212", WrongShape)]
    [InlineData("121212-+1212", WrongShape)]
    [InlineData("121212+-1212", WrongShape)]
    [InlineData("1912-1212-1212", WrongShape)]
    [InlineData("19121212-12-12", WrongShape)]
    [InlineData("1912-12-12-1212", WrongShape)]
    [InlineData("-", WrongShape)]
    [InlineData("+", WrongShape)]
    [InlineData("1", WrongShape)]
    [InlineData("12345678901234567890", WrongShape)]
    [InlineData("19121212+1212", PlusWithCentury)]
    [InlineData("191212121212+", WrongShape)]
    [InlineData("19121212 1212", InvalidCharacters)]
    [InlineData("121212 1212", InvalidCharacters)]
    [InlineData("121212 - 1212", InvalidCharacters)]
    [InlineData("1912 1212-1212", InvalidCharacters)]
    [InlineData("19121212-121A", InvalidCharacters)]
    [InlineData("A19121212-1212", InvalidCharacters)]
    [InlineData("abcdefghij", InvalidCharacters)]
    [InlineData("19121212_1212", InvalidCharacters)]
    [InlineData("19121212/1212", InvalidCharacters)]
    [InlineData("19121212.1212", InvalidCharacters)]
    [InlineData("19121212–1212", InvalidCharacters)]
    [InlineData("19121212\u22121212", InvalidCharacters)]
    [InlineData("１２１２１２-１２１２", InvalidCharacters)]
    [InlineData("١٢١٢١٢-١٢١٢", InvalidCharacters)]
    [InlineData("19121212-1212\0", InvalidCharacters)]
    [InlineData("\"19121212-1212\"", InvalidCharacters)]
    [InlineData("19 121212-1212", InvalidCharacters)]
    public void TryParse_RejectsMalformedText_WithSwedishMessage(string? input, string expectedMessage)
    {
        Assert.False(Personnummer.TryParse(input, Today, out var value, out var error));
        Assert.Equal(expectedMessage, error);
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData("19121212-1213", Checksum)]
    [InlineData("19000229-1235", NoSuchDate)]
    [InlineData("20261128-1235", Future)]
    [InlineData("", Missing)]
    [InlineData("19121212+1212", PlusWithCentury)]
    public void Parse_ThrowsDomainException_WithTheSwedishMessage(string input, string expectedMessage)
    {
        var exception = Assert.Throws<DomainException>(() => Personnummer.Parse(input, Today));

        Assert.Equal(expectedMessage, exception.Message);
    }

    [Theory]
    [InlineData("121212-1212", "20121212-1212", "20121212-****")]
    [InlineData("121212+1212", "19121212-1212", "19121212-****")]
    [InlineData("8112289874", "19811228-9874", "19811228-****")]
    [InlineData(" 199001011239 ", "19900101-1239", "19900101-****")]
    [InlineData("19900161-1236", "19900161-1236", "19900161-****")]
    [InlineData("261188-1232", "19261188-1232", "19261188-****")]
    public void Formatted_ShowsAllTwelveDigits_AndMasked_HidesTheLastFour(
        string input, string expectedFormatted, string expectedMasked)
    {
        var personnummer = Personnummer.Parse(input, Today);

        Assert.Equal(expectedFormatted, personnummer.Formatted);
        Assert.Equal(expectedMasked, personnummer.Masked);
        Assert.Equal(expectedMasked, personnummer.ToString());
    }

    [Fact]
    public void Interpolation_NeverShowsTheLastFourDigits()
    {
        var personnummer = Personnummer.Parse("19811228-9874", Today);

        var logLine = $"Beställning för {personnummer} sparad";

        Assert.Equal("Beställning för 19811228-**** sparad", logLine);
        Assert.DoesNotContain("9874", logLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_HasEmptyTexts()
    {
        var nothing = default(Personnummer);

        Assert.Equal(string.Empty, nothing.ToString());
        Assert.Equal(string.Empty, nothing.Masked);
        Assert.Equal(string.Empty, nothing.Formatted);
    }

    [Theory]
    [InlineData("19121212-1212", "191212121212", "121212+1212", " 19121212-1212\t")]
    [InlineData("20121212-1212", "201212121212", "121212-1212", "1212121212")]
    [InlineData("19900161-1236", "199001611236", "900161-1236", "9001611236")]
    public void EveryFormOfTheSameNumber_IsEqual(string a, string b, string c, string d)
    {
        var values = new[] { a, b, c, d }.Select(text => Personnummer.Parse(text, Today)).ToList();

        Assert.All(values, value => Assert.Equal(values[0], value));
        Assert.All(values, value => Assert.Equal(values[0].GetHashCode(), value.GetHashCode()));
        Assert.Single(values.ToHashSet());
    }

    [Fact]
    public void DifferentNumbers_AreNotEqual()
    {
        Assert.NotEqual(Personnummer.Parse("121212-1212", Today), Personnummer.Parse("121212+1212", Today));
        Assert.NotEqual(Personnummer.Parse("19900101-1239", Today), Personnummer.Parse("19900161-1236", Today));
    }

    [Theory]
    [InlineData("191212121212", "1912-12-12", false)]
    [InlineData("199001611236", "1990-01-01", true)]
    [InlineData("200002291235", "2000-02-29", false)]
    [InlineData("182611281235", "1826-11-28", false)]
    public void FromNormalized_ReadsBackAStoredValue(string stored, string expectedBirthDate, bool coordination)
    {
        var personnummer = Personnummer.FromNormalized(stored);

        Assert.Equal(stored, personnummer.Value);
        Assert.Equal(Date(expectedBirthDate), personnummer.BirthDate);
        Assert.Equal(coordination, personnummer.IsCoordinationNumber);
        Assert.Equal(Personnummer.Parse(personnummer.Formatted, Today), personnummer);
    }

    [Theory]
    [InlineData("")]
    [InlineData("19121212-1212")]
    [InlineData("1212121212")]
    [InlineData(" 191212121212")]
    [InlineData("1912121212120")]
    [InlineData("19121212121A")]
    [InlineData("１９１２１２１２１２１２")]
    [InlineData("191212121213")]
    [InlineData("190002291235")]
    [InlineData("199001601237")]
    [InlineData("000001011238")]
    public void FromNormalized_ThrowsArgumentException_ForBadStoredData(string stored)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => Personnummer.FromNormalized(stored));

        Assert.Equal("twelveDigits", exception.ParamName);
        if (stored.Length > 4)
        {
            Assert.DoesNotContain(stored[^4..], exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FromNormalized_ThrowsArgumentNullException_ForNull() =>
        Assert.Throws<ArgumentNullException>(() => Personnummer.FromNormalized(null!));

    [Theory]
    [InlineData("19900101-1239", "2026-11-27", 36)]
    [InlineData("19900101-1239", "1990-01-01", 0)]
    [InlineData("19900101-1239", "1990-12-31", 0)]
    [InlineData("19900101-1239", "1991-01-01", 1)]
    [InlineData("19900161-1236", "2000-01-01", 10)]
    [InlineData("19121212-1212", "2012-12-11", 99)]
    [InlineData("19121212-1212", "2012-12-12", 100)]
    [InlineData("20000229-1235", "2001-02-28", 0)]
    [InlineData("20000229-1235", "2001-03-01", 1)]
    [InlineData("20000229-1235", "2004-02-29", 4)]
    public void AgeOn_CountsCompletedYears(string input, string date, int expectedAge) =>
        Assert.Equal(expectedAge, Personnummer.Parse(input, Today).AgeOn(Date(date)));

    [Fact]
    public void AgeOn_Throws_BeforeBirth() =>
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Personnummer.Parse("19900101-1239", Today).AgeOn(new DateOnly(1989, 12, 31)));

    /// <summary>
    /// Valid numbers built here, independently of the parser: a spread of birth dates from 1905 to today (plus the
    /// leap days and century edges), serial numbers that cycle, and the check digit from the test's own Luhn.
    /// Every eighth date also gives a samordningsnummer of a nearby date.
    /// </summary>
    public static TheoryData<string, string, bool> GeneratedNumbers
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (var (value, birthDate, coordination) in Generated())
            {
                data.Add(value, Iso(birthDate), coordination);
            }

            return data;
        }
    }

    public static TheoryData<string> GeneratedValues
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var (value, _, _) in Generated())
            {
                data.Add(value);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(GeneratedNumbers))]
    public void Parse_AcceptsEveryFormOfAGeneratedNumber(string value, string birthDate, bool coordination)
    {
        var expectedBirthDate = Date(birthDate);
        var hundred = IndependentAge(expectedBirthDate, Today) >= 100;
        var tenDigits = value[2..];
        // Someone who has turned 100 has no 10-digit form without the '+'.
        string[] forms = hundred
            ? [value, $"{value[..8]}-{value[8..]}", $"{tenDigits[..6]}+{tenDigits[6..]}"]
            : [value, $"{value[..8]}-{value[8..]}", $"{tenDigits[..6]}-{tenDigits[6..]}", tenDigits];

        foreach (var form in forms)
        {
            Assert.True(Personnummer.TryParse(form, Today, out var parsed, out var error), $"{form}: {error}");
            Assert.Equal(value, parsed.Value);
            Assert.Equal(expectedBirthDate, parsed.BirthDate);
            Assert.Equal(coordination, parsed.IsCoordinationNumber);
            Assert.Equal($"{value[..8]}-****", parsed.ToString());
        }

        if (hundred)
        {
            // Without the '+' the same ten digits belong to someone a century younger.
            Assert.False(Personnummer.TryParse(tenDigits, Today, out var younger, out _) && younger.Value == value);
        }
    }

    [Theory]
    [MemberData(nameof(GeneratedValues))]
    public void TryParse_RejectsEveryOtherCheckDigit_AndEverySingleDigitSlip(string value)
    {
        var hundred = IndependentAge(IndependentBirthDate(value), Today) >= 100;
        var twelve = value.ToCharArray();
        var checkDigit = value[^1];
        var rejectedCheckDigits = 0;
        for (var digit = '0'; digit <= '9'; digit++)
        {
            if (digit == checkDigit)
            {
                continue;
            }

            twelve[^1] = digit;
            var wrong = new string(twelve);
            Assert.False(Personnummer.TryParse(wrong, Today, out _, out var error));
            Assert.Equal(Checksum, error);
            Assert.False(Personnummer.TryParse(Form10(wrong, hundred), Today, out _, out error));
            Assert.Equal(Checksum, error);
            rejectedCheckDigits++;
        }

        Assert.Equal(9, rejectedCheckDigits);
        Assert.True(Personnummer.IsValidChecksum(value[2..]));

        // Luhn catches every single-digit slip after the century, whatever rule speaks first.
        for (var position = 2; position < 11; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                twelve = value.ToCharArray();
                if (twelve[position] == digit)
                {
                    continue;
                }

                twelve[position] = digit;
                var slip = new string(twelve);
                Assert.False(Personnummer.TryParse(slip, Today, out _, out _), slip);
                Assert.False(Personnummer.TryParse(Form10(slip, hundred), Today, out _, out _), slip);
            }
        }
    }

    [Theory]
    [InlineData("1212121212", true)]
    [InlineData("8112289874", true)]
    [InlineData("0000000000", true)]
    [InlineData("1212121213", false)]
    [InlineData("9001011230", false)]
    [InlineData("121212121", false)]
    [InlineData("191212121212", false)]
    [InlineData("121212-121", false)]
    [InlineData("１２１２１２１２１２", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidChecksum_ChecksOnlyTheLuhnDigitOfTenDigits(string? tenDigits, bool expected) =>
        Assert.Equal(expected, Personnummer.IsValidChecksum(tenDigits));

    [Fact]
    public void TryParse_NeverThrows_AndEveryAcceptedValueRoundTrips()
    {
        var random = new Random(4711);
        const string alphabet = "0123456789-+ aBxZ";
        var accepted = 0;
        var messages = new HashSet<string>();
        for (var i = 0; i < 5000; i++)
        {
            // Half purely random, half a valid number with a few random slips, so that both sides are exercised.
            var text = i % 2 == 0 ? RandomText(random, alphabet) : Slip(random, alphabet, RandomValidForm(random));

            if (!Personnummer.TryParse(text, Today, out var value, out var error))
            {
                Assert.Contains(error, AllMessages);
                messages.Add(error);
                continue;
            }

            accepted++;
            Assert.Equal(value, Personnummer.Parse(value.Formatted, Today));
            Assert.Equal(value, Personnummer.Parse(value.Value, Today));
            Assert.Equal(value, Personnummer.FromNormalized(value.Value));
            Assert.Matches("^[0-9]{12}$", value.Value);
            Assert.True(IndependentLuhn(value.Value[2..]), text);
            Assert.True(value.BirthDate <= Today, text);
            Assert.EndsWith(text.Trim().Replace("-", string.Empty, StringComparison.Ordinal)
                .Replace("+", string.Empty, StringComparison.Ordinal), value.Value, StringComparison.Ordinal);
            var digits = text.Count(char.IsAsciiDigit);
            if (digits == 10)
            {
                var hundred = IndependentAge(value.BirthDate, Today) >= 100;
                Assert.Equal(text.Contains('+', StringComparison.Ordinal), hundred);
            }
        }

        // Guards the test itself: the generator must reach acceptance and every rule's message.
        Assert.True(accepted > 500, $"Only {accepted} values were accepted.");
        Assert.Equal(AllMessages.Order(StringComparer.Ordinal), messages.Order(StringComparer.Ordinal));
    }

    private static string RandomText(Random random, string alphabet)
    {
        var text = new StringBuilder();
        for (var length = random.Next(0, 17); length > 0; length--)
        {
            // Digits carry most of the weight, as they do in what people type.
            text.Append(random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : (char)('0' + random.Next(10)));
        }

        return text.ToString();
    }

    private static string RandomValidForm(Random random)
    {
        var first = new DateOnly(1905, 1, 1);
        var birth = first.AddDays(random.Next(Today.DayNumber - first.DayNumber + 1));
        var value = Build(birth, random.Next(1000).ToString("D3", CultureInfo.InvariantCulture), random.Next(5) == 0);
        var separator = IndependentAge(birth, Today) >= 100 ? "+" : "-";
        return random.Next(4) switch
        {
            0 => value,
            1 => $"{value[..8]}-{value[8..]}",
            2 => $"{value[2..8]}{separator}{value[8..]}",
            _ => separator == "+" ? $"{value[2..8]}+{value[8..]}" : value[2..],
        };
    }

    private static string Slip(Random random, string alphabet, string valid)
    {
        var text = new StringBuilder(valid);
        for (var slips = random.Next(0, 3); slips > 0; slips--)
        {
            var at = random.Next(text.Length + 1);
            var character = alphabet[random.Next(alphabet.Length)];
            switch (random.Next(3))
            {
                case 0 when at < text.Length:
                    text[at] = character;
                    break;
                case 1 when at < text.Length:
                    text.Remove(at, 1);
                    break;
                default:
                    if (text.Length < 16)
                    {
                        text.Insert(at, character);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static IEnumerable<DateOnly> Dates(DateOnly from, DateOnly to, int stepDays)
    {
        for (var date = from; date <= to; date = date.AddDays(stepDays))
        {
            yield return date;
        }
    }

    private static string Build(DateOnly birth, string serial, bool coordination)
    {
        var day = birth.Day + (coordination ? 60 : 0);
        var nine = string.Create(
            CultureInfo.InvariantCulture, $"{birth.Year % 100:D2}{birth.Month:D2}{day:D2}{serial}");
        var check = Enumerable.Range(0, 10)
            .Single(d => IndependentLuhn(nine + d.ToString(CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture, $"{birth.Year / 100:D2}{nine}{check}");
    }

    private static IEnumerable<(string Value, DateOnly BirthDate, bool Coordination)> Generated()
    {
        DateOnly[] edges =
        [
            new(1905, 1, 1), new(1908, 2, 29), new(1926, 11, 27), new(1926, 11, 28), new(1999, 12, 31),
            new(2000, 1, 1), new(2000, 2, 29), new(2024, 2, 29), new(2025, 12, 31), Today,
        ];
        var dates = edges.Concat(Dates(new DateOnly(1905, 1, 3), Today, stepDays: 211)).ToList();
        for (var i = 0; i < dates.Count; i++)
        {
            var serial = Serials[i % Serials.Length];
            yield return (Build(dates[i], serial, coordination: false), dates[i], false);
            if (i % 8 == 0)
            {
                var other = dates[i].AddDays(-(i % 31));
                yield return (Build(other, serial, coordination: true), other, true);
            }
        }
    }

    // The 10-digit form of a 12-digit text, with the separator that the original valid number needs today.
    private static string Form10(string twelve, bool hundred) =>
        hundred ? $"{twelve[2..8]}+{twelve[8..]}" : twelve[2..];

    private static DateOnly IndependentBirthDate(string value)
    {
        var day = int.Parse(value[6..8], CultureInfo.InvariantCulture);
        return new DateOnly(
            int.Parse(value[..4], CultureInfo.InvariantCulture),
            int.Parse(value[4..6], CultureInfo.InvariantCulture),
            day > 60 ? day - 60 : day);
    }

    // Classic right-to-left Luhn over all ten digits, unlike the parser's left-to-right weights.
    private static bool IndependentLuhn(string tenDigits)
    {
        var sum = 0;
        for (var fromRight = 0; fromRight < tenDigits.Length; fromRight++)
        {
            var digit = tenDigits[tenDigits.Length - 1 - fromRight] - '0';
            if (fromRight % 2 == 1)
            {
                digit *= 2;
            }

            sum += (digit / 10) + (digit % 10);
        }

        return sum % 10 == 0;
    }

    private static int IndependentAge(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return (on.Month, on.Day).CompareTo((birth.Month, birth.Day)) < 0 ? age - 1 : age;
    }

    private static string TenDigits(string text)
    {
        var digits = string.Concat(text.Where(char.IsAsciiDigit));
        return digits[^10..];
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("561203512", 0)]
    [InlineData("900101123", 9)]
    public void CheckDigit_IsTheDigitThatParses(string nine, int expected)
    {
        var today = new DateOnly(2026, 11, 29);

        Assert.Equal(expected, Personnummer.CheckDigit(nine));
        Assert.True(Personnummer.TryParse(nine + expected.ToString(CultureInfo.InvariantCulture), today, out _, out _));
    }
}
