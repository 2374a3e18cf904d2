using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Shared.People;

/// <summary>
/// Ending one employment of several, and the last: which employments, assignments and grants end, which returns the
/// case asks for, and which whole-person items (SITHS card, personal code) go. The person (employee 5) works in IFO
/// Vuxen (employment 1, with a placement in Tallgården hanging off it, assignment 1) and, depending on the case, in
/// Hemtjänst Centrum (employment 2) or in IFO Vuxen a second time (employment 3). The end order is about IFO Vuxen,
/// last working day 2026-12-31.
/// </summary>
public class EmploymentEndTests
{
    private const int IfoVuxen = 12;
    private const int Centrum = 10;
    private const int Tallgården = 11;
    private static readonly DateOnly LastDay = new(2026, 12, 31);

    private const string Phone = "Telefonen återlämnad och fabriksåterställd av verksamhetens mobilombud";
    private const string Key = "Digital nyckel (Swedlock) återlämnad";
    private const string Siths = "Falkenbergskort/SITHS-kort återlämnat";

    /// <summary>
    /// Situation; the employment the order names (null: none, an order placed before employments); the other
    /// employment ("centrum", "centrum-visstid" ending on the same last day, "ifo-igen" a second post in IFO Vuxen,
    /// "tallgården" a post in the placement's unit, or "" none); then what is expected.
    /// </summary>
    public static TheoryData<string, int?, string, string[], string[], bool, int[]> Cases => new()
    {
        {
            "ends one of two: its own grants and its placement's, the returns of the units left, no whole-person item",
            1, "centrum",
            ["Avsluta Lifecare (Utförare) i IFO Vuxen", "Avsluta Lifecare (Utförare) i Tallgårdens vård- och omsorgsboende"],
            [Phone, Key], false, [IfoVuxen, Tallgården]
        },
        {
            "ends the last: also the SITHS card and the personal code",
            1, "",
            ["Avsluta Lifecare (Utförare) i IFO Vuxen", "Avsluta Lifecare (Utförare) i Tallgårdens vård- och omsorgsboende"],
            [Phone, Key, Siths, CaseChecklist.RevokeCodeLabel], true, [IfoVuxen, Tallgården, Centrum]
        },
        {
            "the other is fixed-term and ends the same day: this is the last",
            1, "centrum-visstid",
            ["Avsluta Lifecare (Utförare) i IFO Vuxen", "Avsluta Lifecare (Utförare) i Tallgårdens vård- och omsorgsboende"],
            [Phone, Key, Siths, CaseChecklist.RevokeCodeLabel], true, [IfoVuxen, Tallgården, Centrum]
        },
        {
            "a second post in the same unit stays: no phone or key comes back from that unit",
            1, "ifo-igen",
            ["Avsluta Lifecare (Utförare) i IFO Vuxen", "Avsluta Lifecare (Utförare) i Tallgårdens vård- och omsorgsboende"],
            [], false, [Tallgården]
        },
        {
            "a post in the placement's unit stays: only the own unit's key comes back",
            1, "tallgården",
            ["Avsluta Lifecare (Utförare) i IFO Vuxen", "Avsluta Lifecare (Utförare) i Tallgårdens vård- och omsorgsboende"],
            [Phone, Key], false, [IfoVuxen]
        },
        {
            "an order naming no employment (placed before) ends everything, as it did",
            null, "centrum",
            [
                "Avsluta Appva (Standard) i Hemtjänst Centrum", "Avsluta Lifecare (Utförare) i IFO Vuxen",
                "Avsluta Lifecare (Utförare) i Tallgårdens vård- och omsorgsboende",
            ],
            [Phone, Key, Siths, CaseChecklist.RevokeCodeLabel], true, [IfoVuxen, Tallgården, Centrum]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Checklist_AsksForTheEndedEmploymentsGrantsAndReturns_AndTheWholePersonItemsOnlyAtTheLast(
        string situation, int? named, string other, string[] systems, string[] returns, bool isLast, int[] keyUnits)
    {
        var (order, employments, assignments, grants) = World(named, other);
        var ending = EmploymentEnd.Of(order, employments, assignments);

        var items = CaseChecklist.For(order, grants, null, hasPersonalCode: true, keysToReturn: null, ending);

        Assert.True(systems.SequenceEqual(items.Where(i => i.Kind == ChecklistItemKind.System).Select(i => i.Label)), situation);
        Assert.True(returns.SequenceEqual(items.Where(i => i.Kind == ChecklistItemKind.Return).Select(i => i.Label)), situation);
        Assert.True(isLast == ending.IsLast, situation);
        Assert.True(keyUnits.Order().SequenceEqual(new[] { IfoVuxen, Centrum, Tallgården }.Where(ending.ReturnsKeysOf).Order()), situation);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Completion_EndsTheEndedEmploymentsGrantsAndItsPlacement_AndNothingElse(
        string situation, int? named, string other, string[] systems, string[] returns, bool isLast, int[] keyUnits)
    {
        _ = (returns, isLast, keyUnits);
        var (order, employments, assignments, grants) = World(named, other);

        var changes = GrantRules.Materialize(order, grants);
        var (ended, endedAssignments) = EmploymentRules.EndedBy(order, employments, assignments);

        Assert.True(
            systems.SequenceEqual(changes.Ended.Select(g => $"Avsluta {g.SystemName} ({g.LevelName}) i {g.UnitName}").Order(StringComparer.Ordinal)),
            situation);
        Assert.All(changes.Ended, g => Assert.Equal((LastDay, (int?)7), (g.To!.Value, g.EndedByOrderId)));
        Assert.All(grants.Except(changes.Ended), g => Assert.Equal(((DateOnly?)null, (int?)null), (g.To, g.EndedByOrderId)));
        Assert.Contains(ended, e => e.Id == 1);
        Assert.True((named is null ? 2 : 1) == ended.Count, situation);
        Assert.Equal([1], endedAssignments.Select(a => a.Id));
    }

    [Fact]
    public void WithoutAPersonalCode_TheLastEmploymentsEnd_HasNoCodeToRevoke()
    {
        var (order, employments, assignments, grants) = World(1, "");

        var items = CaseChecklist.For(order, grants, null, hasPersonalCode: false, keysToReturn: null, EmploymentEnd.Of(order, employments, assignments));

        Assert.Equal([Phone, Key, Siths], items.Where(i => i.Kind == ChecklistItemKind.Return).Select(i => i.Label));
    }

    [Fact]
    public void TheCodeItemMarkedNotApplicable_IsSeenByCompletion()
    {
        var (order, employments, assignments, grants) = World(1, "");
        order.Take(PlacedOrders.Operator, DateTimeOffset.UtcNow,
            CaseChecklist.For(order, grants, null, hasPersonalCode: true, keysToReturn: null, EmploymentEnd.Of(order, employments, assignments)));
        PlacedOrders.NumberChecklist(order);
        Assert.False(CaseChecklist.IsCodeRevocationNotApplicable(order));

        var item = order.Checklist.Single(i => i.Label == CaseChecklist.RevokeCodeLabel);
        order.MarkItem(item.Id, ChecklistState.NotApplicable, PlacedOrders.Operator, DateTimeOffset.UtcNow, "Koden är redan spärrad i Swedlock");

        Assert.True(CaseChecklist.IsCodeRevocationNotApplicable(order));
    }

    /// <summary>Which employment a new end order ends, or the error it gets, given the person's employments.</summary>
    public static TheoryData<string, int?, int?, int?, string?> Choices => new()
    {
        // situation, employment chosen in the form, title named by the e-service, expected employment, expected error
        { "one in the unit: that one", null, null, 1, null },
        { "the form chose one of two", 3, null, 3, null },
        { "the e-service named the title of one of two", null, 2, 3, null },
        { "two and nothing tells them apart", null, null, null, "Lisa Andersson har 2 pågående anställningar i IFO Vuxen (undersköterska, sjuksköterska). Ange vilken som avslutas." },
        { "the title names none of them", null, 9, null, "Lisa Andersson har ingen pågående anställning som enhetschef i IFO Vuxen." },
        { "the form chose one that is not current there", 2, null, null, "Den valda anställningen pågår inte längre för Lisa Andersson i IFO Vuxen. Välj anställningen igen." },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void Intake_ChoosesTheEmploymentInTheOrdersUnit(string situation, int? chosen, int? titleId, int? expected, string? error)
    {
        var employments = new List<Employment> { Employment(1, IfoVuxen, 1, "Undersköterska"), Employment(2, Centrum, 1, "Undersköterska") };
        if (situation != "one in the unit: that one")
        {
            employments.Add(Employment(3, IfoVuxen, 2, "Sjuksköterska", from: new DateOnly(2025, 6, 1)));
        }

        var titleName = titleId switch { 2 => "Sjuksköterska", 9 => "Enhetschef", _ => null };
        var choice = EmploymentEnd.Choose(employments, "Lisa Andersson", IfoVuxen, "IFO Vuxen", chosen, titleId, titleName, LastDay);

        Assert.True(expected == choice.Employment?.Id, situation);
        Assert.True(error == choice.Error, $"{situation}: {choice.Error}");
    }

    [Fact]
    public void Intake_RefusesAnEndInAUnitThePersonDoesNotWorkIn_UnderTheUnit()
    {
        var ended = Employment(1, IfoVuxen, 1, "Undersköterska");
        ended.End(new DateOnly(2026, 6, 30), 3);
        var fixedTermOver = Employment(2, IfoVuxen, 1, "Undersköterska", to: new DateOnly(2026, 10, 31));
        var elsewhere = Employment(3, Centrum, 1, "Undersköterska");

        var choice = EmploymentEnd.Choose([ended, fixedTermOver, elsewhere], "Lisa Andersson", IfoVuxen, "IFO Vuxen", null, null, null, LastDay);

        Assert.Equal(((Employment?)null, (OrderField?)OrderField.Unit, "Lisa Andersson har ingen pågående anställning i IFO Vuxen."),
            (choice.Employment, choice.Field, choice.Error));
    }

    private static (Order Order, List<Employment> Employments, List<TemporaryAssignment> Assignments, List<Grant> Grants) World(int? named, string other)
    {
        var order = PlacedOrders.Place(PlacedOrders.Request(OrderType.Terminate), 7);
        if (named is { } id)
        {
            order.AttachEmployment(id);
        }

        var ifo = Employment(1, IfoVuxen, 1, "Undersköterska");
        var placement = new TemporaryAssignment(1, 5, Tallgården, "Tallgårdens vård- och omsorgsboende", new DateOnly(2026, 6, 1), new DateOnly(2027, 3, 31), 4);
        PlacedOrders.SetId(placement, 1);
        var employments = new List<Employment> { ifo };
        var grants = new List<Grant>
        {
            Grant("Lifecare", "Utförare", IfoVuxen, "IFO Vuxen", new GrantOwner(1)),
            Grant("Lifecare", "Utförare", Tallgården, "Tallgårdens vård- och omsorgsboende", new GrantOwner(1, 1)),
        };
        switch (other)
        {
            case "centrum" or "centrum-visstid":
                employments.Add(Employment(2, Centrum, 1, "Undersköterska", to: other == "centrum-visstid" ? LastDay : null));
                grants.Add(Grant("Appva", "Standard", Centrum, "Hemtjänst Centrum", new GrantOwner(2)));
                break;
            case "ifo-igen":
                employments.Add(Employment(2, IfoVuxen, 2, "Sjuksköterska"));
                grants.Add(Grant("Appva", "Standard", IfoVuxen, "IFO Vuxen", new GrantOwner(2)));
                break;
            case "tallgården":
                employments.Add(Employment(2, Tallgården, 1, "Undersköterska"));
                grants.Add(Grant("Appva", "Standard", Tallgården, "Tallgårdens vård- och omsorgsboende", new GrantOwner(2)));
                break;
        }

        return (order, employments, [placement], grants);
    }

    private static Employment Employment(int id, int unitId, int titleId, string titleName, DateOnly? from = null, DateOnly? to = null)
    {
        var unitName = unitId switch { IfoVuxen => "IFO Vuxen", Centrum => "Hemtjänst Centrum", _ => "Tallgårdens vård- och omsorgsboende" };
        var employment = new Employment(5, unitId, unitName, titleId, titleName, from ?? new DateOnly(2024, 1, 1), to, 1);
        PlacedOrders.SetId(employment, id);
        return employment;
    }

    private static Grant Grant(string system, string level, int unitId, string unitName, GrantOwner owner) =>
        new(5, system == "Appva" ? 3 : 6, system, system == "Appva" ? 30 : 60, level, unitId, unitName, new DateOnly(2024, 1, 1), null, 1, "SOC-2024-00001", owner);
}
