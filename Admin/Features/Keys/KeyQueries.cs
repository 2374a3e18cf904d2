using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Keys;

/// <summary>
/// What the key register shows: keys per unit, free, held, lost; pools and their members; one employee's keys and
/// code. Queries filter and page in the database and return projections; a personal code's hash never leaves it.
/// </summary>
public sealed class KeyQueries(IDbContextFactory<SocItDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<IReadOnlyList<UnitOption>> UnitsAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive)
            .Select(UnitOption.FromUnit).ToListAsync(ct);
        return [.. units.OrderByDescending(u => u.UsesDigitalKeys).ThenBy(u => u.Name, AdminLocalization.SwedishOrder)];
    }

    public async Task<PagedResult<KeyRow>> SearchAsync(KeyQuery query, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var keys = Filter(db, query);
        var total = await keys.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await Rows(db, keys.OrderBy(k => k.Number).Skip(Math.Max(page, 0) * size).Take(size)).ToListAsync(ct);
        return new PagedResult<KeyRow>(rows, total);
    }

    /// <summary>Counts for the register's header: free, held, to be returned, lost, and purchases waiting.</summary>
    public async Task<IReadOnlyDictionary<KeyView, int>> CountsAsync(int? unitId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var result = new Dictionary<KeyView, int>();
        foreach (var view in Enum.GetValues<KeyView>())
        {
            result[view] = await Filter(db, new KeyQuery(UnitId: unitId, View: view)).CountAsync(ct);
        }

        return result;
    }

    public async Task<int> WaitingPurchasesAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.KeyPurchases.CountAsync(p => p.Status == KeyPurchaseStatus.Ordered, ct);
    }

    public async Task<KeyDetails?> GetAsync(int keyId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await Rows(db, db.Keys.AsNoTracking().Where(k => k.Id == keyId)).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var key = await db.Keys.AsNoTracking().Include(k => k.History).SingleAsync(k => k.Id == keyId, ct);
        var holderIds = key.History.Where(e => e.HolderEmployeeId != null).Select(e => e.HolderEmployeeId!.Value).Distinct().ToList();
        var names = await db.Employees.AsNoTracking().Where(e => holderIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.FullName, ct);
        var costCentre = await db.Units.Where(u => u.Id == key.UnitId).Select(u => u.CostCentre).SingleAsync(ct);
        var purchaseId = await db.KeyPurchases.Where(p => p.KeyId == keyId).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var history = key.History.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new KeyEventRow(e.From, e.To, e.ByName, e.At, e.Note,
                e.HolderEmployeeId is { } id && names.TryGetValue(id, out var name) ? name : null))
            .ToList();
        return new KeyDetails(row, costCentre, history, purchaseId);
    }

    public async Task<IReadOnlyList<PoolRow>> PoolsAsync(int? unitId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = AdminTimeZone.Today(clock);
        var pools = db.KeyPools.AsNoTracking();
        if (unitId is { } id)
        {
            pools = pools.Where(p => p.UnitId == id);
        }

        var rows = await pools.Select(p => new
        {
            p.Id,
            p.UnitId,
            Unit = db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Name).First(),
            p.Name,
            Members = p.Members.Where(m => m.To == null || m.To >= today)
                .Select(m => new { m.EmployeeId, Name = db.Employees.Where(e => e.Id == m.EmployeeId).Select(e => e.FullName).First(), m.From, m.To })
                .ToList(),
            Keys = db.Keys.Where(k => k.PoolId == p.Id && k.Status != KeyStatus.Retired).Select(k => k.Number).ToList(),
        }).ToListAsync(ct);
        var swedish = AdminLocalization.SwedishOrder;
        return [.. rows
            .OrderBy(p => p.Unit, swedish).ThenBy(p => p.Name, swedish)
            .Select(p => new PoolRow(
                p.Id, p.UnitId, p.Unit, p.Name,
                [.. p.Members.OrderBy(m => m.Name, swedish).Select(m => new PoolMemberRow(m.EmployeeId, m.Name, m.From, m.To))],
                [.. p.Keys.Select(k => k.Value).Order(StringComparer.Ordinal)]))];
    }

    public async Task<EmployeeKeys> ForEmployeeAsync(int employeeId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var keys = await Rows(db, db.Keys.AsNoTracking()
                .Where(k => k.HolderEmployeeId == employeeId && (k.Status == KeyStatus.Issued || k.Status == KeyStatus.ToBeReturned)))
            .ToListAsync(ct);
        // A join, not a subquery per membership: SQLite cannot run the APPLY that the latter needs.
        var memberships = await (
                from p in db.KeyPools.AsNoTracking()
                from m in p.Members
                join u in db.Units on p.UnitId equals u.Id
                where m.EmployeeId == employeeId
                select new { PoolId = p.Id, Pool = p.Name, Unit = u.Name, m.From, m.To })
            .ToListAsync(ct);
        var code = await db.PersonalCodes.AsNoTracking().Include(c => c.History)
            .Where(c => c.EmployeeId == employeeId)
            .Select(c => new PersonalCodeStatus(c.Version, c.IssuedAt, c.IssuedByName,
                c.History.OrderByDescending(h => h.Version).Select(h => new PersonalCodeEventRow(h.Version, h.Reason, h.ByName, h.At)).ToList(),
                c.RevokedAt))
            .SingleOrDefaultAsync(ct);
        return new EmployeeKeys(
            [.. keys.OrderBy(k => k.Number, StringComparer.Ordinal)],
            [.. memberships.OrderBy(m => m.To is null ? 0 : 1).ThenByDescending(m => m.From)
                .Select(m => new EmployeeMembershipRow(m.PoolId, m.Pool, m.Unit, m.From, m.To))],
            code);
    }

    /// <summary>People to hand a key to or add to a pool: by name, or by a whole personnummer.</summary>
    public async Task<IReadOnlyList<EmployeeOption>> FindEmployeesAsync(string? text, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        var term = text?.Trim();
        if (string.IsNullOrEmpty(term) || term.Length < 2)
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var employees = db.Employees.AsNoTracking();
        employees = Personnummer.TryParse(term, AdminTimeZone.Today(clock), out var pnr, out _)
            ? employees.Where(e => e.Personnummer == pnr)
            : employees.Where(e => EF.Functions.Like(e.FullName, $"%{Escape(term)}%", "\\"));
        var rows = await employees.OrderBy(e => e.FullName).Take(20).ToListAsync(ct);
        return [.. rows.Select(e => new EmployeeOption(e.Id, e.FullName, e.Personnummer.Masked))];
    }

    /// <summary>Personal keys of the unit that nobody holds and that can be handed out now.</summary>
    public async Task<IReadOnlyList<KeyRow>> FreeKeysAsync(int unitId, CancellationToken ct = default) =>
        (await SearchAsync(new KeyQuery(UnitId: unitId, View: KeyView.Free), 0, MaxPageSize, ct)).Items;

    private static IQueryable<Key> Filter(SocItDbContext db, KeyQuery query)
    {
        var keys = db.Keys.AsNoTracking();
        if (query.UnitId is { } unitId)
        {
            keys = keys.Where(k => k.UnitId == unitId);
        }

        if (query.Status is { } status)
        {
            keys = keys.Where(k => k.Status == status);
        }

        if (query.Kind is { } kind)
        {
            keys = keys.Where(k => k.Kind == kind);
        }

        keys = query.View switch
        {
            KeyView.Free => keys.Where(k => k.Kind == KeyKind.Personal
                && (k.Status == KeyStatus.InStock || k.Status == KeyStatus.Returned)),
            KeyView.Held => keys.Where(k => k.Status == KeyStatus.Issued || k.Status == KeyStatus.ToBeReturned),
            KeyView.ToBeReturned => keys.Where(k => k.Status == KeyStatus.ToBeReturned),
            KeyView.Lost => keys.Where(k => k.Status == KeyStatus.Lost),
            _ => keys,
        };

        var term = query.Search?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            if (KeyNumber.TryParse(term, out var number, out _))
            {
                keys = keys.Where(k => k.Number == number);
            }
            else
            {
                var pattern = $"%{Escape(term)}%";
                keys = keys.Where(k => db.Employees.Any(e => e.Id == k.HolderEmployeeId && EF.Functions.Like(e.FullName, pattern, "\\")));
            }
        }

        return keys;
    }

    private static IQueryable<KeyRow> Rows(SocItDbContext db, IQueryable<Key> keys) =>
        keys.Select(k => new KeyRow(
            k.Id,
            k.Number.Value,
            k.UnitId,
            db.Units.Where(u => u.Id == k.UnitId).Select(u => u.Name).First(),
            k.Kind,
            db.KeyPools.Where(p => p.Id == k.PoolId).Select(p => p.Name).FirstOrDefault(),
            k.Status,
            k.HolderEmployeeId,
            db.Employees.Where(e => e.Id == k.HolderEmployeeId).Select(e => e.FullName).FirstOrDefault(),
            k.Version));

    private static string Escape(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
