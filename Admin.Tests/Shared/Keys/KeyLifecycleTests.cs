using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;

namespace SocItConsole.Admin.Tests.Shared.Keys;

public class KeyLifecycleTests
{
    private const int UnitId = 3;
    private const int PoolId = 9;
    private const int Holder = 41;
    private const int Other = 42;

    private static readonly Actor Operator = new("op-1", "Olle Operatör");
    private static readonly Actor Second = new("op-2", "Stina Sköterska");
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2025, 3, 2, 10, 30, 0, TimeSpan.FromHours(1));
    private static readonly KeyNumber Number = KeyNumber.Parse("0012345");
    private static readonly DateOnly Due = new(2025, 3, 31);

    public enum Action
    {
        Assign,
        MarkToBeReturned,
        Return,
        Restock,
        MarkLost,
        Retire,
    }

    [Fact]
    public void Register_PutsKeyInStock_WithOneEvent()
    {
        var key = Key.Register(Number, UnitId, KeyKind.Personal, null, Operator, T0);

        Assert.Equal(Number, key.Number);
        Assert.Equal(UnitId, key.UnitId);
        Assert.Equal(KeyKind.Personal, key.Kind);
        Assert.Null(key.PoolId);
        Assert.Equal(KeyStatus.InStock, key.Status);
        Assert.Null(key.HolderEmployeeId);
        var registered = Assert.Single(key.History);
        Assert.Null(registered.From);
        Assert.Equal(KeyStatus.InStock, registered.To);
        Assert.Equal("Olle Operatör", registered.ByName);
        Assert.Equal(T0, registered.At);
    }

    [Theory]
    [InlineData(Action.Return)]
    [InlineData(Action.MarkLost)]
    [InlineData(Action.Retire)]
    public void MarkToBeReturned_RecordsTheDueDay_AndTheNextMoveClearsIt(Action next)
    {
        var key = Key.Register(Number, UnitId, KeyKind.Personal, null, Operator, T0);
        key.AssignTo(Holder, Operator, T0);

        key.MarkToBeReturned(Operator, T0, Due);
        Assert.Equal(Due, key.ReturnDueOn);
        Do(key, next, Holder);

        Assert.Null(key.ReturnDueOn);
    }

    [Fact]
    public void Return_KeepsItsNote_InTheHistory()
    {
        var key = Key.Register(Number, UnitId, KeyKind.Personal, null, Operator, T0);
        key.AssignTo(Holder, Operator, T0);

        key.Return(Second, Later, "Återlämnad enligt ärendet SOC-2026-00042.");

        Assert.Equal(
            (KeyStatus.Returned, "Återlämnad enligt ärendet SOC-2026-00042.", (int?)Holder),
            (key.History[^1].To, key.History[^1].Note, key.History[^1].HolderEmployeeId));
    }

    [Fact]
    public void Register_PoolKey_KeepsItsPool()
    {
        var key = Key.Register(Number, UnitId, KeyKind.Pool, PoolId, Operator, T0);

        Assert.Equal(KeyKind.Pool, key.Kind);
        Assert.Equal(PoolId, key.PoolId);
        Assert.Equal(KeyStatus.InStock, key.Status);
    }

    [Fact]
    public void Register_Fails_WhenPoolKeyHasNoPool()
    {
        var error = Assert.Throws<DomainException>(() => Key.Register(Number, UnitId, KeyKind.Pool, null, Operator, T0));

        Assert.Equal("Poolnyckeln 0012345 måste höra till en nyckelpool.", error.Message);
    }

    [Fact]
    public void Register_Fails_WhenPersonalKeyNamesAPool()
    {
        var error = Assert.Throws<DomainException>(
            () => Key.Register(Number, UnitId, KeyKind.Personal, PoolId, Operator, T0));

        Assert.Equal("Den personliga nyckeln 0012345 kan inte höra till en nyckelpool.", error.Message);
    }

    [Fact]
    public void Register_Fails_WithoutNumber()
    {
        var error = Assert.Throws<DomainException>(
            () => Key.Register(default, UnitId, KeyKind.Personal, null, Operator, T0));

        Assert.Equal("Nyckelnummer saknas.", error.Message);
    }

    [Theory]
    [InlineData(KeyStatus.InStock, Action.Assign, KeyStatus.Issued)]
    [InlineData(KeyStatus.Returned, Action.Assign, KeyStatus.Issued)]
    [InlineData(KeyStatus.Issued, Action.MarkToBeReturned, KeyStatus.ToBeReturned)]
    [InlineData(KeyStatus.Issued, Action.Return, KeyStatus.Returned)]
    [InlineData(KeyStatus.ToBeReturned, Action.Return, KeyStatus.Returned)]
    [InlineData(KeyStatus.Returned, Action.Restock, KeyStatus.InStock)]
    [InlineData(KeyStatus.InStock, Action.MarkLost, KeyStatus.Lost)]
    [InlineData(KeyStatus.Issued, Action.MarkLost, KeyStatus.Lost)]
    [InlineData(KeyStatus.ToBeReturned, Action.MarkLost, KeyStatus.Lost)]
    [InlineData(KeyStatus.Returned, Action.MarkLost, KeyStatus.Lost)]
    [InlineData(KeyStatus.InStock, Action.Retire, KeyStatus.Retired)]
    [InlineData(KeyStatus.Issued, Action.Retire, KeyStatus.Retired)]
    [InlineData(KeyStatus.ToBeReturned, Action.Retire, KeyStatus.Retired)]
    [InlineData(KeyStatus.Returned, Action.Retire, KeyStatus.Retired)]
    [InlineData(KeyStatus.Lost, Action.Retire, KeyStatus.Retired)]
    public void AllowedTransition_MovesKey_AndRecordsEvent(KeyStatus from, Action action, KeyStatus to)
    {
        var key = KeyIn(from);
        var eventsBefore = key.History.Count;

        Do(key, action, Other);

        Assert.Equal(to, key.Status);
        Assert.Equal(eventsBefore + 1, key.History.Count);
        var last = key.History[^1];
        Assert.Equal(from, last.From);
        Assert.Equal(to, last.To);
        Assert.Equal("Stina Sköterska", last.ByName);
        Assert.Equal(Later.ToUniversalTime(), last.At);
        Assert.Equal(TimeSpan.Zero, last.At.Offset);
        int? expectedHolder = to switch
        {
            KeyStatus.Issued => Other,
            KeyStatus.ToBeReturned => Holder,
            _ => null,
        };
        Assert.Equal(expectedHolder, key.HolderEmployeeId);
        Assert.Equal(to is KeyStatus.Lost or KeyStatus.Retired ? "Anteckning" : null, last.Note);
    }

    [Theory]
    [InlineData(KeyStatus.Issued, Action.Assign, "Nyckeln 0012345 är utlämnad till någon annan.")]
    [InlineData(KeyStatus.ToBeReturned, Action.Assign, "Nyckeln 0012345 är utlämnad till någon annan.")]
    [InlineData(KeyStatus.Lost, Action.Assign, "Nyckeln 0012345 har status \"Förlorad\" och kan inte lämnas ut.")]
    [InlineData(KeyStatus.Retired, Action.Assign, "Nyckeln 0012345 har status \"Kasserad\" och kan inte lämnas ut.")]
    [InlineData(KeyStatus.InStock, Action.MarkToBeReturned,
        "Nyckeln 0012345 har status \"I lager\" och kan inte markeras att återlämnas.")]
    [InlineData(KeyStatus.ToBeReturned, Action.MarkToBeReturned,
        "Nyckeln 0012345 har status \"Ska återlämnas\" och kan inte markeras att återlämnas.")]
    [InlineData(KeyStatus.Returned, Action.MarkToBeReturned,
        "Nyckeln 0012345 har status \"Återlämnad\" och kan inte markeras att återlämnas.")]
    [InlineData(KeyStatus.Lost, Action.MarkToBeReturned,
        "Nyckeln 0012345 har status \"Förlorad\" och kan inte markeras att återlämnas.")]
    [InlineData(KeyStatus.Retired, Action.MarkToBeReturned,
        "Nyckeln 0012345 har status \"Kasserad\" och kan inte markeras att återlämnas.")]
    [InlineData(KeyStatus.InStock, Action.Return, "Nyckeln 0012345 har status \"I lager\" och kan inte återlämnas.")]
    [InlineData(KeyStatus.Returned, Action.Return, "Nyckeln 0012345 har status \"Återlämnad\" och kan inte återlämnas.")]
    [InlineData(KeyStatus.Lost, Action.Return, "Nyckeln 0012345 har status \"Förlorad\" och kan inte återlämnas.")]
    [InlineData(KeyStatus.Retired, Action.Return, "Nyckeln 0012345 har status \"Kasserad\" och kan inte återlämnas.")]
    [InlineData(KeyStatus.InStock, Action.Restock, "Nyckeln 0012345 har status \"I lager\" och kan inte läggas i lager.")]
    [InlineData(KeyStatus.Issued, Action.Restock, "Nyckeln 0012345 har status \"Utlämnad\" och kan inte läggas i lager.")]
    [InlineData(KeyStatus.ToBeReturned, Action.Restock,
        "Nyckeln 0012345 har status \"Ska återlämnas\" och kan inte läggas i lager.")]
    [InlineData(KeyStatus.Lost, Action.Restock, "Nyckeln 0012345 har status \"Förlorad\" och kan inte läggas i lager.")]
    [InlineData(KeyStatus.Retired, Action.Restock, "Nyckeln 0012345 har status \"Kasserad\" och kan inte läggas i lager.")]
    [InlineData(KeyStatus.Lost, Action.MarkLost,
        "Nyckeln 0012345 har status \"Förlorad\" och kan inte markeras som förlorad.")]
    [InlineData(KeyStatus.Retired, Action.MarkLost,
        "Nyckeln 0012345 har status \"Kasserad\" och kan inte markeras som förlorad.")]
    [InlineData(KeyStatus.Retired, Action.Retire, "Nyckeln 0012345 har status \"Kasserad\" och kan inte kasseras.")]
    public void RefusedTransition_Throws_AndLeavesKeyAsItWas(KeyStatus from, Action action, string message)
    {
        var key = KeyIn(from);
        var holderBefore = key.HolderEmployeeId;
        var eventsBefore = key.History.Count;

        var error = Assert.Throws<DomainException>(() => Do(key, action, Other));

        Assert.Equal(message, error.Message);
        Assert.Equal(from, key.Status);
        Assert.Equal(holderBefore, key.HolderEmployeeId);
        Assert.Equal(eventsBefore, key.History.Count);
    }

    [Theory]
    [InlineData(KeyStatus.Issued)]
    [InlineData(KeyStatus.ToBeReturned)]
    public void AssignTo_Fails_WhenTheSamePersonAlreadyHoldsIt(KeyStatus status)
    {
        var key = KeyIn(status);

        var error = Assert.Throws<DomainException>(() => key.AssignTo(Holder, Operator, Later));

        Assert.Equal("Nyckeln 0012345 är redan utlämnad till personen.", error.Message);
    }

    [Theory]
    [InlineData(KeyStatus.InStock)]
    [InlineData(KeyStatus.Returned)]
    public void AssignTo_Fails_ForPoolKey(KeyStatus status)
    {
        var key = Key.Register(Number, UnitId, KeyKind.Pool, PoolId, Operator, T0);
        if (status == KeyStatus.Returned)
        {
            key = KeyIn(KeyStatus.Returned);
            key.AddToPool(PoolId, Operator, T0);
        }

        var error = Assert.Throws<DomainException>(() => key.AssignTo(Holder, Operator, Later));

        Assert.Equal("Nyckeln 0012345 är en poolnyckel och lämnas inte ut till en person.", error.Message);
        Assert.Null(key.HolderEmployeeId);
    }

    [Theory]
    [InlineData(Action.MarkLost, null)]
    [InlineData(Action.MarkLost, "   ")]
    [InlineData(Action.Retire, null)]
    [InlineData(Action.Retire, "")]
    public void MarkLostAndRetire_Fail_WithoutNote(Action action, string? note)
    {
        var key = KeyIn(KeyStatus.Issued);

        var error = Assert.Throws<DomainException>(() => Do(key, action, Other, note));

        Assert.Equal("Anteckningen måste anges.", error.Message);
        Assert.Equal(KeyStatus.Issued, key.Status);
        Assert.Equal(Holder, key.HolderEmployeeId);
    }

    [Fact]
    public void MarkLost_Fails_WhenNoteIsTooLong()
    {
        var key = KeyIn(KeyStatus.Issued);

        var error = Assert.Throws<DomainException>(
            () => key.MarkLost(Operator, Later, new string('x', Key.NoteMaxLength + 1)));

        Assert.Equal("Anteckningen får vara högst 500 tecken.", error.Message);
    }

    [Fact]
    public void FullLife_RecordsEveryStepWithHolderWhoAndWhen()
    {
        var key = Key.Register(Number, UnitId, KeyKind.Personal, null, Operator, T0);
        key.AssignTo(Holder, Operator, T0.AddHours(1));
        key.MarkToBeReturned(Second, T0.AddDays(30), Due);
        key.Return(Second, T0.AddDays(31));
        key.AssignTo(Other, Operator, T0.AddDays(32));
        key.MarkLost(Operator, T0.AddDays(40), "Tappad på bussen.");
        key.Retire(Second, T0.AddDays(41), "Spärrad i Swedlock.");

        Assert.Equal(KeyStatus.Retired, key.Status);
        Assert.Null(key.HolderEmployeeId);
        Assert.Collection(
            key.History,
            e => AssertEvent(e, null, KeyStatus.InStock, "Olle Operatör", T0, null, null),
            e => AssertEvent(e, KeyStatus.InStock, KeyStatus.Issued, "Olle Operatör", T0.AddHours(1), null, Holder),
            e => AssertEvent(
                e, KeyStatus.Issued, KeyStatus.ToBeReturned, "Stina Sköterska", T0.AddDays(30), null, Holder),
            e => AssertEvent(
                e, KeyStatus.ToBeReturned, KeyStatus.Returned, "Stina Sköterska", T0.AddDays(31), null, Holder),
            e => AssertEvent(e, KeyStatus.Returned, KeyStatus.Issued, "Olle Operatör", T0.AddDays(32), null, Other),
            e => AssertEvent(
                e, KeyStatus.Issued, KeyStatus.Lost, "Olle Operatör", T0.AddDays(40), "Tappad på bussen.", Other),
            e => AssertEvent(
                e, KeyStatus.Lost, KeyStatus.Retired, "Stina Sköterska", T0.AddDays(41), "Spärrad i Swedlock.", null));
    }

    [Fact]
    public void Return_ClearsHolder_AndKeyCanBeRestocked()
    {
        var key = KeyIn(KeyStatus.Issued);

        key.Return(Operator, Later);
        Assert.Null(key.HolderEmployeeId);

        key.Restock(Operator, Later);
        Assert.Equal(KeyStatus.InStock, key.Status);
        Assert.Null(key.HolderEmployeeId);
    }

    [Theory]
    [InlineData(KeyStatus.InStock)]
    [InlineData(KeyStatus.Returned)]
    public void AddToPool_MakesFreePersonalKeyAPoolKeyInStock(KeyStatus status)
    {
        var key = KeyIn(status);

        key.AddToPool(PoolId, Second, Later);

        Assert.Equal(KeyKind.Pool, key.Kind);
        Assert.Equal(PoolId, key.PoolId);
        Assert.Equal(KeyStatus.InStock, key.Status);
        var last = key.History[^1];
        Assert.Equal(status, last.From);
        Assert.Equal(KeyStatus.InStock, last.To);
        Assert.Equal("Stina Sköterska", last.ByName);
    }

    [Theory]
    [InlineData(KeyStatus.Issued, "Nyckeln 0012345 har status \"Utlämnad\" och kan inte läggas i en nyckelpool.")]
    [InlineData(KeyStatus.ToBeReturned,
        "Nyckeln 0012345 har status \"Ska återlämnas\" och kan inte läggas i en nyckelpool.")]
    [InlineData(KeyStatus.Lost, "Nyckeln 0012345 har status \"Förlorad\" och kan inte läggas i en nyckelpool.")]
    [InlineData(KeyStatus.Retired, "Nyckeln 0012345 har status \"Kasserad\" och kan inte läggas i en nyckelpool.")]
    public void AddToPool_Fails_WhenKeyIsNotFree(KeyStatus status, string message)
    {
        var key = KeyIn(status);

        var error = Assert.Throws<DomainException>(() => key.AddToPool(PoolId, Operator, Later));

        Assert.Equal(message, error.Message);
        Assert.Equal(KeyKind.Personal, key.Kind);
        Assert.Null(key.PoolId);
    }

    [Fact]
    public void AddToPool_Fails_ForPoolKey()
    {
        var key = Key.Register(Number, UnitId, KeyKind.Pool, PoolId, Operator, T0);

        var error = Assert.Throws<DomainException>(() => key.AddToPool(PoolId + 1, Operator, Later));

        Assert.Equal("Nyckeln 0012345 är redan en poolnyckel.", error.Message);
        Assert.Equal(PoolId, key.PoolId);
    }

    [Theory]
    [InlineData(KeyStatus.InStock, "I lager")]
    [InlineData(KeyStatus.Issued, "Utlämnad")]
    [InlineData(KeyStatus.ToBeReturned, "Ska återlämnas")]
    [InlineData(KeyStatus.Returned, "Återlämnad")]
    [InlineData(KeyStatus.Lost, "Förlorad")]
    [InlineData(KeyStatus.Retired, "Kasserad")]
    public void KeyTexts_NamesEveryStatusInSwedish(KeyStatus status, string text) =>
        Assert.Equal(text, KeyTexts.Status(status));

    private static Key KeyIn(KeyStatus status)
    {
        var key = Key.Register(Number, UnitId, KeyKind.Personal, null, Operator, T0);
        switch (status)
        {
            case KeyStatus.InStock:
                break;
            case KeyStatus.Issued:
                key.AssignTo(Holder, Operator, T0);
                break;
            case KeyStatus.ToBeReturned:
                key.AssignTo(Holder, Operator, T0);
                key.MarkToBeReturned(Operator, T0, Due);
                break;
            case KeyStatus.Returned:
                key.AssignTo(Holder, Operator, T0);
                key.Return(Operator, T0);
                break;
            case KeyStatus.Lost:
                key.MarkLost(Operator, T0, "Borta.");
                break;
            case KeyStatus.Retired:
                key.Retire(Operator, T0, "Trasig.");
                break;
        }

        Assert.Equal(status, key.Status);
        return key;
    }

    private static void Do(Key key, Action action, int employeeId, string? note = "Anteckning")
    {
        switch (action)
        {
            case Action.Assign:
                key.AssignTo(employeeId, Second, Later);
                break;
            case Action.MarkToBeReturned:
                key.MarkToBeReturned(Second, Later, Due);
                break;
            case Action.Return:
                key.Return(Second, Later);
                break;
            case Action.Restock:
                key.Restock(Second, Later);
                break;
            case Action.MarkLost:
                key.MarkLost(Second, Later, note);
                break;
            case Action.Retire:
                key.Retire(Second, Later, note);
                break;
        }
    }

    private static void AssertEvent(
        KeyEvent e, KeyStatus? from, KeyStatus to, string by, DateTimeOffset at, string? note, int? holder)
    {
        Assert.Equal(from, e.From);
        Assert.Equal(to, e.To);
        Assert.Equal(by, e.ByName);
        Assert.Equal(at, e.At);
        Assert.Equal(note, e.Note);
        Assert.Equal(holder, e.HolderEmployeeId);
    }
}
