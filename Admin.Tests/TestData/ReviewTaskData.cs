using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>The manager's side of the review world: grants in any unit, people from other units, answers as chef1.</summary>
public static class ReviewTaskData
{
    public const string Skrea = "Hemtjänst Skrea";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A grant in <paramref name="unit"/> from 30 days ago, until further notice or temporary when
    /// <paramref name="endsIn"/> is given. Its case came from <paramref name="homeUnit"/> (the same unit by default): a
    /// different home unit makes the person someone from another unit with access here.
    /// </summary>
    public static async Task<int> AddGrantInAsync(
        this ReviewWorld world, string unit, string name, string personnummer, string system, string level,
        int? endsIn = null, string? homeUnit = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        string managerName;
        string managerEmail;
        int unitId;
        await using (var db = world.Database.CreateDbContext())
        {
            var home = await db.Units.AsNoTracking().SingleAsync(u => u.Name == (homeUnit ?? unit), Ct);
            var manager = home.Managers[0];
            (managerName, managerEmail) = (manager.Name, manager.Email.Value);
            unitId = await db.Units.Where(u => u.Name == unit).Select(u => u.Id).SingleAsync(Ct);
        }

        var today = ReviewWorld.Today;
        var request = OrderRequests.Extend(personnummer) with
        {
            EmployeeName = name,
            Unit = homeUnit ?? unit,
            StartDate = today.AddDays(-1),
            EndDate = today.AddDays(200),
            Systems = [new RequestedSystemInput(system, level)],
            OrdererName = managerName,
            OrdererEmail = managerEmail,
            ManagerName = managerName,
            ManagerEmail = managerEmail,
        };
        var placed = await AppServices.OrderIntake(world.Database, world.Clock)
            .PlaceAsync(request, OrderChannel.Console, new Actor("test", managerName), ct: Ct);
        var receipt = placed switch
        {
            PlaceOrderResult.Created created => created.Receipt,
            PlaceOrderResult.Invalid invalid => throw new InvalidOperationException(string.Join("; ", invalid.Errors.SelectMany(e => e.Value))),
            _ => throw new InvalidOperationException(placed.ToString()),
        };

        await using var context = world.Database.CreateDbContext();
        var order = await context.Orders.AsNoTracking().SingleAsync(o => o.Id == receipt.Id, Ct);
        var line = order.Systems.Single();
        var grant = new Grant(
            order.EmployeeId, line.SystemId, line.SystemName, line.LevelId, line.LevelName, unitId, unit,
            today.AddDays(-30), endsIn is { } days ? today.AddDays(days) : null, order.Id, order.CaseNumber,
            await TestEmployments.OwnerAsync(context, order.EmployeeId, unitId, unit, today.AddDays(-30), order.Id, Ct));
        context.Grants.Add(grant);
        await context.SaveChangesAsync(Ct);
        return grant.Id;
    }

    /// <summary>All of a manager's lines in a round, in the page's order.</summary>
    public static async Task<IReadOnlyList<ReviewTaskLine>> AllLinesAsync(this ReviewTasks tasks, int roundId)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return (await tasks.LinesAsync(roundId, null, ReviewTaskFilter.All, null, 0, ReviewTasks.MaxPageSize, Ct)).Lines;
    }

    /// <summary>Closes a round before its due date, as an administrator.</summary>
    public static async Task CloseEarlyAsync(this ReviewWorld world, int roundId)
    {
        ArgumentNullException.ThrowIfNull(world);
        var rounds = world.Rounds("admin");
        var details = await rounds.GetAsync(roundId, Ct) ?? throw new InvalidOperationException("No round.");
        var closed = await rounds.CloseAsync(roundId, details.Version, "Omorganisation", Ct);
        Assert.IsType<ReviewResult.Done>(closed);
    }

    /// <summary>Turns an IT system off (or on again), as an administrator would in the register.</summary>
    public static async Task SetSystemActiveAsync(this ReviewWorld world, string system, bool active)
    {
        ArgumentNullException.ThrowIfNull(world);
        await using var db = world.Database.CreateDbContext();
        var entity = await db.ItSystems.SingleAsync(s => s.Name == system, Ct);
        if (active)
        {
            entity.Activate();
        }
        else
        {
            entity.Deactivate();
        }

        await db.SaveChangesAsync(Ct);
    }
}
