using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Tests.Shared.Common;

public class EmailAddressTests
{
    [Theory]
    [InlineData("anna.lindqvist@kommun.example", "anna.lindqvist@kommun.example")]
    [InlineData("  Anna.Lindqvist@Kommun.Example ", "anna.lindqvist@kommun.example")]
    [InlineData("a@b.se", "a@b.se")]
    [InlineData("förnamn.efternamn@kommun.se", "förnamn.efternamn@kommun.se")]
    [InlineData("x+tag@sub.domain.example", "x+tag@sub.domain.example")]
    public void Parse_NormalisesToTrimmedLowerCase(string input, string expected) =>
        Assert.Equal(expected, EmailAddress.Parse(input).Value);

    [Theory]
    [InlineData(null, "E-postadress saknas.")]
    [InlineData("", "E-postadress saknas.")]
    [InlineData("   ", "E-postadress saknas.")]
    [InlineData("anna", "inte en giltig e-postadress")]
    [InlineData("@kommun.se", "inte en giltig e-postadress")]
    [InlineData("anna@", "inte en giltig e-postadress")]
    [InlineData("anna@kommun", "inte en giltig e-postadress")]
    [InlineData("anna@@kommun.se", "inte en giltig e-postadress")]
    [InlineData("anna@kommun..se", "inte en giltig e-postadress")]
    [InlineData("anna@.kommun.se", "inte en giltig e-postadress")]
    [InlineData("anna@kommun.se.", "inte en giltig e-postadress")]
    [InlineData("anna lindqvist@kommun.se", "inte en giltig e-postadress")]
    [InlineData("anna@kom mun.se", "inte en giltig e-postadress")]
    [InlineData("Anna <anna@kommun.se>", "inte en giltig e-postadress")]
    [InlineData("anna@kommun.se;erik@kommun.se", "inte en giltig e-postadress")]
    [InlineData("anna\n@kommun.se", "inte en giltig e-postadress")]
    public void TryParse_RejectsWithSwedishMessage(string? input, string expectedMessagePart)
    {
        Assert.False(EmailAddress.TryParse(input, out _, out var error));
        Assert.Contains(expectedMessagePart, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_RejectsAddressLongerThanMaxLength()
    {
        var tooLong = new string('a', 60) + "@" + new string('b', EmailAddress.MaxLength) + ".se";

        Assert.False(EmailAddress.TryParse(tooLong, out _, out var error));
        Assert.Contains("högst 254 tecken", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_RejectsLocalPartLongerThan64()
    {
        Assert.False(EmailAddress.TryParse(new string('a', 65) + "@kommun.se", out _, out _));
        Assert.True(EmailAddress.TryParse(new string('a', 64) + "@kommun.se", out _, out _));
    }

    [Fact]
    public void Parse_ThrowsDomainException_ForInvalidAddress() =>
        Assert.Throws<DomainException>(() => EmailAddress.Parse("inte-en-adress"));

    [Fact]
    public void TwoSpellingsOfTheSameMailbox_AreEqual() =>
        Assert.Equal(EmailAddress.Parse("ERIK@kommun.example"), EmailAddress.Parse("erik@KOMMUN.example"));
}
