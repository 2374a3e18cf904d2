using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Data.Demo;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Access;

/// <summary>
/// Development only, when <c>Access:SeedDemoGrants</c> is set (the http launch profile sets it): staff in chef1's and
/// chef2's units from completed new-employee cases, and temporary access across their units, so that "Behörigheter i
/// min verksamhet" has own staff, visitors from other units and grants that end soon to show. The grants are put on
/// record as completing the cases would, dated back. Running it again adds nothing.
/// </summary>
internal sealed partial class DemoAccessSeeder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoAccessSeeder> logger)
    : IHostedService
{
    public const string SettingKey = "Access:SeedDemoGrants";

    private const string Centrum = "Hemtjänst Centrum";
    private const string Skrea = "Hemtjänst Skrea";
    private const string Tallgarden = "Tallgårdens vård- och omsorgsboende";

    private static readonly Actor Demo = new("demo", "Demodata");

    private static readonly DemoOrder[] Orders =
    [
        new("demo-access-1", OrderType.New, "Lisa Andersson", "19900101-1239", "Undersköterska", Centrum, null, 400, null),
        new("demo-access-2", OrderType.New, "Ahmed Yusuf", "19880412-1237", "Undersköterska", Centrum, null, 200, null),
        new("demo-access-3", OrderType.New, "Karin Sjöberg", "19920730-4560", "Sjuksköterska", Centrum, null, 90, null),
        new("demo-access-4", OrderType.New, "Jonas Berg", "19850615-2340", "Vårdbiträde", Skrea, null, 300, null),
        new("demo-access-5", OrderType.New, "Johanna Lind", "19770903-2341", "Enhetschef", Skrea, null, 150, null),
        new("demo-access-6", OrderType.New, "Omar Ali", "19790312-1239", "Undersköterska", Tallgarden, null, 350, null),
        new("demo-access-7", OrderType.New, "Emil Nordin", "19950120-5679", "Vårdbiträde", Tallgarden, null, 60, null),
        new("demo-access-8", OrderType.TemporaryUnit, "Omar Ali", "19790312-1239", "Undersköterska", Tallgarden, Centrum, 20, 10),
        new("demo-access-9", OrderType.TemporaryUnit, "Emil Nordin", "19950120-5679", "Vårdbiträde", Tallgarden, Skrea, 5, 60),
        new("demo-access-10", OrderType.TemporaryUnit, "Ahmed Yusuf", "19880412-1237", "Undersköterska", Centrum, Tallgarden, 10, 45),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<OrderIntake>();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var today = AdminTimeZone.Today(clock);
        var added = 0;
        foreach (var demo in Orders)
        {
            var manager = demo.Unit == Tallgarden ? DemoOrganisation.ErikJohansson : DemoOrganisation.AnnaLindqvist;
            var request = new OrderRequest
            {
                Type = demo.Type,
                EmployeeName = demo.Name,
                Personnummer = demo.Personnummer,
                Title = demo.Title,
                Unit = demo.Unit,
                TargetUnit = demo.TargetUnit,
                StartDate = today,
                EndDate = demo.EndsIn is { } days ? today.AddDays(days) : null,
                KeyKind = KeyChoiceKind.Pool,
                OrdererName = manager.Name,
                OrdererEmail = manager.Email,
                ManagerName = manager.Name,
                ManagerEmail = manager.Email,
                Note = "Demodata: behörigheter i verksamheten.",
            };
            var result = await intake.PlaceAsync(request, OrderChannel.SecureMessage, Demo, demo.Key, demo.Key, cancellationToken);
            if (result is not PlaceOrderResult.Created created)
            {
                continue;
            }

            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var order = await db.Orders.SingleAsync(o => o.Id == created.Receipt.Id, cancellationToken);
            var now = clock.GetUtcNow();
            order.Take(Demo, now, CaseChecklist.For(order, [], null));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var item in order.Checklist)
            {
                order.MarkItem(item.Id, ChecklistState.Done, Demo, now, null);
            }

            order.MoveTo(OrderStatus.Completed, Demo, now);
            // The systems come from the matrix as of today (the demo matrix has no history); the grants are dated
            // back so that the list shows people who have worked here a while.
            var (unitId, unitName) = (order.TargetUnitId ?? order.UnitId, order.TargetUnitName ?? order.UnitName);
            db.Grants.AddRange(order.Systems.Select(s => new Grant(
                order.EmployeeId, s.SystemId, s.SystemName, s.LevelId, s.LevelName, unitId, unitName,
                today.AddDays(-demo.StartsAgo), order.EndDate, order.Id, order.CaseNumber)));
            await db.SaveChangesAsync(cancellationToken);
            added++;
        }

        if (added > 0)
        {
            LogSeeded(logger, added);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Count} completed case(s) for the access view")]
    private static partial void LogSeeded(ILogger logger, int count);

    private sealed record DemoOrder(
        string Key, OrderType Type, string Name, string Personnummer, string Title, string Unit, string? TargetUnit,
        int StartsAgo, int? EndsIn);
}
