using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.Orders;
using static SocItConsole.Admin.Tests.TestData.KeyRegisterData;

namespace SocItConsole.Admin.Tests.Features.Keys;

public class KeyCaseTests
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");

    [Fact]
    public async Task Completing_WithAPersonalKeyInStock_HandsThatKeyToTheEmployee()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, PersonalKey("4110003"), ct);

        var result = await CompleteAsync(database, clock, orderId, ct);

        Assert.EndsWith("Nyckeln 4110003 lämnades ut till Lisa Andersson.", Assert.IsType<CaseResult.Done>(result).Message, StringComparison.Ordinal);
        var key = await KeyAsync(database, "4110003", ct);
        Assert.Equal((KeyStatus.Issued, (int?)await EmployeeOfAsync(database, orderId, ct)), (key.Status, key.HolderEmployeeId));
        Assert.Equal("Sara Nilsson", key.History[^1].ByName);
    }

    [Fact]
    public async Task Completing_WithANewKeyNumber_RegistersItInTheUnit_AndHandsItOut()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, PersonalKey("0098765"), ct);

        var result = await CompleteAsync(database, clock, orderId, ct);

        Assert.IsType<CaseResult.Done>(result);
        var key = await KeyAsync(database, "0098765", ct);
        Assert.Equal(
            (await UnitIdAsync(database, Centrum, ct), KeyKind.Personal, KeyStatus.Issued, (int?)await EmployeeOfAsync(database, orderId, ct)),
            (key.UnitId, key.Kind, key.Status, key.HolderEmployeeId));
        Assert.Equal([KeyStatus.InStock, KeyStatus.Issued], key.History.OrderBy(e => e.Id).Select(e => e.To));
    }

    [Fact]
    public async Task Completing_IsRefused_WhenTheKeyIsAnotherUnits_AndNothingChanges()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, PersonalKey("4120001"), ct);

        var result = await CompleteAsync(database, clock, orderId, ct);

        Assert.Equal("Nyckeln 4120001 hör till Hemtjänst Skrea, inte till Hemtjänst Centrum. Kontrollera nyckelnumret.",
            Assert.IsType<CaseResult.Refused>(result).Message);
        await AssertStillOpenAsync(database, orderId, ct);
        Assert.Equal(KeyStatus.InStock, (await KeyAsync(database, "4120001", ct)).Status);
    }

    [Fact]
    public async Task Completing_IsRefused_WhenSomeoneElseHoldsTheKey()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var per = (await AddEmployeesAsync(database, Today, ct, "Per Olsson"))[0];
        var key = await KeyAsync(database, "4110003", ct);
        Assert.IsType<KeyResult.Done>(await KeyServices.Register(database, "operator", clock).AssignAsync(key.Id, key.Version, per, ct));
        var orderId = await PlaceAsync(database, clock, PersonalKey("4110003"), ct);

        var result = await CompleteAsync(database, clock, orderId, ct);

        Assert.Equal("Nyckeln 4110003 är utlämnad till någon annan.", Assert.IsType<CaseResult.Refused>(result).Message);
        await AssertStillOpenAsync(database, orderId, ct);
        Assert.Equal((int?)per, (await KeyAsync(database, "4110003", ct)).HolderEmployeeId);
    }

    [Fact]
    public async Task Completing_IsRefused_WhenTheKeyIsLost()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var key = await KeyAsync(database, "4110003", ct);
        await KeyServices.Register(database, "operator", clock).MarkLostAsync(key.Id, key.Version, "Borta", ct);
        var orderId = await PlaceAsync(database, clock, PersonalKey("4110003"), ct);

        var result = await CompleteAsync(database, clock, orderId, ct);

        Assert.Equal("Nyckeln 4110003 har status \"Förlorad\" och kan inte lämnas ut.", Assert.IsType<CaseResult.Refused>(result).Message);
        await AssertStillOpenAsync(database, orderId, ct);
    }

    [Fact]
    public async Task Completing_WithPool_JoinsTheUnitsOnlyPool_FromTheStartDate()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, OrderRequests.NewUndersköterska(), ct);

        var result = await CompleteAsync(database, clock, orderId, ct);

        Assert.EndsWith("Lisa Andersson är med i nyckelpoolen Personalpool från 2026-12-07.", Assert.IsType<CaseResult.Done>(result).Message, StringComparison.Ordinal);
        var memberships = (await KeyServices.Queries(database, "operator", clock).ForEmployeeAsync(await EmployeeOfAsync(database, orderId, ct), ct)).Memberships;
        Assert.Equal(
            new EmployeeMembershipRow(await PoolIdAsync(database, Centrum, Pool, ct), Pool, Centrum, new DateOnly(2026, 12, 7), null),
            Assert.Single(memberships));
    }

    [Fact]
    public async Task Completing_WithPool_IsRefused_ForAUnitWithTwoPools()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, OrderRequests.NewUndersköterska().ForUnit(Hertings), ct);

        var result = await CompleteAsync(database, clock, orderId, ct);

        Assert.Equal(
            "Hertings vård- och omsorgsboende har flera nyckelpooler. Lägg till Lisa Andersson i rätt pool under Nycklar innan ärendet avslutas.",
            Assert.IsType<CaseResult.Refused>(result).Message);
        await AssertStillOpenAsync(database, orderId, ct);
        await using var db = database.CreateDbContext();
        Assert.False(await db.KeyPools.AnyAsync(p => p.Members.Any(), ct));
    }

    [Fact]
    public async Task Completing_WithPool_Succeeds_ForAUnitWithTwoPools_WhenThePersonIsAlreadyInOne()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, OrderRequests.NewUndersköterska().ForUnit(Hertings), ct);
        var pool = await PoolIdAsync(database, Hertings, "Avdelning 2", ct);
        Assert.IsType<KeyResult.Done>(await KeyServices.Pools(database, "operator", clock).AddMemberAsync(pool, await EmployeeOfAsync(database, orderId, ct), Today, ct));

        var result = await CompleteAsync(database, clock, orderId, ct);

        Assert.EndsWith("Lisa Andersson är redan med i nyckelpoolen Avdelning 2.", Assert.IsType<CaseResult.Done>(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuyNewKey_Intake_StartsExactlyOnePurchase_ForTheUnitsCostCentre()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;

        var orderId = await PlaceAsync(database, clock, BuyNewKey(), ct);

        await using var db = database.CreateDbContext();
        var purchase = await db.KeyPurchases.SingleAsync(ct);
        var order = await db.Orders.SingleAsync(o => o.Id == orderId, ct);
        Assert.Equal(
            ((int?)orderId, order.CaseNumber, (int?)order.EmployeeId, Centrum, "4110", KeyPurchaseStatus.Ordered, "Anna Lindqvist"),
            (purchase.OrderId, purchase.CaseNumber, purchase.EmployeeId, purchase.UnitName, purchase.CostCentre, purchase.Status, purchase.OrderedByName));
        Assert.Equal(await UnitIdAsync(database, Centrum, ct), purchase.UnitId);
    }

    [Fact]
    public async Task BuyNewKey_Intake_StartsNoPurchase_ForAPersonalKeyOrPool()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;

        await PlaceAsync(database, clock, PersonalKey("4110003"), ct);
        await PlaceAsync(database, clock, OrderRequests.NewUndersköterska(OrderRequests.Pnr1985), ct);

        await using var db = database.CreateDbContext();
        Assert.False(await db.KeyPurchases.AnyAsync(ct));
    }

    [Fact]
    public async Task BuyNewKey_CompletionWaitsForTheKey_ReceivingHandsItOut_ThenCompletionSucceeds()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, BuyNewKey(), ct);
        var employee = await EmployeeOfAsync(database, orderId, ct);

        var early = await CompleteAsync(database, clock, orderId, ct);

        Assert.Equal("Den köpta nyckeln har inte kommit. Ta emot den under Nycklar → Inköp innan ärendet avslutas.",
            Assert.IsType<CaseResult.Refused>(early).Message);
        await AssertStillOpenAsync(database, orderId, ct, grantsExpected: 0);

        var purchases = KeyServices.Purchases(database, "operator", clock);
        var row = Assert.Single((await purchases.SearchAsync(new PurchaseQuery(Status: KeyPurchaseStatus.Ordered), 0, 10, ct)).Items);
        var received = await purchases.ReceiveAsync(row.Id, row.Version, "4110777", 450m, ct);

        Assert.Equal("Nyckeln 4110777 togs emot för Hemtjänst Centrum och lämnades ut till Lisa Andersson; 450,00 kr faktureras kostnadsställe 4110.",
            Assert.IsType<KeyResult.Done>(received).Message);
        var key = await KeyAsync(database, "4110777", ct);
        Assert.Equal((KeyStatus.Issued, (int?)employee, KeyKind.Personal), (key.Status, key.HolderEmployeeId, key.Kind));

        var work = AppServices.CaseWork(database, "operator", clock);
        var version = (await work.GetAsync(orderId, ct))!.Version;
        var done = await work.MoveAsync(orderId, version, OrderStatus.Completed, null, ct);

        Assert.EndsWith("Den köpta nyckeln 4110777 är utlämnad.", Assert.IsType<CaseResult.Done>(done).Message, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        var purchase = await db.KeyPurchases.SingleAsync(ct);
        Assert.Equal((KeyPurchaseStatus.Received, (int?)key.Id, (decimal?)450m), (purchase.Status, purchase.KeyId, purchase.Price));
        Assert.Equal(1, await db.Keys.CountAsync(k => k.HolderEmployeeId == employee, ct));
    }

    [Fact]
    public async Task BuyNewKey_ReceivingTwice_IsRefused_AndRegistersNoSecondKey()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        await PlaceAsync(database, clock, BuyNewKey(), ct);
        var purchases = KeyServices.Purchases(database, "operator", clock);
        var row = Assert.Single((await purchases.SearchAsync(new PurchaseQuery(), 0, 10, ct)).Items);
        Assert.IsType<KeyResult.Done>(await purchases.ReceiveAsync(row.Id, row.Version, "4110777", 450m, ct));

        var again = await purchases.ReceiveAsync(row.Id, row.Version + 1, "4110778", 450m, ct);
        var stale = await purchases.ReceiveAsync(row.Id, row.Version, "4110779", 450m, ct);

        Assert.Equal("Inköpet är redan mottaget.", Assert.IsType<KeyResult.Refused>(again).Message);
        Assert.IsType<KeyResult.Conflict>(stale);
        await using var db = database.CreateDbContext();
        Assert.False(await db.Keys.AnyAsync(k => k.Number == KeyNumber.Parse("4110778") || k.Number == KeyNumber.Parse("4110779"), ct));
    }

    [Theory]
    [InlineData("4110001", "450", "Inga nycklar registrerades: 4110001 finns redan i registret.")]
    [InlineData("4110777", null, "Ange vad nyckeln kostade.")]
    [InlineData("41107", "450", "Inga nycklar registrerades: \"41107\" är inte 6–8 siffror.")]
    [InlineData("4110777 4110778", "450", "Ange ett nyckelnummer: ett inköp är en nyckel.")]
    [InlineData("4110777", "-1", "Priset ska vara mellan 0 och")]
    public async Task BuyNewKey_Receiving_IsRefused_WithBadInput_AndSavesNothing(string number, string? price, string message)
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        await PlaceAsync(database, clock, BuyNewKey(), ct);
        var purchases = KeyServices.Purchases(database, "operator", clock);
        var row = Assert.Single((await purchases.SearchAsync(new PurchaseQuery(), 0, 10, ct)).Items);
        var value = price is null ? (decimal?)null : decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
        var keys = await CountKeysAsync(database, ct);

        var result = await purchases.ReceiveAsync(row.Id, row.Version, number, value, ct);

        Assert.StartsWith(message, Assert.IsType<KeyResult.Refused>(result).Message, StringComparison.Ordinal);
        Assert.Equal(keys, await CountKeysAsync(database, ct));
        await using var db = database.CreateDbContext();
        Assert.Equal(KeyPurchaseStatus.Ordered, (await db.KeyPurchases.SingleAsync(ct)).Status);
    }

    [Fact]
    public async Task BuyNewKey_CompletionIsRefused_WhenThePurchaseWasCancelled()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, BuyNewKey(), ct);
        var purchases = KeyServices.Purchases(database, "operator", clock);
        var row = Assert.Single((await purchases.SearchAsync(new PurchaseQuery(), 0, 10, ct)).Items);
        Assert.IsType<KeyResult.Done>(await purchases.CancelAsync(row.Id, row.Version, "Leverantören har slutat", ct));

        var result = await CompleteAsync(database, clock, orderId, ct);

        Assert.Equal("Nyckelinköpet för ärendet är avbrutet. Välj en annan nyckel och notera det i ärendet innan det avslutas.",
            Assert.IsType<CaseResult.Refused>(result).Message);
    }

    [Fact]
    public async Task Rejecting_ABuyNewKeyCase_CancelsThePurchase()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, BuyNewKey(), ct);
        var work = AppServices.CaseWork(database, "operator", clock);
        var taken = Assert.IsType<CaseResult.Done>(await work.TakeAsync(orderId, 0, ct));

        var result = await work.MoveAsync(orderId, taken.Version, OrderStatus.Rejected, "Fel verksamhet", ct);

        Assert.EndsWith("Nyckelinköpet avbröts.", Assert.IsType<CaseResult.Done>(result).Message, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        var purchase = await db.KeyPurchases.SingleAsync(ct);
        var order = await db.Orders.SingleAsync(o => o.Id == orderId, ct);
        Assert.Equal((KeyPurchaseStatus.Cancelled, $"Ärendet {order.CaseNumber} avslogs.", "Sara Nilsson"), (purchase.Status, purchase.CancelReason, purchase.CancelledByName));
    }

    [Fact]
    public async Task Rejecting_AfterTheKeyWasReceived_LeavesThePurchaseReceived()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, BuyNewKey(), ct);
        var purchases = KeyServices.Purchases(database, "operator", clock);
        var row = Assert.Single((await purchases.SearchAsync(new PurchaseQuery(), 0, 10, ct)).Items);
        await purchases.ReceiveAsync(row.Id, row.Version, "4110777", 450m, ct);

        var result = await AppServices.CaseWork(database, "operator", clock).MoveAsync(orderId, 0, OrderStatus.Rejected, "Ångrad", ct);

        Assert.IsType<CaseResult.Done>(result);
        await using var db = database.CreateDbContext();
        Assert.Equal(KeyPurchaseStatus.Received, (await db.KeyPurchases.SingleAsync(ct)).Status);
    }

    [Fact]
    public async Task EndOfEmployment_MarksThePersonalKeyToBeReturned_AndEndsPoolMembershipOnTheLastWorkingDay()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, PersonalKey("4110003"), ct);
        Assert.IsType<CaseResult.Done>(await CompleteAsync(database, clock, orderId, ct));
        var employee = await EmployeeOfAsync(database, orderId, ct);
        var pool = await PoolIdAsync(database, Centrum, Pool, ct);
        Assert.IsType<KeyResult.Done>(await KeyServices.Pools(database, "operator", clock).AddMemberAsync(pool, employee, Today, ct));
        var endId = await PlaceAsync(database, clock, OrderRequests.Terminate(), ct);

        var result = await CompleteAsync(database, clock, endId, ct, keyReturnedLater: true);

        Assert.EndsWith("Nyckeln 4110003 ska återlämnas. Sista dag i Personalpool är 2026-12-31.", Assert.IsType<CaseResult.Done>(result).Message, StringComparison.Ordinal);
        var key = await KeyAsync(database, "4110003", ct);
        Assert.Equal((KeyStatus.ToBeReturned, (int?)employee, (DateOnly?)new DateOnly(2026, 12, 31)), (key.Status, key.HolderEmployeeId, key.ReturnDueOn));
        var keys = await KeyServices.Queries(database, "operator", clock).ForEmployeeAsync(employee, ct);
        Assert.Equal(new DateOnly(2026, 12, 31), Assert.Single(keys.Memberships).To);
        Assert.Equal(["4110003"], (await KeyServices.Queries(database, "operator", clock).SearchAsync(new KeyQuery(View: KeyView.ToBeReturned), 0, 10, ct)).Items.Select(k => k.Number));
    }

    [Fact]
    public async Task EndOfEmployment_ShortensATemporaryPoolMembership_ThatRunsPastTheLastWorkingDay()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, OrderRequests.NewUndersköterska(), ct);
        Assert.IsType<CaseResult.Done>(await CompleteAsync(database, clock, orderId, ct));
        var temporaryId = await PlaceAsync(database, clock, OrderRequests.TemporaryUnit(), ct);
        Assert.IsType<CaseResult.Done>(await CompleteAsync(database, clock, temporaryId, ct));
        var employee = await EmployeeOfAsync(database, orderId, ct);
        var endId = await PlaceAsync(database, clock, OrderRequests.Terminate(), ct);

        Assert.IsType<CaseResult.Done>(await CompleteAsync(database, clock, endId, ct));

        var memberships = (await KeyServices.Queries(database, "operator", clock).ForEmployeeAsync(employee, ct)).Memberships;
        Assert.Equal(2, memberships.Count);
        Assert.All(memberships, m => Assert.Equal(new DateOnly(2026, 12, 31), m.To));
    }

    internal static OrderRequest PersonalKey(string number) =>
        OrderRequests.NewUndersköterska() with { KeyKind = KeyChoiceKind.PersonalKey, KeyNumber = number };

    private static OrderRequest BuyNewKey() => OrderRequests.NewUndersköterska() with { KeyKind = KeyChoiceKind.BuyNewKey };

    internal static async Task<int> PlaceAsync(TestDatabase database, TimeProvider clock, OrderRequest request, CancellationToken ct)
    {
        var placed = await AppServices.OrderIntake(database, clock).PlaceAsync(request, OrderChannel.Console, Chef, ct: ct);
        return Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id;
    }

    [Fact]
    public async Task Completing_WithTheKeyStepNotApplicable_HandsOutNoPersonalKey()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, PersonalKey("4110003"), ct);

        var result = await CompleteAsync(database, clock, orderId, ct, keyStepNotApplicable: true);

        Assert.EndsWith("Swedlock ej aktuellt: ingen nyckel lämnades ut.", Assert.IsType<CaseResult.Done>(result).Message, StringComparison.Ordinal);
        var key = await KeyAsync(database, "4110003", ct);
        Assert.Equal((KeyStatus.InStock, (int?)null), (key.Status, key.HolderEmployeeId));
    }

    [Fact]
    public async Task Completing_WithTheKeyStepNotApplicable_RegistersNoNewKey()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var before = await CountKeysAsync(database, ct);
        var orderId = await PlaceAsync(database, clock, PersonalKey("0098765"), ct);

        Assert.IsType<CaseResult.Done>(await CompleteAsync(database, clock, orderId, ct, keyStepNotApplicable: true));

        Assert.Equal(before, await CountKeysAsync(database, ct));
    }

    [Fact]
    public async Task Completing_WithTheKeyStepNotApplicable_AddsNoPoolMembership()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, OrderRequests.NewUndersköterska(), ct);

        var result = await CompleteAsync(database, clock, orderId, ct, keyStepNotApplicable: true);

        Assert.EndsWith("Swedlock ej aktuellt: Lisa Andersson lades inte till i nyckelpoolen.", Assert.IsType<CaseResult.Done>(result).Message, StringComparison.Ordinal);
        var memberships = (await KeyServices.Queries(database, "operator", clock).ForEmployeeAsync(await EmployeeOfAsync(database, orderId, ct), ct)).Memberships;
        Assert.Empty(memberships);
    }

    [Fact]
    public async Task Completing_WithTheKeyStepNotApplicable_CancelsAPurchaseNotYetReceived()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var orderId = await PlaceAsync(database, clock, BuyNewKey(), ct);

        var result = await CompleteAsync(database, clock, orderId, ct, keyStepNotApplicable: true);

        Assert.EndsWith("Swedlock ej aktuellt: nyckelinköpet avbröts.", Assert.IsType<CaseResult.Done>(result).Message, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        var purchase = await db.KeyPurchases.SingleAsync(ct);
        var order = await db.Orders.SingleAsync(o => o.Id == orderId, ct);
        Assert.Equal(
            (KeyPurchaseStatus.Cancelled, $"Swedlock markerades ej aktuellt i ärendet {order.CaseNumber}."),
            (purchase.Status, purchase.CancelReason));
    }

    /// <summary>
    /// Takes the case (unless taken), ticks every checklist item and asks to complete it. With
    /// <paramref name="keyReturnedLater"/> a key return item is marked "Ej aktuell" instead: the key comes back later.
    /// </summary>
    internal static async Task<CaseResult> CompleteAsync(
        TestDatabase database, TimeProvider clock, int orderId, CancellationToken ct, bool keyStepNotApplicable = false,
        bool keyReturnedLater = false)
    {
        await TestConsents.ApproveAsync(database, orderId, clock.GetUtcNow());
        var work = AppServices.CaseWork(database, "operator", clock);
        var details = (await work.GetAsync(orderId, ct))!;
        var version = details.Status == OrderStatus.Received
            ? Assert.IsType<CaseResult.Done>(await work.TakeAsync(orderId, details.Version, ct)).Version
            : details.Version;
        foreach (var item in (await work.GetAsync(orderId, ct))!.Checklist.Where(i => i.State == ChecklistState.Todo))
        {
            var (state, note) = (keyStepNotApplicable && item.Kind == ChecklistItemKind.Key)
                    || (keyReturnedLater && item.Kind == ChecklistItemKind.KeyReturn)
                ? (ChecklistState.NotApplicable, item.Kind == ChecklistItemKind.Key
                    ? "Har redan en nyckel från sin förra verksamhet"
                    : "Lämnas efter sista arbetsdagen")
                : (ChecklistState.Done, (string?)null);
            version = Assert.IsType<CaseResult.Done>(await work.MarkItemAsync(orderId, version, item.Id, state, note, ct)).Version;
        }

        return await work.MoveAsync(orderId, version, OrderStatus.Completed, null, ct);
    }

    private static async Task AssertStillOpenAsync(TestDatabase database, int orderId, CancellationToken ct, int grantsExpected = 0)
    {
        await using var db = database.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId, ct);
        Assert.Equal(OrderStatus.InProgress, order.Status);
        Assert.Equal(grantsExpected, await db.Grants.CountAsync(g => g.EmployeeId == order.EmployeeId, ct));
    }

    internal static async Task<int> EmployeeOfAsync(TestDatabase database, int orderId, CancellationToken ct)
    {
        await using var db = database.CreateDbContext();
        return await db.Orders.Where(o => o.Id == orderId).Select(o => o.EmployeeId).SingleAsync(ct);
    }

    private static async Task<int> CountKeysAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.CreateDbContext();
        return await db.Keys.CountAsync(ct);
    }
}
