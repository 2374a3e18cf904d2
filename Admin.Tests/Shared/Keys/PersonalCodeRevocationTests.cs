using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;

namespace SocItConsole.Admin.Tests.Shared.Keys;

/// <summary>The personal code revoked when the person's last employment ends, and given anew on a later one.</summary>
public class PersonalCodeRevocationTests
{
    private static readonly Actor Operator = new("op-1", "Olle Operatör");
    private static readonly DateTimeOffset T0 = new(2026, 12, 31, 16, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Revoke_DropsTheHash_SoTheOldCodeNoLongerVerifies_AndSaysWhoAndWhen()
    {
        var personal = PersonalCode.Issue(41, Operator, T0.AddYears(-1), out var code);

        personal.Revoke(Operator, T0);

        Assert.False(personal.Verify(code));
        Assert.True(personal.IsRevoked);
        Assert.Equal((T0.ToUniversalTime(), "Olle Operatör", 1), (personal.RevokedAt!.Value, personal.RevokedByName, personal.Version));
    }

    [Fact]
    public void ARevokedCode_CannotBeReset_OnlyGivenAnew_AsANewVersion()
    {
        var personal = PersonalCode.Issue(41, Operator, T0.AddYears(-1), out _);
        personal.Revoke(Operator, T0);

        var error = Assert.Throws<DomainException>(() => personal.Reset(Operator, T0, PersonalCodeResetReason.Forgotten, out _));
        personal.Reissue(Operator, T0.AddMonths(6), out var code);

        Assert.Equal("Koden är spärrad eftersom anställningen upphörde. Ge en ny kod i stället.", error.Message);
        Assert.True(personal.Verify(code));
        Assert.Equal((false, 2), (personal.IsRevoked, personal.Version));
    }

    [Fact]
    public void AValidCode_IsNotGivenAnew()
    {
        var personal = PersonalCode.Issue(41, Operator, T0, out _);

        Assert.Throws<DomainException>(() => personal.Reissue(Operator, T0, out _));
    }
}
