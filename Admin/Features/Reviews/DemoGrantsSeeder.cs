using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Data.Demo;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Reviews;

/// <summary>
/// Development only, when <c>Reviews:SeedDemoAccess</c> is set (the http launch profile sets it): staff in chef1's
/// and chef2's units with the grants a completed "Ny behörighet" case leaves — one of them a fixed-term employment, one
/// a person with protected identity (skyddad identitet) —
/// and one person from another unit with temporary access to Hemtjänst Centrum, so that the access view and the
/// review rounds have people to show. Each order is placed through the intake with its own Idempotency-Key and
/// completed as an operator would; running it again adds nothing, and finishes an order a crash left uncompleted.
/// </summary>
internal sealed partial class DemoGrantsSeeder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoGrantsSeeder> logger)
    : IHostedService
{
    public const string SettingKey = "Reviews:SeedDemoAccess";

    private static readonly Actor Demo = new("demo", "Demodata");

    /// <summary>The demo staff. Personnummer with valid check digits; <c>EndsIn</c> makes the employment (or access) temporary.</summary>
    internal static readonly IReadOnlyList<DemoStaff> Staff =
    [
        new("demo-access-01", "Maria Lundgren", "19820407-2428", "Undersköterska", "Hemtjänst Centrum"),
        new("demo-access-02", "Ahmed Yusuf", "19910923-3578", "Undersköterska", "Hemtjänst Centrum"),
        new("demo-access-03", "Elin Karlsson", "19950214-1881", "Vårdbiträde", "Hemtjänst Centrum", EndsIn: 90),
        new("demo-access-04", "Johan Nilsson", "19760830-4155", "Sjuksköterska", "Hemtjänst Centrum"),
        new("demo-access-05", "Fatima Hassan", "19880519-5263", "Undersköterska", "Hemtjänst Skrea"),
        new("demo-access-06", "Sven Bergström", "19690111-6332", "Vårdbiträde", "Hemtjänst Skrea"),
        new("demo-access-07", "Hanna Öberg", "19930702-7640", "Arbetsterapeut", "Hemtjänst Skrea"),
        new("demo-access-08", "Anders Persson", "19840318-8710", "Undersköterska", "Tallgårdens vård- och omsorgsboende"),
        new("demo-access-09", "Sara Lindberg", "19870926-3829", "Sjuksköterska", "Tallgårdens vård- och omsorgsboende"),
        new("demo-access-10", "Kristina Håkansson", "19720605-4681", "Vårdbiträde", "Tallgårdens vård- och omsorgsboende"),
        new("demo-access-11", "Daniel Sandberg", "19980121-2953", "Stödassistent", "Solgläntans korttidsboende"),
        new("demo-access-12", "Ingrid Axelsson", "19660413-5209", "Undersköterska", "Hemtjänst Ätradalen",
            TemporaryIn: "Hemtjänst Centrum", EndsIn: 60),
        new("demo-access-13", "Linnea Dahl", "19890315-2380", "Undersköterska", "Tallgårdens vård- och omsorgsboende",
            ProtectedBecause: "Skyddad folkbokföring enligt beslut från Skatteverket (demodata)."),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<OrderIntake>();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var today = AdminTimeZone.Today(clock);
        var completed = 0;
        foreach (var demo in Staff)
        {
            var result = await intake.PlaceAsync(Request(demo, today), OrderChannel.Console, Demo, demo.Key, demo.Key, cancellationToken);
            var receipt = result switch
            {
                PlaceOrderResult.Created created => created.Receipt,
                PlaceOrderResult.Replayed replayed => replayed.Receipt,
                _ => null,
            };
            if (receipt is null)
            {
                LogRefused(logger, demo.Key, result is PlaceOrderResult.Invalid invalid ? string.Join(", ", invalid.Errors.Keys) : result.GetType().Name);
                continue;
            }

            if (await CompleteAsync(factory, audit, clock, receipt.Id, today, cancellationToken))
            {
                completed++;
            }

            if (demo.ProtectedBecause is { } reason)
            {
                await ProtectAsync(factory, audit, receipt.Id, reason, cancellationToken);
            }
        }

        if (completed > 0)
        {
            LogSeeded(logger, completed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The order as the unit's manager would place it: systems from title × unit, a place in the key pool.</summary>
    internal static OrderRequest Request(DemoStaff demo, DateOnly today)
    {
        var manager = DemoOrganisation.Units.Single(u => u.Name == demo.Unit).Managers[0];
        return new OrderRequest
        {
            Type = demo.TemporaryIn is null ? OrderType.New : OrderType.TemporaryUnit,
            EmployeeName = demo.Name,
            Personnummer = demo.Personnummer,
            Title = demo.Title,
            Unit = demo.Unit,
            TargetUnit = demo.TemporaryIn,

            // Today: the systems follow from the matrix in force on the start date, and the demo matrix is as old as
            // the database.
            StartDate = today,
            EndDate = demo.EndsIn is { } days ? today.AddDays(days) : null,
            KeyKind = KeyChoiceKind.Pool,
            OrdererName = manager.Name,
            OrdererEmail = manager.Email,
            ManagerName = manager.Name,
            ManagerEmail = manager.Email,
            Note = "Demodata.",
        };
    }

    /// <summary>Takes and completes the case, ticking every item, and writes the grants; false when it was done already.</summary>
    internal static async Task<bool> CompleteAsync(
        IDbContextFactory<SocItDbContext> factory, AuditTrail audit, TimeProvider clock, int orderId, DateOnly today, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Orders.AsSplitQuery().SingleAsync(o => o.Id == orderId, ct);
        if (order.Status != OrderStatus.Received)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var grants = await db.Grants.Where(g => g.EmployeeId == order.EmployeeId).ToListAsync(ct);
        var hasPersonalCode = await KeyCaseSteps.HasPersonalCodeAsync(db, order.EmployeeId, ct);
        order.Take(Demo, now, CaseChecklist.For(order, grants, null, hasPersonalCode, keysToReturn: []));

        // The checklist items get their ids when saved; they are ticked by id.
        await db.SaveChangesAsync(ct);
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
        var added = (await CaseGrants.ApplyAsync(db, order, ct)).Added;
        var keys = await KeyCaseSteps.ApplyOnCompletionAsync(db, order, Demo, now, today, ct);
        audit.Record(db, Demo, "Case.Completed", "Order", order.CaseNumber,
            $"{order.CaseNumber} är klart (demodata): {added.Count} behörigheter tillagda.{(keys is null ? string.Empty : " " + keys)}",
            before: null, after: new { Status = order.Status.ToString(), Grants = added.Count });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Marks the order's person as having protected identity, as an operator would; once.</summary>
    private static async Task ProtectAsync(IDbContextFactory<SocItDbContext> factory, AuditTrail audit, int orderId, string reason, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var employee = await db.Orders.Where(o => o.Id == orderId).Select(o => o.Employee!).SingleAsync(ct);
        if (employee.IsProtected)
        {
            return;
        }

        employee.Protect(reason);
        audit.Record(db, Demo, "Employee.Protected", "Employee", employee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{Demo.Name} markerade {employee.Personnummer.Masked} med skyddad identitet.",
            before: new { IsProtected = false, ProtectionReason = (string?)null }, after: new { employee.IsProtected, employee.ProtectionReason });
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Count} completed case(s) with grants for the access view and the review")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data: order {Key} was not placed ({Reason})")]
    private static partial void LogRefused(ILogger logger, string key, string reason);
}

/// <summary>
/// One demo employee: their New order's Idempotency-Key, name, personnummer, title and unit; or, with
/// <paramref name="TemporaryIn"/>, temporary access from their unit to another; with <paramref name="ProtectedBecause"/>,
/// marked as having protected identity for that reason.
/// </summary>
internal sealed record DemoStaff(
    string Key, string Name, string Personnummer, string Title, string Unit, string? TemporaryIn = null, int? EndsIn = null,
    string? ProtectedBecause = null);
