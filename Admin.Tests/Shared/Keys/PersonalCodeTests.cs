using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;

namespace SocItConsole.Admin.Tests.Shared.Keys;

public class PersonalCodeTests
{
    private const int EmployeeId = 41;

    private static readonly Actor Operator = new("op-1", "Olle Operatör");
    private static readonly Actor Second = new("op-2", "Stina Sköterska");
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Issue_ReturnsSixDigitCode_ThatVerifies()
    {
        var personal = PersonalCode.Issue(EmployeeId, Operator, T0, out var code);

        Assert.Matches("^[0-9]{6}$", code);
        Assert.True(personal.Verify(code));
        Assert.Equal(EmployeeId, personal.EmployeeId);
        Assert.Equal(1, personal.Version);
        Assert.Equal("Olle Operatör", personal.IssuedByName);
        Assert.Equal(T0, personal.IssuedAt);
        Assert.Equal(TimeSpan.Zero, personal.IssuedAt.Offset);
    }

    [Fact]
    public void Issue_StoresBase64SaltAndHash_NotTheCode()
    {
        var personal = PersonalCode.Issue(EmployeeId, Operator, T0, out var code);

        Assert.Equal(PersonalCode.SaltSize, Convert.FromBase64String(personal.Salt).Length);
        Assert.Equal(PersonalCode.HashSize, Convert.FromBase64String(personal.Hash).Length);
        Assert.NotEqual(code, personal.Hash);
        Assert.DoesNotContain(code, personal.Hash, StringComparison.Ordinal);
        Assert.DoesNotContain(code, personal.Salt, StringComparison.Ordinal);
        Assert.True(PersonalCode.Iterations >= 100_000);
    }

    [Fact]
    public void Verify_RefusesWrongCode()
    {
        var personal = PersonalCode.Issue(EmployeeId, Operator, T0, out var code);
        var wrong = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000)
            .ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(personal.Verify(wrong));
        Assert.False(personal.Verify(code + "0"));
        Assert.False(personal.Verify(" " + code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_RefusesMissingCode(string? code) =>
        Assert.False(PersonalCode.Issue(EmployeeId, Operator, T0, out _).Verify(code));

    [Fact]
    public void TwoIssues_HaveDifferentSaltsAndHashes()
    {
        var first = PersonalCode.Issue(EmployeeId, Operator, T0, out _);
        var second = PersonalCode.Issue(EmployeeId, Operator, T0, out _);

        Assert.NotEqual(first.Salt, second.Salt);
        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Fact]
    public void ToString_ContainsNeitherCodeNorHash()
    {
        var personal = PersonalCode.Issue(EmployeeId, Operator, T0, out var code);

        var text = personal.ToString();

        Assert.Equal("Personlig kod för anställd 41, version 1", text);
        Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        Assert.DoesNotContain(personal.Hash, text, StringComparison.Ordinal);
        Assert.DoesNotContain(personal.Salt, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PersonalCodeResetReason.Forgotten)]
    [InlineData(PersonalCodeResetReason.NotWorking)]
    public void Reset_GivesNewCodeAndHash_AndOldCodeStopsWorking(PersonalCodeResetReason reason)
    {
        var personal = PersonalCode.Issue(EmployeeId, Operator, T0, out var oldCode);
        var oldHash = personal.Hash;
        var oldSalt = personal.Salt;

        personal.Reset(Second, T0.AddDays(7), reason, out var newCode);

        Assert.Matches("^[0-9]{6}$", newCode);
        Assert.True(personal.Verify(newCode));
        Assert.Equal(oldCode == newCode, personal.Verify(oldCode));
        Assert.NotEqual(oldHash, personal.Hash);
        Assert.NotEqual(oldSalt, personal.Salt);
        Assert.DoesNotContain(newCode, personal.Hash, StringComparison.Ordinal);
        Assert.Equal(2, personal.Version);
        Assert.Equal("Stina Sköterska", personal.IssuedByName);
        Assert.Equal(T0.AddDays(7), personal.IssuedAt);
    }

    [Fact]
    public void Reset_Fails_WithoutAKnownReason()
    {
        var personal = PersonalCode.Issue(EmployeeId, Operator, T0, out var code);
        var hash = personal.Hash;

        var error = Assert.Throws<DomainException>(
            () => personal.Reset(Second, T0, (PersonalCodeResetReason)99, out _));

        Assert.Equal("Ange varför koden byts: glömt eller fungerar inte.", error.Message);
        Assert.Equal(hash, personal.Hash);
        Assert.Equal(1, personal.Version);
        Assert.True(personal.Verify(code));
        Assert.Single(personal.History);
    }

    [Fact]
    public void History_RecordsWhoWhenAndWhy_ButNeverTheCode()
    {
        var personal = PersonalCode.Issue(EmployeeId, Operator, T0, out var first);
        personal.Reset(Second, T0.AddDays(1), PersonalCodeResetReason.Forgotten, out var second);
        personal.Reset(Operator, T0.AddDays(2), PersonalCodeResetReason.NotWorking, out var third);

        Assert.Collection(
            personal.History,
            e => AssertEvent(e, 1, null, "Olle Operatör", T0),
            e => AssertEvent(e, 2, PersonalCodeResetReason.Forgotten, "Stina Sköterska", T0.AddDays(1)),
            e => AssertEvent(e, 3, PersonalCodeResetReason.NotWorking, "Olle Operatör", T0.AddDays(2)));
        var eventProperties = typeof(PersonalCodeEvent).GetProperties().Select(p => p.Name);
        Assert.DoesNotContain(eventProperties, n => n.Contains("Code", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(eventProperties, n => n.Contains("Hash", StringComparison.OrdinalIgnoreCase));
        Assert.True(personal.Verify(third));
        Assert.True(first == third || !personal.Verify(first));
        Assert.True(second == third || !personal.Verify(second));
    }

    [Fact]
    public void PersonalCode_HasNoPropertyHoldingThePlainCode()
    {
        var names = typeof(PersonalCode).GetProperties().Select(p => p.Name).ToList();

        Assert.DoesNotContain("Code", names);
        Assert.DoesNotContain("PlainCode", names);
    }

    [Theory]
    [InlineData(PersonalCodeResetReason.Forgotten, "glömt")]
    [InlineData(PersonalCodeResetReason.NotWorking, "fungerar inte")]
    public void KeyTexts_NamesResetReasonsInSwedish(PersonalCodeResetReason reason, string text) =>
        Assert.Equal(text, KeyTexts.ResetReason(reason));

    private static void AssertEvent(
        PersonalCodeEvent e, int version, PersonalCodeResetReason? reason, string by, DateTimeOffset at)
    {
        Assert.Equal(version, e.Version);
        Assert.Equal(reason, e.Reason);
        Assert.Equal(by, e.ByName);
        Assert.Equal(at, e.At);
        Assert.Equal(TimeSpan.Zero, e.At.Offset);
    }

    [Fact]
    public void ARevokedCode_OpensNothing_AndCannotBeReset()
    {
        var personal = PersonalCode.Issue(EmployeeId, Operator, T0, out var code);

        personal.Revoke(Second, T0.AddDays(30));

        Assert.True(personal.IsRevoked);
        Assert.Equal(("Stina Sköterska", T0.AddDays(30)), (personal.RevokedByName, personal.RevokedAt!.Value));
        Assert.False(personal.Verify(code));
        var reset = Assert.Throws<DomainException>(() => personal.Reset(Operator, T0.AddDays(31), PersonalCodeResetReason.Forgotten, out _));
        Assert.Equal("Koden är spärrad eftersom anställningen upphörde. Ge en ny kod i stället.", reset.Message);
        // Revoking again changes nothing: the first revocation stands.
        personal.Revoke(Operator, T0.AddDays(31));
        Assert.Equal(("Stina Sköterska", T0.AddDays(30)), (personal.RevokedByName, personal.RevokedAt!.Value));
    }

    [Fact]
    public void ARevokedCode_IsReissued_AsItsNextVersion_KeptAgain()
    {
        var personal = PersonalCode.Issue(EmployeeId, Operator, T0, out var first);
        personal.Revoke(Second, T0.AddDays(30));

        personal.Reissue(Operator, T0.AddDays(90), out var second);

        Assert.False(personal.IsRevoked);
        Assert.Null(personal.RevokedByName);
        Assert.Equal(2, personal.Version);
        Assert.True(personal.Verify(second));
        Assert.True(first == second || !personal.Verify(first));
        Assert.Equal([(1, (PersonalCodeResetReason?)null), (2, null)], personal.History.Select(h => (h.Version, h.Reason)));
    }

    [Fact]
    public void AKeptCode_IsNeverReissued_OnlyReset()
    {
        var personal = PersonalCode.Issue(EmployeeId, Operator, T0, out var code);

        Assert.Throws<DomainException>(() => personal.Reissue(Operator, T0.AddDays(1), out _));

        Assert.Equal(1, personal.Version);
        Assert.True(personal.Verify(code));
    }
}
