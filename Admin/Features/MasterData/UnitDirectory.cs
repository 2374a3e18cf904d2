using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Features.MasterData;

public sealed record ContactRow(string Name, string Email);

public sealed record UnitRow(
    int Id,
    string Name,
    string Area,
    string CostCentre,
    bool UsesDigitalKeys,
    bool IsActive,
    IReadOnlyList<ContactRow> Managers,
    ContactRow? MobileRepresentative,
    IReadOnlyList<string> Systems,
    IReadOnlyList<int> SystemIds)
{
    /// <summary>Free-text match on what an operator would type: name, area, cost centre, a manager or a system.</summary>
    public bool Matches(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return true;
        }

        var term = search.Trim();
        return Contains(Name, term) || Contains(Area, term) || Contains(CostCentre, term)
            || Managers.Any(m => Contains(m.Name, term) || Contains(m.Email, term))
            || Systems.Any(s => Contains(s, term));
    }

    private static bool Contains(string text, string term) =>
        AdminLocalization.Swedish.CompareInfo.IndexOf(text, term, System.Globalization.CompareOptions.IgnoreCase) >= 0;
}

/// <summary>Reads the unit register: all units, or the ones a manager is responsible for.</summary>
public sealed class UnitDirectory(IDbContextFactory<SocItDbContext> factory)
{
    public Task<IReadOnlyList<UnitRow>> ListAsync(CancellationToken ct = default) => QueryAsync(null, ct);

    /// <summary>The active units whose managers include <paramref name="email"/>.</summary>
    public Task<IReadOnlyList<UnitRow>> ManagedByAsync(EmailAddress email, CancellationToken ct = default) =>
        QueryAsync(email, ct);

    private async Task<IReadOnlyList<UnitRow>> QueryAsync(EmailAddress? managerEmail, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = db.Units.AsNoTracking();
        if (managerEmail is { } email)
        {
            units = units.Where(u => u.IsActive && u.Managers.Any(m => m.Email == email));
        }

        var rows = await units
            .Select(u => new
            {
                u.Id,
                u.Name,
                u.Area,
                u.CostCentre,
                u.UsesDigitalKeys,
                u.IsActive,
                Managers = u.Managers.Select(m => new { m.Name, m.Email }).ToList(),
                MobileName = u.MobileRepresentative != null ? u.MobileRepresentative.Name : null,
                MobileEmail = u.MobileRepresentative != null ? (EmailAddress?)u.MobileRepresentative.Email : null,
                Systems = u.Systems.Select(s => new { s.Id, s.Name }).ToList(),
            })
            .ToListAsync(ct);

        var swedish = AdminLocalization.SwedishOrder;
        return
        [
            .. rows
                .Select(u => new UnitRow(
                    u.Id,
                    u.Name,
                    u.Area,
                    u.CostCentre,
                    u.UsesDigitalKeys,
                    u.IsActive,
                    [.. u.Managers.Select(m => new ContactRow(m.Name, m.Email.Value)).OrderBy(m => m.Name, swedish)],
                    u.MobileName is null ? null : new ContactRow(u.MobileName, u.MobileEmail?.Value ?? string.Empty),
                    [.. u.Systems.Select(s => s.Name).Order(swedish)],
                    [.. u.Systems.Select(s => s.Id).Order()]))
                .OrderBy(u => u.Name, swedish),
        ];
    }
}
