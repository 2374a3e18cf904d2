using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Keys;
using static SocItConsole.Admin.Tests.TestData.KeyRegisterData;

namespace SocItConsole.Admin.Tests.Features.Keys;

public class PoolAndCodeTests
{
    [Fact]
    public async Task CreatePool_AddsANamedPoolToTheUnit_WithOneAuditEntry()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var centrum = await UnitIdAsync(database, Centrum, ct);
        var audits = await AuditCountAsync(database, ct);

        var result = await KeyServices.Pools(database, "operator", clock).CreateAsync(centrum, "  Nattpatrull  ", ct);

        Assert.Equal("Nyckelpoolen Nattpatrull skapades för Hemtjänst Centrum.", Assert.IsType<KeyResult.Done>(result).Message);
        var pools = await KeyServices.Queries(database, "operator", clock).PoolsAsync(centrum, ct);
        Assert.Equal(["Nattpatrull", "Personalpool"], pools.Select(p => p.Name));
        Assert.Empty(pools[0].Members);
        Assert.Equal(audits + 1, await AuditCountAsync(database, ct));
    }

    [Theory]
    [InlineData("Personalpool")]
    [InlineData("personalpool")]
    [InlineData("PERSONALPOOL")]
    [InlineData(" PersonalPool ")]
    public async Task CreatePool_IsRefused_WhenTheUnitHasAPoolOfThatName_InAnyCase(string name)
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var centrum = await UnitIdAsync(database, Centrum, ct);
        var audits = await AuditCountAsync(database, ct);

        var result = await KeyServices.Pools(database, "operator", clock).CreateAsync(centrum, name, ct);

        Assert.Equal($"Hemtjänst Centrum har redan en nyckelpool som heter {name.Trim()}.", Assert.IsType<KeyResult.Refused>(result).Message);
        Assert.Single(await KeyServices.Queries(database, "operator", clock).PoolsAsync(centrum, ct));
        Assert.Equal(audits, await AuditCountAsync(database, ct));
    }

    [Fact]
    public async Task CreatePool_WithAnotherUnitsPoolName_IsAllowed()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var pools = KeyServices.Pools(database, "operator", clock);
        var centrum = await UnitIdAsync(database, Centrum, ct);
        var bistand = await UnitIdAsync(database, "Biståndsenheten äldreomsorg", ct);

        Assert.IsType<KeyResult.Done>(await pools.CreateAsync(bistand, "Personalpool", ct));
        Assert.Equal("Poolens namn måste anges.", Assert.IsType<KeyResult.Refused>(await pools.CreateAsync(centrum, "  ", ct)).Message);
    }

    [Fact]
    public async Task AddAndEndMembership_ShowInThePool_AndTwiceIsRefused()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var pool = await PoolIdAsync(database, Centrum, Pool, ct);
        var pools = KeyServices.Pools(database, "operator", clock);
        var queries = KeyServices.Queries(database, "operator", clock);
        var from = Today.AddDays(3);

        Assert.Equal("Lisa Andersson är med i nyckelpoolen Personalpool (Hemtjänst Centrum) från 2026-11-30.",
            Assert.IsType<KeyResult.Done>(await pools.AddMemberAsync(pool, lisa, from, ct)).Message);
        Assert.Equal("Personen är redan med i nyckelpoolen Personalpool.",
            Assert.IsType<KeyResult.Refused>(await pools.AddMemberAsync(pool, lisa, from.AddDays(5), ct)).Message);
        Assert.Equal(new PoolMemberRow(lisa, "Lisa Andersson", from, null),
            Assert.Single((await queries.PoolsAsync(null, ct)).Single(p => p.Id == pool).Members));

        Assert.Equal("Sista dagen i nyckelpoolen kan inte vara före första dagen (2026-11-30).",
            Assert.IsType<KeyResult.Refused>(await pools.EndMembershipAsync(pool, lisa, from.AddDays(-1), ct)).Message);
        Assert.Equal("Lisa Andersson är med i nyckelpoolen Personalpool till och med 2026-12-31.",
            Assert.IsType<KeyResult.Done>(await pools.EndMembershipAsync(pool, lisa, new DateOnly(2026, 12, 31), ct)).Message);
        Assert.Equal("Personen är inte med i nyckelpoolen Personalpool.",
            Assert.IsType<KeyResult.Refused>(await pools.EndMembershipAsync(pool, lisa, new DateOnly(2027, 1, 31), ct)).Message);

        var membership = Assert.Single((await queries.ForEmployeeAsync(lisa, ct)).Memberships);
        Assert.Equal(new EmployeeMembershipRow(pool, "Personalpool", "Hemtjänst Centrum", from, new DateOnly(2026, 12, 31)), membership);
        await using var db = database.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "KeyPool.MemberAdded" || a.Action == "KeyPool.MemberEnded", ct));
    }

    [Fact]
    public async Task MoveToPool_AndBack_SwapsKeyAndMembership_ButKeepsThePersonalCode()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var pool = await PoolIdAsync(database, Centrum, Pool, ct);
        var register = KeyServices.Register(database, "operator", clock);
        var pools = KeyServices.Pools(database, "operator", clock);
        var personal = await KeyAsync(database, "4110001", ct);
        Assert.IsType<KeyResult.Done>(await register.AssignAsync(personal.Id, personal.Version, lisa, ct));
        var issued = Assert.IsType<KeyResult.CodeIssued>(await KeyServices.Codes(database, "operator", clock).IssueAsync(lisa, ct));
        var code = (await CodeAsync(database, lisa, ct))!;

        clock.Advance(TimeSpan.FromDays(1));
        var today = Today.AddDays(1);
        var toPool = await pools.MoveToPoolAsync(lisa, pool, ct);

        Assert.Equal(
            "Lisa Andersson flyttades till nyckelpoolen Personalpool (Hemtjänst Centrum). Nyckeln 4110001 ska återlämnas. Den personliga koden gäller som förut.",
            Assert.IsType<KeyResult.Done>(toPool).Message);
        var returned = await KeyAsync(database, "4110001", ct);
        Assert.Equal((KeyStatus.ToBeReturned, (int?)lisa), (returned.Status, returned.HolderEmployeeId));
        var inPool = await KeyServices.Queries(database, "operator", clock).ForEmployeeAsync(lisa, ct);
        Assert.Equal((today, (DateOnly?)null), (Assert.Single(inPool.Memberships).From, inPool.Memberships[0].To));
        AssertSameCode(code, (await CodeAsync(database, lisa, ct))!, issued.Code.Reveal());

        clock.Advance(TimeSpan.FromDays(1));
        var back = await KeyAsync(database, "4110002", ct);
        var toKey = await pools.MoveToPersonalKeyAsync(lisa, back.Id, back.Version, ct);

        Assert.Equal(
            "Lisa Andersson fick den personliga nyckeln 4110002. Sista dag i Personalpool är i dag. Den personliga koden gäller som förut.",
            Assert.IsType<KeyResult.Done>(toKey).Message);
        var handedOut = await KeyAsync(database, "4110002", ct);
        Assert.Equal((KeyStatus.Issued, (int?)lisa), (handedOut.Status, handedOut.HolderEmployeeId));
        var withKey = await KeyServices.Queries(database, "operator", clock).ForEmployeeAsync(lisa, ct);
        Assert.Equal((today, (DateOnly?)today.AddDays(1)), (Assert.Single(withKey.Memberships).From, withKey.Memberships[0].To));
        Assert.Equal(["4110001", "4110002"], withKey.Keys.Select(k => k.Number));
        AssertSameCode(code, (await CodeAsync(database, lisa, ct))!, issued.Code.Reveal());
        Assert.Equal(1, withKey.Code!.Version);
    }

    [Fact]
    public async Task MoveToPersonalKey_WithAStaleKeyVersion_IsAConflict_AndTheMembershipStays()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var pool = await PoolIdAsync(database, Centrum, Pool, ct);
        var pools = KeyServices.Pools(database, "operator", clock);
        Assert.IsType<KeyResult.Done>(await pools.AddMemberAsync(pool, lisa, Today, ct));
        var key = await KeyAsync(database, "4110002", ct);
        Assert.IsType<KeyResult.Done>(await KeyServices.Register(database, "operator", clock).MarkLostAsync(key.Id, key.Version, "Borta", ct));

        var result = await pools.MoveToPersonalKeyAsync(lisa, key.Id, key.Version, ct);

        Assert.IsType<KeyResult.Conflict>(result);
        Assert.Null(Assert.Single((await KeyServices.Queries(database, "operator", clock).ForEmployeeAsync(lisa, ct)).Memberships).To);
    }

    [Fact]
    public async Task IssueCode_IsRefused_WithoutAKeyOrPoolMembership()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var audits = await AuditCountAsync(database, ct);

        var result = await KeyServices.Codes(database, "operator", clock).IssueAsync(lisa, ct);

        Assert.Equal(
            "Lisa Andersson har ingen personlig nyckel och är inte med i någon nyckelpool. Koden ges när personen får en nyckel eller poolbehörighet.",
            Assert.IsType<KeyResult.Refused>(result).Message);
        Assert.Null(await CodeAsync(database, lisa, ct));
        Assert.Equal(audits, await AuditCountAsync(database, ct));
    }

    [Fact]
    public async Task IssueCode_IsRefused_WhenTheMembershipHasEnded()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var pool = await PoolIdAsync(database, Centrum, Pool, ct);
        var pools = KeyServices.Pools(database, "operator", clock);
        await pools.AddMemberAsync(pool, lisa, Today.AddDays(-10), ct);
        await pools.EndMembershipAsync(pool, lisa, Today.AddDays(-1), ct);

        Assert.IsType<KeyResult.Refused>(await KeyServices.Codes(database, "operator", clock).IssueAsync(lisa, ct));
    }

    [Fact]
    public async Task IssueCode_ForAPoolMember_StoresOnlyASaltedHash_ThatVerifiesTheCode()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var pool = await PoolIdAsync(database, Centrum, Pool, ct);
        await KeyServices.Pools(database, "operator", clock).AddMemberAsync(pool, lisa, Today, ct);

        var result = await KeyServices.Codes(database, "operator", clock).IssueAsync(lisa, ct);

        var issued = Assert.IsType<KeyResult.CodeIssued>(result);
        Assert.Equal("Personlig kod gavs till Lisa Andersson.", issued.Message);
        Assert.Matches("^[0-9]{6}$", issued.Code.Reveal());
        var stored = (await CodeAsync(database, lisa, ct))!;
        Assert.True(stored.Verify(issued.Code.Reveal()));
        Assert.Equal((1, "Sara Nilsson", clock.GetUtcNow()), (stored.Version, stored.IssuedByName, stored.IssuedAt));
        var status = (await KeyServices.Queries(database, "operator", clock).ForEmployeeAsync(lisa, ct)).Code!;
        Assert.Equal(new PersonalCodeEventRow(1, null, "Sara Nilsson", clock.GetUtcNow()), Assert.Single(status.History));
        await using var db = database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "PersonalCode.Issued", ct);
        Assert.Equal(("Employee", lisa.ToString(System.Globalization.CultureInfo.InvariantCulture), "Sara Nilsson"), (entry.EntityType, entry.EntityId, entry.ActorName));
    }

    [Fact]
    public async Task IssueCode_IsRefused_WhenThePersonAlreadyHasOne_AndTheCodeStays()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = await WithKeyAsync(database, clock, ct);
        var codes = KeyServices.Codes(database, "operator", clock);
        var first = Assert.IsType<KeyResult.CodeIssued>(await codes.IssueAsync(lisa, ct));

        var second = await codes.IssueAsync(lisa, ct);

        Assert.Equal("Lisa Andersson har redan en personlig kod. Byt den med ett skäl om den är glömd eller inte fungerar.",
            Assert.IsType<KeyResult.Refused>(second).Message);
        var stored = (await CodeAsync(database, lisa, ct))!;
        Assert.Equal(1, stored.Version);
        Assert.True(stored.Verify(first.Code.Reveal()));
    }

    [Fact]
    public async Task ResetCode_IsRefused_WithoutAReason_AndTheOldCodeStillWorks()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = await WithKeyAsync(database, clock, ct);
        var codes = KeyServices.Codes(database, "operator", clock);
        var first = Assert.IsType<KeyResult.CodeIssued>(await codes.IssueAsync(lisa, ct));
        var audits = await AuditCountAsync(database, ct);

        var result = await codes.ResetAsync(lisa, 1, null, ct);

        Assert.Equal("Ange varför koden byts: glömt eller fungerar inte.", Assert.IsType<KeyResult.Refused>(result).Message);
        Assert.Equal("Ange varför koden byts: glömt eller fungerar inte.",
            Assert.IsType<KeyResult.Refused>(await codes.ResetAsync(lisa, 1, (PersonalCodeResetReason)42, ct)).Message);
        var stored = (await CodeAsync(database, lisa, ct))!;
        Assert.Equal(1, stored.Version);
        Assert.True(stored.Verify(first.Code.Reveal()));
        Assert.Equal(audits, await AuditCountAsync(database, ct));
    }

    [Theory]
    [InlineData(PersonalCodeResetReason.Forgotten, "glömt")]
    [InlineData(PersonalCodeResetReason.NotWorking, "fungerar inte")]
    public async Task ResetCode_BumpsTheVersion_TheOldCodeStopsWorking_AndTheNewOneWorks(PersonalCodeResetReason reason, string text)
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = await WithKeyAsync(database, clock, ct);
        var codes = KeyServices.Codes(database, "operator", clock);
        var first = Assert.IsType<KeyResult.CodeIssued>(await codes.IssueAsync(lisa, ct));
        var before = (await CodeAsync(database, lisa, ct))!;
        clock.Advance(TimeSpan.FromDays(2));

        var result = await codes.ResetAsync(lisa, 1, reason, ct);

        var reset = Assert.IsType<KeyResult.CodeIssued>(result);
        Assert.Equal($"Personlig kod byttes för Lisa Andersson ({text}).", reset.Message);
        var stored = (await CodeAsync(database, lisa, ct))!;
        Assert.Equal(2, stored.Version);
        Assert.NotEqual((before.Hash, before.Salt), (stored.Hash, stored.Salt));
        Assert.True(stored.Verify(reset.Code.Reveal()));
        Assert.Equal(first.Code.Reveal() == reset.Code.Reveal(), stored.Verify(first.Code.Reveal()));
        Assert.Equal(clock.GetUtcNow(), stored.IssuedAt);
        Assert.Equal([(2, (PersonalCodeResetReason?)reason), (1, null)],
            (await KeyServices.Queries(database, "operator", clock).ForEmployeeAsync(lisa, ct)).Code!.History.Select(h => (h.Version, h.Reason)));
        await using var db = database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "PersonalCode.Reset", ct);
        Assert.Equal(("{\"Version\":1}", $"{{\"Version\":2,\"Reason\":\"{reason}\"}}"), (entry.Before, entry.After));
    }

    [Fact]
    public async Task ResetCode_WithAStaleVersion_IsAConflict_AndTheCodeStays()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = await WithKeyAsync(database, clock, ct);
        var codes = KeyServices.Codes(database, "operator", clock);
        await codes.IssueAsync(lisa, ct);
        var second = Assert.IsType<KeyResult.CodeIssued>(await codes.ResetAsync(lisa, 1, PersonalCodeResetReason.Forgotten, ct));

        var stale = await codes.ResetAsync(lisa, 1, PersonalCodeResetReason.NotWorking, ct);

        Assert.Equal("Koden har bytts av någon annan sedan du öppnade sidan. Ladda om och kontrollera innan du byter igen.",
            Assert.IsType<KeyResult.Conflict>(stale).Message);
        var stored = (await CodeAsync(database, lisa, ct))!;
        Assert.Equal(2, stored.Version);
        Assert.True(stored.Verify(second.Code.Reveal()));
    }

    [Fact]
    public async Task ResetCode_IsRefused_WhenThereIsNoCode()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = await WithKeyAsync(database, clock, ct);

        var result = await KeyServices.Codes(database, "operator", clock).ResetAsync(lisa, 1, PersonalCodeResetReason.Forgotten, ct);

        Assert.Equal("Lisa Andersson har ingen personlig kod att byta. Ge en ny kod i stället.", Assert.IsType<KeyResult.Refused>(result).Message);
    }

    [Theory]
    [InlineData("chef1")]
    [InlineData("admin")]
    public async Task Codes_AreForOperatorsOnly(string user)
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = await WithKeyAsync(database, clock, ct);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => KeyServices.Codes(database, user, clock).IssueAsync(lisa, ct));
        Assert.Null(await CodeAsync(database, lisa, ct));
    }

    private static async Task<int> WithKeyAsync(TestDatabase database, TimeProvider clock, CancellationToken ct)
    {
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var key = await KeyAsync(database, "4110001", ct);
        Assert.IsType<KeyResult.Done>(await KeyServices.Register(database, "operator", clock).AssignAsync(key.Id, key.Version, lisa, ct));
        return lisa;
    }

    private static void AssertSameCode(PersonalCode before, PersonalCode after, string plain)
    {
        Assert.Equal((before.Id, before.Hash, before.Salt, before.Version, before.IssuedAt), (after.Id, after.Hash, after.Salt, after.Version, after.IssuedAt));
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.True(after.Verify(plain));
    }
}
