using SocItConsole.Shared.Common;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Tests.Shared.Reviews;

public class ReviewAccessTests
{
    private static readonly EmailAddress[] CentrumManagers =
        [EmailAddress.Parse("anna.lindqvist@kommun.example"), EmailAddress.Parse("bo.berg@kommun.example")];

    [Theory]
    [InlineData("anna.lindqvist@kommun.example", true)]
    [InlineData(" Anna.Lindqvist@Kommun.Example ", true)] // the same mailbox, spelled otherwise
    [InlineData("bo.berg@kommun.example", true)]
    [InlineData("cecilia.chef@kommun.example", false)]     // manages another unit
    public void MayAnswer_OnlyAManagerOfTheUnit(string email, bool expected) =>
        Assert.Equal(expected, ReviewAccess.MayAnswer(EmailAddress.Parse(email), CentrumManagers));

    [Fact]
    public void MayAnswer_IsFalse_ForAUnitWithoutManagers() =>
        Assert.False(ReviewAccess.MayAnswer(EmailAddress.Parse("anna.lindqvist@kommun.example"), []));

    [Fact]
    public void MayAnswer_IsFalse_ForNoAddress() =>
        Assert.False(ReviewAccess.MayAnswer(default, CentrumManagers));
}
