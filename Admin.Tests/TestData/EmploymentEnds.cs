using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>
/// Fixed-term employments and placements in the follow-up world, ordered and completed as a manager and an operator
/// would (the demo seeders' path): the systems follow from title × unit, the grants from the completed case.
/// </summary>
internal static class EmploymentEnds
{
    /// <summary>Moa, an undersköterska in Hemtjänst Centrum (chef1) on a fixed-term employment from today.</summary>
    public static DemoStaff FixedTerm(int endsIn) =>
        new("test-fixed-term", "Moa Lindström", "19971105-4560", "Undersköterska", "Hemtjänst Centrum", EndsIn: endsIn);

    /// <summary>Peter, employed in Hemtjänst Skrea (chef1), placed in Tallgården from today.</summary>
    public static readonly DemoStaff Home = new("test-placement-home", "Peter Holmgren", "19890823-5677", "Undersköterska", "Hemtjänst Skrea");

    public static DemoStaff Placement(int endsIn) =>
        Home with { Key = "test-placement", TemporaryIn = "Tallgårdens vård- och omsorgsboende", EndsIn = endsIn };

    /// <summary>Places <paramref name="staff"/>'s order today and completes its case; the order's id.</summary>
    public static async Task<int> OrderAndCompleteAsync(FollowUpWorld world, DemoStaff staff)
    {
        var intake = AppServices.OrderIntake(world.Database, world.Clock);
        var placed = await intake.PlaceAsync(
            DemoGrantsSeeder.Request(staff, world.CurrentDay), OrderChannel.Console, new Actor("test", "Anna Lindqvist"), staff.Key, staff.Key,
            TestContext.Current.CancellationToken);
        var id = placed switch
        {
            PlaceOrderResult.Created created => created.Receipt.Id,
            PlaceOrderResult.Invalid invalid => throw new InvalidOperationException(string.Join("; ", invalid.Errors.SelectMany(e => e.Value))),
            _ => throw new InvalidOperationException(placed.ToString()),
        };
        await CompleteAsync(world, id);
        return id;
    }

    /// <summary>Soc-IT takes and completes the case, ticking every item.</summary>
    public static async Task CompleteAsync(FollowUpWorld world, int orderId) =>
        Assert.True(await DemoGrantsSeeder.CompleteAsync(
            world.Database, new AuditTrail(world.Clock), world.Clock, orderId, world.CurrentDay, TestContext.Current.CancellationToken));
}
