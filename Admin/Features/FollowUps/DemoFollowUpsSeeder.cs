using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>
/// Development only, when <c>FollowUps:SeedDemoGrants</c> is set (the http launch profile sets it): a few temporary
/// grants that have run out or soon will, for chef1's and chef2's staff, each from a completed extend case, so that
/// the follow-up page, the reminders and the outbox have something to show; and for chef1 a fixed-term employment
/// that ends in a few days and a placement in another unit that ends sooner, each one follow-up with all its grants
/// (decision 0039). Running it again adds nothing.
/// </summary>
internal sealed partial class DemoFollowUpsSeeder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoFollowUpsSeeder> logger)
    : IHostedService
{
    public const string SettingKey = "FollowUps:SeedDemoGrants";

    private static readonly Actor Demo = new("demo", "Demodata");

    private static readonly (string Key, string Name, string Personnummer, string Unit, string Manager, string System, string Level, int StartsAgo, int EndsIn)[] Grants =
    [
        ("demo-temp-1", "Lisa Andersson", "19900101-1239", "Hemtjänst Centrum", "anna", "Lifecare", "Handläggare", 90, -12),
        ("demo-temp-2", "Lisa Andersson", "19900101-1239", "Hemtjänst Centrum", "anna", "Qlikview", "Standard", 60, 3),
        ("demo-temp-3", "Jonas Berg", "19850615-2340", "Hemtjänst Skrea", "anna", "Appva", "Standard", 40, -2),
        ("demo-temp-4", "Omar Ali", "19790312-1239", "Tallgårdens vård- och omsorgsboende", "erik", "Lifecare", "Handläggare", 120, -30),
    ];

    /// <summary>
    /// Completed "Ny behörighet" (fixed-term when it has an end) and temporary-access orders from today, as a manager
    /// would place them: the systems follow from the matrix in force on the start date.
    /// </summary>
    private static readonly DemoStaff[] Ends =
    [
        new("demo-fixed-term-1", "Moa Lindström", "19971105-4560", "Undersköterska", "Hemtjänst Centrum", EndsIn: 4),
        new("demo-placement-1-home", "Peter Holmgren", "19890823-5677", "Undersköterska", "Hemtjänst Skrea"),
        new("demo-placement-1", "Peter Holmgren", "19890823-5677", "Undersköterska", "Hemtjänst Skrea",
            TemporaryIn: "Tallgårdens vård- och omsorgsboende", EndsIn: 2),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<OrderIntake>();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var today = AdminTimeZone.Today(clock);
        var added = 0;
        foreach (var demo in Grants)
        {
            var (managerName, managerEmail) = demo.Manager == "anna"
                ? ("Anna Lindqvist", "anna.lindqvist@kommun.example")
                : ("Erik Johansson", "erik.johansson@kommun.example");
            var request = new OrderRequest
            {
                Type = OrderType.Extend,
                EmployeeName = demo.Name,
                Personnummer = demo.Personnummer,
                Unit = demo.Unit,
                StartDate = today.AddDays(-demo.StartsAgo),
                EndDate = today.AddDays(demo.EndsIn),
                Systems = [new RequestedSystemInput(demo.System, demo.Level)],
                OrdererName = managerName,
                OrdererEmail = managerEmail,
                ManagerName = managerName,
                ManagerEmail = managerEmail,
                Note = "Demodata: tillfällig behörighet.",
            };
            var result = await intake.PlaceAsync(request, OrderChannel.SecureMessage, Demo, demo.Key, demo.Key, cancellationToken);
            if (result is not PlaceOrderResult.Created created)
            {
                continue;
            }

            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var order = await db.Orders.AsSplitQuery().SingleAsync(o => o.Id == created.Receipt.Id, cancellationToken);
            var now = clock.GetUtcNow();
            // An extension makes no key choice, so whether a personal code exists does not matter.
            order.Take(Demo, now, CaseChecklist.For(order, [], null, hasPersonalCode: false, keysToReturn: []));
            foreach (var item in order.Checklist)
            {
                order.MarkItem(item.Id, ChecklistState.Done, Demo, now, null);
            }

            // Demo data: the receiving unit's manager said yes to temporary access.
        if (order.Consent is { IsPending: true } consent)
        {
            consent.Approve(Demo, now, "Demodata: godkänt av verksamhetens chef.");
        }

        order.MoveTo(OrderStatus.Completed, Demo, now);
            await CaseGrants.ApplyAsync(db, order, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            added++;
        }

        if (added > 0)
        {
            LogSeeded(logger, added);
        }

        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var ends = 0;
        foreach (var demo in Ends)
        {
            var placed = await intake.PlaceAsync(
                DemoGrantsSeeder.Request(demo, today), OrderChannel.Console, Demo, demo.Key, demo.Key, cancellationToken);
            var receipt = placed switch
            {
                PlaceOrderResult.Created created => created.Receipt,
                PlaceOrderResult.Replayed replayed => replayed.Receipt,
                _ => null,
            };
            if (receipt is not null && await DemoGrantsSeeder.CompleteAsync(factory, audit, clock, receipt.Id, today, cancellationToken))
            {
                ends++;
            }
        }

        if (ends > 0)
        {
            LogSeededEnds(logger, ends);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Count} temporary grant(s) for the follow-ups")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Count} completed case(s) for a fixed-term employment's and a placement's follow-ups")]
    private static partial void LogSeededEnds(ILogger logger, int count);
}
