using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>
/// An orderer's cases as the e-service's "mina sidor" shows them: status, Soc-IT's question while the case waits for
/// the orderer, the reason of a rejection, the dates. Called by the intake API after its own authorization (the API key
/// or the Intake app role); the e-service says whose cases it asks for.
/// </summary>
public sealed class OrdererCases(IDbContextFactory<SocItDbContext> factory)
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// The cases whose orderer is <paramref name="orderer"/>, newest first, optionally only those in
    /// <paramref name="status"/>. <paramref name="page"/> counts from 0.
    /// </summary>
    public async Task<PagedResult<OrdererCase>> ListAsync(
        EmailAddress orderer, OrderStatus? status, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(page, 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await factory.CreateDbContextAsync(ct);
        var orders = db.Orders.AsNoTracking().Where(o => o.Orderer.Email == orderer);
        if (status is { } wanted)
        {
            orders = orders.Where(o => o.Status == wanted);
        }

        var total = await orders.CountAsync(ct);
        var rows = await Project(orders.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id).Skip(page * pageSize).Take(pageSize))
            .ToListAsync(ct);
        return new PagedResult<OrdererCase>(rows, total);
    }

    public async Task<OrdererCase?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Project(db.Orders.AsNoTracking().Where(o => o.Id == id)).SingleOrDefaultAsync(ct);
    }

    private static IQueryable<OrdererCase> Project(IQueryable<Order> orders) => orders
        .AsSplitQuery()
        .Select(o => new OrdererCase(
            o.Id,
            o.CaseNumber,
            o.Type,
            o.Status,
            PersonName.Shown(o.EmployeeName, o.Employee!.IsProtected),
            o.Status == OrderStatus.WaitingForOrderer ? o.Question : null,
            o.Status == OrderStatus.Rejected ? o.RejectionReason : null,
            o.ReceivedAt,
            o.StartDate,
            o.EndDate,
            o.CompletedAt,
            o.Systems.OrderBy(s => s.Id).Select(s => new OrderSystemLine(s.SystemName, s.LevelName)).ToList()));
}

/// <summary>
/// One case as the orderer sees it: a protected person's name is "Skyddad person"; the question only while the case
/// waits for the orderer, the reason only when it was rejected.
/// </summary>
public sealed record OrdererCase(
    int Id,
    string CaseNumber,
    OrderType Type,
    OrderStatus Status,
    string EmployeeName,
    string? Question,
    string? RejectionReason,
    DateTimeOffset ReceivedAt,
    DateOnly? StartDate,
    DateOnly? EndDate,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<OrderSystemLine> Systems);
