using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Keys;

public enum KeyPurchaseStatus
{
    Ordered,
    Received,
    Cancelled,
}

/// <summary>
/// A new Swedlock key bought for a unit, which pays for it through its cost centre. It starts when an order says
/// "köp ny nyckel" (or an operator buys one for stock) and ends when the key arrives and is registered against it,
/// or when it is cancelled. Unit name and cost centre are copied at purchase: the invoice names what was true then.
/// </summary>
public sealed class KeyPurchase
{
    public const int NoteMaxLength = 500;
    public const decimal MaxPrice = 100_000m;

    private KeyPurchase()
    {
        UnitName = CostCentre = OrderedByName = string.Empty;
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public string UnitName { get; private set; }

    public string CostCentre { get; private set; }

    /// <summary>The order that asked for the key, if one did; a purchase for stock has none.</summary>
    public int? OrderId { get; private set; }

    public string? CaseNumber { get; private set; }

    /// <summary>The employee the key is for; the key is assigned to them when it arrives.</summary>
    public int? EmployeeId { get; private set; }

    public DateTimeOffset OrderedAt { get; private set; }

    public string OrderedByName { get; private set; }

    public KeyPurchaseStatus Status { get; private set; }

    public int? KeyId { get; private set; }

    public string? KeyNumber { get; private set; }

    /// <summary>What the unit is charged, in kronor, set when the key arrives.</summary>
    public decimal? Price { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    public string? ReceivedByName { get; private set; }

    public string? Note { get; private set; }

    public int Version { get; private set; }

    public static KeyPurchase Start(
        int unitId,
        string unitName,
        string costCentre,
        int? employeeId,
        int? orderId,
        string? caseNumber,
        string? note,
        Actor by,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitId);
        return new KeyPurchase
        {
            UnitId = unitId,
            UnitName = Text.Required(unitName, 200, "Verksamheten"),
            CostCentre = costCentre?.Trim() ?? string.Empty,
            EmployeeId = employeeId,
            OrderId = orderId,
            CaseNumber = caseNumber,
            Note = Text.Optional(note, NoteMaxLength, "Anteckningen"),
            OrderedAt = at.ToUniversalTime(),
            OrderedByName = by.Name,
            Status = KeyPurchaseStatus.Ordered,
            Version = 1,
        };
    }

    /// <summary>The key has arrived: <paramref name="key"/> was registered for the purchase's unit.</summary>
    public void Receive(Key key, decimal price, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(by);
        if (Status != KeyPurchaseStatus.Ordered)
        {
            throw new DomainException($"Inköpet är redan {KeyTexts.PurchaseStatus(Status).ToLowerInvariant()}.");
        }

        if (key.UnitId != UnitId)
        {
            throw new DomainException("Nyckeln måste registreras på den verksamhet som betalar inköpet.");
        }

        if (price is < 0 or > MaxPrice)
        {
            throw new DomainException($"Priset ska vara mellan 0 och {MaxPrice:N0} kr.");
        }

        if (key.Id <= 0)
        {
            throw new InvalidOperationException("The key must be saved before it is received against a purchase.");
        }

        Status = KeyPurchaseStatus.Received;
        KeyId = key.Id;
        KeyNumber = key.Number.Value;
        Price = price;
        ReceivedAt = at.ToUniversalTime();
        ReceivedByName = by.Name;
        Version++;
    }

    /// <summary>The key is not bought after all, for instance because the order was rejected. The note says why.</summary>
    public void Cancel(string? note, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status != KeyPurchaseStatus.Ordered)
        {
            throw new DomainException($"Inköpet är redan {KeyTexts.PurchaseStatus(Status).ToLowerInvariant()} och kan inte avbrytas.");
        }

        Note = Text.Required(note, NoteMaxLength, "Skälet");
        Status = KeyPurchaseStatus.Cancelled;
        ReceivedByName = by.Name;
        ReceivedAt = at.ToUniversalTime();
        Version++;
    }
}
