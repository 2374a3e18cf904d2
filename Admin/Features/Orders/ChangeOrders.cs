using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Matrix;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>
/// Loads what <see cref="ChangeOrderRules.Difference"/> needs for a change of title or unit — the employment and its
/// grants, what the matrix gives the old and the new title × unit on the effective date — and applies the rule. The
/// intake stores the result on the order; the form shows it before the order is sent. Callers check their own policy
/// (the form: OrderIntake, and a manager only for the units she manages).
/// </summary>
public sealed class ChangeOrders(IDbContextFactory<SocItDbContext> factory, NewEmployeeSystemsLookup systemsLookup)
{
    /// <summary>The difference if <paramref name="employmentId"/> became <paramref name="titleId"/> in <paramref name="unitId"/> on <paramref name="effectiveDate"/>; null when the employment or the new unit does not exist.</summary>
    public async Task<ChangePreview?> PreviewAsync(
        int employmentId, int? titleId, int? unitId, DateOnly effectiveDate, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var employment = await db.Employments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employmentId, ct);
        if (employment is null)
        {
            return null;
        }

        var newTitleId = titleId ?? employment.TitleId;
        var newUnitId = unitId ?? employment.UnitId;
        var newUnit = await SideAsync(db, newTitleId, newUnitId, effectiveDate, ct);
        var oldUnit = await SideAsync(db, employment.TitleId, employment.UnitId, effectiveDate, ct);
        if (newUnit is null || oldUnit is null)
        {
            return null;
        }

        var grants = await db.Grants.AsNoTracking().Where(g => g.EmploymentId == employmentId).ToListAsync(ct);
        var difference = ChangeOrderRules.Difference(oldUnit, newUnit, grants, effectiveDate, AdminLocalization.SwedishOrder);
        return new ChangePreview(
            oldUnit.Unit.Name, newUnit.Unit.Name, difference, newUnit.Systems);
    }

    /// <summary>The person's employments, oldest first (none for a person the console does not know).</summary>
    public async Task<IReadOnlyList<Employment>> EmploymentsAsync(Personnummer personnummer, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var employeeId = await db.Employees.AsNoTracking().Where(e => e.Personnummer == personnummer).Select(e => (int?)e.Id)
            .SingleOrDefaultAsync(ct);
        return employeeId is { } id
            ? await db.Employments.AsNoTracking().Where(e => e.EmployeeId == id).OrderBy(e => e.From).ThenBy(e => e.Id).ToListAsync(ct)
            : [];
    }

    private async Task<ChangeSide?> SideAsync(SocItDbContext db, int? titleId, int unitId, DateOnly date, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().AsSplitQuery().Include(u => u.Systems).SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return null;
        }

        // An employment reconstructed from orders that named no title gives nothing from the matrix: its grants are
        // then all beyond the matrix, kept where the new unit uses the system.
        var derivation = titleId is { } title ? await systemsLookup.DeriveAsync(title, unitId, date, ct) : null;
        var usable = unit.Systems
            .Where(s => s.IsActive && (!s.RequiresDigitalKeys || unit.UsesDigitalKeys))
            .Select(s => s.Id)
            .ToHashSet();
        return new ChangeSide(
            new ReferenceUnit(unit.Id, unit.Name, unit.IsActive, unit.UsesDigitalKeys),
            derivation?.Included ?? [],
            usable);
    }
}

/// <summary>An employment the order form offers for a change: "Undersköterska i Hemtjänst Centrum, från 2025-03-01".</summary>
public sealed record ChangeableEmployment(int Id, int? TitleId, string? TitleName, int UnitId, string UnitName, DateOnly From, DateOnly? To)
{
    public string Label =>
        $"{TitleName ?? "Utan titel"} i {UnitName}, från {From:yyyy-MM-dd}{(To is { } last ? $" till {last:yyyy-MM-dd}" : string.Empty)}";
}

/// <summary>A change's difference as the form and the case page show it, with the systems the new title × unit gives.</summary>
/// <param name="OldUnitName">The changed employment's unit.</param>
/// <param name="NewUnitName">The new unit's name.</param>
/// <param name="Difference">The lines and the key consequences.</param>
/// <param name="NewSystems">What the matrix gives the new title × unit (the order's systems).</param>
public sealed record ChangePreview(
    string OldUnitName, string NewUnitName, ChangeDifference Difference,
    IReadOnlyList<DerivedSystem> NewSystems);
