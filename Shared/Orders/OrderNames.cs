using SocItConsole.Shared.People;

namespace SocItConsole.Shared.Orders;

/// <summary>
/// The e-service names titles, units, systems and levels; the console knows them by id. This turns the names into
/// ids (matched ignoring case and surrounding spaces, active or not: whether an item may be ordered is a rule) and
/// keeps, for each name it cannot match, the message the rules give in its place.
/// </summary>
public static class OrderNames
{
    /// <summary>
    /// Resolves <paramref name="request"/>'s names. A change of title or unit names its employment as the e-service can:
    /// by its unit and, when the person has several there, its title; <paramref name="employments"/> are the person's
    /// (none for a person the console does not know), and a new title or unit left out stays as the employment has it.
    /// </summary>
    public static OrderInput Resolve(OrderRequest request, OrderReference reference, IReadOnlyCollection<Employment>? employments = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reference);
        var unresolved = new Dictionary<OrderFieldKey, string>();
        var employment = request.Type == OrderType.Change ? FindEmployment(request, reference, employments ?? [], unresolved) : null;
        var systems = new List<RequestedSystemId>();
        var inputs = request.Systems ?? [];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var system = Match(reference.Systems, s => s.Name, input?.Name, OrderFieldKey.SystemName(i), "system", unresolved);
            int? levelId = null;
            if (system is not null && !string.IsNullOrWhiteSpace(input!.Level))
            {
                levelId = system.Levels.FirstOrDefault(l => NameEquals(l.Name, input.Level))?.Id;
                if (levelId is null)
                {
                    unresolved[OrderFieldKey.SystemLevel(i)] =
                        $"{system.Name} har ingen nivå som heter \"{Quote(input.Level)}\". Nivåer: {string.Join(", ", system.Levels.Select(l => l.Name))}.";
                }
            }

            systems.Add(new RequestedSystemId(system?.Id, levelId));
        }

        return new OrderInput
        {
            Type = request.Type,
            EmployeeName = request.EmployeeName,
            Personnummer = request.Personnummer,
            EmploymentId = employment?.Id,
            TitleId = Match(reference.Titles, t => t.Name, request.Title, OrderField.Title, "titel", unresolved)?.Id
                ?? (string.IsNullOrWhiteSpace(request.Title) ? employment?.TitleId : null),
            UnitId = Match(reference.Units, u => u.Name, request.Unit, OrderField.Unit, "verksamhet", unresolved)?.Id
                ?? (string.IsNullOrWhiteSpace(request.Unit) ? employment?.UnitId : null),
            TargetUnitId = Match(reference.Units, u => u.Name, request.TargetUnit, OrderField.TargetUnit, "verksamhet", unresolved)?.Id,
            StartDate = request.StartDate,
            EndDate = request.EndDate,
            Systems = systems,
            KeyKind = request.KeyKind,
            KeyNumber = request.KeyNumber,
            OrdererName = request.OrdererName,
            OrdererEmail = request.OrdererEmail,
            ManagerName = request.ManagerName,
            ManagerEmail = request.ManagerEmail,
            Note = request.Note,
            Unresolved = unresolved,
        };
    }

    /// <summary>The one running employment the request names by unit (and title), or null with the reason in <paramref name="unresolved"/>.</summary>
    private static Employment? FindEmployment(
        OrderRequest request, OrderReference reference, IReadOnlyCollection<Employment> employments,
        Dictionary<OrderFieldKey, string> unresolved)
    {
        if (string.IsNullOrWhiteSpace(request.EmploymentUnit))
        {
            unresolved[OrderField.Employment] = "Ange verksamheten för anställningen som ändras.";
            return null;
        }

        var unit = Match(reference.Units, u => u.Name, request.EmploymentUnit, OrderField.Employment, "verksamhet", unresolved);
        var title = Match(reference.Titles, t => t.Name, request.EmploymentTitle, OrderField.Employment, "titel", unresolved);
        if (unit is null || (title is null && !string.IsNullOrWhiteSpace(request.EmploymentTitle)))
        {
            return null;
        }

        var inUnit = employments
            .Where(e => e.UnitId == unit.Id && !e.IsEnded && (request.StartDate is not { } start || e.IsCurrentOn(start)))
            .ToList();
        var matches = title is null ? inUnit : [.. inUnit.Where(e => e.TitleId == title.Id)];
        switch (matches.Count)
        {
            case 1:
                return matches[0];
            case 0:
                unresolved[OrderField.Employment] = title is null
                    ? $"Medarbetaren har ingen pågående anställning i {unit.Name}."
                    : $"Medarbetaren har ingen pågående anställning som {title.Name} i {unit.Name}.";
                return null;
            default:
                unresolved[OrderField.Employment] =
                    $"Medarbetaren har {matches.Count} anställningar i {unit.Name}. Ange titeln för den som ändras ({string.Join(", ", matches.Select(e => e.TitleName ?? "utan titel").Distinct())}).";
                return null;
        }
    }

    private static T? Match<T>(
        IReadOnlyList<T> items, Func<T, string> name, string? wanted, OrderFieldKey field, string noun,
        Dictionary<OrderFieldKey, string> unresolved)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(wanted))
        {
            return null;
        }

        var match = items.FirstOrDefault(i => NameEquals(name(i), wanted));
        if (match is null)
        {
            unresolved[field] = $"Det finns ingen {noun} som heter \"{Quote(wanted)}\".";
        }

        return match;
    }

    private static bool NameEquals(string a, string? b) =>
        string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Names are quoted back to the sender; a very long one is cut so the message stays readable.</summary>
    private static string Quote(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 80 ? trimmed : trimmed[..80] + "…";
    }
}
