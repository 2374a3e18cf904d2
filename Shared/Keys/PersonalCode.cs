using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Keys;

/// <summary>
/// The secret that activates a Swedlock key for one person; one per employee, surviving moves between a personal key
/// and a pool. Only a salted PBKDF2 hash is kept. The plain code leaves this type once, through the <c>out</c>
/// parameter of <see cref="Issue"/> or <see cref="Reset"/>, to be handed to the person, and is never stored or logged.
/// </summary>
/// <remarks>
/// Six digits are a small space, so the hash slows a guess down but cannot stop a determined one: the stored hashes
/// must stay as protected as the rest of the database.
/// </remarks>
public sealed class PersonalCode
{
    public const int CodeLength = 6;
    public const int Iterations = 210_000;
    public const int SaltSize = 16;
    public const int HashSize = 32;

    private static readonly HashAlgorithmName Algorithm = HashAlgorithmName.SHA256;

    private readonly List<PersonalCodeEvent> _history = [];

    private PersonalCode()
    {
        Hash = Salt = IssuedByName = string.Empty;
    }

    private PersonalCode(int employeeId)
        : this()
    {
        EmployeeId = employeeId;
    }

    public int Id { get; private set; }

    public int EmployeeId { get; private set; }

    /// <summary>Base64 of the PBKDF2-SHA256 hash of the code.</summary>
    public string Hash { get; private set; }

    /// <summary>Base64 of the random salt of the current version.</summary>
    public string Salt { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public string IssuedByName { get; private set; }

    /// <summary>1 for the first code, one more for each reset.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<PersonalCodeEvent> History => _history;

    /// <summary>When the code was revoked (spärrad): the person's last employment ended. Null while it is valid.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedByName { get; private set; }

    /// <summary>
    /// A revoked code opens nothing: the person no longer "has a personal code", and one who comes back is given a new
    /// one (<see cref="Reissue"/>). A kept code survives a rehire, as it survives moves between a key and a pool.
    /// </summary>
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Issues the employee's first code; <paramref name="code"/> is the only copy of it in plain text.</summary>
    public static PersonalCode Issue(int employeeId, Actor by, DateTimeOffset at, out string code)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(employeeId);
        var personalCode = new PersonalCode(employeeId);
        code = personalCode.Replace(by, at, null);
        return personalCode;
    }

    /// <summary>
    /// Replaces the code because the person forgot it or it does not work; <paramref name="code"/> is the new one.
    /// </summary>
    public void Reset(Actor by, DateTimeOffset at, PersonalCodeResetReason reason, out string code)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!Enum.IsDefined(reason))
        {
            throw new DomainException("Ange varför koden byts: glömt eller fungerar inte.");
        }

        if (IsRevoked)
        {
            throw new DomainException("Koden är spärrad eftersom anställningen upphörde. Ge en ny kod i stället.");
        }

        code = Replace(by, at, reason);
    }

    /// <summary>
    /// Revokes the code when the person's last employment ends: its hash is dropped, so no code verifies any more, and
    /// a later employment gets a new code through <see cref="Reissue"/>. Revoking a revoked code changes nothing.
    /// </summary>
    public void Revoke(Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (IsRevoked)
        {
            return;
        }

        Hash = Salt = string.Empty;
        RevokedAt = at.ToUniversalTime();
        RevokedByName = by.Name;
    }

    /// <summary>Gives a person whose code was revoked a new one (a new version); <paramref name="code"/> is the only copy.</summary>
    public void Reissue(Actor by, DateTimeOffset at, out string code)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!IsRevoked)
        {
            throw new DomainException("Koden är inte spärrad. Byt den med ett skäl om den är glömd eller inte fungerar.");
        }

        RevokedAt = null;
        RevokedByName = null;
        code = Replace(by, at, null);
    }

    /// <summary>True when <paramref name="code"/> is the current code. Compares in constant time.</summary>
    public bool Verify(string? code)
    {
        if (IsRevoked || string.IsNullOrEmpty(code) || string.IsNullOrEmpty(Hash) || string.IsNullOrEmpty(Salt))
        {
            return false;
        }

        var expected = Convert.FromBase64String(Hash);
        var actual = Derive(code, Convert.FromBase64String(Salt));
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Names the employee and version only: neither the code nor its hash may end up in a log.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Personlig kod för anställd {EmployeeId}, version {Version}");

    private string Replace(Actor by, DateTimeOffset at, PersonalCodeResetReason? reason)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        Salt = Convert.ToBase64String(salt);
        Hash = Convert.ToBase64String(Derive(code, salt));
        IssuedAt = at.ToUniversalTime();
        IssuedByName = by.Name;
        Version++;
        _history.Add(new PersonalCodeEvent(Version, reason, by.Name, at));
        return code;
    }

    private static byte[] Derive(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, Algorithm, HashSize);
}
