using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Tests.Shared.Common;

public class TextTests
{
    [Fact]
    public void Required_TrimsValue() => Assert.Equal("Hemtjänst", Text.Required("  Hemtjänst ", 20, "Området"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Required_Fails_WhenMissing(string? value)
    {
        var error = Assert.Throws<DomainException>(() => Text.Required(value, 20, "Området"));
        Assert.Equal("Området måste anges.", error.Message);
    }

    [Fact]
    public void Required_Fails_WhenLongerThanMax()
    {
        var error = Assert.Throws<DomainException>(() => Text.Required(new string('x', 21), 20, "Området"));
        Assert.Equal("Området får vara högst 20 tecken.", error.Message);
    }

    [Fact]
    public void Required_Accepts_ExactlyMaxLength() => Assert.Equal(20, Text.Required(new string('x', 20), 20, "Området").Length);

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Optional_ReturnsNull_WhenEmpty(string? value) => Assert.Null(Text.Optional(value, 10, "Beskrivningen"));

    [Fact]
    public void Optional_StillChecksLength() =>
        Assert.Throws<DomainException>(() => Text.Optional(new string('x', 11), 10, "Beskrivningen"));
}
