namespace SocItConsole.Shared.Orders;

/// <summary>
/// The e-service names titles, units, systems and levels; the console knows them by id. This turns the names into
/// ids (matched ignoring case and surrounding spaces, active or not: whether an item may be ordered is a rule) and
/// keeps, for each name it cannot match, the message the rules give in its place.
/// </summary>
public static class OrderNames
{
    public static OrderInput Resolve(OrderRequest request, OrderReference reference)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reference);
        var unresolved = new Dictionary<OrderFieldKey, string>();
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
            TitleId = Match(reference.Titles, t => t.Name, request.Title, OrderField.Title, "titel", unresolved)?.Id,
            UnitId = Match(reference.Units, u => u.Name, request.Unit, OrderField.Unit, "verksamhet", unresolved)?.Id,
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
