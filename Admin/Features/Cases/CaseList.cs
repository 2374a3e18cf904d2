using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Cases;

/// <summary>
/// The operators' queue and dashboard figures. Queries filter and page in the database and return projections, so
/// they stay fast with 100,000 orders (indexes on status, received time, unit and assignee).
/// </summary>
public sealed class CaseList(IDbContextFactory<SocItDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<PagedResult<CaseRow>> SearchAsync(
        CaseQuery query, CaseSort sort, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = AdminTimeZone.Today(clock);
        var orders = Filter(db, query, today);
        var total = await orders.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await Sorted(orders, sort, query.Today).Skip(Math.Max(page, 0) * size).Take(size).Select(Row).ToListAsync(ct);
        return new PagedResult<CaseRow>(
            rows.ConvertAll(r => r with { IsOverdue = CaseStatusRules.IsOpen(r.Status) && OrderDays.IsOverdue(r.Type, r.Day, today) }),
            total);
    }

    /// <summary>
    /// The figures of the queue's view "Idag" under the same filters: the date, the cases in the view and how many of
    /// them are overdue.
    /// </summary>
    public async Task<CaseDay> TodayAsync(CaseQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await currentUser.RequireAsync(Policies.Operator);
        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var cases = Filter(db, query with { Today = true }, today);
        var total = await cases.CountAsync(ct);
        // In the view, a case whose day has passed is an end order past its last day: the overdue ones.
        var overdue = total == 0 ? 0 : await cases.Where(OrderDays.OnOrBefore(today.AddDays(-1))).CountAsync(ct);
        return new CaseDay(today, total, overdue);
    }

    /// <summary>
    /// The queue in the chosen order. In the view "Idag" the overdue cases come first (the longest overdue first),
    /// then today's, each in the chosen order.
    /// </summary>
    private static IQueryable<Order> Sorted(IQueryable<Order> orders, CaseSort sort, bool overdueFirst)
    {
        if (overdueFirst)
        {
            var byDay = orders.OrderBy(OrderDays.Day);
            return sort switch
            {
                CaseSort.ReceivedOldest or CaseSort.StartDate => byDay.ThenBy(o => o.ReceivedAt),
                CaseSort.CaseNumber => byDay.ThenByDescending(o => o.CaseNumber),
                _ => byDay.ThenByDescending(o => o.ReceivedAt),
            };
        }

        return sort switch
        {
            CaseSort.ReceivedOldest => orders.OrderBy(o => o.ReceivedAt),
            CaseSort.StartDate => orders
                .OrderBy(OrderDays.Day)
                .ThenBy(o => o.ReceivedAt),
            CaseSort.CaseNumber => orders.OrderByDescending(o => o.CaseNumber),
            _ => orders.OrderByDescending(o => o.ReceivedAt),
        };
    }

    /// <summary>The operators who have taken cases, for the queue's "Handläggare" filter.</summary>
    /// <remarks>
    /// Nearly every order has been taken by someone, but only a handful of operators exist: the ids are read by
    /// jumping along the assignee index from one id to the next (a loose index scan), each with the name it was last
    /// taken under, instead of reading every order.
    /// </remarks>
    public async Task<IReadOnlyList<(string Id, string Name)>> AssigneesAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Database.SqlQueryRaw<AssigneeRow>(AssigneesSql).ToListAsync(ct);
        var swedish = AdminLocalization.SwedishOrder;
        return [.. rows.Select(r => (r.Id, r.Name)).OrderBy(r => r.Name, swedish)];
    }

    /// <summary>
    /// Units for the queue's "Verksamhet" filter, found by part of their name (Swedish order, at most
    /// <paramref name="take"/>): the page asks as the operator types instead of holding every unit in each circuit.
    /// </summary>
    public async Task<IReadOnlyList<UnitOption>> FindUnitsAsync(string? text, int take, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        // A few hundred names at most: matched here with Swedish case rules (SQLite's LIKE folds only a–z, so "äng"
        // would miss "Ängsgården"), the same search the administration tables use.
        var units = await db.Units.AsNoTracking().Select(UnitOption.FromUnit).ToListAsync(ct);
        var found = units.Where(u => MasterDataSearch.Matches(text, u.Name));
        return [.. found.OrderBy(u => u.Name, AdminLocalization.SwedishOrder).Take(Math.Max(1, take))];
    }

    internal const string AssigneesSql = """
        WITH RECURSIVE "ids"("Id") AS (
            SELECT CAST(MIN("AssignedToId") AS TEXT) FROM "Orders" WHERE "AssignedToId" IS NOT NULL
            UNION ALL
            SELECT CAST((SELECT MIN("o"."AssignedToId") FROM "Orders" AS "o" WHERE "o"."AssignedToId" > "ids"."Id") AS TEXT)
            FROM "ids" WHERE "ids"."Id" IS NOT NULL)
        SELECT "ids"."Id" AS "Id",
               COALESCE((SELECT "o"."AssignedToName" FROM "Orders" AS "o"
                         WHERE "o"."AssignedToId" = "ids"."Id" AND "o"."AssignedToName" IS NOT NULL
                         ORDER BY "o"."Id" DESC LIMIT 1), "ids"."Id") AS "Name"
        FROM "ids" WHERE "ids"."Id" IS NOT NULL
        """;

    public async Task<DashboardSummary> SummaryAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Operator);
        await using var db = await factory.CreateDbContextAsync(ct);
        // The dashboard shows open cases only: one grouped count over the open statuses reads their index range,
        // not the tens of thousands of completed orders.
        var open = db.Orders.Where(o => o.Status == OrderStatus.Received || o.Status == OrderStatus.InProgress
            || o.Status == OrderStatus.WaitingForOrderer);
        var counts = await open.GroupBy(o => new { o.Status, o.Type })
            .Select(g => new { g.Key.Status, g.Key.Type, Count = g.Count() }).ToListAsync(ct);
        var oldest = await db.Orders.Where(o => o.Status == OrderStatus.Received)
            .OrderBy(o => o.ReceivedAt).Select(Row).FirstOrDefaultAsync(ct);
        var byUnit = await open.GroupBy(o => o.TargetUnitName ?? o.UnitName)
            .Select(g => new { Unit = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(10).ToListAsync(ct);
        return new DashboardSummary(
            [.. OpenStatuses.Select(s => (s, counts.Where(c => c.Status == s).Sum(c => c.Count)))],
            [.. Enum.GetValues<OrderType>().Select(t => (t, counts.Where(c => c.Type == t).Sum(c => c.Count)))],
            oldest,
            [.. byUnit.Select(u => new CountRow(u.Unit, u.Count))]);
    }

    private static IQueryable<Order> Filter(SocItDbContext db, CaseQuery query, DateOnly today)
    {
        var orders = db.Orders.AsNoTracking();
        if (query.Today)
        {
            orders = orders.Where(o => o.Status == OrderStatus.Received || o.Status == OrderStatus.InProgress
                || o.Status == OrderStatus.WaitingForOrderer).Where(OrderDays.TodayOrOverdue(today));
        }
        else if (query.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }
        else if (query.OnlyOpen)
        {
            orders = orders.Where(o => o.Status == OrderStatus.Received || o.Status == OrderStatus.InProgress
                || o.Status == OrderStatus.WaitingForOrderer);
        }

        orders = query.Mark switch
        {
            CaseMark.OrdererToCheck => orders.Where(o => o.OrdererCheck == OrdererCheck.Pending),
            CaseMark.ConsentEscalated => orders.Where(o => o.Consent != null && o.Consent.Status == ConsentStatus.Pending && o.Consent.EscalatedAt != null),
            _ => orders,
        };

        if (query.Type is { } type)
        {
            orders = orders.Where(o => o.Type == type);
        }

        if (query.UnitId is { } unitId)
        {
            orders = orders.Where(o => o.UnitId == unitId || o.TargetUnitId == unitId);
        }

        if (!string.IsNullOrEmpty(query.AssignedToId))
        {
            orders = orders.Where(o => o.AssignedToId == query.AssignedToId);
        }

        if (query.From is { } from)
        {
            var start = AdminTimeZone.StartOfDay(from);
            orders = orders.Where(o => o.ReceivedAt >= start);
        }

        if (query.To is { } to)
        {
            var end = AdminTimeZone.StartOfDay(to.AddDays(1));
            orders = orders.Where(o => o.ReceivedAt < end);
        }

        var search = query.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (Personnummer.TryParse(search, today, out var personnummer, out _))
            {
                // A personnummer is only ever matched exactly, never by part.
                orders = orders.Where(o => o.Employee!.Personnummer == personnummer);
            }
            else
            {
                var upper = search.ToUpperInvariant();
                // A protected person is found by personnummer or case number, never by name.
                orders = orders.Where(o => o.CaseNumber.StartsWith(upper) || PersonName.Shown(o.EmployeeName, o.Employee!.IsProtected).Contains(search));
            }
        }

        return orders;
    }

    private static readonly OrderStatus[] OpenStatuses = [OrderStatus.Received, OrderStatus.InProgress, OrderStatus.WaitingForOrderer];

    private static readonly System.Linq.Expressions.Expression<Func<Order, CaseRow>> Row = o => new CaseRow(
        o.Id, o.CaseNumber, o.Type, o.Status, PersonName.Shown(o.EmployeeName, o.Employee!.IsProtected), o.TargetUnitName ?? o.UnitName,
        o.StartDate, o.EndDate, o.ReceivedAt, o.AssignedToName)
    {
        // The marks come with the row from the same query: one left join to the consent, no query per row.
        OrdererToCheck = o.OrdererCheck == OrdererCheck.Pending,
        HasNewAnswer = o.HasNewAnswer,
        ConsentPending = o.Consent != null && o.Consent.Status == ConsentStatus.Pending,
        ConsentEscalated = o.Consent != null && o.Consent.Status == ConsentStatus.Pending && o.Consent.EscalatedAt != null,
    };
}

internal sealed class AssigneeRow
{
    public required string Id { get; init; }

    public required string Name { get; init; }
}
