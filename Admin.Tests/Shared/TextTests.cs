using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Tests.Shared;

/// <summary>Text that no database can keep the same way is refused in Swedish before it reaches one.</summary>
public class TextTests
{
    [Theory]
    [InlineData("Åsa Öberg-Ängström", false, null)]
    [InlineData("Familj 😀👩‍👩‍👧‍👦", false, null)]
    [InlineData("Rad ett\nRad två\tmed tabb", true, null)]
    [InlineData("Rad ett\nRad två", false, "får inte innehålla styrtecken.")]
    [InlineData("Anna\0Berg", false, "får inte innehålla styrtecken.")]
    [InlineData("Anna\0Berg", true, "får inte innehålla styrtecken.")]
    [InlineData("\u007F", true, "får inte innehålla styrtecken.")]
    public void Unstorable_RefusesControlCharactersAndHalfSurrogates(string value, bool multiline, string? problem) =>
        Assert.Equal(problem, Text.Unstorable(value, multiline));

    /// <summary>Half a surrogate pair cannot travel through attribute data whole, so these are written out here.</summary>
    [Fact]
    public void Unstorable_RefusesHalfASurrogatePair_AnywhereInTheText()
    {
        Assert.Equal("innehåller ett ogiltigt tecken.", Text.Unstorable("\uD800", multiline: false));
        Assert.Equal("innehåller ett ogiltigt tecken.", Text.Unstorable("\uDC00abc", multiline: true));
        Assert.Equal("innehåller ett ogiltigt tecken.", Text.Unstorable("abc\uD83D", multiline: false));
        Assert.Null(Text.Unstorable("abc\uD83D\uDE00", multiline: false));
    }

    [Fact]
    public void Required_NamesTheFieldInTheRefusal()
    {
        var refused = Assert.Throws<DomainException>(() => Text.Required("Hem\u0001tjänst", 80, "Verksamhetens namn"));
        Assert.Equal("Verksamhetens namn får inte innehålla styrtecken.", refused.Message);
    }
}
