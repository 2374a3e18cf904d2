namespace SocItConsole.Shared.Keys;

/// <summary>Where a Swedlock key is in its life. Retired is final.</summary>
public enum KeyStatus
{
    InStock,
    Issued,
    ToBeReturned,
    Returned,
    Lost,
    Retired,
}

/// <summary>A personal key is bound to one employee; a pool key is taken per shift by a pool member.</summary>
public enum KeyKind
{
    Personal,
    Pool,
}

/// <summary>Why a personal code is replaced. Soc-IT changes a code only for one of these.</summary>
public enum PersonalCodeResetReason
{
    Forgotten,
    NotWorking,
}

/// <summary>The Swedish words the console shows for the key register's enums.</summary>
public static class KeyTexts
{
    public static string Status(KeyStatus status) => status switch
    {
        KeyStatus.InStock => "I lager",
        KeyStatus.Issued => "Utlämnad",
        KeyStatus.ToBeReturned => "Ska återlämnas",
        KeyStatus.Returned => "Återlämnad",
        KeyStatus.Lost => "Förlorad",
        KeyStatus.Retired => "Kasserad",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Kind(KeyKind kind) => kind switch
    {
        KeyKind.Personal => "Personlig nyckel",
        KeyKind.Pool => "Poolnyckel",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string PurchaseStatus(KeyPurchaseStatus status) => status switch
    {
        KeyPurchaseStatus.Ordered => "Beställd",
        KeyPurchaseStatus.Received => "Mottagen",
        KeyPurchaseStatus.Cancelled => "Avbruten",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ResetReason(PersonalCodeResetReason reason) => reason switch
    {
        PersonalCodeResetReason.Forgotten => "glömt",
        PersonalCodeResetReason.NotWorking => "fungerar inte",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
