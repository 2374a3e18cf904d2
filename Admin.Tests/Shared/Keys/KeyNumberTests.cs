using System.Text;
using System.Text.RegularExpressions;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;

namespace SocItConsole.Admin.Tests.Shared.Keys;

public partial class KeyNumberTests
{
    private const string Missing = "Nyckelnummer saknas.";
    private const string WrongShape = "Nyckelnumret ska vara 6–8 siffror (står på nyckelbladet).";

    [Theory]
    [InlineData("123456", "123456")]
    [InlineData("000001", "000001")]
    [InlineData("000000", "000000")]
    [InlineData("999999", "999999")]
    [InlineData("1234567", "1234567")]
    [InlineData("0000000", "0000000")]
    [InlineData("0123456", "0123456")]
    [InlineData("12345678", "12345678")]
    [InlineData("00000000", "00000000")]
    [InlineData("00123456", "00123456")]
    [InlineData(" 012345 ", "012345")]
    [InlineData("\t01234567\r\n", "01234567")]
    [InlineData("\u00A0987654\u00A0", "987654")]
    public void Parse_KeepsTheDigitsAsPrinted(string input, string expected)
    {
        var key = KeyNumber.Parse(input);

        Assert.Equal(expected, key.Value);
        Assert.Equal(expected, key.ToString());
    }

    [Theory]
    [InlineData(null, Missing)]
    [InlineData("", Missing)]
    [InlineData("   ", Missing)]
    [InlineData("\t\n", Missing)]
    [InlineData("1", WrongShape)]
    [InlineData("12345", WrongShape)]
    [InlineData("01234", WrongShape)]
    [InlineData("123456789", WrongShape)]
    [InlineData("000000000", WrongShape)]
    [InlineData("12345A", WrongShape)]
    [InlineData("A123456", WrongShape)]
    [InlineData("ABCDEF", WrongShape)]
    [InlineData("123-456", WrongShape)]
    [InlineData("123 456", WrongShape)]
    [InlineData("12 34 56 78", WrongShape)]
    [InlineData("123.456", WrongShape)]
    [InlineData("123,456", WrongShape)]
    [InlineData("123456-", WrongShape)]
    [InlineData("-123456", WrongShape)]
    [InlineData("+123456", WrongShape)]
    [InlineData("1e6000", WrongShape)]
    [InlineData("0x1234", WrongShape)]
    [InlineData("１２３４５６", WrongShape)]
    [InlineData("١٢٣٤٥٦", WrongShape)]
    [InlineData("123456\0", WrongShape)]
    public void TryParse_RejectsWithSwedishMessage(string? input, string expectedMessage)
    {
        Assert.False(KeyNumber.TryParse(input, out var value, out var error));
        Assert.Equal(expectedMessage, error);
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData("12345", WrongShape)]
    [InlineData("", Missing)]
    public void Parse_ThrowsDomainException_WithTheSwedishMessage(string input, string expectedMessage)
    {
        var exception = Assert.Throws<DomainException>(() => KeyNumber.Parse(input));

        Assert.Equal(expectedMessage, exception.Message);
    }

    [Fact]
    public void LeadingZeros_AreSignificant()
    {
        Assert.NotEqual(KeyNumber.Parse("012345"), KeyNumber.Parse("0012345"));
        Assert.NotEqual(KeyNumber.Parse("0123456"), KeyNumber.Parse("1234560"));
        Assert.Equal(KeyNumber.Parse(" 012345"), KeyNumber.Parse("012345 "));
    }

    [Fact]
    public void Default_HasAnEmptyText() => Assert.Equal(string.Empty, default(KeyNumber).ToString());

    [Fact]
    public void TryParse_NeverThrows_AndAcceptsExactlySixToEightDigits()
    {
        var random = new Random(4711);
        const string alphabet = "0123456789-+ aBxZ";
        var accepted = 0;
        for (var i = 0; i < 5000; i++)
        {
            var text = new StringBuilder();
            for (var length = random.Next(0, 17); length > 0; length--)
            {
                text.Append(random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : (char)('0' + random.Next(10)));
            }

            var input = text.ToString();

            var ok = KeyNumber.TryParse(input, out var value, out var error);

            Assert.Equal(SixToEightDigits().IsMatch(input.Trim()), ok);
            if (ok)
            {
                accepted++;
                Assert.Null(error);
                Assert.Equal(input.Trim(), value.Value);
                Assert.Equal(value, KeyNumber.Parse(value.Value));
                Assert.Equal(value, KeyNumber.Parse(value.ToString()));
            }
            else
            {
                Assert.Contains(error, new[] { Missing, WrongShape });
            }
        }

        // Guards the test itself: random text must be accepted often enough to exercise the round trip.
        Assert.True(accepted > 100, $"Only {accepted} values were accepted.");
    }

    [GeneratedRegex("^[0-9]{6,8}$")]
    private static partial Regex SixToEightDigits();
}
