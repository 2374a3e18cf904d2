using SocItConsole.Shared.Keys;

namespace SocItConsole.Admin.Features.Keys;

public abstract record KeyResult
{
    public sealed record Done(string Message) : KeyResult;

    /// <summary>Someone else changed the same key, pool or code meanwhile; nothing was saved.</summary>
    public sealed record Conflict(string Message) : KeyResult;

    /// <summary>A rule refused the change (Swedish message); nothing was saved.</summary>
    public sealed record Refused(string Message) : KeyResult;

    /// <summary>A personal code was issued or reset. The code is shown to the operator once, then forgotten.</summary>
    public sealed record CodeIssued(string Message, OneTimeCode Code) : KeyResult;
}

/// <summary>
/// A personal code in plain text on its way to the operator's screen. <see cref="ToString"/> hides it, so a result
/// that ends up in a log or an exception message carries no secret; only <see cref="Reveal"/> gives it.
/// </summary>
public sealed class OneTimeCode(string code)
{
    public string Reveal() => code;

    public override string ToString() => "******";
}

public sealed record KeyQuery(
    int? UnitId = null,
    KeyStatus? Status = null,
    KeyKind? Kind = null,
    string? Search = null,
    KeyView View = KeyView.All);

/// <summary>The ready-made views of the register.</summary>
public enum KeyView
{
    All,

    /// <summary>Lediga: in stock or returned, personal, nobody holds them.</summary>
    Free,

    /// <summary>Utlämnade: who holds what.</summary>
    Held,

    /// <summary>To be returned after an end of employment.</summary>
    ToBeReturned,

    Lost,
}

public sealed record KeyRow(
    int Id,
    string Number,
    int UnitId,
    string UnitName,
    KeyKind Kind,
    string? PoolName,
    KeyStatus Status,
    int? HolderId,
    string? HolderName,
    int Version);

public sealed record KeyEventRow(KeyStatus? From, KeyStatus To, string ByName, DateTimeOffset At, string? Note, string? HolderName);

public sealed record KeyDetails(KeyRow Key, string CostCentre, IReadOnlyList<KeyEventRow> History, int? PurchaseId);

public sealed record PoolMemberRow(int EmployeeId, string EmployeeName, DateOnly From, DateOnly? To);

public sealed record PoolRow(
    int Id,
    int UnitId,
    string UnitName,
    string Name,
    IReadOnlyList<PoolMemberRow> Members,
    IReadOnlyList<string> KeyNumbers);


public sealed record EmployeeOption(int Id, string FullName, string MaskedPersonnummer);

/// <summary>The person's code; <paramref name="RevokedAt"/> when it was revoked as the last employment ended.</summary>
public sealed record PersonalCodeStatus(
    int Version, DateTimeOffset IssuedAt, string IssuedByName, IReadOnlyList<PersonalCodeEventRow> History, DateTimeOffset? RevokedAt = null);

public sealed record PersonalCodeEventRow(int Version, PersonalCodeResetReason? Reason, string ByName, DateTimeOffset At);

public sealed record EmployeeMembershipRow(int PoolId, string PoolName, string UnitName, DateOnly From, DateOnly? To);

/// <summary>Everything the key register knows of one employee, for the employee page.</summary>
public sealed record EmployeeKeys(
    IReadOnlyList<KeyRow> Keys,
    IReadOnlyList<EmployeeMembershipRow> Memberships,
    PersonalCodeStatus? Code)
{
    public bool HasKeyOrPool(DateOnly today) =>
        Keys.Any(k => k.Status is KeyStatus.Issued) || Memberships.Any(m => m.To is null || m.To >= today);
}

public sealed record PurchaseQuery(int? UnitId = null, KeyPurchaseStatus? Status = null);

public sealed record PurchaseRow(
    int Id,
    int UnitId,
    string UnitName,
    string CostCentre,
    string? CaseNumber,
    int? OrderId,
    int? EmployeeId,
    string? EmployeeName,
    DateTimeOffset OrderedAt,
    string OrderedByName,
    KeyPurchaseStatus Status,
    string? KeyNumber,
    decimal? Price,
    DateTimeOffset? ReceivedAt,
    string? Note,
    int Version);

public sealed record KeyFile(string FileName, byte[] Content);
