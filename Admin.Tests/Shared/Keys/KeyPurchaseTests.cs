using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;

namespace SocItConsole.Admin.Tests.Shared.Keys;

public class KeyPurchaseTests
{
    private const int UnitId = 3;
    private const int OtherUnitId = 4;
    private const int Employee = 41;

    private static readonly Actor Orderer = new("chef-1", "Anna Lindqvist");
    private static readonly Actor Operator = new("op-1", "Olle Operatör");
    private static readonly DateTimeOffset Ordered = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Arrived = new(2026, 11, 9, 14, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Start_CopiesUnitAndCostCentre_AndIsOrdered()
    {
        var purchase = Start();

        Assert.Equal(
            (UnitId, "Hemtjänst Centrum", "4110", (int?)Employee, (int?)17, "SOC-2026-00017", KeyPurchaseStatus.Ordered, 1),
            (purchase.UnitId, purchase.UnitName, purchase.CostCentre, purchase.EmployeeId, purchase.OrderId, purchase.CaseNumber, purchase.Status, purchase.Version));
        Assert.Equal(("Anna Lindqvist", Ordered, TimeSpan.Zero), (purchase.OrderedByName, purchase.OrderedAt, purchase.OrderedAt.Offset));
        Assert.Null(purchase.KeyId);
        Assert.Null(purchase.Price);
        Assert.Null(purchase.ReceivedAt);
    }

    [Fact]
    public void Receive_RecordsKeyPriceWhoAndWhen()
    {
        var purchase = Start();
        var key = SavedKey(UnitId, id: 77);

        purchase.Receive(key, 450.50m, Operator, Arrived);

        Assert.Equal(KeyPurchaseStatus.Received, purchase.Status);
        Assert.Equal(((int?)77, "4110007", (decimal?)450.50m), (purchase.KeyId, purchase.KeyNumber, purchase.Price));
        Assert.Equal(("Olle Operatör", (DateTimeOffset?)Arrived), (purchase.ReceivedByName, purchase.ReceivedAt));
        Assert.Equal(TimeSpan.Zero, purchase.ReceivedAt!.Value.Offset);
        Assert.Equal(2, purchase.Version);
    }

    [Fact]
    public void Receive_IsRefused_TheSecondTime_AndKeepsTheFirstKey()
    {
        var purchase = Start();
        purchase.Receive(SavedKey(UnitId, id: 77), 450m, Operator, Arrived);

        var error = Assert.Throws<DomainException>(() => purchase.Receive(SavedKey(UnitId, id: 78, number: "4110008"), 500m, Operator, Arrived));

        Assert.Equal("Inköpet är redan mottaget.", error.Message);
        Assert.Equal(((int?)77, (decimal?)450m, 2), (purchase.KeyId, purchase.Price, purchase.Version));
    }

    [Fact]
    public void Receive_IsRefused_WhenTheKeyIsAnotherUnits()
    {
        var purchase = Start();

        var error = Assert.Throws<DomainException>(() => purchase.Receive(SavedKey(OtherUnitId, id: 77), 450m, Operator, Arrived));

        Assert.Equal("Nyckeln måste registreras på den verksamhet som betalar inköpet.", error.Message);
        AssertStillOrdered(purchase);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.01")]
    [InlineData("450")]
    [InlineData("100000")]
    public void Receive_AcceptsAPriceFromZeroToTheMaximum(string price)
    {
        var purchase = Start();
        var value = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);

        purchase.Receive(SavedKey(UnitId, id: 77), value, Operator, Arrived);

        Assert.Equal(value, purchase.Price);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("-450")]
    [InlineData("100000.01")]
    [InlineData("1000000")]
    public void Receive_IsRefused_WhenThePriceIsOutOfBounds(string price)
    {
        var purchase = Start();
        var value = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<DomainException>(() => purchase.Receive(SavedKey(UnitId, id: 77), value, Operator, Arrived));

        Assert.StartsWith("Priset ska vara mellan 0 och 100", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" kr.", error.Message, StringComparison.Ordinal);
        AssertStillOrdered(purchase);
    }

    [Fact]
    public void Receive_WithAKeyNotYetSaved_Throws_AndLeavesThePurchaseOrdered()
    {
        var purchase = Start();
        var unsaved = Key.Register(KeyNumber.Parse("4110007"), UnitId, KeyKind.Personal, null, Operator, Arrived);

        Assert.Throws<InvalidOperationException>(() => purchase.Receive(unsaved, 450m, Operator, Arrived));

        AssertStillOrdered(purchase);
    }

    [Fact]
    public void Cancel_RecordsTheReasonWhoAndWhen()
    {
        var purchase = Start();

        purchase.Cancel("  Ärendet avslogs.  ", Operator, Arrived);

        Assert.Equal(KeyPurchaseStatus.Cancelled, purchase.Status);
        Assert.Equal(("Ärendet avslogs.", "Olle Operatör", (DateTimeOffset?)Arrived, 2), (purchase.CancelReason, purchase.CancelledByName, purchase.CancelledAt, purchase.Version));
        Assert.Null(purchase.KeyId);
        Assert.Null(purchase.Price);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Cancel_IsRefused_WithoutAReason(string? reason)
    {
        var purchase = Start();

        var error = Assert.Throws<DomainException>(() => purchase.Cancel(reason, Operator, Arrived));

        Assert.Equal("Skälet måste anges.", error.Message);
        AssertStillOrdered(purchase);
    }

    [Fact]
    public void Cancel_IsRefused_WhenTheReasonIsTooLong()
    {
        var purchase = Start();

        var error = Assert.Throws<DomainException>(() => purchase.Cancel(new string('x', KeyPurchase.NoteMaxLength + 1), Operator, Arrived));

        Assert.Equal($"Skälet får vara högst {KeyPurchase.NoteMaxLength} tecken.", error.Message);
        AssertStillOrdered(purchase);
    }

    [Fact]
    public void Cancel_IsRefused_WhenTheKeyWasReceived()
    {
        var purchase = Start();
        purchase.Receive(SavedKey(UnitId, id: 77), 450m, Operator, Arrived);

        var error = Assert.Throws<DomainException>(() => purchase.Cancel("Fel nyckel", Operator, Arrived.AddDays(1)));

        Assert.Equal("Inköpet är redan mottaget och kan inte avbrytas.", error.Message);
        Assert.Equal((KeyPurchaseStatus.Received, 2, (DateTimeOffset?)Arrived), (purchase.Status, purchase.Version, purchase.ReceivedAt));
    }

    [Fact]
    public void CancelledPurchase_CanNeitherBeReceivedNorCancelledAgain()
    {
        var purchase = Start();
        purchase.Cancel("Behövs inte", Operator, Arrived);

        var receive = Assert.Throws<DomainException>(() => purchase.Receive(SavedKey(UnitId, id: 77), 450m, Operator, Arrived));
        var cancel = Assert.Throws<DomainException>(() => purchase.Cancel("Igen", Operator, Arrived));

        Assert.Equal("Inköpet är redan avbrutet.", receive.Message);
        Assert.Equal("Inköpet är redan avbrutet och kan inte avbrytas.", cancel.Message);
        Assert.Equal(("Behövs inte", 2), (purchase.CancelReason, purchase.Version));
    }

    [Fact]
    public void Start_IsRefused_WithoutAUnitName() =>
        Assert.Equal("Verksamheten måste anges.", Assert.Throws<DomainException>(
            () => KeyPurchase.Start(UnitId, " ", "4110", null, null, null, null, Orderer, Ordered)).Message);

    private static KeyPurchase Start() =>
        KeyPurchase.Start(UnitId, "Hemtjänst Centrum", " 4110 ", Employee, 17, "SOC-2026-00017", null, Orderer, Ordered);

    private static void AssertStillOrdered(KeyPurchase purchase)
    {
        Assert.Equal((KeyPurchaseStatus.Ordered, 1), (purchase.Status, purchase.Version));
        Assert.Null(purchase.KeyId);
        Assert.Null(purchase.KeyNumber);
        Assert.Null(purchase.Price);
        Assert.Null(purchase.ReceivedAt);
        Assert.Null(purchase.ReceivedByName);
    }

    /// <summary>A key as it is after saving: the register gives it its id, which a received purchase points to.</summary>
    private static Key SavedKey(int unitId, int id, string number = "4110007")
    {
        var key = Key.Register(KeyNumber.Parse(number), unitId, KeyKind.Personal, null, Operator, Arrived);
        typeof(Key).GetProperty(nameof(Key.Id))!.SetValue(key, id);
        return key;
    }
}
