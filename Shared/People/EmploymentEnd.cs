using System.Globalization;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Shared.People;

/// <summary>
/// What an end-of-employment order (Avsluta anställning) ends and what the person keeps: the employment it names, the
/// temporary assignments hanging off it, and the grants of both; the person's other employments stay, with their
/// grants, keys and pool memberships. The returns follow: the phone and the digital key of a unit the person leaves,
/// and only when no employment remains after the last working day (<see cref="IsLast"/>) the whole-person items — the
/// Falkenbergskort/SITHS card and the personal code. An order that names no employment (placed before employments
/// were recorded) ends them all, as it did when it was placed.
/// </summary>
public sealed class EmploymentEnd
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private readonly bool _namesEmployment;

    private EmploymentEnd(
        bool namesEmployment, IReadOnlyList<Employment> ended, IReadOnlyList<TemporaryAssignment> endedAssignments,
        IReadOnlyList<Employment> remaining, IReadOnlySet<int> returnUnitIds)
    {
        _namesEmployment = namesEmployment;
        Ended = ended;
        EndedAssignments = endedAssignments;
        Remaining = remaining;
        ReturnUnitIds = returnUnitIds;
    }

    /// <summary>The employments the order ends: the one it names, or for an order that names none every current one.</summary>
    public IReadOnlyList<Employment> Ended { get; }

    /// <summary>The temporary assignments hanging off <see cref="Ended"/> that were still to run after the last working day.</summary>
    public IReadOnlyList<TemporaryAssignment> EndedAssignments { get; }

    /// <summary>The person's other employments that continue after the last working day.</summary>
    public IReadOnlyList<Employment> Remaining { get; }

    /// <summary>No employment continues after the last working day: the whole-person items go too.</summary>
    public bool IsLast => Remaining.Count == 0;

    /// <summary>
    /// The units the person leaves: those of the ended employment and its assignments, except a unit where an
    /// employment (or an assignment of one) continues. Their phone and digital key come back, their pool memberships end.
    /// </summary>
    public IReadOnlySet<int> ReturnUnitIds { get; }

    /// <summary>Whether the phone and the digital key come back: the person leaves the unit of an ended employment, or leaves altogether.</summary>
    public bool ReturnsPhoneAndKey => IsLast || Ended.Any(e => ReturnUnitIds.Contains(e.UnitId));

    /// <summary>Whether the order ends <paramref name="grant"/>: a grant of an ended employment (its assignments' included).</summary>
    public bool Covers(Grant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return !_namesEmployment || Ended.Any(e => e.Id == grant.EmploymentId);
    }

    /// <summary>Whether the order takes back the keys and pool memberships of <paramref name="unitId"/>: a unit left, or everything at the last employment.</summary>
    public bool ReturnsKeysOf(int unitId) => IsLast || ReturnUnitIds.Contains(unitId);

    /// <summary>What end-of-employment order <paramref name="order"/> ends, given the person's employments and assignments.</summary>
    public static EmploymentEnd Of(
        Order order, IReadOnlyCollection<Employment> employments, IReadOnlyCollection<TemporaryAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(employments);
        ArgumentNullException.ThrowIfNull(assignments);
        var lastDay = order.EndDate ?? throw new InvalidOperationException("An end order has a last working day.");
        var (ended, endedAssignments) = EmploymentRules.EndedBy(order, employments, assignments);
        var endedIds = ended.Select(e => e.Id).ToHashSet();
        var remaining = employments
            .Where(e => !endedIds.Contains(e.Id) && !e.IsEnded && e.IsCurrentOn(lastDay.AddDays(1)))
            .OrderBy(e => e.From)
            .ToList();
        var remainingIds = remaining.Select(e => e.Id).ToHashSet();
        var kept = remaining.Select(e => e.UnitId)
            .Concat(assignments
                .Where(a => remainingIds.Contains(a.EmploymentId) && a.EndedByOrderId is null && a.To > lastDay)
                .Select(a => a.UnitId))
            .ToHashSet();
        var left = ended.Select(e => e.UnitId).Concat(endedAssignments.Select(a => a.UnitId))
            .Where(u => !kept.Contains(u))
            .ToHashSet();
        return new EmploymentEnd(order.EmploymentId is not null, ended, endedAssignments, remaining, left);
    }

    /// <summary>
    /// The employment a new end-of-employment order ends, resolved at intake: one of the person's current employments
    /// (not ended, its last day not before <paramref name="lastDay"/>) in <paramref name="unitId"/>. The form names it
    /// (<paramref name="employmentId"/>); the e-service may name its title when there are several. None there, several
    /// and nothing to tell them apart, or a named one that is not among them: an error in Swedish under the field it
    /// concerns (the unit, or the title).
    /// </summary>
    public static EmploymentChoice Choose(
        IReadOnlyCollection<Employment> employments, string employeeName, int unitId, string unitName,
        int? employmentId, int? titleId, string? titleName, DateOnly lastDay)
    {
        ArgumentNullException.ThrowIfNull(employments);
        var current = employments
            .Where(e => e.UnitId == unitId && !e.IsEnded && e.IsCurrentOn(lastDay))
            .OrderBy(e => e.From)
            .ToList();
        if (current.Count == 0)
        {
            return EmploymentChoice.Refused(OrderField.Unit, $"{employeeName} har ingen pågående anställning i {unitName}.");
        }

        if (employmentId is { } id)
        {
            return current.FirstOrDefault(e => e.Id == id) is { } named
                ? EmploymentChoice.Chosen(named)
                : EmploymentChoice.Refused(OrderField.Unit,
                    $"Den valda anställningen pågår inte längre för {employeeName} i {unitName}. Välj anställningen igen.");
        }

        if (titleId is { } title)
        {
            var withTitle = current.Where(e => e.TitleId == title).ToList();
            return withTitle switch
            {
                [var only] => EmploymentChoice.Chosen(only),
                [] => EmploymentChoice.Refused(OrderField.Title,
                    $"{employeeName} har ingen pågående anställning som {Lower(titleName)} i {unitName}."),
                _ => EmploymentChoice.Refused(OrderField.Title,
                    $"{employeeName} har flera pågående anställningar som {Lower(titleName)} i {unitName}. Välj anställningen i konsolens beställningsformulär."),
            };
        }

        return current switch
        {
            [var only] => EmploymentChoice.Chosen(only),
            _ => EmploymentChoice.Refused(OrderField.Title,
                $"{employeeName} har {current.Count} pågående anställningar i {unitName} ({Titles(current)}). Ange vilken som avslutas."),
        };
    }

    private static string Titles(IEnumerable<Employment> employments) =>
        string.Join(", ", employments.Select(e => Lower(e.TitleName) ?? "titel saknas"));

    private static string? Lower(string? text) => text?.ToLower(Swedish);
}

/// <summary>The employment an end order is about, or why none could be chosen (<see cref="Field"/>, <see cref="Error"/>).</summary>
public sealed record EmploymentChoice(Employment? Employment, OrderField? Field, string? Error)
{
    public static EmploymentChoice Chosen(Employment employment) => new(employment, null, null);

    public static EmploymentChoice Refused(OrderField field, string error) => new(null, field, error);
}
