using System.Reflection;
using SocItConsole.Admin.Data.Demo;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>Orders as intake would have stored them, for rule tests that need no database.</summary>
public static class PlacedOrders
{
    public static readonly DateOnly Today = new(2026, 11, 27);
    public static readonly Actor Operator = new("op-1", "Sara Nilsson");

    public static readonly OrderReference Reference = new(
        [new ReferenceTitle(1, "Undersköterska", true)],
        [
            new ReferenceUnit(10, "Hemtjänst Centrum", true, UsesDigitalKeys: true) { Managers = [Manager("Anna Lindqvist")] },
            new ReferenceUnit(11, "Tallgårdens vård- och omsorgsboende", true, UsesDigitalKeys: true) { Managers = [Manager("Erik Johansson")] },
            new ReferenceUnit(12, "IFO Vuxen", true, UsesDigitalKeys: false) { Managers = [Manager("Mikael Ström")] },
        ],
        [
            new ReferenceSystem(6, "Lifecare", true, [new ReferenceLevel(60, "Utförare"), new ReferenceLevel(61, "Handläggare")]),
            new ReferenceSystem(4, "Swedlock", true, [new ReferenceLevel(40, "Standard")]),
            new ReferenceSystem(10, "Qlikview", true, [new ReferenceLevel(100, "Standard")]),
        ]);

    /// <summary>Places <paramref name="request"/> with the given systems, as order <paramref name="id"/> of employee 5.</summary>
    public static Order Place(OrderRequest request, int id = 1, params OrderSystem[] systems)
    {
        var validation = OrderRules.Validate(request, Reference, Today);
        var valid = validation.Order ?? throw new InvalidOperationException(string.Join("; ", validation.Errors.SelectMany(e => e.Value)));
        var employee = new Employee(valid.EmployeeName, valid.Personnummer);
        SetId(employee, 5);
        var order = Order.Place(valid, new CaseNumber(2026, id), employee, systems, OrderChannel.Console, Operator, DateTimeOffset.UtcNow);
        SetId(order, id);
        typeof(Order).GetProperty(nameof(Order.EmployeeId))!.SetValue(order, 5);
        return order;
    }

    public static OrderRequest Request(OrderType type) => (type switch
    {
        OrderType.New => OrderRequests.NewUndersköterska(),
        OrderType.Extend => OrderRequests.Extend() with { Systems = [new("Lifecare", "Handläggare")] },
        OrderType.TemporaryUnit => OrderRequests.TemporaryUnit(),
        OrderType.EndTemporary => OrderRequests.EndSingle() with { Systems = [new("Lifecare", "Handläggare")] },
        _ => OrderRequests.Terminate(),
    }).ForUnit(type == OrderType.Terminate ? "IFO Vuxen" : "Hemtjänst Centrum");

    /// <summary>A demo manager by name, as the reference lists them.</summary>
    public static Contact Manager(string name)
    {
        var person = DemoOrganisation.Units.SelectMany(u => u.Managers).First(m => m.Name == name);
        return new Contact(person.Name, EmailAddress.Parse(person.Email));
    }

    public static void SetId(object entity, int id) =>
        entity.GetType().GetProperty("Id", BindingFlags.Instance | BindingFlags.Public)!.SetValue(entity, id);

    /// <summary>
    /// Takes the case and marks every checklist item: "Ej aktuell" (with <paramref name="note"/>) where
    /// <paramref name="notApplicable"/> holds for the item's text, "Klar" otherwise.
    /// </summary>
    public static void TakeAndMark(Order order, IReadOnlyCollection<Grant> employeeGrants, Func<string, bool> notApplicable, string note = "Inte aktuellt här")
    {
        order.Take(Operator, DateTimeOffset.UtcNow, CaseChecklist.For(order, employeeGrants, null, hasPersonalCode: false, keysToReturn: []));
        NumberChecklist(order);
        foreach (var item in order.Checklist)
        {
            var state = notApplicable(item.Label) ? ChecklistState.NotApplicable : ChecklistState.Done;
            order.MarkItem(item.Id, state, Operator, DateTimeOffset.UtcNow, state == ChecklistState.NotApplicable ? note : null);
        }
    }

    /// <summary>Gives checklist items ids, as the database would.</summary>
    public static void NumberChecklist(Order order)
    {
        var next = 1;
        foreach (var item in order.Checklist)
        {
            SetId(item, next++);
        }
    }
}
