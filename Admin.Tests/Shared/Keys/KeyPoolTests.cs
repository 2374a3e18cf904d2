using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;

namespace SocItConsole.Admin.Tests.Shared.Keys;

public class KeyPoolTests
{
    private const int Anna = 11;
    private const int Bo = 12;

    private static readonly DateOnly March1 = new(2025, 3, 1);

    [Fact]
    public void New_TrimsName_AndStartsEmpty()
    {
        var pool = new KeyPool(3, "  Hemtjänst Norr  ");

        Assert.Equal(3, pool.UnitId);
        Assert.Equal("Hemtjänst Norr", pool.Name);
        Assert.Empty(pool.Members);
    }

    [Theory]
    [InlineData(null, "Poolens namn måste anges.")]
    [InlineData("  ", "Poolens namn måste anges.")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "Poolens namn får vara högst 80 tecken.")]
    public void New_Fails_WithBadName(string? name, string message)
    {
        var error = Assert.Throws<DomainException>(() => new KeyPool(3, name!));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void New_AcceptsNameOfMaxLength() =>
        Assert.Equal(KeyPool.NameMaxLength, new KeyPool(3, new string('x', KeyPool.NameMaxLength)).Name.Length);

    [Fact]
    public void AddMember_MakesEmployeeMemberFromThatDay()
    {
        var pool = new KeyPool(3, "Pool");

        pool.AddMember(Anna, March1);

        var membership = Assert.Single(pool.Members);
        Assert.Equal(Anna, membership.EmployeeId);
        Assert.Equal(March1, membership.From);
        Assert.Null(membership.To);
        Assert.False(pool.IsMember(Anna, March1.AddDays(-1)));
        Assert.True(pool.IsMember(Anna, March1));
        Assert.True(pool.IsMember(Anna, March1.AddYears(5)));
        Assert.False(pool.IsMember(Bo, March1));
    }

    [Fact]
    public void AddMember_Fails_WhileMembershipIsOpen()
    {
        var pool = new KeyPool(3, "Pool");
        pool.AddMember(Anna, March1);

        var error = Assert.Throws<DomainException>(() => pool.AddMember(Anna, March1.AddDays(10)));

        Assert.Equal("Personen är redan med i nyckelpoolen Pool.", error.Message);
        Assert.Single(pool.Members);
    }

    [Fact]
    public void AddMember_Fails_WhenNewStartOverlapsEndedMembership()
    {
        var pool = new KeyPool(3, "Pool");
        pool.AddMember(Anna, March1);
        pool.EndMembership(Anna, March1.AddDays(10));

        var error = Assert.Throws<DomainException>(() => pool.AddMember(Anna, March1.AddDays(10)));

        Assert.Equal("Personen är redan med i nyckelpoolen Pool.", error.Message);
    }

    [Fact]
    public void AddMember_AgainAfterEnded_StartsSecondMembership()
    {
        var pool = new KeyPool(3, "Pool");
        pool.AddMember(Anna, March1);
        pool.EndMembership(Anna, March1.AddDays(10));

        pool.AddMember(Anna, March1.AddDays(20));

        Assert.Equal(2, pool.Members.Count);
        Assert.True(pool.IsMember(Anna, March1.AddDays(5)));
        Assert.False(pool.IsMember(Anna, March1.AddDays(15)));
        Assert.True(pool.IsMember(Anna, March1.AddDays(20)));
    }

    [Fact]
    public void EndMembership_EndsOnTheLastDay()
    {
        var pool = new KeyPool(3, "Pool");
        pool.AddMember(Anna, March1);
        pool.AddMember(Bo, March1);

        pool.EndMembership(Anna, March1.AddDays(10));

        Assert.Equal(March1.AddDays(10), pool.Members.Single(m => m.EmployeeId == Anna).To);
        Assert.True(pool.IsMember(Anna, March1.AddDays(10)));
        Assert.False(pool.IsMember(Anna, March1.AddDays(11)));
        Assert.True(pool.IsMember(Bo, March1.AddDays(11)));
    }

    [Fact]
    public void EndMembership_OnFirstDay_KeepsOneDay()
    {
        var pool = new KeyPool(3, "Pool");
        pool.AddMember(Anna, March1);

        pool.EndMembership(Anna, March1);

        Assert.True(pool.IsMember(Anna, March1));
        Assert.False(pool.IsMember(Anna, March1.AddDays(1)));
    }

    [Fact]
    public void EndMembership_Fails_WhenNotAMember()
    {
        var pool = new KeyPool(3, "Pool");

        var error = Assert.Throws<DomainException>(() => pool.EndMembership(Anna, March1));

        Assert.Equal("Personen är inte med i nyckelpoolen Pool.", error.Message);
    }

    [Fact]
    public void EndMembership_Fails_Twice()
    {
        var pool = new KeyPool(3, "Pool");
        pool.AddMember(Anna, March1);
        pool.EndMembership(Anna, March1.AddDays(3));

        var error = Assert.Throws<DomainException>(() => pool.EndMembership(Anna, March1.AddDays(5)));

        Assert.Equal("Personen är inte med i nyckelpoolen Pool.", error.Message);
        Assert.Equal(March1.AddDays(3), pool.Members[0].To);
    }

    [Fact]
    public void EndMembership_Fails_BeforeItStarted()
    {
        var pool = new KeyPool(3, "Pool");
        pool.AddMember(Anna, March1);

        var error = Assert.Throws<DomainException>(() => pool.EndMembership(Anna, March1.AddDays(-1)));

        Assert.Equal("Sista dagen i nyckelpoolen kan inte vara före första dagen (2025-03-01).", error.Message);
        Assert.Null(pool.Members[0].To);
    }
}
