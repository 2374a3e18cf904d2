using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Home;

public sealed record MasterDataSummary(
    int ActiveSystems,
    int ActiveTitles,
    int ActiveUnits,
    int UnitsWithDigitalKeys,
    IReadOnlyList<string> SystemNames);

/// <summary>A case on an operator's start page, with the day it is due: its start date, or for an end order its last day.</summary>
public sealed record DueCase(
    int Id,
    string CaseNumber,
    OrderType Type,
    OrderStatus Status,
    string EmployeeName,
    string UnitName,
    DateOnly Due,
    string? AssignedToName);

/// <summary>The first of the cases due by <see cref="DueBy"/>, and how many there are in all.</summary>
public sealed record TodaysWork(DateOnly Today, DateOnly DueBy, IReadOnlyList<DueCase> Cases, int Total);

/// <summary>The figures and the work on the start page.</summary>
public sealed class HomeOverview(IDbContextFactory<SocItDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>
    /// How far ahead a case counts as today's work: access must be there when the employee starts and gone after the
    /// last day, and three days reach past a weekend.
    /// </summary>
    public const int DueWithinDays = 3;

    /// <summary>The register overview of an administrator's start page.</summary>
    public async Task<MasterDataSummary> GetSummaryAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var systems = await db.ItSystems.AsNoTracking().Where(s => s.IsActive).Select(s => s.Name).ToListAsync(ct);
        var titles = await db.JobTitles.CountAsync(t => t.IsActive, ct);
        var units = await db.Units.CountAsync(u => u.IsActive, ct);
        var withKeys = await db.Units.CountAsync(u => u.IsActive && u.UsesDigitalKeys, ct);
        var swedish = AdminLocalization.SwedishOrder;
        return new MasterDataSummary(systems.Count, titles, units, withKeys, [.. systems.Order(swedish)]);
    }

    /// <summary>
    /// The cases that need the signed-in operator today: received or under way (not waiting for the orderer), not
    /// taken by another operator, and due within <see cref="DueWithinDays"/> days or overdue. The most urgent first,
    /// at most <paramref name="take"/>.
    /// </summary>
    public async Task<TodaysWork> TodaysCasesAsync(int take, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Policies.Operator);
        var today = AdminTimeZone.Today(clock);
        var dueBy = today.AddDays(DueWithinDays);
        await using var db = await factory.CreateDbContextAsync(ct);
        var due = db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Received || o.Status == OrderStatus.InProgress)
            .Where(o => o.AssignedToId == null || o.AssignedToId == actor.Id)
            .Where(OrderDays.OnOrBefore(dueBy));
        var total = await due.CountAsync(ct);
        var rows = await due
            .OrderBy(OrderDays.Day)
            .ThenBy(o => o.ReceivedAt)
            .Take(Math.Clamp(take, 1, 100))
            .Select(o => new
            {
                o.Id, o.CaseNumber, o.Type, o.Status, o.EmployeeName, o.Employee!.IsProtected, UnitName = o.TargetUnitName ?? o.UnitName,
                o.StartDate, o.EndDate, o.AssignedToName,
            })
            .ToListAsync(ct);
        var cases = rows.ConvertAll(c => new DueCase(
            c.Id, c.CaseNumber, c.Type, c.Status, PersonName.Shown(c.EmployeeName, c.IsProtected), c.UnitName,
            OrderDays.DayOf(c.Type, c.StartDate, c.EndDate)!.Value, c.AssignedToName));
        return new TodaysWork(today, dueBy, cases, total);
    }
}
