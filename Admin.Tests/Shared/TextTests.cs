using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Tests.Shared;

/// <summary>Text that no database can keep the same way is refused in Swedish before it reaches one.</summary>
public class TextTests
{
    [Theory]
    [InlineData("Åsa Öberg-Ängström")]
    [InlineData("Familj 😀👩‍👩‍👧‍👦")]
    [InlineData("Rad ett\nRad två\tmed tabb\u0001\u007F")]
    public void Unstorable_KeepsWhatEveryDatabaseStores(string value) => Assert.Null(Text.Unstorable(value));

    /// <summary>NUL and half a surrogate pair cannot travel through attribute data whole, so these are written out here.</summary>
    [Fact]
    public void Unstorable_RefusesNul_AndHalfASurrogatePair_AnywhereInTheText()
    {
        Assert.Equal("innehåller ett ogiltigt tecken.", Text.Unstorable("Anna\0Berg"));
        Assert.Equal("innehåller ett ogiltigt tecken.", Text.Unstorable("\uD800"));
        Assert.Equal("innehåller ett ogiltigt tecken.", Text.Unstorable("\uDC00abc"));
        Assert.Equal("innehåller ett ogiltigt tecken.", Text.Unstorable("abc\uD83D"));
        Assert.Null(Text.Unstorable("abc\uD83D\uDE00"));
    }

    [Fact]
    public void Required_NamesTheFieldInTheRefusal()
    {
        var refused = Assert.Throws<DomainException>(() => Text.Required("Hem\0tjänst", 80, "Verksamhetens namn"));
        Assert.Equal("Verksamhetens namn innehåller ett ogiltigt tecken.", refused.Message);
    }
}
