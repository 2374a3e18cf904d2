using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;

namespace SocItConsole.Admin.Features.Keys;

/// <summary>
/// Soc-IT's changes to single keys: register a batch for a unit, hand one out, take it back, lose it, retire it, put
/// it in a pool. Each change names the version of the key it was based on, so that two operators handing out the same
/// key at the same moment cannot both succeed.
/// </summary>
public sealed class KeyRegister(KeyChanges changes)
{
    public const int MaxKeysPerRegistration = 200;

    private const string ChangedMessage =
        "Nyckeln har ändrats av någon annan sedan du öppnade den. Inget sparades; ladda om och försök igen.";

    /// <summary>
    /// Registers the numbers in <paramref name="numbersText"/> (separated by spaces, commas, semicolons or new lines)
    /// as new keys of the unit, all or none: every number that is malformed, repeated or already registered is
    /// named in the refusal.
    /// </summary>
    public Task<KeyResult> RegisterAsync(
        int unitId, KeyKind kind, int? poolId, string? numbersText, CancellationToken ct = default) =>
        changes.RunAsync(async c =>
        {
            var unit = await c.Db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct)
                ?? throw new DomainException("Välj en verksamhet.");
            if (!unit.IsActive)
            {
                throw new DomainException($"{unit.Name} är inaktiverad och kan inte få nya nycklar.");
            }

            if (kind == KeyKind.Pool)
            {
                var pool = await c.Db.KeyPools.AsNoTracking().SingleOrDefaultAsync(p => p.Id == poolId, ct)
                    ?? throw new DomainException("Välj den nyckelpool som poolnycklarna hör till.");
                if (pool.UnitId != unitId)
                {
                    throw new DomainException($"Nyckelpoolen {pool.Name} hör till en annan verksamhet.");
                }
            }
            else
            {
                poolId = null;
            }

            var numbers = await ParseNewNumbersAsync(c.Db, numbersText, ct);
            foreach (var number in numbers)
            {
                c.Db.Keys.Add(Key.Register(number, unitId, kind, poolId, c.Actor, c.Now));
            }

            var list = string.Join(", ", numbers.Select(n => n.Value));
            var what = numbers.Count == 1 ? "1 nyckel" : $"{numbers.Count} nycklar";
            return new KeyAudit(
                "Key.Registered",
                "Unit",
                unit.Id.ToString(CultureInfo.InvariantCulture),
                $"{what} registrerades för {unit.Name}: {list}.",
                null,
                new { Unit = unit.Name, Kind = kind.ToString(), PoolId = poolId, Numbers = numbers.Select(n => n.Value) });
        }, ct);

    public Task<KeyResult> AssignAsync(int keyId, int expectedVersion, int employeeId, CancellationToken ct = default) =>
        ChangeKeyAsync(keyId, expectedVersion, "Key.Assigned", async (c, key) =>
        {
            var employee = await c.Db.Employees.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct)
                ?? throw new DomainException("Välj den medarbetare som ska ha nyckeln.");
            key.AssignTo(employee.Id, c.Actor, c.Now);
            return $"Nyckeln {key.Number} lämnades ut till {employee.ShownName}.";
        }, ct);

    public Task<KeyResult> MarkToBeReturnedAsync(int keyId, int expectedVersion, CancellationToken ct = default) =>
        ChangeKeyAsync(keyId, expectedVersion, "Key.ToBeReturned", (c, key) =>
        {
            key.MarkToBeReturned(c.Actor, c.Now, c.Today);
            return Task.FromResult($"Nyckeln {key.Number} ska återlämnas.");
        }, ct);

    public Task<KeyResult> ReturnAsync(int keyId, int expectedVersion, bool restock, CancellationToken ct = default) =>
        ChangeKeyAsync(keyId, expectedVersion, "Key.Returned", (c, key) =>
        {
            key.Return(c.Actor, c.Now);
            if (restock)
            {
                key.Restock(c.Actor, c.Now);
            }

            return Task.FromResult(restock
                ? $"Nyckeln {key.Number} återlämnades och ligger i lager."
                : $"Nyckeln {key.Number} återlämnades.");
        }, ct);

    public Task<KeyResult> RestockAsync(int keyId, int expectedVersion, CancellationToken ct = default) =>
        ChangeKeyAsync(keyId, expectedVersion, "Key.Restocked", (c, key) =>
        {
            key.Restock(c.Actor, c.Now);
            return Task.FromResult($"Nyckeln {key.Number} ligger i lager.");
        }, ct);

    public Task<KeyResult> MarkLostAsync(int keyId, int expectedVersion, string? note, CancellationToken ct = default) =>
        ChangeKeyAsync(keyId, expectedVersion, "Key.Lost", (c, key) =>
        {
            key.MarkLost(c.Actor, c.Now, note);
            return Task.FromResult($"Nyckeln {key.Number} är förlorad.");
        }, ct);

    public Task<KeyResult> RetireAsync(int keyId, int expectedVersion, string? note, CancellationToken ct = default) =>
        ChangeKeyAsync(keyId, expectedVersion, "Key.Retired", (c, key) =>
        {
            key.Retire(c.Actor, c.Now, note);
            return Task.FromResult($"Nyckeln {key.Number} är kasserad.");
        }, ct);

    public Task<KeyResult> AddToPoolAsync(int keyId, int expectedVersion, int poolId, CancellationToken ct = default) =>
        ChangeKeyAsync(keyId, expectedVersion, "Key.AddedToPool", async (c, key) =>
        {
            var pool = await c.Db.KeyPools.AsNoTracking().SingleOrDefaultAsync(p => p.Id == poolId, ct)
                ?? throw new DomainException("Välj en nyckelpool.");
            if (pool.UnitId != key.UnitId)
            {
                throw new DomainException($"Nyckelpoolen {pool.Name} hör till en annan verksamhet än nyckeln.");
            }

            key.AddToPool(pool.Id, c.Actor, c.Now);
            return $"Nyckeln {key.Number} ligger nu i nyckelpoolen {pool.Name}.";
        }, ct);

    internal static async Task<IReadOnlyList<KeyNumber>> ParseNewNumbersAsync(
        SocItDbContext db, string? numbersText, CancellationToken ct)
    {
        var parts = (numbersText ?? string.Empty)
            .Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new DomainException("Ange minst ett nyckelnummer.");
        }

        if (parts.Length > MaxKeysPerRegistration)
        {
            throw new DomainException($"Registrera högst {MaxKeysPerRegistration} nycklar åt gången.");
        }

        var problems = new List<string>();
        var numbers = new List<KeyNumber>();
        foreach (var part in parts)
        {
            if (!KeyNumber.TryParse(part, out var number, out _))
            {
                problems.Add($"\"{Shorten(part)}\" är inte 6–8 siffror");
            }
            else if (numbers.Contains(number))
            {
                problems.Add($"{number} står två gånger");
            }
            else
            {
                numbers.Add(number);
            }
        }

        var taken = await db.Keys.AsNoTracking().Where(k => numbers.Contains(k.Number)).Select(k => k.Number).ToListAsync(ct);
        problems.AddRange(taken.Select(n => $"{n} finns redan i registret"));
        if (problems.Count > 0)
        {
            throw new DomainException($"Inga nycklar registrerades: {string.Join("; ", problems)}.");
        }

        return numbers;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private Task<KeyResult> ChangeKeyAsync(
        int keyId,
        int expectedVersion,
        string action,
        Func<ChangeContext, Key, Task<string>> change,
        CancellationToken ct) =>
        changes.RunAsync(async c =>
        {
            var key = await c.Db.Keys.SingleOrDefaultAsync(k => k.Id == keyId, ct)
                ?? throw new DomainException("Nyckeln finns inte.");
            if (key.Version != expectedVersion)
            {
                throw new StaleChangeException();
            }

            var before = Snapshot(key);
            var message = await change(c, key);
            return new KeyAudit(action, "Key", key.Number.Value, message, before, Snapshot(key));
        }, ct, staleMessage: ChangedMessage);

    internal static object Snapshot(Key key) => new
    {
        Status = key.Status.ToString(),
        Kind = key.Kind.ToString(),
        key.PoolId,
        key.HolderEmployeeId,
        key.UnitId,
        key.ReturnDueOn,
    };
}
