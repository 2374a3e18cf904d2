using SocItConsole.Shared.Common;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Shared.People;

public class PersonNameTests
{
    private static Employee Lisa() => new("Lisa Andersson", Personnummer.FromNormalized("199001011239"));

    [Theory]
    [InlineData("Lisa Andersson", false, "Lisa Andersson")]
    [InlineData("Lisa Andersson", true, "Skyddad person")]
    [InlineData("", true, "Skyddad person")]
    public void Shown_IsTheName_OrSkyddadPerson(string name, bool isProtected, string expected) =>
        Assert.Equal(expected, PersonName.Shown(name, isProtected));

    [Fact]
    public void MaskIn_ReplacesEveryProtectedName_LongestFirst()
    {
        var text = "- Lisa Andersson: Lifecare\n- Lisa Andersson Berg: Appva\n- Per Ek: DF";

        var masked = PersonName.MaskIn(text, ["Lisa Andersson", "Lisa Andersson Berg"]);

        Assert.Equal("- Skyddad person: Lifecare\n- Skyddad person: Appva\n- Per Ek: DF", masked);
    }

    [Fact]
    public void MaskIn_LeavesTheText_WhenNoOneIsProtected() =>
        Assert.Equal("- Per Ek: DF", PersonName.MaskIn("- Per Ek: DF", ["", " "]));

    [Fact]
    public void Protect_HidesTheShownName_AndKeepsTheReason()
    {
        var employee = Lisa();

        employee.Protect("  Sekretessmarkering enligt Skatteverket  ");

        Assert.True(employee.IsProtected);
        Assert.Equal("Sekretessmarkering enligt Skatteverket", employee.ProtectionReason);
        Assert.Equal("Skyddad person", employee.ShownName);
        Assert.Equal("Lisa Andersson", employee.FullName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Protect_Fails_WithoutAReason(string? reason)
    {
        var employee = Lisa();

        var e = Assert.Throws<DomainException>(() => employee.Protect(reason!));

        Assert.Equal("Skälet måste anges.", e.Message);
        Assert.False(employee.IsProtected);
    }

    [Fact]
    public void Protect_Fails_WhenAlreadyProtected()
    {
        var employee = Lisa();
        employee.Protect("Skyddad folkbokföring");

        Assert.Throws<DomainException>(() => employee.Protect("igen"));
    }

    [Fact]
    public void Unprotect_ShowsTheNameAgain_AndNeedsAReason()
    {
        var employee = Lisa();
        employee.Protect("Skyddad folkbokföring");

        Assert.Throws<DomainException>(() => employee.Unprotect(" "));
        employee.Unprotect("Skyddet har upphört enligt Skatteverket");

        Assert.False(employee.IsProtected);
        Assert.Equal("Lisa Andersson", employee.ShownName);
        Assert.Equal("Skyddet har upphört enligt Skatteverket", employee.ProtectionReason);
    }

    [Fact]
    public void Unprotect_Fails_WhenNotProtected() =>
        Assert.Throws<DomainException>(() => Lisa().Unprotect("skäl"));
}
