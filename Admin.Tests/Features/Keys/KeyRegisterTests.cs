using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Keys;
using static SocItConsole.Admin.Tests.TestData.KeyRegisterData;

namespace SocItConsole.Admin.Tests.Features.Keys;

public class KeyRegisterTests
{
    private const string ChangedMessage =
        "Nyckeln har ändrats av någon annan sedan du öppnade den. Inget sparades; ladda om och försök igen.";

    [Fact]
    public async Task Register_AddsEveryNumberInStock_InOneAuditEntry()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var centrum = await UnitIdAsync(database, Centrum, ct);
        var audits = await AuditCountAsync(database, ct);

        var result = await KeyServices.Register(database, "operator", clock)
            .RegisterAsync(centrum, KeyKind.Personal, null, " 123456, 1234567;12345678\n\t0076543 ", ct);

        Assert.Equal("4 nycklar registrerades för Hemtjänst Centrum: 123456, 1234567, 12345678, 0076543.",
            Assert.IsType<KeyResult.Done>(result).Message);
        foreach (var number in new[] { "123456", "1234567", "12345678", "0076543" })
        {
            var key = await KeyAsync(database, number, ct);
            Assert.Equal((centrum, KeyKind.Personal, KeyStatus.InStock, (int?)null, 1), (key.UnitId, key.Kind, key.Status, key.HolderEmployeeId, key.Version));
            Assert.Equal("Sara Nilsson", Assert.Single(key.History).ByName);
        }

        await using var db = database.CreateDbContext();
        Assert.Equal(audits + 1, await db.AuditEntries.CountAsync(ct));
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Key.Registered", ct);
        Assert.Equal(("Sara Nilsson", "Unit"), (entry.ActorName, entry.EntityType));
    }

    [Fact]
    public async Task Register_PoolKeys_GoIntoTheNamedPool()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var centrum = await UnitIdAsync(database, Centrum, ct);
        var pool = await PoolIdAsync(database, Centrum, Pool, ct);

        var result = await KeyServices.Register(database, "operator", clock).RegisterAsync(centrum, KeyKind.Pool, pool, "654321", ct);

        Assert.Equal("1 nyckel registrerades för Hemtjänst Centrum: 654321.", Assert.IsType<KeyResult.Done>(result).Message);
        var key = await KeyAsync(database, "654321", ct);
        Assert.Equal((KeyKind.Pool, (int?)pool), (key.Kind, key.PoolId));
    }

    [Fact]
    public async Task Register_RefusesTheWholeBatch_NamingEveryBadRepeatedAndRegisteredNumber()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var centrum = await UnitIdAsync(database, Centrum, ct);
        var audits = await AuditCountAsync(database, ct);

        var result = await KeyServices.Register(database, "operator", clock).RegisterAsync(
            centrum, KeyKind.Personal, null, "123456 12345 123456789 12a456 654321 654321 4110001 4120003", ct);

        Assert.Equal(
            "Inga nycklar registrerades: \"12345\" är inte 6–8 siffror; \"123456789\" är inte 6–8 siffror; "
            + "\"12a456\" är inte 6–8 siffror; 654321 står två gånger; 4110001 finns redan i registret; 4120003 finns redan i registret.",
            Assert.IsType<KeyResult.Refused>(result).Message);
        await using var db = database.CreateDbContext();
        Assert.False(await db.Keys.AnyAsync(k => k.Number == KeyNumber.Parse("123456") || k.Number == KeyNumber.Parse("654321"), ct));
        Assert.Equal(audits, await db.AuditEntries.CountAsync(ct));
    }

    [Theory]
    [InlineData("12345", false)]
    [InlineData("123456", true)]
    [InlineData("1234567", true)]
    [InlineData("12345678", true)]
    [InlineData("123456789", false)]
    [InlineData("12 3456", false)]
    [InlineData("１２３４５６", false)]
    public async Task Register_AcceptsSixToEightDigitsOnly(string number, bool accepted)
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var centrum = await UnitIdAsync(database, Centrum, ct);

        var result = await KeyServices.Register(database, "operator", clock).RegisterAsync(centrum, KeyKind.Personal, null, number, ct);

        if (accepted)
        {
            Assert.IsType<KeyResult.Done>(result);
            Assert.Equal(KeyStatus.InStock, (await KeyAsync(database, number, ct)).Status);
        }
        else
        {
            Assert.Contains("är inte 6–8 siffror", Assert.IsType<KeyResult.Refused>(result).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Register_IsRefused_ForAnotherUnitsPool()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var skrea = await UnitIdAsync(database, Skrea, ct);
        var centrumPool = await PoolIdAsync(database, Centrum, Pool, ct);

        var result = await KeyServices.Register(database, "operator", clock).RegisterAsync(skrea, KeyKind.Pool, centrumPool, "654321", ct);

        Assert.Equal("Nyckelpoolen Personalpool hör till en annan verksamhet.", Assert.IsType<KeyResult.Refused>(result).Message);
    }

    [Fact]
    public async Task Register_IsRefused_WithoutNumbers()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var centrum = await UnitIdAsync(database, Centrum, ct);

        var result = await KeyServices.Register(database, "operator", clock).RegisterAsync(centrum, KeyKind.Personal, null, " ,; ", ct);

        Assert.Equal("Ange minst ett nyckelnummer.", Assert.IsType<KeyResult.Refused>(result).Message);
    }

    [Theory]
    [InlineData("chef1")]
    [InlineData("admin")]
    [InlineData("utanroll")]
    public async Task Register_IsForOperatorsOnly(string user)
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var centrum = await UnitIdAsync(database, Centrum, ct);
        var key = await KeyAsync(database, "4110001", ct);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => KeyServices.Register(database, user, clock).RegisterAsync(centrum, KeyKind.Personal, null, "654321", ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => KeyServices.Register(database, user, clock).AssignAsync(key.Id, key.Version, 1, ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => KeyServices.Queries(database, user, clock).SearchAsync(new KeyQuery(), 0, 10, ct));
    }

    [Fact]
    public async Task Assign_HandsTheKeyToThePerson()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var key = await KeyAsync(database, "4110001", ct);

        var result = await KeyServices.Register(database, "operator", clock).AssignAsync(key.Id, key.Version, lisa, ct);

        Assert.Equal("Nyckeln 4110001 lämnades ut till Lisa Andersson.", Assert.IsType<KeyResult.Done>(result).Message);
        var after = await KeyAsync(database, "4110001", ct);
        Assert.Equal((KeyStatus.Issued, (int?)lisa, key.Version + 1), (after.Status, after.HolderEmployeeId, after.Version));
    }

    [Fact]
    public async Task Assign_IsRefused_WhenAnotherPersonHoldsTheKey()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var ids = await AddEmployeesAsync(database, Today, ct, "Lisa Andersson", "Per Olsson");
        var register = KeyServices.Register(database, "operator", clock);
        var key = await KeyAsync(database, "4110001", ct);
        Assert.IsType<KeyResult.Done>(await register.AssignAsync(key.Id, key.Version, ids[0], ct));

        var result = await register.AssignAsync(key.Id, key.Version + 1, ids[1], ct);

        Assert.Equal("Nyckeln 4110001 är utlämnad till någon annan.", Assert.IsType<KeyResult.Refused>(result).Message);
        Assert.Equal((int?)ids[0], (await KeyAsync(database, "4110001", ct)).HolderEmployeeId);
    }

    [Fact]
    public async Task Assign_IsRefused_WhenTheKeyIsToBeReturnedByAnotherPerson()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var ids = await AddEmployeesAsync(database, Today, ct, "Lisa Andersson", "Per Olsson");
        var register = KeyServices.Register(database, "operator", clock);
        var key = await KeyAsync(database, "4110001", ct);
        await register.AssignAsync(key.Id, key.Version, ids[0], ct);
        Assert.IsType<KeyResult.Done>(await register.MarkToBeReturnedAsync(key.Id, key.Version + 1, ct));

        var result = await register.AssignAsync(key.Id, key.Version + 2, ids[1], ct);

        Assert.Equal("Nyckeln 4110001 är utlämnad till någon annan.", Assert.IsType<KeyResult.Refused>(result).Message);
    }

    [Fact]
    public async Task Assign_IsRefused_WhenThePersonAlreadyHoldsTheKey()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var register = KeyServices.Register(database, "operator", clock);
        var key = await KeyAsync(database, "4110001", ct);
        await register.AssignAsync(key.Id, key.Version, lisa, ct);

        var result = await register.AssignAsync(key.Id, key.Version + 1, lisa, ct);

        Assert.Equal("Nyckeln 4110001 är redan utlämnad till personen.", Assert.IsType<KeyResult.Refused>(result).Message);
    }

    [Fact]
    public async Task Assign_IsRefused_WhenTheKeyIsLost()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var register = KeyServices.Register(database, "operator", clock);
        var key = await KeyAsync(database, "4110001", ct);
        Assert.IsType<KeyResult.Done>(await register.MarkLostAsync(key.Id, key.Version, "Tappad på bussen", ct));

        var result = await register.AssignAsync(key.Id, key.Version + 1, lisa, ct);

        Assert.Equal("Nyckeln 4110001 har status \"Förlorad\" och kan inte lämnas ut.", Assert.IsType<KeyResult.Refused>(result).Message);
        var after = await KeyAsync(database, "4110001", ct);
        Assert.Equal((KeyStatus.Lost, (int?)null), (after.Status, after.HolderEmployeeId));
    }

    [Fact]
    public async Task Assign_IsRefused_WhenTheKeyIsRetired()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var register = KeyServices.Register(database, "operator", clock);
        var key = await KeyAsync(database, "4110001", ct);
        Assert.IsType<KeyResult.Done>(await register.RetireAsync(key.Id, key.Version, "Trasig", ct));

        var result = await register.AssignAsync(key.Id, key.Version + 1, lisa, ct);

        Assert.Equal("Nyckeln 4110001 har status \"Kasserad\" och kan inte lämnas ut.", Assert.IsType<KeyResult.Refused>(result).Message);
    }

    [Fact]
    public async Task Assign_IsRefused_ForAPoolKey()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var key = await KeyAsync(database, "4110501", ct);

        var result = await KeyServices.Register(database, "operator", clock).AssignAsync(key.Id, key.Version, lisa, ct);

        Assert.Equal("Nyckeln 4110501 är en poolnyckel och lämnas inte ut till en person.", Assert.IsType<KeyResult.Refused>(result).Message);
        Assert.Equal(KeyStatus.InStock, (await KeyAsync(database, "4110501", ct)).Status);
    }

    [Fact]
    public async Task Assign_IsRefused_ForAnUnknownPersonOrKey()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var register = KeyServices.Register(database, "operator", clock);
        var key = await KeyAsync(database, "4110001", ct);

        Assert.Equal("Välj den medarbetare som ska ha nyckeln.",
            Assert.IsType<KeyResult.Refused>(await register.AssignAsync(key.Id, key.Version, 999_999, ct)).Message);
        Assert.Equal("Nyckeln finns inte.",
            Assert.IsType<KeyResult.Refused>(await register.AssignAsync(999_999, 1, 1, ct)).Message);
    }

    [Fact]
    public async Task Assign_WithAStaleVersion_IsAConflict_AndSavesNothing()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var ids = await AddEmployeesAsync(database, Today, ct, "Lisa Andersson", "Per Olsson");
        var register = KeyServices.Register(database, "operator", clock);
        var key = await KeyAsync(database, "4110001", ct);
        Assert.IsType<KeyResult.Done>(await register.MarkLostAsync(key.Id, key.Version, "Borta", ct));
        Assert.IsType<KeyResult.Done>(await register.RetireAsync(key.Id, key.Version + 1, "Ersatt", ct));
        var audits = await AuditCountAsync(database, ct);

        var result = await register.AssignAsync(key.Id, key.Version, ids[1], ct);

        Assert.Equal(ChangedMessage, Assert.IsType<KeyResult.Conflict>(result).Message);
        var after = await KeyAsync(database, "4110001", ct);
        Assert.Equal((KeyStatus.Retired, key.Version + 2), (after.Status, after.Version));
        Assert.Equal(audits, await AuditCountAsync(database, ct));
    }

    [Fact]
    public async Task EverySuccessfulChange_WritesExactlyOneAuditEntry_AndARefusalNone()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var register = KeyServices.Register(database, "operator", clock);
        var pool = await PoolIdAsync(database, Centrum, Pool, ct);
        var id = (await KeyAsync(database, "4110001", ct)).Id;
        var steps = new (string Action, KeyStatus To, Func<int, Task<KeyResult>> Change)[]
        {
            ("Key.Assigned", KeyStatus.Issued, v => register.AssignAsync(id, v, lisa, ct)),
            ("Key.ToBeReturned", KeyStatus.ToBeReturned, v => register.MarkToBeReturnedAsync(id, v, ct)),
            ("Key.Returned", KeyStatus.Returned, v => register.ReturnAsync(id, v, restock: false, ct)),
            ("Key.Restocked", KeyStatus.InStock, v => register.RestockAsync(id, v, ct)),
            ("Key.Assigned", KeyStatus.Issued, v => register.AssignAsync(id, v, lisa, ct)),
            ("Key.Returned", KeyStatus.InStock, v => register.ReturnAsync(id, v, restock: true, ct)),
            ("Key.AddedToPool", KeyStatus.InStock, v => register.AddToPoolAsync(id, v, pool, ct)),
            ("Key.Lost", KeyStatus.Lost, v => register.MarkLostAsync(id, v, "Tappad", ct)),
            ("Key.Retired", KeyStatus.Retired, v => register.RetireAsync(id, v, "Ersatt", ct)),
        };

        foreach (var (action, to, change) in steps)
        {
            var before = await KeyAsync(database, "4110001", ct);
            var audits = await AuditCountAsync(database, ct);

            Assert.IsType<KeyResult.Done>(await change(before.Version));

            await using var db = database.CreateDbContext();
            var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(ct);
            Assert.Equal(audits + 1, await db.AuditEntries.CountAsync(ct));
            Assert.Equal((action, "Key", "4110001", "Sara Nilsson"), (entry.Action, entry.EntityType, entry.EntityId, entry.ActorName));
            Assert.NotNull(entry.Before);
            Assert.NotNull(entry.After);
            var after = await KeyAsync(database, "4110001", ct);
            Assert.Equal(to, after.Status);
            Assert.Equal(before.History.Count + after.Version - before.Version, after.History.Count);
        }

        var final = await KeyAsync(database, "4110001", ct);
        var refusals = await AuditCountAsync(database, ct);
        Assert.IsType<KeyResult.Refused>(await register.AssignAsync(id, final.Version, lisa, ct));
        Assert.IsType<KeyResult.Refused>(await register.RetireAsync(id, final.Version, "Igen", ct));
        Assert.IsType<KeyResult.Refused>(await register.MarkLostAsync(id, final.Version, null, ct));
        Assert.Equal(refusals, await AuditCountAsync(database, ct));
        Assert.Equal(final.Version, (await KeyAsync(database, "4110001", ct)).Version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task MarkLostAndRetire_AreRefused_WithoutANote(string? note)
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var register = KeyServices.Register(database, "operator", clock);
        var key = await KeyAsync(database, "4110001", ct);

        Assert.Equal("Anteckningen måste anges.", Assert.IsType<KeyResult.Refused>(await register.MarkLostAsync(key.Id, key.Version, note, ct)).Message);
        Assert.Equal("Anteckningen måste anges.", Assert.IsType<KeyResult.Refused>(await register.RetireAsync(key.Id, key.Version, note, ct)).Message);
        Assert.Equal(KeyStatus.InStock, (await KeyAsync(database, "4110001", ct)).Status);
    }

    [Fact]
    public async Task AddToPool_IsRefused_ForAnotherUnitsPool()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var key = await KeyAsync(database, "4110001", ct);
        var skreaPool = await PoolIdAsync(database, Skrea, Pool, ct);

        var result = await KeyServices.Register(database, "operator", clock).AddToPoolAsync(key.Id, key.Version, skreaPool, ct);

        Assert.Equal("Nyckelpoolen Personalpool hör till en annan verksamhet än nyckeln.", Assert.IsType<KeyResult.Refused>(result).Message);
    }

    [Fact]
    public async Task History_ShowsEveryChange_NewestFirst_WithWhoWhenNoteAndHolder()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var ids = await AddEmployeesAsync(database, Today, ct, "Lisa Andersson", "Per Olsson");
        var register = KeyServices.Register(database, "operator", clock);
        var key = await KeyAsync(database, "4110001", ct);
        var seeded = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(1));
        await register.AssignAsync(key.Id, 1, ids[0], ct);
        clock.Advance(TimeSpan.FromHours(1));
        await register.ReturnAsync(key.Id, 2, restock: true, ct);
        clock.Advance(TimeSpan.FromHours(1));
        await register.AssignAsync(key.Id, 4, ids[1], ct);
        clock.Advance(TimeSpan.FromHours(1));
        await register.MarkLostAsync(key.Id, 5, "Tappad på bussen", ct);

        var details = await KeyServices.Queries(database, "operator", clock).GetAsync(key.Id, ct);

        Assert.NotNull(details);
        Assert.Equal(("4110001", "Hemtjänst Centrum", "4110", KeyStatus.Lost, (string?)null), (details.Key.Number, details.Key.UnitName, details.CostCentre, details.Key.Status, details.Key.HolderName));
        Assert.Equal(
            [
                ((KeyStatus?)KeyStatus.Issued, KeyStatus.Lost, "Sara Nilsson", seeded.AddHours(4), (string?)"Tappad på bussen", (string?)"Per Olsson"),
                (KeyStatus.InStock, KeyStatus.Issued, "Sara Nilsson", seeded.AddHours(3), null, "Per Olsson"),
                (KeyStatus.Returned, KeyStatus.InStock, "Sara Nilsson", seeded.AddHours(2), null, null),
                (KeyStatus.Issued, KeyStatus.Returned, "Sara Nilsson", seeded.AddHours(2), null, "Lisa Andersson"),
                (KeyStatus.InStock, KeyStatus.Issued, "Sara Nilsson", seeded.AddHours(1), null, "Lisa Andersson"),
                (null, KeyStatus.InStock, "SocItConsole", seeded, null, null),
            ],
            details.History.Select(e => (e.From, e.To, e.ByName, e.At, e.Note, e.HolderName)));
        Assert.Null(await KeyServices.Queries(database, "operator", clock).GetAsync(999_999, ct));
    }

    [Fact]
    public async Task Views_SplitFreeHeldToBeReturnedAndLost_AndSearchFindsNumberOrHolder()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var ids = await AddEmployeesAsync(database, Today, ct, "Lisa Andersson", "Per Olsson");
        var register = KeyServices.Register(database, "operator", clock);
        var queries = KeyServices.Queries(database, "operator", clock);
        var centrum = await UnitIdAsync(database, Centrum, ct);
        var k1 = await KeyAsync(database, "4110001", ct);
        var k2 = await KeyAsync(database, "4110002", ct);
        var k3 = await KeyAsync(database, "4110003", ct);
        await register.AssignAsync(k1.Id, 1, ids[0], ct);
        await register.AssignAsync(k2.Id, 1, ids[1], ct);
        await register.MarkToBeReturnedAsync(k2.Id, 2, ct);
        await register.MarkLostAsync(k3.Id, 1, "Borta", ct);

        async Task<string[]> Numbers(KeyQuery query) =>
            [.. (await queries.SearchAsync(query, 0, 100, ct)).Items.Select(k => k.Number)];

        Assert.Equal(["4110004", "4110005", "4110006"], await Numbers(new KeyQuery(UnitId: centrum, View: KeyView.Free)));
        Assert.Equal(["4110001", "4110002"], await Numbers(new KeyQuery(UnitId: centrum, View: KeyView.Held)));
        Assert.Equal(["4110002"], await Numbers(new KeyQuery(UnitId: centrum, View: KeyView.ToBeReturned)));
        Assert.Equal(["4110003"], await Numbers(new KeyQuery(View: KeyView.Lost)));
        Assert.Equal(9, (await queries.SearchAsync(new KeyQuery(UnitId: centrum), 0, 100, ct)).TotalCount);
        Assert.Equal(["4110001"], await Numbers(new KeyQuery(Search: " 4110001 ")));
        Assert.Equal(["4110002"], await Numbers(new KeyQuery(Search: "olss")));
        Assert.Empty(await Numbers(new KeyQuery(Search: "%")));
        Assert.Equal(["4110004", "4110005", "4110006"], (await queries.FreeKeysAsync(centrum, ct)).Select(k => k.Number));
        var counts = await queries.CountsAsync(centrum, ct);
        Assert.Equal((3, 2, 1, 1), (counts[KeyView.Free], counts[KeyView.Held], counts[KeyView.ToBeReturned], counts[KeyView.Lost]));
        var lisaKeys = await queries.ForEmployeeAsync(ids[0], ct);
        Assert.Equal("4110001", Assert.Single(lisaKeys.Keys).Number);
    }
}
