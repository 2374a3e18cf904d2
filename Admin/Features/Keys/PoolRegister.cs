using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Keys;

/// <summary>
/// A unit's key pools and who is in them. Moving a person between a personal key and a pool changes their key, never
/// their personal code: the code belongs to the person.
/// </summary>
public sealed class PoolRegister(KeyChanges changes)
{
    public Task<KeyResult> CreateAsync(int unitId, string? name, CancellationToken ct = default) =>
        changes.RunAsync(async c =>
        {
            var unit = await c.Db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct)
                ?? throw new DomainException("Välj en verksamhet.");
            var pool = new KeyPool(unit.Id, name ?? string.Empty);
            var names = await c.Db.KeyPools.AsNoTracking().Where(p => p.UnitId == unit.Id).Select(p => p.Name).ToListAsync(ct);
            if (names.Contains(pool.Name, AdminLocalization.SwedishOrder))
            {
                throw new DomainException($"{unit.Name} har redan en nyckelpool som heter {pool.Name}.");
            }

            c.Db.KeyPools.Add(pool);
            return new KeyAudit("KeyPool.Created", "KeyPool", $"{unit.Name}/{pool.Name}",
                $"Nyckelpoolen {pool.Name} skapades för {unit.Name}.", null, new { Unit = unit.Name, pool.Name });
        }, ct);

    public Task<KeyResult> AddMemberAsync(int poolId, int employeeId, DateOnly from, CancellationToken ct = default) =>
        changes.RunAsync(async c =>
        {
            var (pool, unitName) = await LoadAsync(c, poolId, ct);
            var employee = await c.Db.Employees.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct)
                ?? throw new DomainException("Välj den medarbetare som ska med i poolen.");
            pool.AddMember(employee.Id, from);
            return Audit("KeyPool.MemberAdded", pool, unitName,
                $"{employee.ShownName} är med i nyckelpoolen {pool.Name} ({unitName}) från {from:yyyy-MM-dd}.",
                new { Employee = employee.Id, From = from });
        }, ct);

    public Task<KeyResult> EndMembershipAsync(int poolId, int employeeId, DateOnly lastDay, CancellationToken ct = default) =>
        changes.RunAsync(async c =>
        {
            var (pool, unitName) = await LoadAsync(c, poolId, ct);
            var name = await EmployeeNameAsync(c, employeeId, ct);
            pool.EndMembership(employeeId, lastDay);
            return Audit("KeyPool.MemberEnded", pool, unitName,
                $"{name} är med i nyckelpoolen {pool.Name} till och med {lastDay:yyyy-MM-dd}.",
                new { Employee = employeeId, LastDay = lastDay });
        }, ct);

    /// <summary>
    /// The person gives back their personal keys (they are marked to be returned) and joins the pool from today.
    /// Their personal code stays as it is.
    /// </summary>
    public Task<KeyResult> MoveToPoolAsync(int employeeId, int poolId, CancellationToken ct = default) =>
        changes.RunAsync(async c =>
        {
            var (pool, unitName) = await LoadAsync(c, poolId, ct);
            var name = await EmployeeNameAsync(c, employeeId, ct);
            pool.AddMember(employeeId, c.Today);
            var keys = await c.Db.Keys
                .Where(k => k.HolderEmployeeId == employeeId && k.Kind == KeyKind.Personal && k.Status == KeyStatus.Issued)
                .ToListAsync(ct);
            foreach (var key in keys)
            {
                key.MarkToBeReturned(c.Actor, c.Now, c.Today);
            }

            var returned = keys.Count == 0 ? string.Empty
                : $" {Plural(keys.Count, "Nyckeln", "Nycklarna")} {string.Join(", ", keys.Select(k => k.Number.Value))} ska återlämnas.";
            return Audit("KeyPool.MemberMoved", pool, unitName,
                $"{name} flyttades till nyckelpoolen {pool.Name} ({unitName}).{returned} Den personliga koden gäller som förut.",
                new { Employee = employeeId, From = c.Today, KeysToBeReturned = keys.Select(k => k.Number.Value) });
        }, ct);

    /// <summary>
    /// The person leaves the pools of the key's unit (today is their last day there) and gets the personal key.
    /// Their personal code stays as it is.
    /// </summary>
    public Task<KeyResult> MoveToPersonalKeyAsync(
        int employeeId, int keyId, int expectedKeyVersion, CancellationToken ct = default) =>
        changes.RunAsync(async c =>
        {
            var name = await EmployeeNameAsync(c, employeeId, ct);
            var key = await c.Db.Keys.SingleOrDefaultAsync(k => k.Id == keyId, ct)
                ?? throw new DomainException("Nyckeln finns inte.");
            if (key.Version != expectedKeyVersion)
            {
                throw new StaleChangeException();
            }

            var pools = await c.Db.KeyPools.Include(p => p.Members)
                .Where(p => p.UnitId == key.UnitId && p.Members.Any(m => m.EmployeeId == employeeId && m.To == null))
                .ToListAsync(ct);
            foreach (var pool in pools)
            {
                pool.EndMembership(employeeId, c.Today);
            }

            key.AssignTo(employeeId, c.Actor, c.Now);
            var left = pools.Count == 0 ? string.Empty : $" Sista dag i {string.Join(", ", pools.Select(p => p.Name))} är i dag.";
            return new KeyAudit("Key.Assigned", "Key", key.Number.Value,
                $"{name} fick den personliga nyckeln {key.Number}.{left} Den personliga koden gäller som förut.",
                null, new { Employee = employeeId, LeftPools = pools.Select(p => p.Name), Key = key.Number.Value });
        }, ct);

    private static async Task<(KeyPool Pool, string UnitName)> LoadAsync(ChangeContext c, int poolId, CancellationToken ct)
    {
        var pool = await c.Db.KeyPools.Include(p => p.Members).SingleOrDefaultAsync(p => p.Id == poolId, ct)
            ?? throw new DomainException("Nyckelpoolen finns inte.");
        var unitName = await c.Db.Units.Where(u => u.Id == pool.UnitId).Select(u => u.Name).SingleAsync(ct);
        return (pool, unitName);
    }

    private static async Task<string> EmployeeNameAsync(ChangeContext c, int employeeId, CancellationToken ct) =>
        await c.Db.Employees.Where(e => e.Id == employeeId).Select(e => PersonName.Shown(e.FullName, e.IsProtected)).SingleOrDefaultAsync(ct)
        ?? throw new DomainException("Medarbetaren finns inte.");

    private static KeyAudit Audit(string action, KeyPool pool, string unitName, string message, object after) =>
        new(action, "KeyPool", $"{unitName}/{pool.Name}", message, null, after);

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
