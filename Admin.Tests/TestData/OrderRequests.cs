using SocItConsole.Admin.Data.Demo;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>Order requests that pass every rule against the demo organisation, changed where a test cares.</summary>
public static class OrderRequests
{
    /// <summary>Valid personnummer (check digits computed): born 1990-01-01 and 1985-06-15.</summary>
    public const string Pnr1990 = "19900101-1239";
    public const string Pnr1985 = "19850615-2340";

    public static OrderRequest NewUndersköterska(string personnummer = Pnr1990) => new()
    {
        Type = OrderType.New,
        EmployeeName = "Lisa Andersson",
        Personnummer = personnummer,
        Title = "Undersköterska",
        Unit = "Hemtjänst Centrum",
        StartDate = new DateOnly(2026, 12, 7),
        KeyKind = KeyChoiceKind.Pool,
        OrdererName = "Anna Lindqvist",
        OrdererEmail = "anna.lindqvist@kommun.example",
        ManagerName = "Anna Lindqvist",
        ManagerEmail = "anna.lindqvist@kommun.example",
    };

    public static OrderRequest Extend(string personnummer = Pnr1990) => NewUndersköterska(personnummer) with
    {
        Type = OrderType.Extend,
        Title = null,
        KeyKind = null,
        Systems = [new RequestedSystemInput("Lifecare", "Handläggare"), new RequestedSystemInput("qlikview", null)],
        EndDate = new DateOnly(2027, 3, 31),
    };

    public static OrderRequest TemporaryUnit(string personnummer = Pnr1990) => NewUndersköterska(personnummer) with
    {
        Type = OrderType.TemporaryUnit,
        TargetUnit = "Tallgårdens vård- och omsorgsboende",
        EndDate = new DateOnly(2027, 1, 31),
    };

    /// <summary>"Avsluta enskild behörighet" for the two systems <see cref="Extend"/> asks for, last day 2026-12-31.</summary>
    public static OrderRequest EndSingle(string personnummer = Pnr1990) => Extend(personnummer) with
    {
        Type = OrderType.EndTemporary,
        StartDate = null,
        EndDate = new DateOnly(2026, 12, 31),
    };

    public static OrderRequest Terminate(string personnummer = Pnr1990) => NewUndersköterska(personnummer) with
    {
        Type = OrderType.Terminate,
        Title = null,
        KeyKind = null,
        StartDate = null,
        EndDate = new DateOnly(2026, 12, 31),
    };

    /// <summary>The request for <paramref name="unit"/>, naming the unit's first demo manager as its responsible manager.</summary>
    public static OrderRequest ForUnit(this OrderRequest request, string unit)
    {
        var manager = DemoOrganisation.Units.Single(u => u.Name == unit).Managers[0];
        return request with { Unit = unit, ManagerName = manager.Name, ManagerEmail = manager.Email };
    }

    /// <summary>The request as the console's form sends it: its names looked up as ids in <paramref name="intake"/>'s master data.</summary>
    public static async Task<OrderInput> ByIdAsync(this OrderRequest request, OrderIntake intake) =>
        OrderNames.Resolve(request, await intake.LoadReferenceAsync(TestContext.Current.CancellationToken));

    /// <inheritdoc cref="ByIdAsync(OrderRequest, OrderIntake)"/>
    public static Task<OrderInput> ByIdAsync(this OrderRequest request, TestDatabase database) =>
        request.ByIdAsync(AppServices.OrderIntake(database));
}
