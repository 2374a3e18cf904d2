using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Keys;
using static SocItConsole.Admin.Tests.Features.Keys.KeyCaseTests;
using static SocItConsole.Admin.Tests.TestData.KeyRegisterData;

namespace SocItConsole.Admin.Tests.Features.Keys;

/// <summary>
/// An end-of-employment case's key return item and the key register: ticking it returns the key in the same save, a
/// register that disagrees refuses it, and a key not returned in time is counted.
/// </summary>
public class KeyReturnTests
{
    private const string Label = "Digital nyckel (Swedlock) 4110003 från Hemtjänst Centrum återlämnad";
    private const string FixIt = " Inget sparades. Rätta nyckelregistret under Nycklar, eller markera punkten ej aktuell med en anteckning.";

    public enum Disagreement
    {
        SomeoneElseHoldsIt,
        Lost,
        Retired,
        AlreadyReturned,
        ThePersonHoldsAnotherKey,
    }

    [Fact]
    public async Task TakingAnEndCase_NamesThePersonsKeyByNumberAndUnit()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var (endId, _) = await EndCaseOfKeyHolderAsync(database, clock, ct);

        var checklist = (await Work(database, clock).GetAsync(endId, ct))!.Checklist;

        var item = Assert.Single(checklist, i => i.Kind == ChecklistItemKind.KeyReturn);
        Assert.Equal(Label, item.Label);
        Assert.DoesNotContain(checklist, i => i.Label == "Digital nyckel (Swedlock) återlämnad");
    }

    [Fact]
    public async Task TakingAnEndCase_AsksForNoKey_WhenThePersonHoldsNone()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        Assert.IsType<CaseResult.Done>(await CompleteAsync(database, clock, await PlaceAsync(database, clock, OrderRequests.NewUndersköterska(), ct), ct));
        var endId = await PlaceAsync(database, clock, OrderRequests.Terminate(), ct);
        var work = Work(database, clock);
        Assert.IsType<CaseResult.Done>(await work.TakeAsync(endId, 0, ct));

        var checklist = (await work.GetAsync(endId, ct))!.Checklist;

        Assert.DoesNotContain(checklist, i => i.Kind == ChecklistItemKind.KeyReturn || i.Label.Contains("nyckel", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, checklist.Count(i => i.Kind == ChecklistItemKind.Return));
    }

    [Fact]
    public async Task TickingTheKeyReturned_ReturnsTheKeyInTheRegister_AuditedAsAKeyChange()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var (endId, employee) = await EndCaseOfKeyHolderAsync(database, clock, ct);
        var (item, version) = await KeyItemAsync(database, clock, endId, ct);
        var auditBefore = await AuditCountAsync(database, ct);

        var result = await Work(database, clock).MarkItemAsync(endId, version, item.Id, ChecklistState.Done, null, ct);

        var done = Assert.IsType<CaseResult.Done>(result);
        Assert.EndsWith($"\"{Label}\" är klar. Nyckeln 4110003 återlämnades i nyckelregistret.", done.Message, StringComparison.Ordinal);
        var key = await KeyAsync(database, "4110003", ct);
        Assert.Equal((KeyStatus.Returned, (int?)null, (DateOnly?)null), (key.Status, key.HolderEmployeeId, key.ReturnDueOn));
        var returned = key.History.OrderBy(e => e.Id).Last();
        Assert.Equal((KeyStatus.Returned, "Sara Nilsson", (int?)employee), (returned.To, returned.ByName, returned.HolderEmployeeId));
        Assert.StartsWith("Återlämnad enligt ärendet SOC-", returned.Note, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Skip(auditBefore).ToListAsync(ct);
        Assert.Equal(["Case.ChecklistMarked", "Key.Returned"], entries.Select(e => e.Action));
        var keyEntry = entries[1];
        Assert.Equal(("Key", "4110003", entries[0].ActorId), (keyEntry.EntityType, keyEntry.EntityId, keyEntry.ActorId));
        Assert.Contains("\"Status\":\"Issued\"", keyEntry.Before, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"Returned\"", keyEntry.After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Disagreement.SomeoneElseHoldsIt, "Nyckeln 4110003 är enligt nyckelregistret utlämnad till någon annan än Lisa Andersson." + FixIt)]
    [InlineData(Disagreement.Lost, "Nyckeln 4110003 har status \"Förlorad\" i nyckelregistret och kan inte återlämnas." + FixIt)]
    [InlineData(Disagreement.Retired, "Nyckeln 4110003 har status \"Kasserad\" i nyckelregistret och kan inte återlämnas." + FixIt)]
    [InlineData(Disagreement.AlreadyReturned, "Nyckeln 4110003 är redan återlämnad enligt nyckelregistret." + FixIt)]
    [InlineData(Disagreement.ThePersonHoldsAnotherKey, "Nyckeln 4110003 är redan återlämnad enligt nyckelregistret. Enligt registret har Lisa Andersson nyckeln 4110005, inte 4110003." + FixIt)]
    public async Task TickingTheKeyReturned_IsRefused_WhenTheRegisterDisagrees_AndNothingIsSaved(Disagreement disagreement, string expected)
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var (endId, employee) = await EndCaseOfKeyHolderAsync(database, clock, ct);
        await DisagreeAsync(database, clock, disagreement, employee, ct);
        var (item, version) = await KeyItemAsync(database, clock, endId, ct);
        var keyBefore = await KeyAsync(database, "4110003", ct);
        var auditBefore = await AuditCountAsync(database, ct);

        var result = await Work(database, clock).MarkItemAsync(endId, version, item.Id, ChecklistState.Done, null, ct);

        Assert.Equal(expected, Assert.IsType<CaseResult.Refused>(result).Message);
        var (after, versionAfter) = await KeyItemAsync(database, clock, endId, ct);
        Assert.Equal((ChecklistState.Todo, version), (after.State, versionAfter));
        var keyAfter = await KeyAsync(database, "4110003", ct);
        Assert.Equal((keyBefore.Status, keyBefore.HolderEmployeeId, keyBefore.Version), (keyAfter.Status, keyAfter.HolderEmployeeId, keyAfter.Version));
        Assert.Equal(auditBefore, await AuditCountAsync(database, ct));
    }

    [Fact]
    public async Task UntickingAReturnedKey_IsRefused_UntilTheKeyIsHandedBackOutUnderKeys()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var (endId, employee) = await EndCaseOfKeyHolderAsync(database, clock, ct);
        var (item, version) = await KeyItemAsync(database, clock, endId, ct);
        var work = Work(database, clock);
        version = Assert.IsType<CaseResult.Done>(await work.MarkItemAsync(endId, version, item.Id, ChecklistState.Done, null, ct)).Version;

        var refused = await work.MarkItemAsync(endId, version, item.Id, ChecklistState.Todo, null, ct);

        Assert.Equal(
            "Nyckeln 4110003 har status \"Återlämnad\" i nyckelregistret, så återlämningen kan inte ångras här. Var den fel: "
                + "lämna ut nyckeln till Lisa Andersson igen under Nycklar och ändra sedan punkten. Inget sparades.",
            Assert.IsType<CaseResult.Refused>(refused).Message);
        Assert.Equal(ChecklistState.Done, (await KeyItemAsync(database, clock, endId, ct)).Item.State);
        var key = await KeyAsync(database, "4110003", ct);
        Assert.Equal(KeyStatus.Returned, key.Status);

        Assert.IsType<KeyResult.Done>(await KeyServices.Register(database, "operator", clock).AssignAsync(key.Id, key.Version, employee, ct));
        var undone = await work.MarkItemAsync(endId, version, item.Id, ChecklistState.Todo, null, ct);

        Assert.IsType<CaseResult.Done>(undone);
        var handedOut = await KeyAsync(database, "4110003", ct);
        Assert.Equal((KeyStatus.Issued, (int?)employee), (handedOut.Status, handedOut.HolderEmployeeId));
    }

    [Fact]
    public async Task MarkingTheKeyReturnNotApplicable_NeedsANote_AndLeavesTheRegisterAlone()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var (endId, _) = await EndCaseOfKeyHolderAsync(database, clock, ct);
        var (item, version) = await KeyItemAsync(database, clock, endId, ct);
        var work = Work(database, clock);
        var keyBefore = await KeyAsync(database, "4110003", ct);

        var withoutNote = await work.MarkItemAsync(endId, version, item.Id, ChecklistState.NotApplicable, "  ", ct);
        var withNote = await work.MarkItemAsync(endId, version, item.Id, ChecklistState.NotApplicable, "Lämnas efter sista arbetsdagen", ct);

        Assert.Equal($"Skriv varför \"{Label}\" inte är aktuell.", Assert.IsType<CaseResult.Refused>(withoutNote).Message);
        Assert.Equal($"{(await Work(database, clock).GetAsync(endId, ct))!.CaseNumber}: \"{Label}\" är ej aktuell.", Assert.IsType<CaseResult.Done>(withNote).Message);
        var keyAfter = await KeyAsync(database, "4110003", ct);
        Assert.Equal((keyBefore.Status, keyBefore.Version), (keyAfter.Status, keyAfter.Version));
    }

    [Fact]
    public async Task AKeyNotReturned_IsCountedOnlyMoreThan14DaysAfterTheLastWorkingDay()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var (endId, _) = await EndCaseOfKeyHolderAsync(database, clock, ct);
        Assert.IsType<CaseResult.Done>(await CompleteAsync(database, clock, endId, ct, keyReturnedLater: true));
        var queries = KeyServices.Queries(database, "operator", clock);

        // The last working day is 2026-12-31; 2027-01-14 is the 14th day after it, 2027-01-15 the 15th.
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 14, 22, 30, 0, TimeSpan.Zero));
        var onDay14 = (await queries.CountsAsync(null, ct))[KeyView.OverdueReturn];
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 14, 23, 30, 0, TimeSpan.Zero));
        var onDay15 = (await queries.CountsAsync(null, ct))[KeyView.OverdueReturn];

        Assert.Equal((0, 1), (onDay14, onDay15));
        Assert.Equal(1, await queries.OverdueReturnsAsync(ct));
        var rows = (await queries.SearchAsync(new KeyQuery(View: KeyView.OverdueReturn), 0, 10, ct)).Items;
        Assert.Equal([("4110003", (DateOnly?)new DateOnly(2026, 12, 31))], rows.Select(r => (r.Number, r.ReturnDueOn)));
    }

    [Fact]
    public async Task TheOverdueDays_FollowTheSetting()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var (endId, _) = await EndCaseOfKeyHolderAsync(database, clock, ct);
        Assert.IsType<CaseResult.Done>(await CompleteAsync(database, clock, endId, ct, keyReturnedLater: true));
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 8, 12, 0, 0, TimeSpan.Zero));

        var within14 = await KeyServices.Queries(database, "operator", clock).OverdueReturnsAsync(ct);
        var after7 = await KeyServices.Queries(database, "operator", clock, new KeyOptions { ReturnOverdueAfterDays = 7 }).OverdueReturnsAsync(ct);

        Assert.Equal((0, 1), (within14, after7));
    }

    private static CaseWork Work(TestDatabase database, FakeTimeProvider clock) => AppServices.CaseWork(database, "operator", clock);

    /// <summary>Lisa Andersson gets key 4110003 on a new order; an end order for her is placed and taken.</summary>
    private static async Task<(int EndId, int Employee)> EndCaseOfKeyHolderAsync(TestDatabase database, FakeTimeProvider clock, CancellationToken ct)
    {
        var newId = await PlaceAsync(database, clock, PersonalKey("4110003"), ct);
        Assert.IsType<CaseResult.Done>(await CompleteAsync(database, clock, newId, ct));
        var endId = await PlaceAsync(database, clock, OrderRequests.Terminate(), ct);
        Assert.IsType<CaseResult.Done>(await Work(database, clock).TakeAsync(endId, 0, ct));
        return (endId, await EmployeeOfAsync(database, newId, ct));
    }

    private static async Task<(ChecklistRow Item, int Version)> KeyItemAsync(TestDatabase database, FakeTimeProvider clock, int orderId, CancellationToken ct)
    {
        var details = (await Work(database, clock).GetAsync(orderId, ct))!;
        return (details.Checklist.Single(i => i.Kind == ChecklistItemKind.KeyReturn), details.Version);
    }

    private static async Task DisagreeAsync(TestDatabase database, FakeTimeProvider clock, Disagreement disagreement, int employee, CancellationToken ct)
    {
        var register = KeyServices.Register(database, "operator", clock);
        var key = await KeyAsync(database, "4110003", ct);
        switch (disagreement)
        {
            case Disagreement.SomeoneElseHoldsIt:
                var per = (await AddEmployeesAsync(database, Today, ct, "Per Olsson"))[0];
                Assert.IsType<KeyResult.Done>(await register.ReturnAsync(key.Id, key.Version, restock: false, ct));
                Assert.IsType<KeyResult.Done>(await register.AssignAsync(key.Id, key.Version + 1, per, ct));
                break;
            case Disagreement.Lost:
                Assert.IsType<KeyResult.Done>(await register.MarkLostAsync(key.Id, key.Version, "Tappad i snön", ct));
                break;
            case Disagreement.Retired:
                Assert.IsType<KeyResult.Done>(await register.RetireAsync(key.Id, key.Version, "Trasig", ct));
                break;
            case Disagreement.AlreadyReturned:
                Assert.IsType<KeyResult.Done>(await register.ReturnAsync(key.Id, key.Version, restock: false, ct));
                break;
            case Disagreement.ThePersonHoldsAnotherKey:
                Assert.IsType<KeyResult.Done>(await register.ReturnAsync(key.Id, key.Version, restock: false, ct));
                var other = await KeyAsync(database, "4110005", ct);
                Assert.IsType<KeyResult.Done>(await register.AssignAsync(other.Id, other.Version, employee, ct));
                break;
        }
    }
}
