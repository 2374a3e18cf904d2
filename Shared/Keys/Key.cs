using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Keys;

/// <summary>
/// One Swedlock key in the register. The owning unit pays for it. Every change of status goes through a method here
/// and leaves a <see cref="KeyEvent"/>, so the history answers "who had this key, and what happened to it".
/// </summary>
public sealed class Key
{
    public const int NoteMaxLength = 500;

    private readonly List<KeyEvent> _history = [];

    private Key()
    {
    }

    private Key(KeyNumber number, int unitId, KeyKind kind, int? poolId)
    {
        Number = number;
        UnitId = unitId;
        Kind = kind;
        PoolId = poolId;
        Status = KeyStatus.InStock;
    }

    public int Id { get; private set; }

    public KeyNumber Number { get; private set; }

    /// <summary>The unit that owns, and pays for, the key.</summary>
    public int UnitId { get; private set; }

    public KeyKind Kind { get; private set; }

    public int? PoolId { get; private set; }

    public KeyStatus Status { get; private set; }

    public int? HolderEmployeeId { get; private set; }

    /// <summary>
    /// While the key is to be returned: the day it is due (an end order's last working day). Null in every other
    /// status; see <see cref="KeyReturnRules"/> for when it counts as overdue.
    /// </summary>
    public DateOnly? ReturnDueOn { get; private set; }

    /// <summary>One more for every change: two operators acting on the same key at once cannot both succeed.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<KeyEvent> History => _history;

    /// <summary>Registers a new key, in stock. A pool key names its pool; a personal key has none.</summary>
    public static Key Register(KeyNumber number, int unitId, KeyKind kind, int? poolId, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (string.IsNullOrEmpty(number.Value))
        {
            throw new DomainException("Nyckelnummer saknas.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitId);
        if (kind == KeyKind.Pool && poolId is null)
        {
            throw new DomainException($"Poolnyckeln {number} måste höra till en nyckelpool.");
        }

        if (kind == KeyKind.Personal && poolId is not null)
        {
            throw new DomainException($"Den personliga nyckeln {number} kan inte höra till en nyckelpool.");
        }

        var key = new Key(number, unitId, kind, poolId) { Version = 1 };
        key._history.Add(new KeyEvent(null, KeyStatus.InStock, by.Name, at, null, null));
        return key;
    }

    /// <summary>Hands a personal key to <paramref name="employeeId"/>. Pool keys are taken per shift, never assigned.</summary>
    public void AssignTo(int employeeId, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(employeeId);
        if (Kind == KeyKind.Pool)
        {
            throw new DomainException($"Nyckeln {Number} är en poolnyckel och lämnas inte ut till en person.");
        }

        switch (Status)
        {
            case KeyStatus.Issued or KeyStatus.ToBeReturned when HolderEmployeeId == employeeId:
                throw new DomainException($"Nyckeln {Number} är redan utlämnad till personen.");
            case KeyStatus.Issued or KeyStatus.ToBeReturned:
                throw new DomainException($"Nyckeln {Number} är utlämnad till någon annan.");
            case KeyStatus.Lost or KeyStatus.Retired:
                throw Refused("lämnas ut");
        }

        Move(KeyStatus.Issued, by, at, null, employeeId);
    }

    /// <summary>
    /// The holder is to hand the key back by <paramref name="dueOn"/>, for instance the last working day of an
    /// employment that ends.
    /// </summary>
    public void MarkToBeReturned(Actor by, DateTimeOffset at, DateOnly dueOn)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status != KeyStatus.Issued)
        {
            throw Refused("markeras att återlämnas");
        }

        Move(KeyStatus.ToBeReturned, by, at, null, HolderEmployeeId);
        ReturnDueOn = dueOn;
    }

    /// <summary>
    /// The holder handed the key back; it can be assigned again or put back in stock. The note says where, for
    /// instance the case whose checklist recorded it.
    /// </summary>
    public void Return(Actor by, DateTimeOffset at, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status is not (KeyStatus.Issued or KeyStatus.ToBeReturned))
        {
            throw Refused("återlämnas");
        }

        Move(KeyStatus.Returned, by, at, Text.Optional(note, NoteMaxLength, "Anteckningen"), null);
    }

    /// <summary>Puts a returned key back in stock.</summary>
    public void Restock(Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status != KeyStatus.Returned)
        {
            throw Refused("läggas i lager");
        }

        Move(KeyStatus.InStock, by, at, null, null);
    }

    /// <summary>
    /// Moves a free key into a unit's pool, where members take it per shift. It is in stock there, and nobody holds it.
    /// </summary>
    public void AddToPool(int poolId, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(poolId);
        if (Kind == KeyKind.Pool)
        {
            throw new DomainException($"Nyckeln {Number} är redan en poolnyckel.");
        }

        if (Status is not (KeyStatus.InStock or KeyStatus.Returned))
        {
            throw Refused("läggas i en nyckelpool");
        }

        Kind = KeyKind.Pool;
        PoolId = poolId;
        Move(KeyStatus.InStock, by, at, "Lagd i nyckelpool.", null);
    }

    /// <summary>The key is lost. The note says how, because the unit pays for the replacement.</summary>
    public void MarkLost(Actor by, DateTimeOffset at, string? note)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status is KeyStatus.Lost or KeyStatus.Retired)
        {
            throw Refused("markeras som förlorad");
        }

        var text = Text.Required(note, NoteMaxLength, "Anteckningen");
        Move(KeyStatus.Lost, by, at, text, null);
    }

    /// <summary>Takes the key out of use for good. The note says why.</summary>
    public void Retire(Actor by, DateTimeOffset at, string? note)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status == KeyStatus.Retired)
        {
            throw Refused("kasseras");
        }

        var text = Text.Required(note, NoteMaxLength, "Anteckningen");
        Move(KeyStatus.Retired, by, at, text, null);
    }

    /// <summary>
    /// Moves the key, and <paramref name="newHolder"/> becomes the holder. The event names the holder of the change:
    /// the new one, or the one who last had the key when it leaves a person's hands.
    /// </summary>
    private void Move(KeyStatus to, Actor by, DateTimeOffset at, string? note, int? newHolder)
    {
        var eventHolder = newHolder ?? HolderEmployeeId;
        _history.Add(new KeyEvent(Status, to, by.Name, at, note, eventHolder));
        Status = to;
        HolderEmployeeId = newHolder;
        ReturnDueOn = null;
        Version++;
    }

    private DomainException Refused(string action) =>
        new($"Nyckeln {Number} har status \"{KeyTexts.Status(Status)}\" och kan inte {action}.");
}
