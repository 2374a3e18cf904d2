using SocItConsole.Shared.Keys;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.People;

namespace SocItConsole.Shared.Orders;

/// <summary>An order that passed every rule, with its parts resolved to master data.</summary>
public sealed record ValidOrder(
    OrderType Type,
    string EmployeeName,
    Personnummer Personnummer,
    ReferenceTitle? Title,
    ReferenceUnit Unit,
    ReferenceUnit? TargetUnit,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<RequestedSystem> RequestedSystems,
    KeyChoiceKind KeyKind,
    KeyNumber? KeyNumber,
    Contact Orderer,
    Contact Manager,
    string? Note,
    int? EmploymentId = null)
{
    /// <summary>The unit whose systems and keys the order is about: the other unit for temporary access.</summary>
    public ReferenceUnit GrantUnit => TargetUnit ?? Unit;

    /// <summary>The date the systems are derived for: the start date, or for an end order the last working day.</summary>
    public DateOnly EffectiveDate => StartDate ?? EndDate ?? DateOnly.MinValue;
}

public sealed record RequestedSystem(ReferenceSystem System, ReferenceLevel Level);

public sealed record OrderValidation(IReadOnlyDictionary<OrderFieldKey, string[]> Errors, ValidOrder? Order)
{
    public bool IsValid => Order is not null;
}
