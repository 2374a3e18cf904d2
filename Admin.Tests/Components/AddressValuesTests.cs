using SocItConsole.Admin.Components;
using SocItConsole.Admin.Features.FollowUps;

namespace SocItConsole.Admin.Tests.Components;

public class AddressValuesTests
{
    [Theory]
    [InlineData("Decided", FollowUpFilter.Decided)]
    [InlineData("decided", FollowUpFilter.Decided)]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("Beslutade", null)]
    [InlineData("999", null)]
    [InlineData("-1", null)]
    public void EnumOf_IsTheNamedMember_AndNothingForATypoOrANumberOfNoMember(string? value, FollowUpFilter? expected) =>
        Assert.Equal(expected, AddressValues.EnumOf<FollowUpFilter>(value));

    [Fact]
    public void EnumOf_CanTakeTheNameAsWrittenOnly() =>
        Assert.Null(AddressValues.EnumOf<FollowUpFilter>("decided", ignoreCase: false));
}
