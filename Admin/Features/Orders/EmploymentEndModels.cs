using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>One of a person's employments as the order form and the case page show it.</summary>
public sealed record EmploymentLine(int Id, int UnitId, string UnitName, string? TitleName, DateOnly From, DateOnly? To)
{
    public static EmploymentLine Of(Employment employment)
    {
        ArgumentNullException.ThrowIfNull(employment);
        return new(employment.Id, employment.UnitId, employment.UnitName, employment.TitleName, employment.From, employment.To);
    }
}

/// <summary>
/// For an end of employment on the order form: the person's current employments in the chosen unit (one of which the
/// order ends) and elsewhere (which remain). Both empty when the person has none in that unit, so that the form tells
/// nothing about a person the orderer has no employment of theirs to end.
/// </summary>
public sealed record EmploymentChoices(IReadOnlyList<EmploymentLine> InUnit, IReadOnlyList<EmploymentLine> Elsewhere)
{
    public static readonly EmploymentChoices None = new([], []);

    /// <summary>What ending <paramref name="chosen"/> (or the only one in the unit) ends and leaves; null while several wait for a choice.</summary>
    public EmploymentEndView? Ending(int? chosen)
    {
        var ended = InUnit.Count == 1 ? InUnit[0] : InUnit.FirstOrDefault(e => e.Id == chosen);
        if (ended is null)
        {
            return null;
        }

        var remaining = InUnit.Where(e => e.Id != ended.Id).Concat(Elsewhere).ToList();
        return new EmploymentEndView(ended, remaining, remaining.Count == 0);
    }
}

/// <summary>
/// What an end of employment ends (<paramref name="Ended"/>; null for an order placed before employments were
/// recorded, which ends them all) and which employments remain; <paramref name="IsLast"/>: none does, so the SITHS card
/// and the personal code go too.
/// </summary>
public sealed record EmploymentEndView(EmploymentLine? Ended, IReadOnlyList<EmploymentLine> Remaining, bool IsLast)
{
    /// <summary>The phone and the digital key come back: the person leaves the unit (no other employment there), or leaves altogether.</summary>
    public bool ReturnsPhoneAndKey => IsLast || Ended is null || Remaining.All(r => r.UnitId != Ended.UnitId);

    public static EmploymentEndView Of(EmploymentEnd ending, bool namesEmployment)
    {
        ArgumentNullException.ThrowIfNull(ending);
        return new(
            namesEmployment && ending.Ended.Count > 0 ? EmploymentLine.Of(ending.Ended[0]) : null,
            [.. ending.Remaining.Select(EmploymentLine.Of)],
            ending.IsLast);
    }
}
