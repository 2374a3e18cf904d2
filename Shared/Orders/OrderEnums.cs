namespace SocItConsole.Shared.Orders;

/// <summary>The kinds of order the routine knows.</summary>
public enum OrderType
{
    /// <summary>Ny behörighet: a new employee; the systems follow from title × unit.</summary>
    New,

    /// <summary>Utökad behörighet: extra systems or a higher level, permanent or (with an end date) temporary.</summary>
    Extend,

    /// <summary>Tillfällig behörighet till annan verksamhet: access to another unit until an end date.</summary>
    TemporaryUnit,

    /// <summary>Avsluta behörighet: employment ends; every permission ends on the last working day.</summary>
    Terminate,

    /// <summary>
    /// Avsluta enskild behörighet: the manager ends one grant (or a few) in one unit, while the employment goes on — at a
    /// follow-up of a temporary grant, from the access view, or as a "Tas bort" in an access review.
    /// </summary>
    EndTemporary,

    /// <summary>
    /// Byte av titel eller verksamhet: one employment gets a new title and/or unit from an effective date; what the old
    /// title × unit gave and the new one does not ends the day before, what is new is added, what continues is kept.
    /// </summary>
    Change,
}

/// <summary>How the order reached Soc-IT.</summary>
public enum OrderChannel
{
    Console,
    EService,
    SecureMessage,
    Phone,

    /// <summary>Placed by Soc-IT from a confirmed finding of the reconciliation with the HR system.</summary>
    Hr,
}

public enum OrderStatus
{
    Received,
    InProgress,
    WaitingForOrderer,
    Completed,
    Rejected,
}

/// <summary>For a unit with digital keys: what the employee gets.</summary>
public enum KeyChoiceKind
{
    None,
    PersonalKey,
    BuyNewKey,
    Pool,
}

public static class OrderTexts
{
    public static string TypeName(OrderType type) => type switch
    {
        OrderType.New => "Ny behörighet",
        OrderType.Extend => "Utökad behörighet",
        OrderType.TemporaryUnit => "Tillfällig behörighet till annan verksamhet",
        OrderType.Terminate => "Avsluta behörighet",
        OrderType.EndTemporary => "Avsluta enskild behörighet",
        OrderType.Change => "Byte av titel eller verksamhet",
        _ => type.ToString(),
    };

    /// <summary>The type in a word or two, for table columns.</summary>
    public static string ShortTypeName(OrderType type) => type switch
    {
        OrderType.New => "Ny",
        OrderType.Extend => "Utökad",
        OrderType.TemporaryUnit => "Annan verksamhet",
        OrderType.Terminate => "Avslut",
        OrderType.EndTemporary => "Avslut enskild",
        OrderType.Change => "Byte",
        _ => type.ToString(),
    };

    public static string StatusName(OrderStatus status) => status switch
    {
        OrderStatus.Received => "Mottagen",
        OrderStatus.InProgress => "Under arbete",
        OrderStatus.WaitingForOrderer => "Väntar på beställare",
        OrderStatus.Completed => "Klar",
        OrderStatus.Rejected => "Avvisad",
        _ => status.ToString(),
    };

    /// <summary>
    /// The status as said of a case ("ärendet", neuter): "är mottaget", "är under arbete", "väntar på beställaren",
    /// "är klart", "är avvisat"; with <paramref name="already"/>, "är redan klart", "väntar redan på beställaren".
    /// </summary>
    public static string StatusPredicate(OrderStatus status, bool already = false)
    {
        var redan = already ? "redan " : string.Empty;
        return status switch
        {
            OrderStatus.Received => $"är {redan}mottaget",
            OrderStatus.InProgress => $"är {redan}under arbete",
            OrderStatus.WaitingForOrderer => $"väntar {redan}på beställaren",
            OrderStatus.Completed => $"är {redan}klart",
            OrderStatus.Rejected => $"är {redan}avvisat",
            _ => $"har {redan}status {status}",
        };
    }

    /// <summary>
    /// The sentence for a case that has just moved to <paramref name="status"/>, for the snackbar and the audit trail:
    /// "SOC-2026-00042 väntar nu på beställaren.", "… är nu klart.", "… har avvisats."
    /// </summary>
    public static string MovedTo(string caseNumber, OrderStatus status) => status switch
    {
        OrderStatus.Received => $"{caseNumber} är mottaget.",
        OrderStatus.InProgress => $"{caseNumber} är nu under arbete.",
        OrderStatus.WaitingForOrderer => $"{caseNumber} väntar nu på beställaren.",
        OrderStatus.Completed => $"{caseNumber} är nu klart.",
        OrderStatus.Rejected => $"{caseNumber} har avvisats.",
        _ => $"{caseNumber} har nu status {StatusName(status)}.",
    };

    public static string ChannelName(OrderChannel channel) => channel switch
    {
        OrderChannel.Console => "Konsolen",
        OrderChannel.EService => "E-tjänsten",
        OrderChannel.SecureMessage => "Säkert meddelande",
        OrderChannel.Phone => "Telefon",
        OrderChannel.Hr => "Avstämning mot HR",
        _ => channel.ToString(),
    };

    public static string KeyChoiceName(KeyChoiceKind kind) => kind switch
    {
        KeyChoiceKind.None => "Ingen nyckel",
        KeyChoiceKind.PersonalKey => "Personlig nyckel",
        KeyChoiceKind.BuyNewKey => "Köp ny nyckel",
        KeyChoiceKind.Pool => "Nyckelpool",
        _ => kind.ToString(),
    };
}
